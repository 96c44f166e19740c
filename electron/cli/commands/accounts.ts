// `account list|create|reset|disable|enable` and `sessions list|end`: the administrator's account
// work on the store's own machine. Every call goes through the dispatcher as the command line
// (systemContext), so a reset or a disabled account ends the person's sessions exactly as the
// Konti page does; a running host notices within a second and closes their change streams.
import { systemContext } from '../../../shared/api/define';
import type { Envelope } from '../../../shared/api/envelope';
import type { AccountSummary, SetupCodeIssued, SignInSession } from '../../../shared/api/methods/accounts';
import { formatDateTime } from '../../../shared/format';
import type { Role } from '../../../shared/domain';
import type { Service } from '../../../db/service';
import { DB_OPTION, intOption, JSON_OPTION, printJson, requiredString, UsageError, type Command } from '../command';
import { withExistingStore } from '../store';

const ROLE_DA: Record<Role, string> = {
  caseworker: 'sagsbehandler', leader: 'leder', department_head: 'visitationschef', secretariat: 'sekretariat', administrator: 'administrator',
};

/** A refusal the person at the keyboard can fix (a taken login, an unknown person) exits 2 like a bad argument. */
const USER_ERRORS = new Set(['invalid_input', 'not_found', 'conflict', 'forbidden']);

function call<T>(service: Service, method: string, input: unknown): T {
  const envelope = service.dispatch(method, input, systemContext()) as Envelope<T>;
  if (envelope.ok) return envelope.value;
  const fields = envelope.error.fields?.length && envelope.error.code !== 'conflict' ? ` (${envelope.error.fields.map((f) => `${f.field}: ${f.message}`).join('; ')})` : '';
  if (USER_ERRORS.has(envelope.error.code)) throw new UsageError(`${envelope.error.message}${fields}`);
  throw new Error(envelope.error.message);
}

function personByLogin(service: Service, login: string): AccountSummary {
  const found = call<AccountSummary[]>(service, 'listAccounts', {}).find((a) => a.login !== null && a.login.toLowerCase() === login.trim().toLowerCase());
  if (!found) throw new UsageError(`Der er ingen konto med brugernavnet "${login}". Se "account list".`);
  return found;
}

function printCode(issued: SetupCodeIssued, what: string): void {
  console.log(`${what} for ${issued.account.name} (brugernavn ${issued.account.login}).`);
  console.log('');
  console.log(`  Engangskode: ${issued.setupCode}`);
  console.log('');
  console.log(`Koden vises kun nu og gælder til ${formatDateTime(issued.setupExpiresAt)}. Giv den personligt til ${issued.account.name},`);
  console.log('som åbner Flowtavle, vælger "Har du en engangskode?" på log ind-siden og vælger sin adgangskode.');
}

function codeJson(issued: SetupCodeIssued): Record<string, unknown> {
  return { personId: issued.account.personId, login: issued.account.login, setupCode: issued.setupCode, setupExpiresAt: issued.setupExpiresAt };
}

const ACTIONS = ['list', 'create', 'reset', 'disable', 'enable'] as const;

export const accountCommand: Command = {
  name: 'account',
  summary: 'Konti: account list viser personer og deres konti; create giver en person en konto og en engangskode; reset nulstiller adgangskoden (ny engangskode, sessioner afsluttes); disable/enable spærrer og åbner en konto',
  usage: 'account list|create|reset|disable|enable [--db PATH] [--person ID] [--login NAVN] [--team ID] [--json]',
  options: { ...DB_OPTION, person: { type: 'string' }, login: { type: 'string' }, team: { type: 'string' }, ...JSON_OPTION },
  allowPositionals: true,
  run(values, positionals) {
    const [action, ...extra] = positionals;
    if (extra.length || !(ACTIONS as readonly string[]).includes(action ?? '')) {
      throw new UsageError('Skriv "account list", "account create --person ID --login NAVN", "account reset --login NAVN", "account disable --login NAVN" eller "account enable --login NAVN".');
    }
    // Check every argument before the store is opened, so a typo never half-runs.
    const personId = action === 'create' ? intOption(values, 'person') : undefined;
    if (action === 'create' && (personId === undefined || personId < 1)) throw new UsageError('--person mangler (personens nummer fra "account list").');
    const login = action === 'list' ? undefined : requiredString(values, 'login');
    const teamId = action === 'list' ? intOption(values, 'team') : undefined;
    if (teamId !== undefined && teamId < 1) throw new UsageError('--team skal være et positivt helt tal.');
    return withExistingStore(values, (service) => {
      switch (action) {
        case 'list': {
          const accounts = call<AccountSummary[]>(service, 'listAccounts', teamId ? { teamId } : {});
          if (values.json) {
            // The issue names these fields for scripts; the page's extra facts stay out of the JSON.
            printJson(accounts.map((a) => ({ personId: a.personId, name: a.name, login: a.login, role: a.role, teamId: a.teamId, active: a.active })));
            return 0;
          }
          if (accounts.length === 0) console.log('Ingen personer.');
          for (const a of accounts) {
            const state = a.login === null ? 'ingen konto' : !a.active ? 'spærret' : a.hasPassword ? 'aktiv' : 'venter på engangskode';
            const team = a.teamId === null ? '' : `, team ${a.teamId}`;
            const seen = a.lastSignInAt ? `; sidst logget ind ${formatDateTime(a.lastSignInAt)}` : '';
            console.log(`#${a.personId}  ${a.name}  (${ROLE_DA[a.role]}${team}${a.administrator && a.role !== 'administrator' ? ', administrator' : ''})  ${a.login ?? '–'}  ${state}${seen}`);
          }
          return 0;
        }
        case 'create': {
          const issued = call<SetupCodeIssued>(service, 'createAccount', { personId, login });
          if (values.json) printJson(codeJson(issued));
          else printCode(issued, 'Kontoen er oprettet');
          return 0;
        }
        case 'reset': {
          const issued = call<SetupCodeIssued & { sessionsEnded: number }>(service, 'resetPassword', { login });
          if (values.json) printJson({ ...codeJson(issued), sessionsEnded: issued.sessionsEnded });
          else {
            printCode(issued, 'Adgangskoden er nulstillet');
            console.log(`${issued.sessionsEnded} åbne sessioner er afsluttet.`);
          }
          return 0;
        }
        default: {
          const active = action === 'enable';
          const person = personByLogin(service, login!);
          const result = call<AccountSummary & { sessionsEnded: number }>(service, 'setAccountActive', { personId: person.personId, active });
          if (values.json) printJson({ personId: result.personId, login: result.login, active: result.active, sessionsEnded: result.sessionsEnded });
          else if (active) console.log(`${result.name}s konto (${result.login}) er åbnet igen.`);
          else console.log(`${result.name}s konto (${result.login}) er spærret. ${result.sessionsEnded} åbne sessioner er afsluttet.`);
          return 0;
        }
      }
    });
  },
};

const METHOD_DA: Record<SignInSession['method'], string> = { password: 'adgangskode', oidc: 'single sign-on', device: 'vægskærm', desktop: 'skrivebordsprogram' };

export const sessionsCommand: Command = {
  name: 'sessions',
  summary: 'Åbne log ind-sessioner: sessions list viser dem, sessions end --id N afslutter en (dens forbindelse lukkes straks)',
  usage: 'sessions list|end [--db PATH] [--id N] [--person ID] [--json]',
  options: { ...DB_OPTION, id: { type: 'string' }, person: { type: 'string' }, ...JSON_OPTION },
  allowPositionals: true,
  run(values, positionals) {
    const [action, ...extra] = positionals;
    if (extra.length || (action !== 'list' && action !== 'end')) throw new UsageError('Skriv "sessions list" eller "sessions end --id N".');
    const id = action === 'end' ? intOption(values, 'id') : undefined;
    if (action === 'end' && (id === undefined || id < 1)) throw new UsageError('--id mangler (sessionens nummer fra "sessions list").');
    const personId = action === 'list' ? intOption(values, 'person') : undefined;
    if (personId !== undefined && personId < 1) throw new UsageError('--person skal være et positivt helt tal.');
    return withExistingStore(values, (service) => {
      if (action === 'list') {
        const sessions = call<SignInSession[]>(service, 'listSessions', personId ? { personId } : {});
        if (values.json) printJson(sessions);
        else if (sessions.length === 0) console.log('Ingen åbne sessioner.');
        else {
          for (const s of sessions) {
            const who = s.kind === 'device' ? `vægskærm ${s.deviceLabel ?? `#${s.deviceId}`}` : `${s.name} (${s.login ?? '–'})`;
            console.log(`#${s.id}  ${who}  via ${METHOD_DA[s.method]}  fra ${s.remoteAddress}; startet ${formatDateTime(s.createdAt)}, sidst aktiv ${formatDateTime(s.lastSeenAt)}`);
          }
        }
        return 0;
      }
      const ended = call<{ sessionId: number; ended: true }>(service, 'endSession', { sessionId: id });
      if (values.json) printJson(ended);
      else console.log(`Session ${ended.sessionId} er afsluttet. En kørende Flowtavle-vært lukker dens forbindelse inden for et sekund.`);
      return 0;
    });
  },
};

export const accountCommands: Command[] = [accountCommand, sessionsCommand];
