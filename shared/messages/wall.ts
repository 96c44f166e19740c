// What the wall screen (vægskærmen) and its pairing say when refusing.
import type { MessageText } from './types';

export const wallMessages = {
  'wall.chooseWho': { da: 'Vælg først, hvem du er.', en: 'First choose who you are.' },
  'wall.deviceNotFound': { da: 'Vægskærmen findes ikke.', en: 'The wall screen does not exist.' },
} as const satisfies Record<string, MessageText>;
