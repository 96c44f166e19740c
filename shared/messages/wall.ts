// What the wall screen (vægskærmen) and its pairing say when refusing.
import type { MessageText } from './types';

export const wallMessages = {
  'wall.chooseWho': { da: 'Vælg først, hvem du er.', en: 'First choose who you are.' },
  'wall.pairLocked': { da: 'For mange forkerte koder. Prøv igen efter kl. {time}.', en: 'Too many wrong codes. Try again after {time}.' },
  'wall.pairBadCode': {
    da: 'Koden passer ikke til en skærm, der venter på at blive parret. Tjek koden på skærmen; den gælder i 15 minutter.',
    en: 'The code does not match a screen waiting to be paired. Check the code on the screen; it is valid for 15 minutes.',
  },
  'wall.deviceNotFound': { da: 'Vægskærmen findes ikke.', en: 'The wall screen does not exist.' },
} as const satisfies Record<string, MessageText>;
