// What account and session administration says when refusing.
import type { MessageText } from './types';

export const accountMessages = {
  'accounts.noAccount': { da: '{name} har ingen konto endnu.', en: '{name} has no account yet.' },
  'accounts.personNoAccount': { da: 'Personen har ingen konto endnu.', en: 'The person has no account yet.' },
  'accounts.inactive': { da: '{name} er ikke længere aktiv og kan ikke få en konto.', en: '{name} is no longer active and cannot get an account.' },
  'accounts.hasAccount': {
    da: '{name} har allerede en konto ({login}). Nulstil adgangskoden i stedet.',
    en: '{name} already has an account ({login}). Reset the password instead.',
  },
  'accounts.loginTaken': { da: 'Brugernavnet "{login}" er allerede i brug. Vælg et andet.', en: 'The user name "{login}" is already in use. Choose another.' },
  'accounts.noSuchLogin': { da: 'Der er ingen konto med brugernavnet "{login}".', en: 'There is no account with the user name "{login}".' },
  'accounts.ownReset': {
    da: 'Du kan ikke nulstille din egen adgangskode her. Skift den under din profil, eller bed en anden administrator.',
    en: 'You cannot reset your own password here. Change it under your profile, or ask another administrator.',
  },
  'accounts.passwordChosen': {
    da: '{name} har allerede valgt en adgangskode. Bed en administrator om at nulstille den.',
    en: '{name} has already chosen a password. Ask an administrator to reset it.',
  },
  'accounts.locked': {
    da: '{name}s konto er spærret. Åbn den, før du laver en ny engangskode.',
    en: '{name}’s account is locked. Unlock it before you make a new one-time code.',
  },
  'accounts.lockAdminOnly': { da: 'Kun en administrator kan spærre {name}s konto.', en: 'Only an administrator can lock {name}’s account.' },
  'accounts.lastAdmin': {
    da: '{name} er den sidste aktive administrator. Giv en anden administratorrettigheder først.',
    en: '{name} is the last active administrator. Give someone else administrator rights first.',
  },
  'accounts.sessionNotFound': { da: 'Sessionen findes ikke eller er allerede afsluttet.', en: 'The session does not exist or has already ended.' },
  'accounts.ownSession': { da: 'Det er din egen session. Log ud for at afslutte den.', en: 'That is your own session. Sign out to end it.' },
} as const satisfies Record<string, MessageText>;
