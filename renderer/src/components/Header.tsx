import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format';
import { VIEWS } from '../features/registry';
import type { AppLocale } from '../i18n';
import { LanguageSelect } from './LanguageSelect';
import { useLive } from '../stores/live';
import { can } from '../stores/permissions';
import { actsDepartmentWide } from '../../../shared/api/define';
import { useSession } from '../stores/session';

export function Header() {
  const { t, i18n } = useTranslation();
  const { workspace, teams, teamId, actor, view, chooseTeam, signOut, navigate } = useSession();
  const connection = useLive((s) => s.connection);
  const views = VIEWS.filter((v) => !v.requires || can(actor, v.requires));
  // A team-bound person works in their own team; department-wide roles may look at any.
  const ownTeamOnly = actor !== null && !actsDepartmentWide(actor.roles);
  const locale = (i18n.language === 'en' ? 'en' : 'da') as AppLocale;
  return (
    <>
      <header className="app-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">▦</span>
          <span className="brand-name">{t('app.title')}</span>
          {workspace?.isDemo && (
            <span className="demo-badge" title={t('app.demoTitle')}>{t('app.demo')}</span>
          )}
        </div>
        <label className="team-switcher">
          <span className="visually-hidden">{t('team.label')}</span>
          <select value={teamId ?? ''} onChange={(e) => chooseTeam(Number(e.target.value))} aria-label={t('team.label')} disabled={ownTeamOnly}>
            {teams.filter((team) => !ownTeamOnly || team.id === actor?.teamId).map((team) => (
              <option key={team.id} value={team.id}>{team.name}</option>
            ))}
          </select>
        </label>
        <nav aria-label={t('nav.label')} className="main-nav">
          {views.map((v) => (
            <a key={v.id} href={`#/${v.id}`} aria-current={view === v.id ? 'page' : undefined}
              onClick={(e) => { e.preventDefault(); navigate(v.id); }}>
              {t(v.labelKey)}
            </a>
          ))}
        </nav>
        <div className="header-end">
          <LanguageSelect className="locale-switch" />
          {actor && (
            <span className="actor" title={t('signIn.signedInAs', { name: actor.name })}>
              <span className="avatar" aria-hidden="true">{actor.initials}</span>
              <span className="actor-name">{actor.name}</span>
            </span>
          )}
          {actor && (
            <button type="button" className="sign-out" onClick={() => void signOut()}>{t('signIn.signOut')}</button>
          )}
        </div>
      </header>
      {!connection.online && (
        <div className="offline-banner" role="status">
          {t('app.offlineSince', { time: formatDateTime(connection.since.toISOString(), locale).slice(-5) })}
        </div>
      )}
    </>
  );
}
