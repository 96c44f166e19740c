// Data protection on the command line: the lookup log's extract for a citizen's insight request,
// the CPR scan of a store, redaction of one value and erasure of a citizen after the retention period.
import { systemContext } from '../../../shared/api/define';
import { unwrap, type ApiError } from '../../../shared/api/envelope';
import type { AccessLogExtract, CprScanResult, ErasureResult, RedactionResult } from '../../../shared/api/methods/privacy';
import { isIsoDate } from '../../../shared/dates';
import { formatDate, formatDateTime } from '../../../shared/format';
import { DB_OPTION, intOption, JSON_OPTION, printJson, requiredString, stringOption, UsageError, type Command } from '../command';
import { withExistingStore } from '../store';
import type { AccountsRow } from '../../../db/schema';

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

const scanCommand: Command = {
  name: 'scan',
  summary: 'Find CPR-lignende tekst, der allerede er gemt (alle tabellers tekstkolonner og hændelsesloggen); viser hvor, maskeret (010190-XXXX)',
  usage: 'privacy scan --db PATH [--json]',
  options: { ...DB_OPTION, ...JSON_OPTION },
  run(values) {
    return withExistingStore(values, (service) => {
      const scan = unwrap(service.dispatch('scanPrivacy', {}, systemContext())) as CprScanResult;
      if (values.json) {
        printJson(scan);
        return 0;
      }
      console.log(`Gennemsøgt: ${scan.scannedTables} tabeller, ${scan.scannedRows} rækker.`);
      if (scan.findings.length === 0) console.log('Ingen CPR-lignende tekst fundet.');
      for (const f of scan.findings) {
        const where = f.rowId !== null ? `række ${f.rowId}` : JSON.stringify(f.key);
        console.log(`  ${f.table}.${f.column}  ${where}  ${f.masked}${f.count > 1 ? ` (+${f.count - 1})` : ''}${f.redactable ? '' : '  (kan ikke redigeres her)'}`);
      }
      // A finding is an answer, not a failure of the command: scripts read --json.
      return 0;
    });
  },
};

function refused(values: Record<string, unknown>, error: ApiError): number {
  if (values.json) printJson({ ok: false, error });
  else console.error(`Fejl: ${error.message}`);
  return 1;
}

/** The administrator the CLI acts as, for the event log: --as ID, else the first active administrator. */
function adminActor(service: { db: import('../../../db/connection').Db }, values: Record<string, unknown>): number | null {
  const given = intOption(values, 'as');
  if (given !== undefined) return given;
  const row = service.db
    .prepare<[], Pick<AccountsRow, 'person_id'>>('SELECT person_id FROM accounts WHERE administrator = 1 AND active = 1 ORDER BY person_id LIMIT 1')
    .get();
  return row?.person_id ?? null;
}

const redactCommand: Command = {
  name: 'redact',
  summary: 'Fjern CPR-lignende tekst (eller hele teksten med --whole) fra ét felt og fra alle hændelser, der bærer den; redaktionen logges uden værdien',
  usage: 'privacy redact --db PATH --table T --column C --row N --reason "…" [--whole] [--as PERSON-ID] [--json]',
  options: { ...DB_OPTION, table: { type: 'string' }, column: { type: 'string' }, row: { type: 'string' }, reason: { type: 'string' }, whole: { type: 'boolean' }, as: { type: 'string' }, ...JSON_OPTION },
  run(values) {
    const table = requiredString(values, 'table');
    const column = requiredString(values, 'column');
    const rowId = intOption(values, 'row');
    if (rowId === undefined || rowId < 1) throw new UsageError('--row mangler (rækkens nummer fra "privacy scan").');
    const reason = requiredString(values, 'reason');
    return withExistingStore(values, (service) => {
      const envelope = service.dispatch('redactValue', { table, column, rowId, reason, whole: values.whole === true }, systemContext(adminActor(service, values)));
      if (!envelope.ok) return refused(values, envelope.error);
      const result = envelope.value as RedactionResult;
      if (values.json) printJson(result);
      else console.log(`Fjernet fra ${table}.${column} række ${rowId} (${result.replaced} forekomst${result.replaced === 1 ? '' : 'er'}) og fra ${result.eventsChanged} hændelse${result.eventsChanged === 1 ? '' : 'r'}. Redaktionen er logget som hændelse ${result.eventId}.`);
      return 0;
    });
  },
};

const eraseCommand: Command = {
  name: 'erase',
  summary: 'Slet en borgers oplysninger efter opbevaringsperioden: reference → SLETTET-<id>, initialer → –, sagernes fritekst fjernet; tallene bevares',
  usage: 'privacy erase --db PATH --citizen REF --reason "…" [--as PERSON-ID] [--json]',
  options: { ...DB_OPTION, citizen: { type: 'string' }, reason: { type: 'string' }, as: { type: 'string' }, ...JSON_OPTION },
  run(values) {
    const citizenRef = requiredString(values, 'citizen');
    const reason = requiredString(values, 'reason');
    return withExistingStore(values, (service) => {
      const envelope = service.dispatch('eraseCitizen', { citizenRef, reason }, systemContext(adminActor(service, values)));
      if (!envelope.ok) return refused(values, envelope.error);
      const result = envelope.value as ErasureResult;
      if (values.json) printJson(result);
      else console.log(`Borgeren hedder nu ${result.newRef}: ${result.cases} sager, ${result.fieldsCleared} fritekstfelter og ${result.eventsChanged} hændelser er renset. Sletningen er logget som hændelse ${result.eventId}.`);
      return 0;
    });
  },
};

const PRIVACY_SUBCOMMANDS: readonly Command[] = [scanCommand, redactCommand, eraseCommand];

/** `privacy scan|redact|erase`: one command with subcommands, like `devices list|revoke`. */
const privacyCommand: Command = {
  name: 'privacy',
  summary: 'Databeskyttelse: privacy scan finder CPR-lignende tekst; privacy redact fjerner den fra et felt og hændelsesloggen; privacy erase sletter en borgers oplysninger efter opbevaringsperioden',
  usage: [scanCommand.usage, redactCommand.usage, eraseCommand.usage].join('\n  '),
  options: Object.assign({}, ...PRIVACY_SUBCOMMANDS.map((c) => c.options)),
  allowPositionals: true,
  run(values, positionals) {
    const [action, ...extra] = positionals;
    const sub = PRIVACY_SUBCOMMANDS.find((c) => c.name === action);
    if (!sub || extra.length) throw new UsageError('Skriv "privacy scan", "privacy redact" eller "privacy erase".');
    const unknown = Object.keys(values).filter((k) => values[k] !== undefined && !(k in sub.options));
    if (unknown.length) throw new UsageError(`privacy ${sub.name} kender ikke ${unknown.map((k) => `--${k}`).join(', ')}.`);
    return sub.run(values, []);
  },
};

export const privacyCommands: readonly Command[] = [accessLogCommand, privacyCommand];
