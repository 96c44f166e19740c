// Data protection on the command line: the lookup log's extract for a citizen's insight request.
import { systemContext } from '../../../shared/api/define';
import { unwrap } from '../../../shared/api/envelope';
import type { AccessLogExtract } from '../../../shared/api/methods/privacy';
import { isIsoDate } from '../../../shared/dates';
import { formatDate, formatDateTime } from '../../../shared/format';
import { DB_OPTION, JSON_OPTION, printJson, requiredString, stringOption, UsageError, type Command } from '../command';
import { withExistingStore } from '../store';

const ROLE_NAMES: Record<string, string> = {
  caseworker: 'rådgiver', leader: 'leder', department_head: 'visitationschef', secretariat: 'sekretariatet', administrator: 'administrator', wall: 'vægskærm',
};

function optionalDate(values: Record<string, unknown>, name: string): string | undefined {
  const value = stringOption(values, name);
  if (value !== undefined && !isIsoDate(value)) throw new UsageError(`--${name} skal være en dato på formen ÅÅÅÅ-MM-DD (fik "${value}").`);
  return value;
}

const accessLogCommand: Command = {
  name: 'access-log',
  summary: 'Logningen af opslag for én borger (til en indsigtsanmodning): hvornår, hvilken skærm, hvilken rolle og hvilket team; navne kun med --with-names',
  usage: 'access-log --db PATH --citizen REF [--from ÅÅÅÅ-MM-DD --to ÅÅÅÅ-MM-DD] [--with-names] [--json]',
  options: { ...DB_OPTION, citizen: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, 'with-names': { type: 'boolean' }, ...JSON_OPTION },
  run(values) {
    const citizenRef = requiredString(values, 'citizen');
    const from = optionalDate(values, 'from');
    const to = optionalDate(values, 'to');
    if (from && to && from > to) throw new UsageError('--from skal ligge før eller på --to.');
    return withExistingStore(values, (service) => {
      const extract = unwrap(service.dispatch('getAccessLog', {
        citizenRef, ...(from ? { from } : {}), ...(to ? { to } : {}), withEmployees: values['with-names'] === true,
      }, systemContext())) as AccessLogExtract;
      if (values.json) {
        printJson(extract);
        return 0;
      }
      console.log(`Opslag i oplysninger om borger ${extract.citizenRef}, ${formatDate(extract.from)}–${formatDate(extract.to)} (opslag gemmes i ${extract.retentionMonths} måneder)`);
      if (extract.entries.length === 0) console.log('  Ingen opslag i perioden.');
      for (const e of extract.entries) {
        const who = [e.role ? ROLE_NAMES[e.role] ?? e.role : 'kommandolinjen', e.teamName ? `i ${e.teamName}` : null, e.personName ? `(${e.personName})` : null].filter(Boolean).join(' ');
        console.log(`  ${formatDateTime(e.at)}  ${e.purpose}  –  ${who}`);
      }
      return 0;
    });
  },
};

export const privacyCommands: readonly Command[] = [accessLogCommand];
