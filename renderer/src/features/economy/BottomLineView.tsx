// Dashboard "Nul på bundlinjen" (issues 5 and 16): the department table per team with the
// changes since last week, last month and 1 January, the department's own lines and total; the
// chosen team's (or the whole department's) bottom line week by week as known each week, beside
// last year, drawn around the gap with the "på nul" band; what the change is made of (new,
// ended, volume, price) and the expensive single cases; the drill-down team → caseworker →
// grant → case; what the finance system has booked beside the grants (FinanceSection); and the
// budget follow-up out of the app (XLSX, CSV, PDF).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { addDays, addMonths, isIsoDate } from '../../../../shared/dates';
import type { BottomLineDecomposition, BottomLineReport, BottomLineSeries, DepartmentBottomLine, TeamBottomLine } from '../../../../shared/api/methods/economy';
import { formatDate, formatKroner, formatMillions, formatNumber, formatParagraph, type Locale } from '../../../../shared/format';
import { NumberField } from '../../components/NumberField';
import { CaseLink } from '../../components/CaseLink';
import { api } from '../../api/client';
import { actsDepartmentWide } from '../../../../shared/api/define';
import { useDepartmentChoice } from '../../stores/departmentChoice';
import { useSession } from '../../stores/session';
import { FinanceSection } from './FinanceSection';
import { downloadFollowUp } from './followUpDownload';
import { useLoaded } from '../../components/useLoaded';
import './economy.css';
import { DateField } from '../../components/DateField';
import { AsOfFilter, TeamFilter } from './filters';
import { num, TableHead } from '../../components/TableHead';

/** The scope of the view: one team, or the whole department. */
type Scope = { kind: 'team'; teamId: number } | { kind: 'department' };

export default function BottomLineView() {
  const { t, i18n } = useTranslation('economy');
  const locale: Locale = i18n.language === 'en' ? 'en' : 'da';
  const today = useSession((s) => s.workspace?.today ?? '');
  const sessionTeam = useSession((s) => s.teamId);
  const [asOf, setAsOf] = useState(today);
  const { wholeDepartment, pick } = useDepartmentChoice('bottomLine');
  const validAsOf = isIsoDate(asOf) ? asOf : today;
  // A team-bound person reads their own team's line; department-wide roles read every team's.
  const ownTeam = useSession((s) => (s.actor && !actsDepartmentWide(s.actor.roles) ? s.actor.teamId : null));
  const report = useLoaded(() => api.getBottomLine({ asOf: validAsOf, ...(ownTeam !== null ? { teamId: ownTeam } : {}) }), `${validAsOf} ${ownTeam}`, { keepPrevious: true });
  const kr = (n: number) => formatKroner(n, locale);

  const teams = report.data?.teams ?? [];
  const selected = teams.find((x) => x.teamId === sessionTeam) ?? teams[0];
  // The whole department is the department-wide roles' (the host refuses it to a team's people).
  const scope: Scope = ownTeam !== null ? { kind: 'team', teamId: selected?.teamId ?? ownTeam }
    : wholeDepartment || !selected ? { kind: 'department' } : { kind: 'team', teamId: selected.teamId };
  const department = report.data?.department;

  return (
    <div data-feature="economy" className="economy-view">
      <header className="economy-header">
        <h1>{t('bottomLine.title', { year: report.data?.year ?? validAsOf.slice(0, 4) })}</h1>
        <TeamFilter label={t('history.scope')} value={scope.kind === 'department' ? 'department' : String(scope.teamId)} onChange={pick} allValue={ownTeam === null ? 'department' : null}
          teams={teams.map((x) => ({ id: x.teamId, name: x.team }))} testId="scope" />
        <AsOfFilter value={asOf} onChange={setAsOf} />
        <ExportMenu asOf={validAsOf} scope={scope} />
      </header>
      <p className="economy-intro">{t('bottomLine.intro')} {t('history.asKnown')}</p>
      {report.error && <p className="field-error" role="alert">{report.error}</p>}
      {!report.data && !report.error && <p aria-busy="true">{t('common.loading')}</p>}
      {report.data && (
        <div className="table-wrap">
          <table className="economy-table bottom-line-table">
            <caption className="visually-hidden">{t('bottomLine.department')} – {formatDate(report.data.asOf, locale)}</caption>
            <TableHead columns={[t('common.team'), num(t('bottomLine.budget')), num(t('bottomLine.spent')), num(t('bottomLine.committed')), num(t('bottomLine.forecast')), num(t('bottomLine.bottomLine')), num(t('history.sinceLastWeek')), num(t('history.sinceLastMonth')), num(t('history.sinceYearStart')), num(t('bottomLine.pipeline')), t('bottomLine.statusCol')]} />
            <tbody>
              {teams.map((row) => (
                <tr key={row.teamId} data-team-id={row.teamId} className={scope.kind === 'team' && row.teamId === scope.teamId ? 'is-selected' : undefined}>
                  <th scope="row">
                    <button type="button" className="link" aria-pressed={scope.kind === 'team' && row.teamId === scope.teamId} aria-label={t('bottomLine.showTeam', { team: row.team })} onClick={() => pick(String(row.teamId))}>
                      {row.team}
                    </button>
                  </th>
                  <td className="num">{kr(row.budget)}</td>
                  <td className="num">{kr(row.spent)}</td>
                  <td className="num">{kr(row.committed)}</td>
                  <td className="num">{kr(row.forecast)}</td>
                  <td className={`num bottom-line-cell ${row.bottomLine < 0 ? 'negative' : ''}`} data-testid="bottom-line">{kr(row.bottomLine)}</td>
                  <td className="num" data-testid="since-last-week"><Change value={row.sinceLastWeek} locale={locale} /></td>
                  <td className="num"><Change value={row.sinceLastMonth} locale={locale} /></td>
                  <td className="num"><Change value={row.sinceYearStart} locale={locale} /></td>
                  <td className="num pipeline-cell">{kr(row.pipeline)}</td>
                  <td><TrafficLight status={row.status} toleranceAmount={row.toleranceAmount} /></td>
                </tr>
              ))}
              {department?.lines.map((l) => (
                <tr key={l.label} className="department-line">
                  <th scope="row">{l.label}</th>
                  <td className="num">{kr(l.budget)}</td>
                  <td className="num">{kr(l.spent)}</td>
                  <td className="num">{kr(l.committed)}</td>
                  <td className="num">{kr(l.forecast)}</td>
                  <td className={`num ${l.bottomLine < 0 ? 'negative' : ''}`}>{kr(l.bottomLine)}</td>
                  <td className="num" colSpan={5}><span className="field-help">{t('history.departmentLine')}</span></td>
                </tr>
              ))}
            </tbody>
            {department && (
              <tfoot>
                <tr>
                  <th scope="row">{t('common.allTeams')}</th>
                  <td className="num" data-testid="department-budget">{kr(department.budget)}</td>
                  <td className="num">{kr(department.spent)}</td>
                  <td className="num">{kr(department.committed)}</td>
                  <td className="num">{kr(department.forecast)}</td>
                  <td className={`num ${department.bottomLine < 0 ? 'negative' : ''}`}>{kr(department.bottomLine)}</td>
                  <td className="num"><Change value={department.sinceLastWeek} locale={locale} /></td>
                  <td className="num"><Change value={department.sinceLastMonth} locale={locale} /></td>
                  <td className="num"><Change value={department.sinceYearStart} locale={locale} /></td>
                  <td className="num">{kr(department.pipeline)}</td>
                  <td><TrafficLight status={department.status} toleranceAmount={department.toleranceAmount} /></td>
                </tr>
              </tfoot>
            )}
          </table>
        </div>
      )}
      {report.data && <TrendCard asOf={report.data.asOf} scope={scope} title={scope.kind === 'team' ? selected!.team : t('common.allTeams')} />}
      {report.data && (
        <FinanceSection asOf={report.data.asOf} teamId={scope.kind === 'team' ? scope.teamId : null} scopeName={scope.kind === 'team' ? selected!.team : t('common.allTeams')} />
      )}
      {report.data && scope.kind === 'team' && selected && <TeamDetail report={report.data} team={selected} />}
      {report.data && scope.kind === 'department' && department && <DepartmentNote department={department} />}
    </div>
  );
}

export function Change({ value, locale }: { value: number; locale: Locale }) {
  const rounded = Math.round(value);
  const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '±';
  return <span className={rounded < 0 ? 'negative' : rounded > 0 ? 'positive' : undefined}>{sign}{formatKroner(Math.abs(rounded), locale)}</span>;
}

function TrafficLight({ status, toleranceAmount }: { status: TeamBottomLine['status']; toleranceAmount: number }) {
  const { t, i18n } = useTranslation('economy');
  const locale = i18n.language === 'en' ? 'en' : 'da';
  return (
    <span className={`traffic-light light-${status}`} title={t('bottomLine.tolerance', { amount: formatKroner(toleranceAmount, locale) })}>
      <span className="light-dot" aria-hidden="true" />
      {t(`status.${status}`)}
    </span>
  );
}

function ExportMenu({ asOf, scope }: { asOf: string; scope: Scope }) {
  const { t } = useTranslation('economy');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function run(format: 'xlsx' | 'csv' | 'pdf') {
    setBusy(format);
    setError(null);
    try {
      await downloadFollowUp({ asOf, ...(scope.kind === 'team' ? { teamId: scope.teamId } : {}) }, format);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  }
  return (
    <div className="export-menu" role="group" aria-label={t('history.export')}>
      {(['pdf', 'xlsx', 'csv'] as const).map((f) => (
        <button key={f} type="button" className="secondary" disabled={busy !== null} onClick={() => void run(f)} data-testid={`export-${f}`}>
          {busy === f ? t('common.loading') : t(`history.exportAs.${f}`)}
        </button>
      ))}
      {error && <span className="field-error" role="alert">{error}</span>}
    </div>
  );
}

/** The bottom line week by week as known each week, this year and last, around zero with the "på nul" band. */
function TrendCard({ asOf, scope, title }: { asOf: string; scope: Scope; title: string }) {
  const { t, i18n } = useTranslation('economy');
  const locale: Locale = i18n.language === 'en' ? 'en' : 'da';
  const series = useLoaded(
    () => api.getBottomLineSeries({ asOf, ...(scope.kind === 'team' ? { teamId: scope.teamId } : {}) }),
    `${asOf} ${scope.kind} ${scope.kind === 'team' ? scope.teamId : 0}`,
    { keepPrevious: true },
  );
  const s = series.data;
  const data = s ? trendRows(s) : [];
  const tolerance = s?.toleranceAmount ?? 0;
  const values = data.flatMap((d) => [d.thisYear, d.lastYear]).filter((v): v is number => v !== null);
  const { extent, ticks } = deviationAxis(Math.max(tolerance * 1.5, ...values.map((v) => Math.abs(v)), 1));
  const mio = (v: number) => formatMillions(v, locale);
  return (
    <section className="economy-card chart-card" aria-labelledby="trend-title">
      <h2 id="trend-title">{t('history.trendTitle', { scope: title })}</h2>
      <p className="field-help" id="trend-desc">{t('history.trendDesc', { date: formatDate(asOf, locale), tolerance: formatKroner(tolerance, locale) })}</p>
      {series.error && <p className="field-error" role="alert">{series.error}</p>}
      {s && (
        <>
          <p className="chart-summary" data-testid="trend-summary">
            {t('bottomLine.bottomLine')}: <strong className={s.bottomLine < 0 ? 'negative' : undefined}>{formatKroner(s.bottomLine, locale)}</strong> ·{' '}
            {t('history.sinceLastWeek')}: <strong><Change value={s.sinceLastWeek} locale={locale} /></strong> ·{' '}
            {t('history.sinceLastMonth')}: <strong><Change value={s.sinceLastMonth} locale={locale} /></strong> ·{' '}
            {t('history.sinceYearStart')}: <strong><Change value={s.sinceYearStart} locale={locale} /></strong>
          </p>
          <div className="chart-box" role="img" aria-labelledby="trend-title" aria-describedby="trend-desc">
            <ResponsiveContainer width="100%" height={320}>
              <LineChart data={data} margin={{ top: 8, right: 24, bottom: 8, left: 16 }}>
                <CartesianGrid stroke="#d5dbe3" strokeDasharray="3 3" />
                <ReferenceArea y1={-tolerance} y2={tolerance} fill="#d1fae5" fillOpacity={0.7} stroke="none" ifOverflow="extendDomain"
                  label={{ value: t('history.onZeroBand'), position: 'insideTopLeft', fill: '#065f46', fontSize: 12 }} />
                <ReferenceLine y={0} stroke="#17202b" strokeWidth={1} />
                <XAxis dataKey="week" tick={{ fill: '#17202b', fontSize: 13 }} interval={3} label={{ value: t('history.week'), position: 'insideBottomRight', offset: -4, fill: '#4a5565', fontSize: 12 }} />
                <YAxis width={110} domain={[-extent, extent]} ticks={ticks} tick={{ fill: '#17202b', fontSize: 13 }} tickFormatter={(v: number) => mio(v)} />
                <Tooltip formatter={(v) => (typeof v === 'number' ? formatKroner(v, locale) : String(v))} labelFormatter={(w) => `${t('history.week')} ${String(w)}`} />
                <Legend />
                <Line type="stepAfter" dataKey="lastYear" name={t('history.lastYear', { year: s.lastYear.year })} stroke="#8a94a3" strokeWidth={2} strokeDasharray="6 4" dot={false} isAnimationActive={false} connectNulls />
                <Line type="stepAfter" dataKey="thisYear" name={t('history.thisYear', { year: s.year })} stroke="#0b5cad" strokeWidth={3} dot={false} isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          </div>
          <details className="chart-figures">
            <summary>{t('bottomLine.chartTable')}</summary>
            <table className="economy-table compact">
              <TableHead columns={[t('history.week'), t('history.knownOn'), num(t('history.thisYear', { year: s.year })), num(t('history.lastYear', { year: s.lastYear.year }))]} />
              <tbody>
                {data.map((d) => (
                  <tr key={d.week}>
                    <th scope="row">{d.week}</th>
                    <td>{d.date ? formatDate(d.date, locale) : '–'}</td>
                    <td className="num">{d.thisYear === null ? '–' : formatKroner(d.thisYear, locale)}</td>
                    <td className="num">{d.lastYear === null ? '–' : formatKroner(d.lastYear, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}

/** A symmetric axis around zero in round steps (1, 2 or 5 × a power of ten), covering `largest`. */
export function deviationAxis(largest: number): { extent: number; ticks: number[] } {
  const rough = largest / 3;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const n = Math.ceil(largest / step);
  return { extent: n * step, ticks: Array.from({ length: 2 * n + 1 }, (_, i) => (i - n) * step) };
}

export function trendRows(s: BottomLineSeries): { week: number; date: string | null; thisYear: number | null; lastYear: number | null }[] {
  const weeks = Math.max(s.thisYear.points.length, s.lastYear.points.length);
  return Array.from({ length: weeks }, (_, i) => ({
    week: i,
    date: s.thisYear.points[i]?.date ?? null,
    thisYear: s.thisYear.points[i]?.bottomLine ?? null,
    lastYear: s.lastYear.points[i]?.bottomLine ?? null,
  }));
}

function DepartmentNote({ department }: { department: DepartmentBottomLine }) {
  const { t, i18n } = useTranslation('economy');
  const locale: Locale = i18n.language === 'en' ? 'en' : 'da';
  return (
    <p className="field-help department-note">
      {t('history.departmentNote', {
        teams: formatMillions(department.teamsBudget, locale), lines: formatMillions(department.budget - department.teamsBudget, locale),
        total: formatMillions(department.budget, locale),
      })}
    </p>
  );
}

function TeamDetail({ report, team }: { report: BottomLineReport; team: TeamBottomLine }) {
  const { t, i18n } = useTranslation('economy');
  const locale: Locale = i18n.language === 'en' ? 'en' : 'da';
  const yearStart = addDays(`${report.year}-01-01`, -1);
  const [from, setFrom] = useState(yearStart);
  useEffect(() => setFrom(yearStart), [yearStart]);
  const [threshold, setThreshold] = useState<number | null>(2_000_000);
  const [showAll, setShowAll] = useState(false);
  const validFrom = isIsoDate(from) && from <= report.asOf ? from : yearStart;
  const expensiveFrom = threshold ?? 2_000_000;
  const decomposition = useLoaded(
    () => api.getBottomLineDecomposition({ teamId: team.teamId, from: validFrom, asOf: report.asOf, expensiveFrom }),
    `${team.teamId} ${validFrom} ${report.asOf} ${expensiveFrom}`,
    { keepPrevious: true },
  );
  const chart = useLoaded(() => api.getBottomLineChart({ asOf: report.asOf, teamId: team.teamId }), `${report.asOf} ${team.teamId}`, { keepPrevious: true });
  const defaultSince = `${addMonths(report.asOf, -2).slice(0, 7)}-01`;
  const [since, setSince] = useState(defaultSince);
  useEffect(() => setSince(defaultSince), [defaultSince]);
  const validSince = isIsoDate(since) ? since : defaultSince;
  const movers = useLoaded(() => api.getBottomLineMovers({ teamId: team.teamId, since: validSince, asOf: report.asOf }), `${team.teamId} ${validSince} ${report.asOf}`, { keepPrevious: true });
  const kr = (n: number) => formatKroner(n, locale);

  return (
    <div className="team-economy">
      <section className="economy-card" aria-labelledby="decomposition-title">
        <div className="card-title-row">
          <h2 id="decomposition-title">{t('history.decompositionTitle', { team: team.team })}</h2>
          <label className="field inline">
            {t('history.from')}
            <DateField value={from} max={report.asOf} onChange={setFrom} />
          </label>
        </div>
        <p className="field-help">{t('history.decompositionIntro', { from: formatDate(validFrom, locale), to: formatDate(report.asOf, locale) })}</p>
        {decomposition.error && <p className="field-error" role="alert">{decomposition.error}</p>}
        {decomposition.data && <Decomposition d={decomposition.data} locale={locale} />}
        <h3>{t('history.expensiveTitle')}</h3>
        <label className="field inline">
          {t('history.expensiveFrom')}
          <NumberField required min={0} decimals={2} value={threshold} onChange={setThreshold} size={12} />
        </label>
        {decomposition.data && decomposition.data.expensive.length === 0 && <p>{t('history.noExpensive')}</p>}
        {decomposition.data && decomposition.data.expensive.length > 0 && (
          <table className="economy-table compact" data-testid="expensive-cases">
            <TableHead columns={[t('bottomLine.case'), t('history.caseworker'), t('bottomLine.paragraph'), num(t('bottomLine.yearly')), num(t('history.costThisYear'))]} />
            <tbody>
              {decomposition.data.expensive.slice(0, showAll ? undefined : 10).map((c) => (
                <tr key={c.caseId}>
                  <th scope="row"><CaseLink teamId={team.teamId} caseId={c.caseId} caseNumber={c.caseNumber} /></th>
                  <td>{c.caseworker ?? '–'}</td>
                  <td>{c.paragraphs.map(formatParagraph).join(', ')}</td>
                  <td className="num">{kr(c.yearlyCost)}</td>
                  <td className="num">{kr(c.costThisYear)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {decomposition.data && decomposition.data.expensive.length > 10 && (
          <button type="button" className="link expensive-more" onClick={() => setShowAll(!showAll)}>
            {showAll ? t('history.showFewer') : t('history.showAll', { count: decomposition.data.expensive.length })}
          </button>
        )}
      </section>

      <Drill teamId={team.teamId} asOf={report.asOf} />

      <div className="economy-columns">
        <section className="economy-card" aria-labelledby="paragraph-title">
          <h2 id="paragraph-title">{t('bottomLine.byParagraph')}</h2>
          {chart.data && (
            <table className="economy-table compact">
              <TableHead columns={[t('bottomLine.paragraph'), num(t('bottomLine.paragraphBudget')), num(t('bottomLine.forecast'))]} />
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
              <DateField value={since} max={report.asOf} onChange={setSince} />
            </label>
          </div>
          <p className="field-help">{t('bottomLine.moversIntro')}</p>
          {movers.error && <p className="field-error" role="alert">{movers.error}</p>}
          {movers.data && movers.data.length === 0 && <p>{t('bottomLine.noMovers')}</p>}
          {movers.data && movers.data.length > 0 && (
            <table className="economy-table compact movers-table">
              <TableHead columns={[t('bottomLine.when'), t('bottomLine.what'), num(t('bottomLine.effect'))]} />
              <tbody>
                {movers.data.map((m) => (
                  <tr key={m.id}>
                    <td>{formatDate(m.onDate, locale)}</td>
                    <td>
                      <span className={`mover-kind kind-${m.kind}`}>{t(`kinds.${m.kind}`)}</span> · {t('bottomLine.case')}{' '}
                      <CaseLink teamId={team.teamId} caseId={m.caseId} caseNumber={m.caseNumber} />
                      {m.source === 'import' && <> · <span className="mover-source">{t('history.fromImport')}</span></>}
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

function Decomposition({ d, locale }: { d: BottomLineDecomposition; locale: Locale }) {
  const { t } = useTranslation('economy');
  return (
    <table className="economy-table compact decomposition-table" data-testid="decomposition">
      <TableHead columns={[t('history.component'), num(t('history.grantCount')), num(t('history.forecastChange')), num(t('history.bottomLineChange'))]} />
      <tbody>
        {d.lines.map((l) => (
          <tr key={l.kind}>
            <th scope="row">
              <details>
                <summary>{t(`history.kinds.${l.kind}`)}</summary>
                {l.grants.length === 0 ? <p className="field-help">{t('history.noGrants')}</p> : (
                  <ul className="decomposition-grants">
                    {l.grants.slice(0, 25).map((g) => (
                      <li key={`${l.kind}-${g.grantId}`}>
                        <CaseLink teamId={d.teamId} caseId={g.caseId} caseNumber={g.caseNumber} />{' '}
                        {g.caseworker ? `(${g.caseworker}) ` : ''}{g.description}: <Change value={g.effect} locale={locale} />
                      </li>
                    ))}
                    {l.grants.length > 25 && <li className="field-help">{t('history.more', { count: l.grants.length - 25 })}</li>}
                  </ul>
                )}
              </details>
            </th>
            <td className="num">{l.grants.length}</td>
            <td className="num"><Change value={l.total} locale={locale} /></td>
            <td className="num"><Change value={-l.total} locale={locale} /></td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('bottomLine.total')}</th>
          <td />
          <td className="num"><Change value={d.change} locale={locale} /></td>
          <td className="num"><Change value={-d.change} locale={locale} /></td>
        </tr>
      </tfoot>
    </table>
  );
}

function Drill({ teamId, asOf }: { teamId: number; asOf: string }) {
  const { t, i18n } = useTranslation('economy');
  const locale: Locale = i18n.language === 'en' ? 'en' : 'da';
  const drill = useLoaded(() => api.getBottomLineDrill({ teamId, asOf }), `${teamId} ${asOf}`, { keepPrevious: true });
  const kr = (n: number) => formatKroner(n, locale);
  return (
    <section className="economy-card" aria-labelledby="drill-title">
      <h2 id="drill-title">{t('history.drillTitle')}</h2>
      <p className="field-help">{t('history.drillIntro')}</p>
      {drill.error && <p className="field-error" role="alert">{drill.error}</p>}
      {drill.data && (
        <table className="economy-table compact" data-testid="drill">
          <TableHead columns={[t('history.caseworker'), num(t('history.grantCount')), num(t('bottomLine.spent')), num(t('bottomLine.forecast'))]} />
          <tbody>
            {drill.data.caseworkers.map((c) => (
              <tr key={c.personId ?? 'none'}>
                <th scope="row">
                  <details>
                    <summary>{c.name || t('history.noCaseworker')}</summary>
                    <table className="economy-table compact nested">
                      <TableHead columns={[t('bottomLine.case'), t('history.grant'), num(t('bottomLine.yearly')), num(t('bottomLine.forecast'))]} />
                      <tbody>
                        {c.grants.slice(0, 60).map((g) => (
                          <tr key={g.grantId}>
                            <td><CaseLink teamId={teamId} caseId={g.caseId} caseNumber={g.caseNumber} /></td>
                            <td>{formatParagraph(g.paragraph)} {g.service} ({g.provider}) {formatDate(g.startDate, locale)}–{g.endDate ? formatDate(g.endDate, locale) : ''}</td>
                            <td className="num">{kr(g.yearlyCost)}</td>
                            <td className="num">{kr(g.forecast)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </details>
                </th>
                <td className="num">{c.grants.length}</td>
                <td className="num">{kr(c.spent)}</td>
                <td className="num">{kr(c.forecast)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
