// The sections of the flow analytics (issue 18), used by the analytics view and, compact, by the
// weekly flow review. Each loads its own figures; the rules are in shared/ and the store.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis,
} from 'recharts';
import type { ComplianceGroup } from '../../../../shared/api/methods/flowAnalytics';
import type { ComplianceFigures, DeadlineRow } from '../../../../shared/deadlines';
import type { PaceBand } from '../../../../shared/flowAnalytics';
import { formatDate, formatNumber, formatParagraph, type Locale } from '../../../../shared/format';
import type { ExportColumn, ExportRow } from '../../../../shared/importExport';
import { api } from '../../api/client';
import { ExportButton } from '../../components/ExportButton';
import { useLoaded } from '../../components/useLoaded';
import { ChartCard, Figure } from './ChartCard';
import { GRID, INK, MUTED } from './palette';
import { downloadTablePdf } from '../../components/pdf';

export type Counting = 'calendar' | 'working';
export type ComplianceGroupBy = 'paragraph' | 'caseworker' | 'month' | 'team';

function useFormat() {
  const { t, i18n } = useTranslation('flow');
  const locale: Locale = i18n.language === 'en' ? 'en' : 'da';
  const n = (v: number | null | undefined, d = 0) => (v === null || v === undefined ? '–' : formatNumber(v, d, locale));
  const pct = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${formatNumber(v * 100, 1, locale)} %`);
  const date = (d: string | null | undefined) => (d ? formatDate(d, locale) : '–');
  return { t, locale, n, pct, date };
}

const short = (day: string) => `${day.slice(8, 10)}.${day.slice(5, 7)}`;
const monthLabel = (month: string, locale: Locale) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString(locale === 'da' ? 'da-DK' : 'en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
};

function Loading({ error }: { error: string | null }) {
  const { t } = useTranslation('flow');
  return error ? <p role="alert" className="flow-error">{error}</p> : <p className="flow-empty" aria-busy="true">{t('loading')}</p>;
}

// ---------------------------------------------------------------------------------------------
// 1. Legal-deadline compliance.

export function ComplianceSection({ teamId, from, to, counting, group, compact = false }: {
  teamId: number | null; from: string; to: string; counting: Counting; group: ComplianceGroupBy; compact?: boolean;
}) {
  const { t, locale, n, pct, date } = useFormat();
  const loaded = useLoaded(
    () => api.getDeadlineCompliance({ ...(teamId === null ? {} : { teamId }), from, to }),
    `compliance ${teamId} ${from} ${to}`,
  );
  const c = loaded.data;
  if (!c) return <section className="flow-card wide"><h2>{t('analytics.compliance.title')}</h2><Loading error={loaded.error} /></section>;

  const p50 = (f: ComplianceFigures) => (counting === 'working' ? f.p50WorkingDays : f.p50Days);
  const p85 = (f: ComplianceFigures) => (counting === 'working' ? f.p85WorkingDays : f.p85Days);
  const unit = counting === 'working' ? t('analytics.toolbar.working') : t('analytics.toolbar.calendar');
  const groupRows: ComplianceGroup[] = group === 'paragraph' ? c.byParagraph : group === 'caseworker' ? c.byCaseworker : group === 'month' ? c.byMonth : c.byTeam;
  const groupLabel = (g: ComplianceGroup) => (group === 'caseworker' && g.key === '' ? t('analytics.compliance.nobody') : group === 'month' ? monthLabel(g.key, locale) : g.label);
  const scope = c.team ?? t('analytics.department');
  const fileBase = `frister ${scope} ${from} ${to}`;

  const columns: ExportColumn[] = [
    { key: 'paragraph', header: t('analytics.compliance.paragraph') },
    { key: 'month', header: t('analytics.compliance.month') },
    { key: 'decided', header: t('analytics.compliance.decided') },
    { key: 'withinDeadline', header: t('analytics.compliance.within') },
    { key: 'share', header: `${t('analytics.compliance.share')} (%)` },
    { key: 'p50Days', header: `${t('analytics.compliance.p50')} (${t('analytics.toolbar.calendar').toLowerCase()})` },
    { key: 'p85Days', header: `${t('analytics.compliance.p85')} (${t('analytics.toolbar.calendar').toLowerCase()})` },
  ];
  const exportRows = (rows: DeadlineRow[]): ExportRow[] => rows.map((r) => ({
    paragraph: formatParagraph(r.paragraph), month: r.month, decided: r.decided, withinDeadline: r.withinDeadline,
    share: r.share === null ? null : Math.round(r.share * 1000) / 10, p50Days: r.p50Days, p85Days: r.p85Days,
  }));
  const rowCells = (r: DeadlineRow) => [formatParagraph(r.paragraph), monthLabel(r.month, locale), n(r.decided), n(r.withinDeadline), pct(r.share), n(r.p50Days), n(r.p85Days)];

  function printPdf() {
    if (!c) return;
    const headers = [t('analytics.compliance.paragraph'), t('analytics.compliance.month'), t('analytics.compliance.decided'), t('analytics.compliance.within'), t('analytics.compliance.share'), t('analytics.compliance.p50'), t('analytics.compliance.p85')];
    const table = (rows: DeadlineRow[]) => ({
      headers,
      rows: [...rows.map(rowCells), [t('analytics.compliance.totalRow'), '', n(rows.reduce((a, r) => a + r.decided, 0)), n(rows.reduce((a, r) => a + r.withinDeadline, 0)), '', '', '']],
      widths: [16, 18, 13, 14, 13, 14, 14],
      numeric: [false, false, true, true, true, true, true],
      boldRows: [rows.length],
    });
    void downloadTablePdf(fileBase, `${t('analytics.compliance.pdfTitle')} – ${scope}`, `${t('analytics.toolbar.period', { from: date(from), to: date(to) })}. ${t('analytics.compliance.help')}`, [
      { heading: t('analytics.compliance.tableTitle'), note: t('analytics.compliance.tableHelp'), table: table(c.rows) },
      ...(c.followUps.length ? [{ heading: t('analytics.compliance.followUpsTitle'), table: table(c.followUps) }] : []),
    ]);
  }

  return (
    <section className="flow-card wide analytics-section" aria-labelledby="compliance-title" data-section="compliance">
      <header className="flow-card-header">
        <h2 id="compliance-title">{t('analytics.compliance.title')} – {scope}</h2>
        <div className="flow-card-actions">
          <ExportButton filename={fileBase} sheetName={t('analytics.compliance.tableTitle')} columns={columns} rows={exportRows(c.rows)} disabled={c.rows.length === 0} />
          <button type="button" onClick={printPdf} disabled={c.rows.length === 0}>{t('analytics.compliance.pdf')}</button>
        </div>
      </header>
      <p className="flow-card-help">{t('analytics.toolbar.period', { from: date(from), to: date(to) })}. {t('analytics.compliance.help')}</p>
      <div className="flow-figures">
        <Figure testId="compliance-decided" label={t('analytics.compliance.decided')} value={n(c.total.decided)} />
        <Figure testId="compliance-share" label={t('analytics.compliance.share')} value={pct(c.total.share)}
          hint={t('analytics.compliance.shareHint', { within: n(c.total.withinDeadline), with: n(c.total.withDeadline) })} />
        <Figure label={`${t('analytics.compliance.p50')}`} value={`${n(p50(c.total))}`} hint={`${unit}${c.total.deadlineDays === null ? '' : ` · ${t('analytics.compliance.deadline')} ${n(c.total.deadlineDays)}`}`} />
        <Figure label={t('analytics.compliance.p85')} value={n(p85(c.total))} hint={unit} />
        <Figure testId="compliance-will-miss" label={t('analytics.compliance.willMiss')} value={n(c.willMiss.length)} hint={t('analytics.compliance.willMissHint', { n: n(c.openWithDeadline) })} />
      </div>

      <div className={compact ? 'analytics-two' : 'analytics-two'}>
        <div>
          <h3>{t('analytics.compliance.groupTitle', { group: t(`analytics.toolbar.groups.${group}`).toLowerCase() })}</h3>
          <div className="flow-table-wrap" tabIndex={0}>
            <table className="flow-table" data-testid="compliance-groups">
              <thead><tr>
                <th scope="col">{t(`analytics.toolbar.groups.${group}`)}</th><th scope="col" className="num">{t('analytics.compliance.decidedShort')}</th>
                <th scope="col" className="num">{t('analytics.compliance.share')}</th><th scope="col" className="num">50 %</th>
                <th scope="col" className="num">85 %</th><th scope="col" className="num">{t('analytics.compliance.deadlineShort')}</th>
              </tr></thead>
              <tbody>
                {groupRows.map((g) => (
                  <tr key={g.key}>
                    <th scope="row">{groupLabel(g)}</th>
                    <td className="num">{n(g.decided)}</td>
                    <td className="num"><ShareBar share={g.share} label={pct(g.share)} /></td>
                    <td className="num">{n(p50(g))}</td>
                    <td className="num">{n(p85(g))}</td>
                    <td className="num">{g.deadlineDays === null ? t('analytics.compliance.noDeadline') : n(g.deadlineDays)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="flow-note">{t('analytics.compliance.groupNote', { unit: unit.toLowerCase() })}</p>
        </div>
        <div>
          <h3>{t('analytics.compliance.missTitle', { n: c.willMiss.length })}</h3>
          <p className="flow-card-help">{t('analytics.compliance.missHelp', { from: date(c.paceFrom), to: date(c.paceTo) })}</p>
          {c.willMiss.length === 0 ? <p className="flow-empty">{t('none')}</p> : (
            <div className="flow-table-wrap" tabIndex={0}>
              <table className="flow-table" data-testid="compliance-will-miss-table">
                <thead><tr>
                  <th scope="col">{t('analytics.compliance.case')}</th><th scope="col">{t('analytics.compliance.paragraph')}</th>
                  <th scope="col">{t('analytics.compliance.legalDeadline')}</th><th scope="col" className="num">{t('analytics.compliance.daysLeft')}</th><th scope="col">{t('analytics.compliance.expected')}</th>
                  <th scope="col">{teamId === null ? t('analytics.compliance.team') : t('analytics.compliance.caseworker')}</th>
                </tr></thead>
                <tbody>
                  {c.willMiss.slice(0, compact ? 10 : 100).map((m) => (
                    <tr key={m.caseId}>
                      <td>{m.caseNumber}</td>
                      <td>{formatParagraph(m.paragraph)} · {t(`analytics.compliance.kind.${m.kind}` as 'analytics.compliance.kind.application')}</td>
                      <td>{date(m.legalDeadline)}</td>
                      <td className={`num ${m.daysLeft < 0 ? 'flow-late' : 'flow-soon'}`}>{n(m.daysLeft)}</td>
                      <td>{m.daysLeft < 0 ? t('analytics.compliance.overdue') : m.expectedDecision === null ? t('analytics.compliance.unknownExpected') : date(m.expectedDecision)}</td>
                      <td>{teamId === null ? m.team : m.assigneeName ?? t('analytics.compliance.nobody')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {c.willMiss.length > (compact ? 10 : 100) && <p className="flow-note">{t('moreInCsv', { shown: compact ? 10 : 100, total: c.willMiss.length })}</p>}
            </div>
          )}
        </div>
      </div>

      {!compact && (
        <>
          <h3 style={{ marginTop: 16 }}>{t('analytics.compliance.tableTitle')}</h3>
          <p className="flow-card-help">{t('analytics.compliance.tableHelp')}</p>
          <RowsTable rows={c.rows} cells={rowCells} testId="compliance-rows" />
          {c.followUps.length > 0 && (
            <details className="flow-details">
              <summary>{t('analytics.compliance.followUpsTitle')} ({n(c.followUps.reduce((a, r) => a + r.decided, 0))})</summary>
              <RowsTable rows={c.followUps} cells={rowCells} testId="compliance-follow-ups" />
            </details>
          )}
        </>
      )}
    </section>
  );
}

function ShareBar({ share, label }: { share: number | null; label: string }) {
  if (share === null) return <span className="analytics-muted">{label}</span>;
  const tone = share >= 0.9 ? 'ok' : share >= 0.75 ? 'warn' : 'bad';
  return (
    <span className="analytics-share">
      <span className={`analytics-share-bar ${tone}`} style={{ width: `${Math.round(share * 100)}%` }} aria-hidden="true" />
      <span className="analytics-share-label">{label}</span>
    </span>
  );
}

function RowsTable({ rows, cells, testId }: { rows: DeadlineRow[]; cells: (r: DeadlineRow) => string[]; testId: string }) {
  const { t } = useTranslation('flow');
  if (rows.length === 0) return <p className="flow-empty">{t('analytics.compliance.none')}</p>;
  return (
    <div className="flow-table-wrap" tabIndex={0}>
      <table className="flow-table" data-testid={testId}>
        <thead><tr>
          <th scope="col">{t('analytics.compliance.paragraph')}</th><th scope="col">{t('analytics.compliance.month')}</th>
          <th scope="col" className="num">{t('analytics.compliance.decided')}</th><th scope="col" className="num">{t('analytics.compliance.within')}</th>
          <th scope="col" className="num">{t('analytics.compliance.share')}</th><th scope="col" className="num">{t('analytics.compliance.p50')}</th>
          <th scope="col" className="num">{t('analytics.compliance.p85')}</th>
        </tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.paragraph} ${r.month}`} className={r.share !== null && r.share < 0.75 ? 'over' : undefined}>
              {cells(r).map((cell, i) => (i === 0 ? <th key={i} scope="row">{cell}</th> : <td key={i} className={i >= 2 ? 'num' : undefined}>{cell}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// 3. Blocker clusters.

const CLUSTER_COLORS = ['#0b5cad', '#b3261e', '#c07a00', '#1d6b3a', '#6b3fa0', '#4a5565', '#0f7c8c', '#8a5a00'];

export function BlockersSection({ teamId, from, to, canCategorize, compact = false }: {
  teamId: number; from: string; to: string; canCategorize: boolean; compact?: boolean;
}) {
  const { t, n, date } = useFormat();
  const loaded = useLoaded(() => api.getBlockerAnalysis({ teamId, from, to }), `blockers ${teamId} ${from} ${to}`);
  const [choices, setChoices] = useState<Record<number, number | null>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const b = loaded.data;
  const weekly = useMemo(() => {
    if (!b) return [];
    const weeks = b.clusters[0]?.weeks.map((w) => ({ weekStart: w.weekStart, new: 0, resolved: 0 })) ?? [];
    for (const c of b.clusters) c.weeks.forEach((w, i) => { weeks[i]!.new += w.new; weeks[i]!.resolved += w.resolved; });
    return weeks;
  }, [b]);
  if (!b) return <section className="flow-card wide"><h2>{t('analytics.blockers.title')}</h2><Loading error={loaded.error} /></section>;
  const name = (id: number | null) => (id === null ? t('analytics.blockers.noCategory') : b.categories.find((c) => c.id === id)?.name ?? '');
  const active = b.categories.filter((c) => c.active);

  async function save(items: { blockId: number; categoryId: number | null }[]) {
    setError(null);
    setMessage(null);
    const result = await api.categorizeBlocks({ teamId, items });
    if (result.ok) {
      setMessage(t('analytics.blockers.savedN', { count: result.value.changed }));
      setChoices({});
      loaded.reload();
    } else setError(result.error.message);
  }

  const chartData = b.clusters.map((c, i) => ({ name: c.name || t('analytics.blockers.noCategory'), days: c.blockedDays, color: CLUSTER_COLORS[i % CLUSTER_COLORS.length]! }));
  return (
    <section className="flow-card wide analytics-section" aria-labelledby="blockers-title" data-section="blockers">
      <header className="flow-card-header">
        <h2 id="blockers-title">{t('analytics.blockers.title')}</h2>
        <div className="flow-card-actions">
          <ExportButton filename={`blokeringer ${from} ${to}`} sheetName={t('analytics.sectionNames.blockers')}
            columns={[
              { key: 'category', header: t('analytics.blockers.category') }, { key: 'count', header: t('analytics.blockers.count') },
              { key: 'days', header: t('analytics.blockers.days') }, { key: 'p50', header: t('analytics.blockers.p50') },
              { key: 'p85', header: t('analytics.blockers.p85') }, { key: 'p95', header: t('analytics.blockers.p95') },
              { key: 'open', header: t('analytics.blockers.open') }, { key: 'suggested', header: t('analytics.blockers.suggested') },
            ]}
            rows={b.clusters.map((c) => ({ category: c.name || t('analytics.blockers.noCategory'), count: c.count, days: c.blockedDays, p50: c.p50, p85: c.p85, p95: c.p95, open: c.open, suggested: c.suggested }))}
            disabled={b.clusters.length === 0} />
        </div>
      </header>
      <p className="flow-card-help">{t('analytics.blockers.help')}</p>
      {b.clusters.length === 0 ? <p className="flow-empty">{t('analytics.blockers.none')}</p> : (
        <div className="analytics-two">
          <div className="flow-table-wrap" tabIndex={0}>
            <table className="flow-table" data-testid="blocker-clusters">
              <thead><tr>
                <th scope="col">{t('analytics.blockers.category')}</th><th scope="col" className="num">{t('analytics.blockers.days')}</th>
                <th scope="col" className="num">{t('analytics.blockers.count')}</th><th scope="col" className="num">{t('analytics.blockers.p50')}</th>
                <th scope="col" className="num">{t('analytics.blockers.p85')}</th><th scope="col" className="num">{t('analytics.blockers.p95')}</th>
                <th scope="col" className="num">{t('analytics.blockers.open')}</th>
              </tr></thead>
              <tbody>
                {b.clusters.map((c, i) => (
                  <tr key={c.categoryId ?? 'none'}>
                    <th scope="row">
                      <span className="analytics-swatch" style={{ background: CLUSTER_COLORS[i % CLUSTER_COLORS.length] }} aria-hidden="true" />
                      {c.name || t('analytics.blockers.noCategory')}
                      {c.suggested > 0 && <span className="analytics-muted"> · {t('analytics.blockers.suggested')} {n(c.suggested)}</span>}
                    </th>
                    <td className="num">{n(c.blockedDays)}</td><td className="num">{n(c.count)}</td>
                    <td className="num">{n(c.p50)}</td><td className="num">{n(c.p85)}</td><td className="num">{n(c.p95)}</td><td className="num">{n(c.open)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div>
            <ResponsiveContainer width="100%" height={Math.max(160, chartData.length * 34 + 40)}>
              <BarChart data={chartData} layout="vertical" margin={{ left: 8, right: 24, top: 4, bottom: 4 }}>
                <CartesianGrid stroke={GRID} horizontal={false} />
                <XAxis type="number" tick={{ fill: MUTED, fontSize: 12 }} allowDecimals={false} />
                <YAxis type="category" dataKey="name" width={190} tick={{ fill: INK, fontSize: 12 }} />
                <Tooltip formatter={(v) => [n(Number(v)), t('analytics.blockers.chartDays')]} />
                <Bar dataKey="days" name={t('analytics.blockers.chartDays')} isAnimationActive={false}>
                  {chartData.map((d) => <Cell key={d.name} fill={d.color} />)}
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </div>
        </div>
      )}
      {!compact && weekly.length > 1 && (
        <>
          <h3 style={{ marginTop: 12 }}>{t('analytics.blockers.weekly')}</h3>
          <ResponsiveContainer width="100%" height={200}>
            <LineChart data={weekly} margin={{ left: 0, right: 16, top: 8, bottom: 0 }}>
              <CartesianGrid stroke={GRID} />
              <XAxis dataKey="weekStart" tickFormatter={short} tick={{ fill: MUTED, fontSize: 12 }} />
              <YAxis allowDecimals={false} tick={{ fill: MUTED, fontSize: 12 }} width={36} />
              <Tooltip labelFormatter={(l) => t('analytics.efficiency.week', { date: date(String(l)) })} />
              <Legend />
              <Line dataKey="new" name={t('analytics.blockers.new')} stroke="#b3261e" strokeWidth={2} dot={false} isAnimationActive={false} />
              <Line dataKey="resolved" name={t('analytics.blockers.resolved')} stroke="#1d6b3a" strokeWidth={2} dot={false} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </>
      )}
      {b.uncategorizedTotal > 0 && (
        <details className="flow-details" open={!compact}>
          <summary>{t('analytics.blockers.uncategorized', { n: b.uncategorizedTotal })}</summary>
          <p className="flow-card-help">{t('analytics.blockers.uncategorizedHelp')}</p>
          {canCategorize && (
            <div className="row analytics-actions">
              <button type="button" className="primary" data-testid="accept-suggestions"
                onClick={() => void save(b.uncategorized.filter((u) => (choices[u.blockId] ?? u.suggestedCategoryId) !== null).map((u) => ({ blockId: u.blockId, categoryId: choices[u.blockId] ?? u.suggestedCategoryId })))}>
                {t('analytics.blockers.acceptAll')}
              </button>
              {message && <span role="status">{message}</span>}
              {error && <span role="alert" className="flow-error">{error}</span>}
            </div>
          )}
          <div className="flow-table-wrap" tabIndex={0}>
            <table className="flow-table" data-testid="uncategorized-blocks">
              <thead><tr>
                <th scope="col">{t('analytics.compliance.case')}</th><th scope="col">{t('analytics.blockers.reason')}</th>
                <th scope="col">{t('analytics.blockers.since')}</th><th scope="col">{t('analytics.blockers.to')}</th><th scope="col">{t('analytics.blockers.suggestion')}</th>
              </tr></thead>
              <tbody>
                {b.uncategorized.slice(0, compact ? 10 : 200).map((u) => (
                  <tr key={u.blockId}>
                    <td>{u.caseNumber}</td><td>{u.reason ?? '–'}</td><td>{date(u.from)}</td><td>{u.to ? date(u.to) : '–'}</td>
                    <td>
                      {canCategorize ? (
                        <span className="row">
                          <select aria-label={`${t('analytics.blockers.suggestion')} ${u.caseNumber}`} value={String(choices[u.blockId] ?? u.suggestedCategoryId ?? '')}
                            onChange={(e) => setChoices({ ...choices, [u.blockId]: e.target.value === '' ? null : Number(e.target.value) })}>
                            <option value="">–</option>
                            {active.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
                          </select>
                          <button type="button" disabled={(choices[u.blockId] ?? u.suggestedCategoryId) === null}
                            onClick={() => void save([{ blockId: u.blockId, categoryId: choices[u.blockId] ?? u.suggestedCategoryId }])}>{t('analytics.blockers.saveOne')}</button>
                        </span>
                      ) : name(u.suggestedCategoryId)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </section>
  );
}

// ---------------------------------------------------------------------------------------------
// 4. Flow efficiency.

export function EfficiencySection({ teamId, from, to, compact = false }: { teamId: number; from: string; to: string; compact?: boolean }) {
  const { t, n, pct, date } = useFormat();
  const loaded = useLoaded(() => api.getFlowEfficiency({ teamId, from, to }), `efficiency ${teamId} ${from} ${to}`);
  const e = loaded.data;
  if (!e) return <section className="flow-card wide"><h2>{t('analytics.efficiency.title')}</h2><Loading error={loaded.error} /></section>;
  const data = e.weeks.map((w) => ({ weekStart: w.weekStart, efficiency: w.efficiency === null ? null : Math.round(w.efficiency * 1000) / 10, finished: w.finished }));
  return (
    <ChartCard id="efficiency" wide title={t('analytics.efficiency.title')} fileName={`flow-effektivitet ${from} ${to}`}
      description={t('analytics.efficiency.help', { columns: e.workColumns.map((c) => c.name).join(', ') })}
      actions={<ExportButton filename={`flow-effektivitet ${from} ${to}`} sheetName={t('analytics.efficiency.title')}
        columns={[{ key: 'case', header: t('analytics.efficiency.case') }, { key: 'finish', header: t('analytics.efficiency.finish') }, { key: 'work', header: t('analytics.efficiency.work') }, { key: 'total', header: t('analytics.efficiency.total') }, { key: 'eff', header: `${t('analytics.efficiency.efficiency')} (%)` }]}
        rows={e.items.map((i) => ({ case: i.caseNumber, finish: i.finish, work: i.workDays, total: i.totalDays, eff: i.efficiency === null ? null : Math.round(i.efficiency * 1000) / 10 }))}
        disabled={e.items.length === 0} />}>
      <div className="analytics-two">
        <div>
          <div className="flow-figures" style={{ gridTemplateColumns: 'minmax(170px, 240px)' }}>
            <Figure testId="efficiency-team" label={t('analytics.efficiency.team')} value={pct(e.efficiency)} hint={t('analytics.efficiency.teamHint', { n: n(e.items.length) })} />
          </div>
          <ResponsiveContainer width="100%" height={compact ? 180 : 240}>
            <LineChart data={data} margin={{ left: 0, right: 16, top: 8, bottom: 0 }}>
              <CartesianGrid stroke={GRID} />
              <XAxis dataKey="weekStart" tickFormatter={short} tick={{ fill: MUTED, fontSize: 12 }} />
              <YAxis unit=" %" domain={[0, 100]} tick={{ fill: MUTED, fontSize: 12 }} width={52} />
              <Tooltip labelFormatter={(l) => t('analytics.efficiency.week', { date: date(String(l)) })} formatter={(v) => [`${n(Number(v), 1)} %`, t('analytics.efficiency.series')]} />
              <Line dataKey="efficiency" name={t('analytics.efficiency.series')} stroke="#0b5cad" strokeWidth={2} connectNulls isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </div>
        <div>
          <h3>{t('analytics.efficiency.items')}</h3>
          <div className="flow-table-wrap" tabIndex={0} style={{ maxHeight: compact ? 240 : 320 }}>
            <table className="flow-table">
              <thead><tr>
                <th scope="col">{t('analytics.efficiency.case')}</th><th scope="col">{t('analytics.efficiency.finish')}</th>
                <th scope="col" className="num">{t('analytics.efficiency.work')}</th><th scope="col" className="num">{t('analytics.efficiency.total')}</th>
                <th scope="col" className="num">{t('analytics.efficiency.efficiency')}</th>
              </tr></thead>
              <tbody>
                {e.items.slice(0, compact ? 8 : 50).map((i) => (
                  <tr key={i.caseId}><td>{i.caseNumber}</td><td>{date(i.finish)}</td><td className="num">{n(i.workDays)}</td><td className="num">{n(i.totalDays)}</td><td className="num">{pct(i.efficiency)}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </ChartCard>
  );
}

// ---------------------------------------------------------------------------------------------
// 5. Ageing against pace.

const BAND_COLORS: Record<PaceBand, string> = {
  unknown: '#8a96a8', below50: '#1d6b3a', p50: '#6b8f00', p70: '#c07a00', p85: '#d0501a', p95: '#b3261e',
};

export function AgeingSection({ teamId, asOf }: { teamId: number; asOf: string | null }) {
  const { t, n, date } = useFormat();
  const loaded = useLoaded(() => api.getAgeingAgainstPace({ teamId, ...(asOf ? { asOf } : {}) }), `pace ${teamId} ${asOf}`);
  const a = loaded.data;
  if (!a) return <section className="flow-card wide"><h2>{t('analytics.ageing.title')}</h2><Loading error={loaded.error} /></section>;
  const active = a.columns.filter((c) => c.kind === 'active');
  const index = new Map(active.map((c, i) => [c.id, i]));
  const bands: PaceBand[] = ['p95', 'p85', 'p70', 'p50', 'below50', 'unknown'];
  const series = bands.map((band) => ({
    band,
    points: a.items.filter((i) => i.band === band && index.has(i.columnId)).map((i, k) => ({ x: index.get(i.columnId)! + ((k % 9) - 4) * 0.035, y: i.age, caseNumber: i.caseNumber })),
  })).filter((s) => s.points.length > 0);
  const stuck = a.items.filter((i) => i.band === 'p85' || i.band === 'p95').sort((x, y) => y.age - x.age);
  return (
    <ChartCard id="pace" wide title={t('analytics.ageing.title')} fileName={`aldring-mod-tempo ${a.asOf}`}
      description={t('analytics.ageing.help', { date: date(a.asOf), from: date(a.sampleFrom), to: date(a.sampleTo) })}>
      <div className="analytics-two">
        <ResponsiveContainer width="100%" height={300}>
          <ScatterChart margin={{ left: 0, right: 16, top: 8, bottom: 8 }}>
            <CartesianGrid stroke={GRID} />
            <XAxis type="number" dataKey="x" domain={[-0.5, active.length - 0.5]} ticks={active.map((_, i) => i)} tickFormatter={(v) => active[Math.round(Number(v))]?.name ?? ''} tick={{ fill: INK, fontSize: 12 }} />
            <YAxis type="number" dataKey="y" name={t('analytics.ageing.age')} tick={{ fill: MUTED, fontSize: 12 }} width={52}
              label={{ value: t('analytics.ageing.ageAxis'), angle: -90, position: 'insideLeft', fill: MUTED, fontSize: 12 }} />
            <ZAxis range={[28, 28]} />
            <Tooltip cursor={false} content={({ payload }) => {
              const p = payload?.[0]?.payload as { caseNumber: string; y: number } | undefined;
              return p ? <div className="flow-tooltip">{p.caseNumber}: {t('days', { count: p.y, n: n(p.y) })}</div> : null;
            }} />
            <Legend />
            {series.map((s) => <Scatter key={s.band} name={t(`analytics.ageing.bands.${s.band}`)} data={s.points} fill={BAND_COLORS[s.band]} isAnimationActive={false} />)}
          </ScatterChart>
        </ResponsiveContainer>
        <div>
          <table className="flow-table" data-testid="pace-columns">
            <thead><tr>
              <th scope="col">{t('analytics.ageing.column')}</th><th scope="col" className="num">{t('analytics.ageing.items')}</th>
              <th scope="col" className="num">50 %</th><th scope="col" className="num">70 %</th><th scope="col" className="num">85 %</th><th scope="col" className="num">95 %</th>
              <th scope="col" className="num">{t('analytics.ageing.sample')}</th>
            </tr></thead>
            <tbody>
              {active.map((c) => (
                <tr key={c.id}><th scope="row">{c.name}</th><td className="num">{n(a.items.filter((i) => i.columnId === c.id).length)}</td>
                  <td className="num">{n(c.p50)}</td><td className="num">{n(c.p70)}</td><td className="num">{n(c.p85)}</td><td className="num">{n(c.p95)}</td><td className="num">{n(c.count)}</td></tr>
              ))}
            </tbody>
          </table>
          <h3 style={{ marginTop: 12 }}>{t('analytics.ageing.stuck')} ({stuck.length})</h3>
          <p className="analytics-list">{stuck.slice(0, 30).map((s) => `${s.caseNumber} (${n(s.age)})`).join(' · ') || t('none')}</p>
        </div>
      </div>
    </ChartCard>
  );
}

// ---------------------------------------------------------------------------------------------
// 6. Cycle-time heat map.

export function HeatMapSection({ teamId, from, to }: { teamId: number; from: string; to: string }) {
  const { t, n } = useFormat();
  const loaded = useLoaded(() => api.getCycleTimeHeatMap({ teamId, from, to }), `heat ${teamId} ${from} ${to}`);
  const h = loaded.data;
  if (!h) return <section className="flow-card wide"><h2>{t('analytics.heatmap.title')}</h2><Loading error={loaded.error} /></section>;
  const paragraphs = [...new Set(h.byCaseworker.map((c) => c.row))];
  const people = [...h.people.map((p) => ({ key: String(p.id), label: p.initials, title: p.name })), ...(h.byCaseworker.some((c) => c.column === '') ? [{ key: '', label: t('analytics.heatmap.nobody'), title: t('analytics.heatmap.nobody') }] : [])];
  const cell = new Map(h.byCaseworker.map((c) => [`${c.row} ${c.column}`, c]));
  const max = Math.max(1, ...h.byCaseworker.map((c) => c.p85 ?? 0), ...h.byClass.map((c) => c.p85 ?? 0));
  // Light shades carry dark text and dark shades white text, both at 4.5:1 or better (WCAG AA).
  const shade = (p85: number | null) => {
    if (p85 === null) return undefined;
    const x = Math.min(1, p85 / max);
    return x <= 0.5
      ? { background: `rgba(11, 92, 173, ${0.06 + x * 0.78})`, color: INK }
      : { background: `rgba(11, 92, 173, ${0.86 + (x - 0.5) * 0.28})`, color: '#fff' };
  };
  return (
    <section className="flow-card wide analytics-section" aria-labelledby="heat-title" data-section="heatmap">
      <h2 id="heat-title">{t('analytics.heatmap.title')}</h2>
      <p className="flow-card-help">{t('analytics.heatmap.help')}</p>
      {h.byCaseworker.length === 0 ? <p className="flow-empty">{t('analytics.heatmap.none')}</p> : (
        <div className="flow-table-wrap analytics-heat" tabIndex={0}>
          <table className="flow-table" data-testid="heat-map">
            <thead><tr><th scope="col">{t('analytics.heatmap.paragraph')}</th>{people.map((p) => <th key={p.key} scope="col" className="num" title={p.title}>{p.label}</th>)}</tr></thead>
            <tbody>
              {paragraphs.map((row) => (
                <tr key={row}>
                  <th scope="row">{formatParagraph(row)}</th>
                  {people.map((p) => {
                    const c = cell.get(`${row} ${p.key}`);
                    return <td key={p.key} className="num heat-cell" style={c ? shade(c.p85) : undefined} title={c ? `${p.title}: ${t('analytics.heatmap.cell', { p50: n(c.p50), p85: n(c.p85), n: n(c.count) })}` : undefined}>
                      {c ? <>{n(c.p50)}/{n(c.p85)}<span className="heat-n"> ({n(c.count)})</span></> : ''}
                    </td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3 style={{ marginTop: 12 }}>{t('analytics.heatmap.classTitle')}</h3>
      <table className="flow-table compact" style={{ maxWidth: 520 }}>
        <thead><tr><th scope="col">{t('analytics.heatmap.cls')}</th><th scope="col" className="num">{t('analytics.heatmap.count')}</th><th scope="col" className="num">50 %</th><th scope="col" className="num">85 %</th></tr></thead>
        <tbody>
          {h.byClass.map((c) => (
            <tr key={c.row}><th scope="row">{t(`analytics.heatmap.classes.${c.row}`)}</th><td className="num">{n(c.count)}</td><td className="num">{n(c.p50)}</td><td className="num heat-cell" style={shade(c.p85)}>{n(c.p85)}</td></tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

// ---------------------------------------------------------------------------------------------
// 7. Forecast check.

export function ForecastSection({ teamId }: { teamId: number }) {
  const { t, locale, n, date } = useFormat();
  const loaded = useLoaded(() => api.getForecastCheck({ teamId, positions: 10 }), `forecast-check ${teamId}`);
  const f = loaded.data;
  if (!f) return <section className="flow-card wide"><h2>{t('analytics.forecast.title')}</h2><Loading error={loaded.error} /></section>;
  const s = f.stability;
  const monthNames = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2026, i, 1)).toLocaleDateString(locale === 'da' ? 'da-DK' : 'en-GB', { month: 'short', timeZone: 'UTC' }));
  const seasonal = f.seasonal.map((x) => ({ name: x.period === 13 ? t('analytics.forecast.christmas') : monthNames[x.period - 1]!, factor: Math.round(x.factor * 100) / 100 }));
  return (
    <section className="flow-card wide analytics-section" aria-labelledby="forecast-check-title" data-section="forecast">
      <h2 id="forecast-check-title">{t('analytics.forecast.title')}</h2>
      <div className={`analytics-banner ${s.stable ? 'ok' : 'warn'}`} role="status" data-testid="stability">
        <strong>{s.stable ? t('analytics.forecast.stable') : t('analytics.forecast.unstable')}</strong>
        {!s.stable && (
          <ul>
            {s.reasons.map((r) => (
              <li key={r}>{t(`analytics.forecast.reasons.${r}`, { first: n(s.firstHalfMean, 1), second: n(s.secondHalfMean, 1), cv: n(s.variation, 2) })}</li>
            ))}
          </ul>
        )}
        <span className="analytics-muted">{t('analytics.forecast.weeks')}: {s.weeks.join(' · ')}</span>
      </div>
      <div className="analytics-two">
        <div>
          <h3>{t('analytics.forecast.positionsTitle')}</h3>
          <p className="flow-card-help">{t('analytics.forecast.positionsHelp', { wip: n(f.wip) })}</p>
          <table className="flow-table" data-testid="positions">
            <thead><tr><th scope="col" className="num">{t('analytics.forecast.position')}</th><th scope="col">{t('analytics.forecast.case')}</th><th scope="col" className="num">{t('analytics.forecast.items')}</th><th scope="col">{t('analytics.forecast.p50')}</th><th scope="col">{t('analytics.forecast.p85')}</th></tr></thead>
            <tbody>
              {f.positions.map((p) => (
                <tr key={p.caseId}><td className="num">{p.position}</td><td>{p.caseNumber}</td><td className="num">{n(p.itemsToFinish)}</td>
                  <td>{p.p50 ? date(p.p50) : t('analytics.forecast.beyond')}</td><td>{p.p85 ? date(p.p85) : t('analytics.forecast.beyond')}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
        <div>
          <h3>{t('analytics.forecast.seasonTitle')}</h3>
          <p className="flow-card-help">{t('analytics.forecast.seasonHelp')}</p>
          <ResponsiveContainer width="100%" height={220}>
            <BarChart data={seasonal} margin={{ left: 0, right: 8, top: 8, bottom: 0 }}>
              <CartesianGrid stroke={GRID} vertical={false} />
              <XAxis dataKey="name" tick={{ fill: MUTED, fontSize: 11 }} interval={0} />
              <YAxis tick={{ fill: MUTED, fontSize: 12 }} width={36} domain={[0, 'auto']} />
              <Tooltip formatter={(v) => [n(Number(v), 2), t('analytics.forecast.factor')]} />
              <Bar dataKey="factor" name={t('analytics.forecast.factor')} isAnimationActive={false}>
                {seasonal.map((x) => <Cell key={x.name} fill={x.factor < 0.85 ? '#c07a00' : '#0b5cad'} />)}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
      </div>
    </section>
  );
}
