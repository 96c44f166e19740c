// What the grant editor and the committee's proposals say when a grant is not plausible.
import type { MessageText } from './types';

export const grantMessages = {
  'grants.implausible': { da: 'Bevillingen blev ikke gemt: ret felterne markeret herunder.', en: 'The grant was not saved: correct the fields marked below.' },
  'grants.takstNegative': { da: 'Taksten kan ikke være negativ.', en: 'The rate cannot be negative.' },
  'grants.hoursZero': { da: 'Angiv et antal timer om ugen over 0.', en: 'Enter a number of hours per week above 0.' },
  'grants.hoursTooMany': { da: 'En uge har kun {max} timer. Angiv højst {max} timer om ugen.', en: 'A week has only {max} hours. Enter at most {max} hours per week.' },
  'grants.quantityNegative': { da: 'Antallet kan ikke være negativt.', en: 'The quantity cannot be negative.' },
  'grants.endBeforeStart': { da: 'Slutdatoen ligger før startdatoen {start}.', en: 'The end date is before the start date {start}.' },
  'grants.startTooEarly': { da: 'Startdatoen ligger mere end {years} år tilbage (før {limit}).', en: 'The start date is more than {years} years back (before {limit}).' },
  'grants.dateTooLate': { da: 'Datoen ligger mere end {years} år frem (efter {limit}).', en: 'The date is more than {years} years ahead (after {limit}).' },
  'grants.takstHigh': {
    da: 'Taksten er over {factor} gange katalogets takst for ydelsen ({catalogue} kr.). Bekræft, at den er rigtig.',
    en: 'The rate is more than {factor} times the catalogue rate for the service ({catalogue} kr.). Confirm that it is right.',
  },
} as const satisfies Record<string, MessageText>;
