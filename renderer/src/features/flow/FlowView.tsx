import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Area, AreaChart, Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Scatter,
  ScatterChart, Tooltip, XAxis, YAxis, ZAxis,
} from 'recharts';
import { actsDepartmentWide } from '../../../../shared/api/define';
import type { FlowColumn, FlowDashboard } from '../../../../shared/api/methods/flow';
import { addDays, addMonths, fromDayNumber, isIsoDate, toDayNumber } from '../../../../shared/dates';
import { formatDate, formatNumber, type Locale } from '../../../../shared/format';
import { api } from '../../api/client';
import { useLoaded } from '../../components/useLoaded';
import { can } from '../../stores/permissions';
import { useDepartmentChoice } from '../../stores/departmentChoice';
import { useSession } from '../../stores/session';
import { ChartCard, Figure } from './ChartCard';
import { downloadCsv } from './exporting';
import { AGE_COLORS, columnColor, GRID, INK, MUTED } from './palette';
import './flow.css';
import { DateField } from '../../components/DateField';
import { NumberField } from '../../components/NumberField';

const short = (day: string) => `${day.slice(8, 10)}.${day.slice(5, 7)}`;

export default function FlowView() {
  const { t, i18n } = useTranslation('flow');
  const locale: Locale = i18n.language === 'en' ? 'en' : 'da';
  const teamId = useSession((s) => s.teamId);
  const teams = useSession((s) => s.teams);
  const actor = useSession((s) => s.actor);
  const today = useSession((s) => s.workspace?.today) ?? new Date().toISOString().slice(0, 10);
  // The whole department is for department-wide roles; the host refuses it to a team's people.
  const mayDepartment = actor !== null && actsDepartmentWide(actor.roles) && can(actor, 'getFlowDashboard');
  const readable = teams.filter((x) => can(actor, 'getFlowDashboard', x.id));
  const { wholeDepartment, pick } = useDepartmentChoice('flow');
  const department = mayDepartment && wholeDepartment;
  const [from, setFrom] = useState(() => addDays(addMonths(today, -12), 1));
  const [to, setTo] = useState(today);
  const [forecastDate, setForecastDate] = useState(() => addDays(today, 27));
  const [forecastItems, setForecastItems] = useState<number | null>(null);
  const team = teams.find((x) => x.id === teamId);

  const validPeriod = isIsoDate(from) && isIsoDate(to) && from <= to;
  const askable = (department || teamId !== null) && validPeriod && isIsoDate(forecastDate);
  const { data, error } = useLoaded(
    askable ? () => api.getFlowDashboard({ ...(department ? {} : { teamId: teamId! }), from, to, forecastDate, ...(forecastItems ? { forecastItems } : {}) }) : null,
    `${department} ${teamId} ${from} ${to} ${forecastDate} ${forecastItems}`,
    { keepPrevious: true },
  );

  const n = (value: number | null | undefined, decimals = 0) => (value === null || value === undefined ? '–' : formatNumber(value, decimals, locale));
  const days = (value: number | null | undefined) => (value === null || value === undefined ? '–' : t('days', { count: value, n: n(value) }));
  const scopeName = department ? t('dashboard.department') : team?.name;
  const fileBase = `${scopeName ?? 'team'} ${from} ${to}`;
  // The figures shown are the ones asked for: no team's figures under the department's name, or back.
  const shown = data && (data.teamId === null) === department && (department || data.teamId === teamId) ? data : null;

  return (
    <div data-feature="flow" className="flow-view">
      <header className="flow-head">
        <div>
          <h1>{t('dashboard.title')}</h1>
          <p className="flow-sub"><strong>{scopeName}</strong> · {t('dashboard.definitions')}</p>
        </div>
        <form className="flow-period" onSubmit={(e) => e.preventDefault()}>
          {(mayDepartment || readable.length > 1) && (
            <label>
              {t('dashboard.scope')}
              <select data-testid="flow-scope" value={department ? 'department' : String(teamId ?? '')} onChange={(e) => pick(e.target.value)}>
                {mayDepartment && <option value="department">{t('dashboard.department')}</option>}
                {readable.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
              </select>
            </label>
          )}
          <label>
            {t('period.from')}
            <DateField value={from} max={to} onChange={setFrom} />
          </label>
          <label>
            {t('period.to')}
            <DateField value={to} min={from} onChange={setTo} />
          </label>
          <div className="flow-presets" role="group" aria-label={t('period.presets')}>
            {[3, 6, 12].map((months) => (
              <button key={months} type="button" onClick={() => { setFrom(addDays(addMonths(today, -months), 1)); setTo(today); }}>
                {t('period.months', { count: months })}
              </button>
            ))}
          </div>
        </form>
      </header>
      {!validPeriod && <p role="alert" className="flow-error">{t('period.invalid')}</p>}
      {error && <p role="alert" className="flow-error">{error}</p>}
      {!shown ? (
        <div className="notice" aria-busy="true">{t('loading')}</div>
      ) : (
        <Dashboard
          data={shown}
          locale={locale}
          n={n}
          days={days}
          fileBase={fileBase}
          forecastDate={forecastDate}
          setForecastDate={setForecastDate}
          forecastItems={forecastItems ?? shown.forecast.when.items}
          setForecastItems={setForecastItems}
        />
      )}
    </div>
  );
}

interface DashboardProps {
  data: FlowDashboard;
  locale: Locale;
  n: (value: number | null | undefined, decimals?: number) => string;
  days: (value: number | null | undefined) => string;
  fileBase: string;
  forecastDate: string;
  setForecastDate: (value: string) => void;
  forecastItems: number;
  setForecastItems: (value: number | null) => void;
}

function Dashboard({ data, locale, n, days, fileBase, forecastDate, setForecastDate, forecastItems, setForecastItems }: DashboardProps) {
  const { t } = useTranslation('flow');
  const { report } = data;
  // The department's bands by kind are named in the chosen language; columns keep their own names.
  const columns: FlowColumn[] = useMemo(
    () => (data.columnGrouping === 'kind' ? data.columns.map((c) => ({ ...c, name: t(`cfd.kind.${c.kind}`) })) : data.columns),
    [data.columns, data.columnGrouping, t],
  );
  const ct = report.cycleTime;
  const finished = report.throughputPerWeek.reduce((a, w) => a + w.count, 0);
  const perWeek = report.throughputPerWeek.length ? finished / report.throughputPerWeek.length : 0;

  // Bands of the cumulative flow: the items between one column's line and the next one's.
  const cfd = useMemo(
    () => data.cfd.map((point) => {
      const row: Record<string, number | string> = { day: point.day };
      columns.forEach((c, i) => {
        const next = columns[i + 1];
        row[String(c.id)] = (point[String(c.id)] as number) - (next ? (point[String(next.id)] as number) : 0);
      });
      return row;
    }),
    [data.cfd, columns],
  );

  const scatter = useMemo(() => data.cycleTimes.map((c) => ({ x: toDayNumber(c.finish), y: c.cycleTime, caseId: c.caseId })), [data.cycleTimes]);

  // Ageing: one lane per column that holds work in progress, points spread inside the lane.
  const ageingColumns = columns.filter((c) => data.ageing.some((a) => a.columnId === c.id));
  const recent = data.recentCycleTime;
  const risk = (ageDays: number) =>
    recent.p85 !== null && ageDays > recent.p85 ? 'high' : recent.p50 !== null && ageDays > recent.p50 ? 'medium' : 'low';
  const ageingPoints = useMemo(() => {
    const lanes = new Map(ageingColumns.map((c, i) => [c.id, i]));
    return data.ageing.map((a) => ({
      x: lanes.get(a.columnId)! + (((a.caseId * 2_654_435_761) % 1000) / 1000 - 0.5) * 0.6,
      y: a.age,
      caseNumber: a.caseNumber,
      risk: risk(a.age),
    }));
  }, [data.ageing, ageingColumns.map((c) => c.id).join()]); // eslint-disable-line react-hooks/exhaustive-deps

  const dateTick = (v: number) => short(fromDayNumber(v));
  const percentileLines = (s: { p50: number | null; p85: number | null; p95: number | null }) =>
    ([['p50', s.p50, '50 %'], ['p85', s.p85, '85 %'], ['p95', s.p95, '95 %']] as const)
      .filter(([, v]) => v !== null)
      .map(([key, v, label]) => (
        <ReferenceLine key={key} y={v!} stroke={key === 'p50' ? '#1d6b3a' : key === 'p85' ? '#8a5a00' : '#b3261e'} strokeDasharray="6 4"
          label={{ value: `${label}: ${days(v)}`, position: 'right', fill: INK, fontSize: 12 }} />
      ));

  return (
    <>
      <section className="flow-figures" aria-label={t('figures.label')}>
        <Figure testId="flow-finished" label={t('figures.finished')} value={n(finished)} hint={t('figures.perWeek', { n: n(perWeek, 1) })} />
        <Figure testId="flow-p50" label={t('figures.p50')} value={days(ct.p50)} />
        <Figure testId="flow-p85" label={t('figures.p85')} value={days(ct.p85)} />
        <Figure testId="flow-p95" label={t('figures.p95')} value={days(ct.p95)} />
        <Figure testId="flow-wip" label={t('figures.wip', { date: formatDate(report.to, locale) })} value={n(report.wipAtEnd)}
          hint={report.wipAges.length ? t('figures.oldest', { age: days(report.wipAges[0]) }) : undefined} />
        <Figure testId="flow-blocked" label={t('figures.blocked')} value={days(data.blocked.totalDays)} />
      </section>

      <div className="flow-grid">
        <ChartCard id="cfd" title={t('cfd.title')}
          description={data.columnGrouping === 'team' ? t('cfd.help') : `${t('cfd.help')} ${t(data.columnGrouping === 'kind' ? 'cfd.byKind' : 'cfd.byName')}`} fileName={`kumulativt-flow ${fileBase}`} wide>
          <ResponsiveContainer width="100%" height={340}>
            <AreaChart data={cfd} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
              <CartesianGrid stroke={GRID} vertical={false} />
              <XAxis dataKey="day" tickFormatter={short} minTickGap={28} stroke={MUTED} />
              <YAxis stroke={MUTED} allowDecimals={false} />
              <Tooltip labelFormatter={(d) => formatDate(String(d), locale)} formatter={(v, name) => [n(Number(v)), name]} />
              <Legend itemSorter={(item) => columns.findIndex((c) => String(c.id) === String(item.dataKey))} />
              {[...columns].reverse().map((c) => (
                <Area key={c.id} type="stepAfter" dataKey={String(c.id)} name={c.name} stackId="cfd" isAnimationActive={false}
                  stroke={columnColor(c, columns)} fill={columnColor(c, columns)} fillOpacity={0.85} />
              ))}
            </AreaChart>
          </ResponsiveContainer>
        </ChartCard>

        <ChartCard id="cycle-time" title={t('scatter.title')} description={t('scatter.help', { total: n(ct.count) })}
          fileName={`gennemloebstid ${fileBase}`}
          actions={<button type="button" onClick={() => downloadCsv(`gennemloebstid ${fileBase}`, [t('csv.caseId'), t('csv.start'), t('csv.finish'), t('csv.cycleTime'), t('csv.blockedDays')],
            data.cycleTimes.map((c) => [c.caseId, formatDate(c.start), formatDate(c.finish), c.cycleTime, c.blockedDays]))}>{t('export.csv')}</button>}>
          <ResponsiveContainer width="100%" height={320}>
            <ScatterChart margin={{ top: 8, right: 112, bottom: 8, left: 0 }}>
              <CartesianGrid stroke={GRID} />
              <XAxis type="number" dataKey="x" domain={[toDayNumber(report.from), toDayNumber(report.to)]} tickFormatter={dateTick} stroke={MUTED} name={t('csv.finish')} />
              <YAxis type="number" dataKey="y" stroke={MUTED} name={t('csv.cycleTime')} allowDecimals={false} />
              <ZAxis range={[18, 18]} />
              <Tooltip formatter={(v, name) => [name === t('csv.finish') ? formatDate(fromDayNumber(Number(v)), locale) : days(Number(v)), name]} />
              <Scatter data={scatter} fill="#0b5cad" fillOpacity={0.55} isAnimationActive={false} />
              {percentileLines(ct)}
            </ScatterChart>
          </ResponsiveContainer>
        </ChartCard>

        <ChartCard id="throughput" title={t('throughput.title')} description={t('throughput.help')} fileName={`gennemstroemning ${fileBase}`}
          actions={<button type="button" onClick={() => downloadCsv(`gennemstroemning ${fileBase}`, [t('csv.weekStart'), t('csv.finished')],
            report.throughputPerWeek.map((w) => [formatDate(w.weekStart), w.count]))}>{t('export.csv')}</button>}>
          <ResponsiveContainer width="100%" height={300}>
            <LineChart data={report.throughputPerWeek} margin={{ top: 8, right: 124, bottom: 8, left: 0 }}>
              <CartesianGrid stroke={GRID} vertical={false} />
              <XAxis dataKey="weekStart" tickFormatter={short} minTickGap={24} stroke={MUTED} />
              <YAxis stroke={MUTED} allowDecimals={false} />
              <Tooltip labelFormatter={(d) => t('throughput.week', { date: formatDate(String(d), locale) })} formatter={(v) => [n(Number(v)), t('csv.finished')]} />
              <ReferenceLine y={perWeek} stroke={MUTED} strokeDasharray="4 4" label={{ value: t('throughput.mean', { n: n(perWeek, 1) }), position: 'right', fill: INK, fontSize: 12 }} />
              <Line dataKey="count" stroke="#0b5cad" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
          <details className="flow-details">
            <summary>{t('throughput.table')}</summary>
            <table className="flow-table compact" data-testid="throughput-table">
              <thead><tr><th scope="col">{t('csv.weekStart')}</th><th scope="col" className="num">{t('csv.finished')}</th></tr></thead>
              <tbody>
                {report.throughputPerWeek.map((w) => (
                  <tr key={w.weekStart}><td>{formatDate(w.weekStart, locale)}</td><td className="num">{w.count}</td></tr>
                ))}
              </tbody>
            </table>
          </details>
        </ChartCard>

        <ChartCard id="ageing" title={t('ageing.title')} fileName={`aldring ${fileBase}`} wide
          description={t('ageing.help', { p50: days(recent.p50), p85: days(recent.p85), from: formatDate(data.forecast.sampleFrom, locale) })}
          actions={<button type="button" onClick={() => downloadCsv(`aldring ${fileBase}`, [t('csv.case'), t('csv.column'), t('csv.start'), t('csv.age'), t('csv.blocked')],
            data.ageing.map((a) => [a.caseNumber, columns.find((c) => c.id === a.columnId)?.name ?? '', formatDate(a.start), a.age, a.blocked ? a.blockedReason ?? t('yes') : '']))}>{t('export.csv')}</button>}>
          <ResponsiveContainer width="100%" height={360}>
            <ScatterChart margin={{ top: 8, right: 112, bottom: 8, left: 0 }}>
              <CartesianGrid stroke={GRID} horizontal vertical={false} />
              <XAxis type="number" dataKey="x" domain={[-0.5, Math.max(0.5, ageingColumns.length - 0.5)]} ticks={ageingColumns.map((_, i) => i)}
                tickFormatter={(i: number) => ageingColumns[i]?.name ?? ''} stroke={MUTED} interval={0} />
              <YAxis type="number" dataKey="y" stroke={MUTED} name={t('csv.age')} allowDecimals={false} />
              <ZAxis range={[30, 30]} />
              <Tooltip cursor={false} content={({ payload }) => {
                const p = payload?.[0]?.payload as { caseNumber: string; y: number } | undefined;
                return p ? <div className="flow-tooltip"><strong>{p.caseNumber}</strong><br />{t('ageing.age', { age: days(p.y) })}</div> : null;
              }} />
              <Legend itemSorter={(item) => (['low', 'medium', 'high'] as const).map((l) => t(`ageing.${l}`)).indexOf(String(item.value))} />
              {(['low', 'medium', 'high'] as const).map((level) => (
                <Scatter key={level} name={t(`ageing.${level}`)} data={ageingPoints.filter((p) => p.risk === level)} fill={AGE_COLORS[level]} isAnimationActive={false} />
              ))}
              {percentileLines(recent)}
            </ScatterChart>
          </ResponsiveContainer>
        </ChartCard>

        <ChartCard id="wip" title={t('wip.title')} description={t('wip.help')} fileName={`igangvaerende ${fileBase}`}>
          <ResponsiveContainer width="100%" height={300}>
            <AreaChart data={data.wipPerDay} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
              <CartesianGrid stroke={GRID} vertical={false} />
              <XAxis dataKey="day" tickFormatter={short} minTickGap={28} stroke={MUTED} />
              <YAxis stroke={MUTED} allowDecimals={false} />
              <Tooltip labelFormatter={(d) => formatDate(String(d), locale)} formatter={(v) => [n(Number(v)), t('wip.series')]} />
              <Area type="stepAfter" dataKey="count" stroke="#0b5cad" fill="#9cc3ea" isAnimationActive={false} />
            </AreaChart>
          </ResponsiveContainer>
        </ChartCard>

        <ChartCard id="blocked" title={t('blocked.title')} description={t('blocked.help', { total: days(data.blocked.totalDays), periods: n(data.blocked.periods.length) })}
          fileName={`blokeret ${fileBase}`}
          actions={<button type="button" onClick={() => downloadCsv(`blokeret ${fileBase}`, [t('csv.case'), t('csv.reason'), t('csv.blockedFrom'), t('csv.blockedTo'), t('csv.blockedDays')],
            data.blocked.periods.map((p) => [p.caseNumber, p.reason ?? '', formatDate(p.from), formatDate(p.to), p.days]))}>{t('export.csv')}</button>}>
          {data.blocked.byReason.length === 0 ? <p className="flow-empty">{t('blocked.none')}</p> : (
            <ResponsiveContainer width="100%" height={Math.max(160, data.blocked.byReason.length * 42 + 40)}>
              <BarChart data={data.blocked.byReason} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
                <CartesianGrid stroke={GRID} horizontal={false} />
                <XAxis type="number" stroke={MUTED} allowDecimals={false} />
                <YAxis type="category" dataKey="reason" width={210} stroke={MUTED} tick={{ fontSize: 12 }} />
                <Tooltip formatter={(v, _name, item) => [`${days(Number(v))} (${t('blocked.periods', { n: n((item.payload as { periods: number }).periods) })})`, t('blocked.series')]} />
                <Bar dataKey="days" fill="#b3261e" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          )}
        </ChartCard>

        <section className="flow-card wide" aria-labelledby="forecast-title" data-chart="forecast">
          <header className="flow-card-header"><h2 id="forecast-title">{t('forecast.title')}</h2></header>
          <p className="flow-card-help">
            {t('forecast.help', { runs: n(data.forecast.runs), from: formatDate(data.forecast.sampleFrom, locale), to: formatDate(data.forecast.sampleTo, locale), mean: n(data.forecast.sampleMean, 2) })}
          </p>
          <div className="flow-forecasts">
            <div>
              <h3>{t('forecast.howManyTitle')}</h3>
              <label className="flow-inline">
                {t('forecast.byDate')}
                <DateField value={forecastDate} min={data.today} onChange={setForecastDate} />
              </label>
              <table className="flow-table compact" data-testid="forecast-how-many">
                <thead><tr><th scope="col">{t('forecast.certainty')}</th><th scope="col" className="num">{t('forecast.atLeast')}</th></tr></thead>
                <tbody>
                  {(['p50', 'p85', 'p95'] as const).map((p) => (
                    <tr key={p}><td>{p.slice(1)} %</td><td className="num">{n(data.forecast.howMany[p])}</td></tr>
                  ))}
                </tbody>
              </table>
              <p className="flow-note">{t('forecast.howManyRead', { n: n(data.forecast.howMany.p85), date: formatDate(data.forecast.howMany.target, locale), days: n(data.forecast.howMany.days) })}</p>
            </div>
            <div>
              <h3>{t('forecast.whenTitle')}</h3>
              <label className="flow-inline">
                {t('forecast.items')}
                <NumberField min={1} max={100000} decimals={0} value={forecastItems} onChange={setForecastItems} />
              </label>
              <table className="flow-table compact" data-testid="forecast-when">
                <thead><tr><th scope="col">{t('forecast.certainty')}</th><th scope="col">{t('forecast.doneBy')}</th></tr></thead>
                <tbody>
                  {(['p50', 'p85', 'p95'] as const).map((p) => (
                    <tr key={p}><td>{p.slice(1)} %</td><td>{data.forecast.when[p] ? formatDate(data.forecast.when[p], locale) : t('forecast.beyond')}</td></tr>
                  ))}
                </tbody>
              </table>
              <p className="flow-note">{t('forecast.whenRead', { items: n(data.forecast.when.items), date: data.forecast.when.p85 ? formatDate(data.forecast.when.p85, locale) : t('forecast.beyond') })}</p>
            </div>
          </div>
        </section>
      </div>
    </>
  );
}
