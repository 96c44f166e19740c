import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Header } from './components/Header';
import { ShortcutsDialog } from './components/ShortcutsDialog';
import { SignIn } from './features/identity/SignIn';
import { FEATURES, VIEWS } from './features/registry';
import { useLive } from './stores/live';
import { can } from './stores/permissions';
import { useSession } from './stores/session';

export function App() {
  const { t } = useTranslation();
  const { ready, loadError, actor, view, load } = useSession();
  const start = useLive((s) => s.start);

  // Change notices need a session: follow them while someone is signed in.
  useEffect(() => (actor ? start() : undefined), [start, actor]);
  useEffect(() => {
    void load();
  }, [load]);

  if (!ready) return <div className="notice" aria-busy="true">{t('app.loading')}</div>;
  if (loadError) {
    return (
      <main className="notice error" role="alert">
        <h1>{t('app.errorTitle')}</h1>
        <p>{loadError}</p>
        <button type="button" onClick={() => void load()}>{t('app.retry')}</button>
      </main>
    );
  }
  const current = VIEWS.find((v) => v.id === view) ?? VIEWS[0]!;
  const View = current.component;
  if (current.standalone) {
    return (
      <Suspense fallback={<div className="notice" aria-busy="true">{t('app.loading')}</div>}>
        <View />
      </Suspense>
    );
  }
  if (!actor) return <SignIn />;
  // A page typed into the address bar is shown only to those the contract lets use it.
  const allowed = !current.requires || can(actor, current.requires);
  return (
    <div className="app">
      {/* First in the tab order on every screen: past the header and navigation to the work. */}
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); skipToMain(); }}>{t('app.skipToContent')}</a>
      <Header />
      {FEATURES.map((f, i) => (f.banner ? <f.banner key={i} /> : null))}
      <main className="app-main" id="main" tabIndex={-1}>
        {allowed ? (
          <Suspense fallback={<div className="notice" aria-busy="true">{t('app.loading')}</div>}>
            <View />
          </Suspense>
        ) : (
          <div className="notice" role="alert">
            <h1>{t('app.noAccessTitle')}</h1>
            <p>{t('app.noAccess')}</p>
            <p><a href="#/board">{t('app.toBoard')}</a></p>
          </div>
        )}
      </main>
      <ShortcutsDialog />
    </div>
  );
}

/**
 * The skip link lands on the view's own first stop when it names one (the board's current card),
 * so the next keystroke is already work; otherwise on the main region itself. The hash is not
 * touched: it holds the route.
 */
function skipToMain(): void {
  const main = document.getElementById('main');
  const first = main?.querySelector<HTMLElement>('[data-skip-target]');
  (first ?? main)?.focus();
}
