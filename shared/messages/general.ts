// Refusals every method can give: the dispatcher's, the host's and the store's.
import type { MessageText } from './types';

export const generalMessages = {
  'general.forbidden': { da: 'Du har ikke adgang til dette.', en: 'You do not have access to this.' },
  'general.unauthenticated': { da: 'Log ind for at bruge Flowtavle.', en: 'Sign in to use Flowtavle.' },
  'general.unknownMethod': { da: 'Ukendt metode: {method}', en: 'Unknown method: {method}' },
  'general.actorRequired': { da: 'Log ind som en person for at ændre noget.', en: 'Sign in as a person to change anything.' },
  'general.conflict': { da: 'Ændringen strider mod data i databasen og blev ikke gemt.', en: 'The change conflicts with data in the database and was not saved.' },
  'general.internal': { da: 'Der opstod en uventet fejl. Intet blev ændret.', en: 'An unexpected error occurred. Nothing was changed.' },
  'general.offline': { da: 'Ingen forbindelse til Flowtavle-værten. Prøv igen om lidt.', en: 'No connection to the Flowtavle host. Try again shortly.' },
  'general.notFound': { da: 'Findes ikke.', en: 'Does not exist.' },
} as const satisfies Record<string, MessageText>;
