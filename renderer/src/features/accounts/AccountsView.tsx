// Konti: a leader gives the people of their team an account and hands each a one-time set-up
// code; an administrator also resets passwords, disables accounts and ends sign-in sessions. Who
// may do what is the contract's declaration (stores/permissions.ts asks it); the host refuses the
// rest anyway. A set-up code lives only in this component's state until it is dismissed.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { actsDepartmentWide } from '../../../../shared/api/define';
import type { Envelope } from '../../../../shared/api/envelope';
import type { AccountSummary, SetupCodeIssued, SignInSession } from '../../../../shared/api/methods/accounts';
import { formatDate, formatDateTime } from '../../../../shared/format';
import { api } from '../../api/client';
import { useLive } from '../../stores/live';
import { can } from '../../stores/permissions';
import { useSession } from '../../stores/session';
import './accounts.css';
import { ScrollTable } from '../../components/TableHead';

type Message = { kind: 'ok' | 'error'; text: string };
type Issued = SetupCodeIssued & { how: 'created' | 'reset' | 'renewed'; sessionsEnded?: number };
type Pending = { personId: number; action: 'reset' | 'disable' } | null;
type Locale = 'da' | 'en';

function statusOf(a: AccountSummary, now: number): 'none' | 'active' | 'waiting' | 'expired' | 'disabled' {
  if (a.login === null) return 'none';
  if (!a.active) return 'disabled';
  if (a.hasPassword) return 'active';
  return a.setupExpiresAt && new Date(a.setupExpiresAt).getTime() > now ? 'waiting' : 'expired';
}

/** The login a new account is offered: the initials in lower case, as the demo and most municipalities do. */
function suggestedLogin(a: AccountSummary): string {
  return a.initials.toLowerCase().replace(/[^\p{L}\p{N}._@-]/gu, '');
}

export default function AccountsView() {
  const { t, i18n } = useTranslation('accounts');
  const locale: Locale = i18n.language === 'en' ? 'en' : 'da';
  const actor = useSession((s) => s.actor);
  const teams = useSession((s) => s.teams);
  const revision = useLive((s) => s.revision);
  const departmentWide = actor !== null && actsDepartmentWide(actor.roles);
  const isAdministrator = actor?.roles.includes('administrator') ?? false;
  const mayCreate = can(actor, 'createAccount');
  const mayRenew = can(actor, 'renewSetupCode');
  const mayReset = can(actor, 'resetPassword');
  const mayToggle = can(actor, 'setAccountActive');
  const maySessions = can(actor, 'listSessions');

  // A leader looks after their own team; department-wide roles choose a team or the whole department.
  const [scope, setScope] = useState<number | 'all'>('all');
  const teamId = departmentWide ? (scope === 'all' ? null : scope) : actor?.teamId ?? null;
  const [accounts, setAccounts] = useState<AccountSummary[] | null>(null);
  const [sessions, setSessions] = useState<SignInSession[] | null>(null);
  const [creating, setCreating] = useState<{ personId: number; login: string; error: string | null } | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [endingSession, setEndingSession] = useState<number | null>(null);
  const [issued, setIssued] = useState<Issued | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const [search, setSearch] = useState('');

  const load = useCallback(async () => {
    const e = await api.listAccounts(teamId === null ? {} : { teamId });
    if (e.ok) setAccounts(e.value);
    else setMessage({ kind: 'error', text: e.error.message });
    if (maySessions) {
      const s = await api.listSessions({});
      if (s.ok) setSessions(s.value);
    }
  }, [teamId, maySessions]);
  useEffect(() => {
    void load();
  }, [load, revision]);

  async function run<T>(work: () => Promise<Envelope<T>>, done: (value: T) => void): Promise<void> {
    setBusy(true);
    setMessage(null);
    const e = await work();
    setBusy(false);
    if (e.ok) done(e.value);
    else setMessage({ kind: 'error', text: e.error.message });
    void load();
  }

  async function create(event: FormEvent) {
    event.preventDefault();
    if (!creating) return;
    setBusy(true);
    const e = await api.createAccount({ personId: creating.personId, login: creating.login });
    setBusy(false);
    if (!e.ok) {
      // A taken or malformed login belongs beside the field; other refusals above the table.
      const field = e.error.fields?.find((f) => f.field === 'login');
      if (field) setCreating({ ...creating, error: field.message });
      else setMessage({ kind: 'error', text: e.error.message });
      return;
    }
    setCreating(null);
    setIssued({ ...e.value, how: 'created' });
    void load();
  }

  const who = (s: SignInSession) => (s.kind === 'device' ? t('sessions.device', { label: s.deviceLabel ?? `#${s.deviceId}` }) : `${s.name ?? '–'} (${s.login ?? '–'})`);
  const teamName = (id: number | null) => (id === null ? null : teams.find((team) => team.id === id)?.name ?? null);
  const now = Date.now();
  const withAccount = (accounts ?? []).filter((a) => a.login !== null).length;
  // The whole department is some seventy people: find one by name, initials or login.
  const needle = search.trim().toLocaleLowerCase('da');
  const shown = needle === '' ? accounts ?? [] : (accounts ?? []).filter((a) =>
    [a.name, a.initials, a.login ?? ''].some((text) => text.toLocaleLowerCase('da').includes(needle)));

  return (
    <div data-feature="accounts" className="accounts-view">
      <h1>{t('title')}</h1>
      <p className="accounts-intro">{isAdministrator ? t('introAdmin') : t('introLeader')}</p>

      {issued && <SetupCodePanel issued={issued} locale={locale} onDone={() => setIssued(null)} />}
      {message && <p className={`accounts-message page-message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}

      <section className="accounts-panel" aria-labelledby="accounts-people">
        <div className="accounts-panel-head">
          <h2 id="accounts-people">{teamName(teamId) ?? (departmentWide ? t('allTeams') : t('title'))}</h2>
          {accounts && <span className="accounts-count">{t('summary', { withAccount, total: accounts.length })}</span>}
          <label className="accounts-search">
            <span>{t('search')}</span>
            <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('searchPlaceholder')} />
          </label>
          {departmentWide && (
            <label className="accounts-scope">
              <span>{t('scope')}</span>
              <select value={scope} onChange={(e) => setScope(e.target.value === 'all' ? 'all' : Number(e.target.value))}>
                <option value="all">{t('allTeams')}</option>
                {teams.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
              </select>
            </label>
          )}
        </div>
        {accounts === null ? <p aria-busy="true">{t('loading')}</p> : shown.length === 0 ? <p>{t('none')}</p> : (
          <ScrollTable wrapClassName="accounts-table-wrap page-table-wrap" className="accounts-table page-table" columns={[t('columns.name'), t('columns.role'), t('columns.login'), t('columns.status'), t('columns.lastSignIn'), { label: t('columns.actions'), hidden: true }]}>
            {shown.map((a) => {
              const status = statusOf(a, now);
              const self = a.personId === actor?.id;
              const confirming = pending?.personId === a.personId ? pending.action : null;
              return [
                <tr key={a.personId} data-person={a.personId} className={status === 'disabled' ? 'is-disabled' : undefined}>
                  <th scope="row">
                    <span className="accounts-avatar" aria-hidden="true">{a.initials}</span>
                    {a.name}{self && <span className="accounts-sub"> ({t('you')})</span>}
                    {teamId === null && teamName(a.teamId) && <div className="accounts-sub">{teamName(a.teamId)}</div>}
                  </th>
                  <td>{t(`roles.${a.role}`)}{a.administrator && a.role !== 'administrator' && <div className="accounts-sub">{t('alsoAdministrator')}</div>}</td>
                  <td className="accounts-login">{a.login ?? '–'}</td>
                  <td>
                    <span className={`accounts-status ${status}`}>{t(`status.${status}`)}</span>
                    {status === 'waiting' && a.setupExpiresAt && (
                      <div className="accounts-sub">{t('status.waitingUntil', { date: formatDate(a.setupExpiresAt.slice(0, 10), locale) })}</div>
                    )}
                  </td>
                  <td className="nowrap">{a.lastSignInAt ? formatDateTime(a.lastSignInAt, locale) : t('never')}</td>
                  <td className="accounts-actions">
                    {confirming === null && (
                      <>
                        {status === 'none' && mayCreate && creating?.personId !== a.personId && (
                          <button type="button" className="primary" aria-label={t('createFor', { name: a.name })}
                            onClick={() => { setCreating({ personId: a.personId, login: suggestedLogin(a), error: null }); setMessage(null); }}>
                            {t('create')}
                          </button>
                        )}
                        {(status === 'waiting' || status === 'expired') && mayRenew && (
                          <button type="button" aria-label={t('newCodeLabel', { name: a.name })} disabled={busy}
                            onClick={() => void run(() => api.renewSetupCode({ personId: a.personId }), (v) => setIssued({ ...v, how: 'renewed' }))}>
                            {t('newCode')}
                          </button>
                        )}
                        {status !== 'none' && a.hasPassword && mayReset && !self && (
                          <button type="button" aria-label={t('resetLabel', { name: a.name })} onClick={() => setPending({ personId: a.personId, action: 'reset' })}>
                            {t('reset')}
                          </button>
                        )}
                        {status !== 'none' && status !== 'disabled' && mayToggle && !self && (!a.administrator || isAdministrator) && (
                          <button type="button" aria-label={t('disableLabel', { name: a.name })} onClick={() => setPending({ personId: a.personId, action: 'disable' })}>
                            {t('disable')}
                          </button>
                        )}
                        {status === 'disabled' && mayToggle && !self && (
                          <button type="button" aria-label={t('enableLabel', { name: a.name })} disabled={busy}
                            onClick={() => void run(() => api.setAccountActive({ personId: a.personId, active: true }), (v) => setMessage({ kind: 'ok', text: t('enabledMessage', { name: v.name }) }))}>
                            {t('enable')}
                          </button>
                        )}
                      </>
                    )}
                    {confirming !== null && (
                      <div className="accounts-confirm" role="group" aria-label={confirming === 'reset' ? t('resetLabel', { name: a.name }) : t('disableLabel', { name: a.name })}>
                        <p>{confirming === 'reset' ? t('resetConfirm', { name: a.name }) : t('disableConfirm', { name: a.name })}</p>
                        <button type="button" className="danger" disabled={busy}
                          onClick={() => {
                            setPending(null);
                            if (confirming === 'reset') void run(() => api.resetPassword({ personId: a.personId }), (v) => setIssued({ ...v, how: 'reset' }));
                            else void run(() => api.setAccountActive({ personId: a.personId, active: false }), (v) => setMessage({ kind: 'ok', text: t('disabledMessage', { name: v.name, count: v.sessionsEnded }) }));
                          }}>
                          {confirming === 'reset' ? t('resetSubmit') : t('disableSubmit')}
                        </button>
                        <button type="button" onClick={() => setPending(null)}>{t('cancel')}</button>
                      </div>
                    )}
                  </td>
                </tr>,
                creating?.personId === a.personId && (
                  <tr key={`${a.personId}-create`} className="accounts-create-row">
                    <td colSpan={6}>
                      <form className="accounts-create" onSubmit={(e) => void create(e)} noValidate>
                        <label className="accounts-field">
                          <span>{t('loginLabel', { name: a.name })}</span>
                          <input value={creating.login} autoFocus autoComplete="off" spellCheck={false} maxLength={100}
                            aria-invalid={creating.error ? true : undefined} aria-describedby={`login-help-${a.personId}`}
                            onChange={(e) => setCreating({ ...creating, login: e.target.value, error: null })} />
                          <span id={`login-help-${a.personId}`} className={creating.error ? 'accounts-field-error' : 'accounts-sub'}>{creating.error ?? t('loginHelp')}</span>
                        </label>
                        <button type="submit" className="primary" disabled={busy || creating.login.trim().length < 2}>{t('createSubmit')}</button>
                        <button type="button" onClick={() => setCreating(null)}>{t('cancel')}</button>
                      </form>
                    </td>
                  </tr>
                ),
              ];
            })}
          </ScrollTable>
        )}
      </section>

      {maySessions && (
        <section className="accounts-panel" aria-labelledby="accounts-sessions">
          <h2 id="accounts-sessions">{t('sessions.title')}</h2>
          <p className="accounts-intro">{t('sessions.intro')}</p>
          {sessions === null ? <p aria-busy="true">{t('loading')}</p> : sessions.length === 0 ? <p>{t('sessions.none')}</p> : (
            <ScrollTable wrapClassName="accounts-table-wrap page-table-wrap" className="accounts-table page-table" columns={[t('sessions.columns.who'), t('sessions.columns.method'), t('sessions.columns.from'), t('sessions.columns.started'), t('sessions.columns.lastSeen'), { label: t('sessions.columns.actions'), hidden: true }]}>
              {sessions.map((s) => (
                <tr key={s.id} data-session={s.id}>
                  <th scope="row">{who(s)}{teamName(s.teamId) && <div className="accounts-sub">{teamName(s.teamId)}</div>}</th>
                  <td>{t(`sessions.method.${s.method}`)}</td>
                  <td>{s.remoteAddress}{s.userAgent && <div className="accounts-sub accounts-agent" title={s.userAgent}>{s.userAgent}</div>}</td>
                  <td className="nowrap">{formatDateTime(s.createdAt, locale)}</td>
                  <td className="nowrap">{formatDateTime(s.lastSeenAt, locale)}</td>
                  <td className="accounts-actions">
                    {s.current ? <span className="accounts-status active">{t('sessions.current')}</span> : endingSession === s.id ? (
                      <span className="accounts-confirm inline">
                        <button type="button" className="danger" disabled={busy}
                          onClick={() => { setEndingSession(null); void run(() => api.endSession({ sessionId: s.id }), () => {
                            // The row goes when the message says the session ended, not a reload later.
                            setSessions((open) => open?.filter((x) => x.id !== s.id) ?? open);
                            setMessage({ kind: 'ok', text: t('sessions.ended', { who: who(s) }) });
                          }); }}>
                          {t('sessions.end')}
                        </button>
                        <button type="button" onClick={() => setEndingSession(null)}>{t('cancel')}</button>
                      </span>
                    ) : (
                      <button type="button" aria-label={t('sessions.endLabel', { who: who(s) })} onClick={() => setEndingSession(s.id)}>{t('sessions.end')}</button>
                    )}
                  </td>
                </tr>
              ))}
            </ScrollTable>
          )}
        </section>
      )}
    </div>
  );
}

/** The one time a set-up code is shown: large, with a copy button and what to do with it. */
function SetupCodePanel(props: { issued: Issued; locale: Locale; onDone(): void }) {
  const { t } = useTranslation('accounts');
  const { issued, locale } = props;
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [issued.setupCode]);
  const name = issued.account.name;
  const title = issued.how === 'created' ? t('code.createdTitle', { name }) : issued.how === 'reset' ? t('code.resetTitle', { name }) : t('code.renewTitle', { name });
  const expires = formatDateTime(issued.setupExpiresAt, locale);

  async function copy() {
    try {
      await navigator.clipboard.writeText(issued.setupCode);
      setCopied('yes');
    } catch {
      // No clipboard over plain HTTP on another machine: the code stays selectable.
      setCopied('failed');
    }
  }

  return (
    <section className="accounts-code-panel" aria-labelledby="accounts-code-title" role="region">
      <h2 id="accounts-code-title" ref={heading} tabIndex={-1}>{title}</h2>
      <p className="accounts-code-warning">{t('code.onlyNow')}</p>
      <div className="accounts-code-row">
        <output className="accounts-code" aria-label={t('code.label')}>{issued.setupCode}</output>
        <button type="button" onClick={() => void copy()}>{copied === 'yes' ? t('code.copied') : t('code.copy')}</button>
      </div>
      {copied === 'failed' && <p className="accounts-field-error" role="alert">{t('code.copyFailed')}</p>}
      <ol className="accounts-steps">
        <li>{t('code.step1', { name })}</li>
        <li>{t('code.step2', { name })}</li>
        <li>{t('code.step3', { login: issued.account.login ?? '' })}</li>
      </ol>
      <p>{t('code.expires', { date: expires })}{issued.sessionsEnded ? ` ${t('code.endedSessions', { count: issued.sessionsEnded })}` : ''}</p>
      <button type="button" className="primary" onClick={props.onDone}>{t('code.done')}</button>
    </section>
  );
}
