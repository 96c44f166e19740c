// What grants, the rate catalogue (takstkataloget) and the economy views say when refusing.
import type { MessageText } from './types';

export const economyMessages = {
  'economy.serviceNotInCatalogue': { da: 'Ydelsen findes ikke i takstkataloget.', en: 'The service is not in the rate catalogue.' },
  'economy.serviceNotFound': { da: 'Ydelsen findes ikke.', en: 'The service does not exist.' },
  'economy.providerNotInCatalogue': { da: 'Leverandøren findes ikke i takstkataloget.', en: 'The provider is not in the rate catalogue.' },
  'economy.providerNotFound': { da: 'Leverandøren findes ikke.', en: 'The provider does not exist.' },
  'economy.grantNotOfCase': { da: 'Bevillingen hører ikke til sagen.', en: 'The grant does not belong to the case.' },
  'economy.grantNotOfCaseField': { da: 'Hører ikke til sagen.', en: 'Does not belong to the case.' },
  'economy.endBeforeStart': { da: 'En bevilling kan ikke ophøre, før den begynder.', en: 'A grant cannot end before it begins.' },
  'economy.endBeforeStartField': { da: 'Før bevillingens startdato.', en: 'Before the grant’s start date.' },
  'economy.alreadyEnds': { da: 'Bevillingen ophører allerede {date}.', en: 'The grant already ends on {date}.' },
  'economy.alreadyEndsField': { da: 'Bevillingen ophører allerede tidligere.', en: 'The grant already ends earlier.' },
} as const satisfies Record<string, MessageText>;
