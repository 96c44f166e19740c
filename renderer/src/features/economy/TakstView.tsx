// Dashboard "Takstansvar": per caseworker the yearly cost of the active grants on their cases,
// count, new and ended this month, internal share, and median takst per paragraph against the
// department median with outliers marked.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../../../shared/dates';
import { TAKST_OUTLIER_SHARE } from '../../../../shared/economics';
import { formatDate, formatKroner, formatNumber, formatParagraph } from '../../../../shared/format';
import { api } from '../../api/client';
import { actsDepartmentWide } from '../../../../shared/api/define';
import { can } from '../../stores/permissions';
import { useSession } from '../../stores/session';
import { useLoaded } from '../../components/useLoaded';
import './economy.css';
import { AsOfFilter, TeamFilter } from './filters';
import { num, TableHead } from '../../components/TableHead';
import { CaseLink } from '../../components/CaseLink';

export default function TakstView() {
  const { t, i18n } = useTranslation('economy');
  const locale = i18n.language === 'en' ? 'en' : 'da';
  const today = useSession((s) => s.workspace?.today ?? '');
  const allTeams = useSession((s) => s.teams);
  const actor = useSession((s) => s.actor);
  // Only the teams the host lets this person read; "all teams" is for department-wide roles.
  const teams = allTeams.filter((x) => can(actor, 'getTakstResponsibility', x.id));
  const department = actor !== null && actsDepartmentWide(actor.roles);
  const sessionTeam = useSession((s) => s.teamId);
  const [asOf, setAsOf] = useState(today);
  const [scope, setScope] = useState<string>(sessionTeam === null ? '' : String(sessionTeam));
  const validAsOf = isIsoDate(asOf) ? asOf : today;
  const teamId = scope === '' ? undefined : Number(scope);
  const result = useLoaded(() => api.getTakstResponsibility({ asOf: validAsOf, ...(teamId ? { teamId } : {}) }), `${validAsOf} ${teamId}`, { keepPrevious: true });
  const share = Math.round(TAKST_OUTLIER_SHARE * 100);
  const unitShort = (unit: string) => t(`unitsPer.${unit}`);
  const teamName = (id: number | null) => teams.find((x) => x.id === id)?.name ?? '';

  return (
    <div data-feature="economy" className="economy-view">
      <header className="economy-header">
        <h1>{t('takst.title')}</h1>
        <TeamFilter label={t('common.team')} value={scope} onChange={setScope} allValue={department ? '' : null} teams={teams} />
        <AsOfFilter value={asOf} onChange={setAsOf} />
      </header>
      <p className="economy-intro">{t('takst.intro', { date: formatDate(validAsOf, locale), share })}</p>
      {result.error && <p className="field-error" role="alert">{result.error}</p>}
      {!result.data && !result.error && <p aria-busy="true">{t('common.loading')}</p>}
      {result.data && result.data.caseworkers.length === 0 && <p>{t('takst.noCaseworkers')}</p>}
      {result.data && result.data.caseworkers.length > 0 && (
        <div className="table-wrap">
          <table className="economy-table takst-table">
            <TableHead columns={[t('takst.caseworker'), num(t('takst.yearlyCost')), num(t('takst.count')), num(t('takst.newThisMonth')), num(t('takst.endedThisMonth')), t('takst.internalShare'), t('takst.medians')]} />
            <tbody>
              {result.data.caseworkers.map((c) => (
                <tr key={c.personId}>
                  <th scope="row">
                    {c.name}
                    {teamId === undefined && <div className="field-help">{teamName(c.teamId)}</div>}
                  </th>
                  <td className="num">{formatKroner(c.yearlyCost, locale)}</td>
                  <td className="num">{formatNumber(c.grantCount, 0, locale)}</td>
                  <td className="num">{formatNumber(c.newThisMonth, 0, locale)}</td>
                  <td className="num">{formatNumber(c.endedThisMonth, 0, locale)}</td>
                  <td>
                    {c.internalShare === null ? '–' : (
                      <span className="share">
                        <span className="share-bar" aria-hidden="true"><span style={{ width: `${Math.round(c.internalShare * 100)}%` }} /></span>
                        {formatNumber(c.internalShare * 100, 0, locale)} %
                      </span>
                    )}
                  </td>
                  <td>
                    <ul className="median-list">
                      {c.medians.map((m) => (
                        <li key={`${m.paragraph}-${m.unit}`} className={m.outlier ? 'is-outlier' : undefined} title={m.outlier ? t('takst.outlierTitle', { share }) : undefined}>
                          <span className="median-paragraph">{formatParagraph(m.paragraph)}</span>{' '}
                          {formatNumber(m.median, 0, locale)} ({formatNumber(m.departmentMedian, 0, locale)}) {unitShort(m.unit)}
                          <span className="median-count"> · {m.count}</span>
                          {m.outlier && <strong className="outlier-flag"> ▲ {t('takst.outlier')}</strong>}
                          {m.cases.length > 0 && (
                            <details className="median-cases">
                              <summary>{t('takstCases.summary', { count: m.cases.length })}</summary>
                              <ul aria-label={t('takstCases.label', { paragraph: formatParagraph(m.paragraph), service: m.service })}>{m.cases.map((c) => <li key={c.caseId}><CaseLink teamId={c.teamId} caseId={c.caseId} caseNumber={c.caseNumber} /></li>)}</ul>
                            </details>
                          )}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {result.data && (
        <section className="economy-card" aria-labelledby="dept-medians">
          <h2 id="dept-medians">{t('takst.departmentMedians')}</h2>
          <ul className="dept-medians">
            {result.data.departmentMedians.map((m) => (
              <li key={`${m.paragraph}-${m.unit}`}>
                <strong>{formatParagraph(m.paragraph)}</strong> {formatNumber(m.median, 0, locale)} {unitShort(m.unit)} <span className="field-help">({m.count})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
