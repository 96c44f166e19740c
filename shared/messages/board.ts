// What the board says when a move, a column change or a card edit is refused.
import type { MessageText } from './types';

export const boardMessages = {
  'board.wipReasonField': { da: 'Begrundelse kræves for at overskride WIP-grænsen.', en: 'A reason is required to exceed the WIP limit.' },
  'board.wipColumn': {
    da: 'Kolonnen "{column}" har nået sin WIP-grænse ({count} af {limit}). Angiv en begrundelse for at gå over grænsen.',
    en: 'The column "{column}" has reached its WIP limit ({count} of {limit}). Give a reason to exceed the limit.',
  },
  'board.wipPerson': {
    da: '{person} har nået sin personlige WIP-grænse ({count} af {limit} aktive sager). Angiv en begrundelse for at gå over grænsen.',
    en: '{person} has reached their personal WIP limit ({count} of {limit} active cases). Give a reason to exceed the limit.',
  },
  'board.wipBoth': {
    da: 'Kolonnen "{column}" har nået sin WIP-grænse ({columnCount} af {columnLimit}), og {person} har nået sin personlige WIP-grænse ({personCount} af {personLimit} aktive sager). Angiv en begrundelse for at gå over grænsen.',
    en: 'The column "{column}" has reached its WIP limit ({columnCount} of {columnLimit}), and {person} has reached their personal WIP limit ({personCount} of {personLimit} active cases). Give a reason to exceed the limit.',
  },
  'board.undoNotAMove': { da: 'Hændelsen er ikke en flytning af kortet.', en: 'The event is not a move of the card.' },
  'board.undoNotLatest': {
    da: 'Kortet er ændret siden flytningen, så den kan ikke fortrydes. Flyt kortet tilbage i stedet.',
    en: 'The card has changed since the move, so it cannot be undone. Move the card back instead.',
  },
  'board.undoOtherPerson': {
    da: 'Kun den, der flyttede kortet, kan fortryde flytningen. Flyt kortet tilbage i stedet.',
    en: 'Only the person who moved the card can undo the move. Move the card back instead.',
  },
  'board.undoTooOld': { da: 'Flytningen er for gammel til at fortryde. Flyt kortet tilbage i stedet.', en: 'The move is too old to undo. Move the card back instead.' },
  'board.replayNotOfCase': { da: 'Hændelsen, der skal fortrydes, hører ikke til sagen.', en: 'The event to undo does not belong to the case.' },
  'board.unknownEventOfCase': { da: 'Ukendt hændelse for denne sag.', en: 'Unknown event for this case.' },
  'board.columnNameTaken': { da: 'Tavlen har allerede en kolonne, der hedder "{name}".', en: 'The board already has a column called "{name}".' },
  'board.columnNameTakenField': { da: 'Navnet er allerede brugt på tavlen.', en: 'The name is already used on the board.' },
  'board.beforeOtherColumn': { da: 'Kortet, der skal placeres over, står i en anden kolonne.', en: 'The card to place above is in another column.' },
  'board.beforeOtherColumnField': { da: 'Kortet står ikke i målkolonnen.', en: 'The card is not in the target column.' },
  'board.noDoneColumn': { da: 'Tavlen har ingen færdig-kolonne med det id.', en: 'The board has no done column with that id.' },
  'board.noDoneColumnField': { da: 'Ikke en færdig-kolonne på tavlen.', en: 'Not a done column on the board.' },
  'board.columnNotOnBoard': { da: 'Kolonnen findes ikke på sagens tavle.', en: 'The column is not on the case’s board.' },
  'board.columnNotOfTeam': { da: 'Kolonnen hører ikke til sagens team.', en: 'The column does not belong to the case’s team.' },
  'board.beforeItself': { da: 'Et kort kan ikke placeres over sig selv.', en: 'A card cannot be placed above itself.' },
  'board.beforeItselfField': { da: 'Må ikke være det flyttede kort.', en: 'Must not be the card being moved.' },
  'board.moveNotOfCase': { da: 'Flytningen, der skal fortrydes, hører ikke til sagen.', en: 'The move to undo does not belong to the case.' },
  'board.assigneeNotInTeam': { da: 'Sagen kan kun gives til en aktiv medarbejder i teamet.', en: 'The case can only be given to an active employee of the team.' },
  'board.assigneeNotInTeamField': { da: 'Ikke en medarbejder i sagens team.', en: 'Not an employee of the case’s team.' },
  'board.notBlocked': {
    da: 'Sagen er ikke blokeret; sæt den som blokeret for at angive en begrundelse.',
    en: 'The case is not blocked; mark it as blocked to give a reason.',
  },
  'board.notBlockedField': { da: 'Skal være sand, når en begrundelse angives.', en: 'Must be true when a reason is given.' },
  'board.assessmentInFuture': { da: 'En vurdering kan ikke dateres i fremtiden.', en: 'An assessment cannot be dated in the future.' },
  'board.assessmentInFutureField': { da: 'Datoen ligger efter i dag.', en: 'The date is after today.' },
  'board.expectedBeforeAssessment': {
    da: 'Den forventede progression skal gælde en dato efter vurderingen.',
    en: 'The expected progression must apply to a date after the assessment.',
  },
  'board.expectedBeforeAssessmentField': { da: 'Skal ligge efter vurderingsdatoen.', en: 'Must be after the assessment date.' },
  'board.columnHasCards': {
    da: 'Kolonnen "{name}" har {count} kort. Flyt dem til en anden kolonne, før kolonnen fjernes.',
    en: 'The column "{name}" has {count} cards. Move them to another column before the column is removed.',
  },
  'board.columnHasCardsField': { da: 'Kolonnen har kort.', en: 'The column has cards.' },
  'board.lastColumn': { da: 'Tavlen skal have mindst én kolonne.', en: 'The board must have at least one column.' },
  'board.lastColumnField': { da: 'Tavlens sidste kolonne.', en: 'The board’s last column.' },
} as const satisfies Record<string, MessageText>;
