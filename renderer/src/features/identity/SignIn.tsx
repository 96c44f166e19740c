import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthStatus } from '../../../../shared/api/auth';
import { isMessageKey, renderMessage } from '../../../../shared/messages';
import { LanguageSelect } from '../../components/LanguageSelect';
import { useSession } from '../../stores/session';
import { ConnectLink } from './Connect';

type Mode = 'sign-in' | 'set-up';

/** An error handed back by the single sign-on callback (`#/sign-in?fejl=…`, with `key` when the catalogue has it). */
function errorFromHash(locale: string): string | null {
  const query = location.hash.split('?')[1];
  if (!query) return null;
  const params = new URLSearchParams(query);
  const key = params.get('key');
  if (isMessageKey(key)) return renderMessage(key, { login: params.get('login') ?? '' }, locale === 'en' ? 'en' : 'da');
  return params.get('fejl');
}

export function SignIn() {
  const auth = useSession((s) => s.auth)!;
  if (auth.needsFirstAdministrator) return <FirstAdministrator auth={auth} />;
  return <SignInForm auth={auth} />;
}

function Shell({ auth, title, intro, children }: { auth: AuthStatus; title: string; intro?: string; children: React.ReactNode }) {
  return (
    <main className="identity" aria-labelledby="sign-in-title">
      <div className="identity-panel sign-in-panel">
        <div className="sign-in-top">
          <p className="identity-department">
            <span className="brand-mark" aria-hidden="true">▦</span> Flowtavle · {auth.departmentName}
          </p>
          <LanguageSelect className="sign-in-locale" />
        </div>
        <h1 id="sign-in-title">{title}</h1>
        {intro && <p className="identity-intro">{intro}</p>}
        {children}
      </div>
    </main>
  );
}

function SignInForm({ auth }: { auth: AuthStatus }) {
  const { t, i18n } = useTranslation();
  const signIn = useSession((s) => s.signIn);
  const authAction = useSession((s) => s.authAction);
  const [mode, setMode] = useState<Mode>('sign-in');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(errorFromHash(i18n.language));
  const [busy, setBusy] = useState(false);
  const loginRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => loginRef.current?.focus(), [mode]);

  const groups = useMemo(() => {
    const byTeam = new Map<string, NonNullable<AuthStatus['demoAccounts']>>();
    // The department's own people (the head, the secretariat) first, then the teams in menu order.
    byTeam.set(t('signIn.noTeam'), []);
    for (const a of auth.demoAccounts ?? []) {
      const key = a.teamName ?? t('signIn.noTeam');
      byTeam.set(key, [...(byTeam.get(key) ?? []), a]);
    }
    return [...byTeam.entries()].filter(([, accounts]) => accounts.length > 0);
  }, [auth.demoAccounts, t]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!login.trim() || (mode === 'sign-in' ? !password : !code.trim() || !password)) {
      setError(t(mode === 'sign-in' ? 'signIn.missing' : 'signIn.setUpMissing'));
      return;
    }
    if (mode === 'set-up' && password !== repeat) {
      setError(t('signIn.mismatch'));
      return;
    }
    setBusy(true);
    const problem = mode === 'sign-in'
      ? await signIn(login.trim(), password)
      : await authAction('set-up', { login: login.trim(), code: code.trim(), password });
    setBusy(false);
    if (problem) {
      setError(problem);
      setPassword('');
      passwordRef.current?.focus();
    }
  }

  return (
    <Shell auth={auth} title={t(mode === 'sign-in' ? 'signIn.title' : 'signIn.setUpTitle')} intro={t(mode === 'sign-in' ? 'signIn.intro' : 'signIn.setUpIntro')}>
      <form className="sign-in-form" onSubmit={(e) => void submit(e)} noValidate>
        <label className="field">
          <span>{t('signIn.login')}</span>
          <input ref={loginRef} name="username" autoComplete="username" value={login} onChange={(e) => setLogin(e.target.value)} />
        </label>
        {mode === 'set-up' && (
          <label className="field">
            <span>{t('signIn.code')}</span>
            <input name="one-time-code" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} />
          </label>
        )}
        <label className="field">
          <span>{t(mode === 'sign-in' ? 'signIn.password' : 'signIn.newPassword')}</span>
          <input ref={passwordRef} type="password" name="password" autoComplete={mode === 'sign-in' ? 'current-password' : 'new-password'}
            value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {mode === 'set-up' && (
          <label className="field">
            <span>{t('signIn.repeat')}</span>
            <input type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
          </label>
        )}
        {mode === 'set-up' && <p className="sign-in-help">{t('signIn.passwordRule')}</p>}
        <div role="alert" className={error ? 'sign-in-error' : 'sign-in-error empty'}>{error}</div>
        <div className="sign-in-actions">
          <button type="submit" className="primary" disabled={busy}>{t(mode === 'sign-in' ? 'signIn.submit' : 'signIn.setUpSubmit')}</button>
          {auth.oidc && mode === 'sign-in' && (
            <a className="button-link" href="./auth/oidc/start">{auth.oidc.label}</a>
          )}
          <button type="button" className="sign-in-switch" onClick={() => { setMode(mode === 'sign-in' ? 'set-up' : 'sign-in'); setError(null); }}>
            {t(mode === 'sign-in' ? 'signIn.haveCode' : 'signIn.back')}
          </button>
        </div>
      </form>
      {mode === 'sign-in' && <ConnectLink />}
      {auth.isDemo && mode === 'sign-in' && (
        <section className="demo-accounts" aria-labelledby="demo-accounts-title">
          <h2 id="demo-accounts-title">{t('signIn.demoTitle')}</h2>
          <p>{t('signIn.demoIntro')}</p>
          <div className="identity-groups">
            {groups.map(([team, accounts]) => (
              <section key={team} aria-label={team}>
                <h3>{team}</h3>
                <ul>
                  {accounts.map((a) => (
                    <li key={a.login}>
                      <button type="button" className="person-choice" onClick={() => { setLogin(a.login); setPassword('demo'); setError(null); passwordRef.current?.focus(); }}>
                        <span className="avatar" aria-hidden="true">{a.login.toUpperCase()}</span>
                        <span className="person-name">{a.name}</span>
                        <span className="person-role">{t(`signIn.roles.${a.role}`)}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        </section>
      )}
    </Shell>
  );
}

function FirstAdministrator({ auth }: { auth: AuthStatus }) {
  const { t } = useTranslation();
  const authAction = useSession((s) => s.authAction);
  const [fields, setFields] = useState({ name: '', initials: '', login: '', password: '', repeat: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof fields) => (e: React.ChangeEvent<HTMLInputElement>) => setFields({ ...fields, [key]: e.target.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (Object.values(fields).some((v) => !v.trim())) return setError(t('signIn.firstMissing'));
    if (fields.password !== fields.repeat) return setError(t('signIn.mismatch'));
    setBusy(true);
    const { repeat: _repeat, ...body } = fields;
    const problem = await authAction('first-administrator', body);
    setBusy(false);
    if (problem) setError(problem);
  }

  return (
    <Shell auth={auth} title={t('signIn.firstTitle')} intro={t('signIn.firstIntro')}>
      <form className="sign-in-form" onSubmit={(e) => void submit(e)} noValidate>
        <label className="field"><span>{t('signIn.name')}</span><input autoFocus autoComplete="name" value={fields.name} onChange={set('name')} /></label>
        <label className="field"><span>{t('signIn.initials')}</span><input value={fields.initials} maxLength={6} onChange={set('initials')} /></label>
        <label className="field"><span>{t('signIn.login')}</span><input autoComplete="username" value={fields.login} onChange={set('login')} /></label>
        <label className="field"><span>{t('signIn.newPassword')}</span><input type="password" autoComplete="new-password" value={fields.password} onChange={set('password')} /></label>
        <label className="field"><span>{t('signIn.repeat')}</span><input type="password" autoComplete="new-password" value={fields.repeat} onChange={set('repeat')} /></label>
        <p className="sign-in-help">{t('signIn.passwordRule')}</p>
        <div role="alert" className={error ? 'sign-in-error' : 'sign-in-error empty'}>{error}</div>
        <div className="sign-in-actions">
          <button type="submit" className="primary" disabled={busy}>{t('signIn.firstSubmit')}</button>
        </div>
      </form>
    </Shell>
  );
}
