// What redaction of CPR numbers and erasure of a citizen say when refused.
import type { MessageText } from './types';

export const privacyMessages = {
  'privacy.notRedactable': {
    da: '{target} kan ikke redigeres: kun fritekstfelter kan få tekst fjernet (fx sagens noter eller en blokeringsårsag).',
    en: '{target} cannot be edited: only free-text fields can have text removed (e.g. the case’s notes or a blocking reason).',
  },
  'privacy.rowNotFound': { da: 'Rækken findes ikke.', en: 'The row does not exist.' },
  'privacy.emptyOrRemoved': { da: 'Feltet er tomt eller allerede fjernet.', en: 'The field is empty or already removed.' },
  'privacy.noCprInField': {
    da: 'Feltet indeholder ikke noget, der ligner et CPR-nummer. Vælg at fjerne hele teksten, hvis den skal væk.',
    en: 'The field contains nothing that looks like a CPR number. Choose to remove the whole text if it must go.',
  },
  'privacy.notCpr': { da: 'Teksten ligner ikke et CPR-nummer.', en: 'The text does not look like a CPR number.' },
  'privacy.citizenNotFound': { da: 'Borgeren {ref} findes ikke.', en: 'The citizen {ref} does not exist.' },
  'privacy.openCases': {
    da: 'Borgeren har {count} åbne sager ({cases}). Oplysningerne kan først slettes, når alle sager er afsluttet og {years} år er gået.',
    en: 'The citizen has {count} open cases ({cases}). The data can only be erased when all cases are closed and {years} years have passed.',
  },
  'privacy.openCase': {
    da: 'Borgeren har en åben sag ({cases}). Oplysningerne kan først slettes, når alle sager er afsluttet og {years} år er gået.',
    en: 'The citizen has an open case ({cases}). The data can only be erased when all cases are closed and {years} years have passed.',
  },
  'privacy.recentlyClosed': {
    da: 'Borgerens sag {cases} blev afsluttet {closed}. Oplysningerne gemmes i {years} år efter afslutningen og kan tidligst slettes {allowedFrom}.',
    en: 'The citizen’s case {cases} was closed on {closed}. The data is kept for {years} years after closing and can be erased on {allowedFrom} at the earliest.',
  },
} as const satisfies Record<string, MessageText>;
