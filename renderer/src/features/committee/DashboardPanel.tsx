// The committee's overview: time from recommendation to decision, approval rate by paragraph,
// yearly cost approved per meeting and savings found by revisitation campaigns.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommitteeDashboard } from '../../../../shared/api/methods/committee';
import { formatDate, formatKroner, formatNumber, formatParagraph } from '../../../../shared/format';
import { api } from '../../api/client';
import { useSession } from '../../stores/session';
import { useLoaded } from '../../components/useLoaded';

export function DashboardPanel() {
  const { t, i18n } = useTranslation('committee');
  const locale = i18n.language === 'en' ? 'en' : 'da';
  const teamId = useSession((s) => s.teamId);
  const [allTeams, setAllTeams] = useState(true);
  const scope = allTeams || teamId === null ? undefined : teamId;
  const board = useLoaded<CommitteeDashboard>(() => api.getCommitteeDashboard(scope === undefined ? {} : { teamId: scope }), String(scope));
  const d = board.data;
  if (board.error) return <p className="field-error" role="alert">{board.error}</p>;
  if (!d) return <p className="muted" aria-busy="true">{t('common.loading')}</p>;
  const savings = d.campaigns.reduce((s, c) => s + c.progress.savingsPerYear, 0);
  return (
    <>
      <label className="cm-check cm-scope"><input type="checkbox" checked={allTeams} onChange={(e) => setAllTeams(e.target.checked)} /> {t('dashboard.allTeams')}</label>
      <dl className="cm-figures">
        <div><dt>{t('dashboard.awaiting')}</dt><dd>{d.awaiting}</dd></div>
        <div><dt>{t('dashboard.daysMedian')}</dt><dd>{d.daysToDecision.median === null ? '–' : formatNumber(d.daysToDecision.median, d.daysToDecision.median % 1 ? 1 : 0)}</dd></div>
        <div><dt>{t('dashboard.daysMax')}</dt><dd>{d.daysToDecision.max ?? '–'}</dd></div>
        <div><dt>{t('dashboard.savings')}</dt><dd>{formatKroner(savings, locale)}</dd></div>
      </dl>
      <div className="cm-grid">
        <section className="cm-card" aria-labelledby="cm-approval">
          <h2 id="cm-approval">{t('dashboard.approval')}</h2>
          {d.approvalByParagraph.length === 0 ? <p className="muted">{t('dashboard.empty')}</p> : (
            <table className="cm-table">
              <thead><tr><th scope="col">{t('dashboard.paragraph')}</th><th scope="col" className="num">{t('dashboard.approved')}</th><th scope="col" className="num">{t('dashboard.rejected')}</th><th scope="col" className="num">{t('dashboard.rate')}</th></tr></thead>
              <tbody>
                {d.approvalByParagraph.map((a) => (
                  <tr key={a.paragraph}><th scope="row">{formatParagraph(a.paragraph)}</th><td className="num">{a.approved}</td><td className="num">{a.rejected}</td><td className="num">{a.rate === null ? '–' : `${formatNumber(a.rate * 100, 0)} %`}</td></tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section className="cm-card" aria-labelledby="cm-per-meeting">
          <h2 id="cm-per-meeting">{t('dashboard.perMeeting')}</h2>
          {d.perMeeting.length === 0 ? <p className="muted">{t('dashboard.empty')}</p> : (
            <table className="cm-table">
              <thead><tr><th scope="col">{t('dashboard.meeting')}</th><th scope="col" className="num">{t('dashboard.decidedCount')}</th><th scope="col" className="num">{t('dashboard.approvedCost')}</th></tr></thead>
              <tbody>
                {d.perMeeting.map((m) => (
                  <tr key={m.meetingId}><th scope="row">{m.title} {formatDate(m.date, locale)}</th><td className="num">{m.decided}</td><td className="num">{formatKroner(m.approvedYearlyCost, locale)}</td></tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section className="cm-card" aria-labelledby="cm-savings">
          <h2 id="cm-savings">{t('dashboard.savings')}</h2>
          {d.campaigns.length === 0 ? <p className="muted">{t('campaigns.none')}</p> : (
            <table className="cm-table">
              <thead><tr><th scope="col">{t('dashboard.campaign')}</th><th scope="col" className="num">{t('dashboard.savingsPerYear')}</th></tr></thead>
              <tbody>
                {d.campaigns.map((c) => (
                  <tr key={c.id}><th scope="row">{c.name} <span className="muted small">({c.progress.revisited}/{c.progress.total})</span></th><td className="num">{formatKroner(c.progress.savingsPerYear, locale)}</td></tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </>
  );
}
