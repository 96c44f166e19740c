// Dashboard "Nul på bundlinjen": the department table per team (budget, spent, committed,
// forecast, bottom line, pipeline, traffic light), the chosen team's month-by-month chart, its
// forecast by paragraph, and what moved its bottom line since a chosen date.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { addMonths, isIsoDate } from '../../../../shared/dates';
import type { BottomLineReport, TeamBottomLine } from '../../../../shared/api/methods/economy';
import { formatDate, formatKroner, formatMillions, formatNumber, formatParagraph } from '../../../../shared/format';
import { api } from '../../api/client';
import { actsDepartmentWide } from '../../../../shared/api/define';
import { useSession } from '../../stores/session';
import { useEnvelope } from './useEnvelope';
import './economy.css';

export default function BottomLineView() {
  const { t, i18n } = useTranslation('economy');
  const locale = i18n.language === 'en' ? 'en' : 'da';
  const today = useSession((s) => s.workspace?.today ?? '');
  const sessionTeam = useSession((s) => s.teamId);
  const chooseTeam = useSession((s) => s.chooseTeam);
  const [asOf, setAsOf] = useState(today);
  const validAsOf = isIsoDate(asOf) ? asOf : today;
  // A team-bound person reads their own team's line; department-wide roles read every team's.
  const ownTeam = useSession((s) => (s.actor && !actsDepartmentWide(s.actor.roles) ? s.actor.teamId : null));
  const report = useEnvelope(() => api.getBottomLine({ asOf: validAsOf, ...(ownTeam !== null ? { teamId: ownTeam } : {}) }), [validAsOf, ownTeam]);
  const kr = (n: number) => formatKroner(n, locale);

  const teams = report.data?.teams ?? [];
  const selected = teams.find((x) => x.teamId === sessionTeam) ?? teams[0];
  const total = sum(teams);

  return (
    <div className="economy-view">
      <header className="economy-header">
        <h1>{t('bottomLine.title', { year: report.data?.year ?? validAsOf.slice(0, 4) })}</h1>
        <label className="field inline">
          {t('common.asOf')}
          <input type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
        </label>
      </header>
      <p className="economy-intro">{t('bottomLine.intro')}</p>
      {report.error && <p className="field-error" role="alert">{report.error}</p>}
      {!report.data && !report.error && <p aria-busy="true">{t('common.loading')}</p>}
      {report.data && (
        <div className="table-wrap">
          <table className="economy-table bottom-line-table">
            <caption className="visually-hidden">{t('bottomLine.department')} – {formatDate(report.data.asOf, locale)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('common.team')}</th>
                <th scope="col" className="num">{t('bottomLine.budget')}</th>
                <th scope="col" className="num">{t('bottomLine.spent')}</th>
                <th scope="col" className="num">{t('bottomLine.committed')}</th>
                <th scope="col" className="num">{t('bottomLine.forecast')}</th>
                <th scope="col" className="num">{t('bottomLine.bottomLine')}</th>
                <th scope="col" className="num">{t('bottomLine.pipeline')}</th>
                <th scope="col">{t('bottomLine.statusCol')}</th>
              </tr>
            </thead>
            <tbody>
              {teams.map((row) => (
                <tr key={row.teamId} data-team-id={row.teamId} className={row.teamId === selected?.teamId ? 'is-selected' : undefined}>
                  <th scope="row">
                    <button type="button" className="link" aria-pressed={row.teamId === selected?.teamId} aria-label={t('bottomLine.showTeam', { team: row.team })} onClick={() => chooseTeam(row.teamId)}>
                      {row.team}
                    </button>
                  </th>
                  <td className="num">{kr(row.budget)}</td>
                  <td className="num">{kr(row.spent)}</td>
                  <td className="num">{kr(row.committed)}</td>
                  <td className="num">{kr(row.forecast)}</td>
                  <td className={`num bottom-line-cell ${row.bottomLine < 0 ? 'negative' : ''}`} data-testid="bottom-line">{kr(row.bottomLine)}</td>
                  <td className="num pipeline-cell">{kr(row.pipeline)}</td>
                  <td><TrafficLight row={row} /></td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('bottomLine.total')}</th>
                <td className="num">{kr(total.budget)}</td>
                <td className="num">{kr(total.spent)}</td>
                <td className="num">{kr(total.committed)}</td>
                <td className="num">{kr(total.forecast)}</td>
                <td className={`num ${total.bottomLine < 0 ? 'negative' : ''}`}>{kr(total.bottomLine)}</td>
                <td className="num">{kr(total.pipeline)}</td>
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {report.data && selected && <TeamDetail report={report.data} team={selected} />}
    </div>
  );
}

function sum(teams: TeamBottomLine[]) {
  const keys = ['budget', 'spent', 'committed', 'forecast', 'bottomLine', 'pipeline'] as const;
  return Object.fromEntries(keys.map((k) => [k, teams.reduce((s, x) => s + x[k], 0)])) as Record<(typeof keys)[number], number>;
}

function TrafficLight({ row }: { row: TeamBottomLine }) {
  const { t, i18n } = useTranslation('economy');
  const locale = i18n.language === 'en' ? 'en' : 'da';
  return (
    <span className={`traffic-light light-${row.status}`} title={t('bottomLine.tolerance', { amount: formatKroner(row.toleranceAmount, locale) })}>
      <span className="light-dot" aria-hidden="true" />
      {t(`status.${row.status}`)}
    </span>
  );
}

function TeamDetail({ report, team }: { report: BottomLineReport; team: TeamBottomLine }) {
  const { t, i18n } = useTranslation('economy');
  const locale = i18n.language === 'en' ? 'en' : 'da';
  const months = t('common.months', { returnObjects: true }) as unknown as string[];
  const chart = useEnvelope(() => api.getBottomLineChart({ asOf: report.asOf, teamId: team.teamId }), [report.asOf, team.teamId]);
  const defaultSince = `${addMonths(report.asOf, -2).slice(0, 7)}-01`;
  const [since, setSince] = useState(defaultSince);
  useEffect(() => setSince(defaultSince), [defaultSince]);
  const validSince = isIsoDate(since) ? since : defaultSince;
  const movers = useEnvelope(() => api.getBottomLineMovers({ teamId: team.teamId, since: validSince, asOf: report.asOf }), [team.teamId, validSince, report.asOf]);
  const kr = (n: number) => formatKroner(n, locale);
  const data = chart.data?.months.map((m) => ({ ...m, label: months[m.month - 1] ?? String(m.month) })) ?? [];

  return (
    <div className="team-economy">
      <section className="economy-card chart-card" aria-labelledby="bottom-line-chart-title">
        <h2 id="bottom-line-chart-title">{t('bottomLine.chartTitle', { team: team.team })}</h2>
        <p className="field-help" id="bottom-line-chart-desc">{t('bottomLine.chartDesc', { date: formatDate(report.asOf, locale) })}</p>
        <p className="chart-summary">
          {t('bottomLine.budget')}: <strong>{kr(team.budget)}</strong> · {t('bottomLine.forecast')} 31.12: <strong>{kr(team.forecast)}</strong> ·{' '}
          {t('bottomLine.bottomLine')}: <strong className={team.bottomLine < 0 ? 'negative' : undefined}>{kr(team.bottomLine)}</strong> · <TrafficLight row={team} />
        </p>
        {chart.error && <p className="field-error" role="alert">{chart.error}</p>}
        {chart.data && (
          <>
            <div className="chart-box" role="img" aria-labelledby="bottom-line-chart-title" aria-describedby="bottom-line-chart-desc">
              <ResponsiveContainer width="100%" height={320}>
                <LineChart data={data} margin={{ top: 8, right: 24, bottom: 8, left: 16 }}>
                  <CartesianGrid stroke="#d5dbe3" strokeDasharray="3 3" />
                  <XAxis dataKey="label" tick={{ fill: '#17202b', fontSize: 13 }} />
                  <YAxis width={110} tick={{ fill: '#17202b', fontSize: 13 }} tickFormatter={(v: number) => formatMillions(v, locale)} />
                  <Tooltip formatter={(v) => (typeof v === 'number' ? kr(v) : String(v))} />
                  <Legend />
                  <Line type="linear" dataKey="budgetCumulative" name={t('bottomLine.budgetLine')} stroke="#4a5565" strokeWidth={2} strokeDasharray="6 4" dot={false} isAnimationActive={false} />
                  <Line type="linear" dataKey="forecastCumulative" name={t('bottomLine.forecastLine')} stroke="#b45309" strokeWidth={2} dot={false} isAnimationActive={false} />
                  <Line type="linear" dataKey="spentCumulative" name={t('bottomLine.spentLine')} stroke="#0b5cad" strokeWidth={3} dot={{ r: 3 }} connectNulls={false} isAnimationActive={false} />
                </LineChart>
              </ResponsiveContainer>
            </div>
            <details className="chart-figures">
              <summary>{t('bottomLine.chartTable')}</summary>
              <table className="economy-table compact">
                <thead>
                  <tr>
                    <th scope="col">{t('bottomLine.month')}</th>
                    <th scope="col" className="num">{t('bottomLine.budgetLine')}</th>
                    <th scope="col" className="num">{t('bottomLine.spentLine')}</th>
                    <th scope="col" className="num">{t('bottomLine.forecastLine')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.map((m) => (
                    <tr key={m.month}>
                      <th scope="row">{m.label}</th>
                      <td className="num">{kr(m.budgetCumulative)}</td>
                      <td className="num">{m.spentCumulative === null ? '–' : kr(m.spentCumulative)}</td>
                      <td className="num">{kr(m.forecastCumulative)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </>
        )}
      </section>

      <div className="economy-columns">
        <section className="economy-card" aria-labelledby="paragraph-title">
          <h2 id="paragraph-title">{t('bottomLine.byParagraph')}</h2>
          {chart.data && (
            <table className="economy-table compact">
              <thead>
                <tr>
                  <th scope="col">{t('bottomLine.paragraph')}</th>
                  <th scope="col" className="num">{t('bottomLine.paragraphBudget')}</th>
                  <th scope="col" className="num">{t('bottomLine.forecast')}</th>
                </tr>
              </thead>
              <tbody>
                {chart.data.paragraphs.map((p) => (
                  <tr key={p.paragraph}>
                    <th scope="row">{formatParagraph(p.paragraph)}</th>
                    <td className="num">{p.budget === null ? '–' : kr(p.budget)}</td>
                    <td className="num">{kr(p.forecast)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <section className="economy-card movers-card" aria-labelledby="movers-title">
          <div className="card-title-row">
            <h2 id="movers-title">{t('bottomLine.moversTitle')}</h2>
            <label className="field inline">
              {t('bottomLine.since')}
              <input type="date" value={since} max={report.asOf} onChange={(e) => setSince(e.target.value)} />
            </label>
          </div>
          <p className="field-help">{t('bottomLine.moversIntro')}</p>
          {movers.error && <p className="field-error" role="alert">{movers.error}</p>}
          {movers.data && movers.data.length === 0 && <p>{t('bottomLine.noMovers')}</p>}
          {movers.data && movers.data.length > 0 && (
            <table className="economy-table compact movers-table">
              <thead>
                <tr>
                  <th scope="col">{t('bottomLine.when')}</th>
                  <th scope="col">{t('bottomLine.what')}</th>
                  <th scope="col" className="num">{t('bottomLine.effect')}</th>
                </tr>
              </thead>
              <tbody>
                {movers.data.map((m) => (
                  <tr key={m.id}>
                    <td>{formatDate(m.onDate, locale)}</td>
                    <td>
                      <span className={`mover-kind kind-${m.kind}`}>{t(`kinds.${m.kind}`)}</span> · {t('bottomLine.case')} {m.caseNumber}
                      <div className="mover-text">{m.description}</div>
                      <div className="field-help">
                        {m.actorName && <>{t('bottomLine.who')} {m.actorName} · </>}
                        {t('bottomLine.yearly')}: {m.yearlyBefore === null ? '' : `${kr(m.yearlyBefore)} → `}{m.yearlyAfter === null ? '–' : kr(m.yearlyAfter)}
                      </div>
                    </td>
                    <td className={`num ${m.forecastEffect > 0 ? 'negative' : 'positive'}`}>
                      {m.forecastEffect > 0 ? '+' : ''}{formatNumber(Math.round(m.forecastEffect), 0, locale)} {locale === 'da' ? 'kr.' : 'DKK'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </div>
  );
}
