import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Caseload } from '../../../../shared/api/methods/flow';
import { formatDate, formatNumber, formatParagraph, type Locale } from '../../../../shared/format';
import { api } from '../../api/client';
import { useLive } from '../../stores/live';
import { useCan } from '../../stores/permissions';
import { useSession } from '../../stores/session';
import { ChartCard, Figure } from './ChartCard';
import { downloadCsv } from './exporting';
import { GRID, MUTED } from './palette';
import './flow.css';

const STATUS_COLORS = { over: '#b3261e', within: '#1d6b3a', under: '#6b7a90', no_norm: '#6b7a90' } as const;
/** Long lists stay readable on screen; the CSV export has every row. */
const SHOWN = 150;

export default function CaseloadView() {
  const { t, i18n } = useTranslation('flow');
  const locale: Locale = i18n.language === 'en' ? 'en' : 'da';
  const teamId = useSession((s) => s.teamId);
  const team = useSession((s) => s.teams.find((x) => x.id === s.teamId));
  const revision = useLive((s) => s.revision);
  const [data, setData] = useState<Caseload | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  // The weights are the department's: whoever the contract lets set them (the visitationschef).
  const canWeigh = useCan('setCaseloadWeight');

  useEffect(() => {
    if (teamId === null) return;
    let current = true;
    void api.getCaseload({ teamId }).then((result) => {
      if (!current) return;
      if (result.ok) {
        setData(result.value);
        setError(null);
      } else setError(result.error.message);
    });
    return () => {
      current = false;
    };
  }, [teamId, revision]);

  const n = (v: number, d = 0) => formatNumber(v, d, locale);
  if (error) return <div className="notice error" role="alert">{error}</div>;
  if (!data) return <div className="notice" aria-busy="true">{t('loading')}</div>;

  const total = data.rows.reduce((a, r) => a + r.activeCases, 0) + data.unassigned;
  const teamWeighted = data.rows.reduce((a, r) => a + r.weighted, 0);
  const over = data.rows.filter((r) => r.status === 'over').length;
  const fileBase = `${team?.name ?? 'team'} ${data.today}`;
  const percentOfNorm = (r: { weighted: number; norm: number | null }) => (r.norm ? Math.round((r.weighted / r.norm) * 100) : null);

  async function saveWeights() {
    if (!data) return;
    setSaving(true);
    setSaved(null);
    setError(null);
    for (const [paragraph, raw] of Object.entries(draft)) {
      const weight = Number(raw.replace(',', '.'));
      const result = await api.setCaseloadWeight({ paragraph, weight });
      if (!result.ok) {
        setError(result.error.message);
        setSaving(false);
        return;
      }
    }
    setDraft({});
    setSaving(false);
    setSaved(t('caseload.weightsSaved'));
  }

  return (
    <div className="flow-view">
      <header className="flow-head">
        <div>
          <h1>{t('caseload.title')}</h1>
          <p className="flow-sub">{team?.name} · {t('caseload.definition')}</p>
        </div>
      </header>

      <section className="flow-figures" aria-label={t('figures.label')}>
        <Figure label={t('caseload.held')} value={n(total)} hint={t('caseload.unassigned', { n: n(data.unassigned) })} />
        <Figure label={t('caseload.perCaseworker')} value={data.rows.length ? n(teamWeighted / data.rows.length, 1) : '–'} hint={t('caseload.weightedHint')} />
        <Figure label={t('caseload.overNorm')} value={n(over)} hint={t('caseload.overNormHint')} />
        <Figure label={t('caseload.deadlines')} value={n(data.deadlines.length)} hint={t('caseload.deadlinesHint')} />
        <Figure label={t('caseload.followUps')} value={n(data.overdueFollowUps.length)} hint={t('caseload.followUpsHint')} />
      </section>

      <div className="flow-grid">
        <ChartCard id="caseload-chart" title={t('caseload.chartTitle')} description={t('caseload.chartHelp')} fileName={`sagstal ${fileBase}`} wide>
          <ResponsiveContainer width="100%" height={Math.max(240, data.rows.length * 30 + 60)}>
            <BarChart data={data.rows} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }} barGap={2}>
              <CartesianGrid stroke={GRID} horizontal={false} />
              <XAxis type="number" stroke={MUTED} allowDecimals={false} />
              <YAxis type="category" dataKey="name" width={170} stroke={MUTED} tick={{ fontSize: 12 }} interval={0} />
              <Tooltip formatter={(v, name) => [n(Number(v), 1), name]} />
              <Legend />
              <Bar dataKey="weighted" name={t('caseload.weighted')} fill={STATUS_COLORS.within} isAnimationActive={false}>
                {data.rows.map((r) => <Cell key={r.personId} fill={STATUS_COLORS[r.status]} />)}
              </Bar>
              <Bar dataKey="norm" name={t('caseload.norm')} fill="#c9d2de" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </ChartCard>

        <section className="flow-card wide" aria-labelledby="caseload-table-title">
          <header className="flow-card-header">
            <h2 id="caseload-table-title">{t('caseload.tableTitle')}</h2>
            <div className="flow-card-actions">
              <button type="button" onClick={() => downloadCsv(`sagstal ${fileBase}`,
                [t('csv.caseworker'), t('caseload.active'), t('caseload.weighted'), t('caseload.norm'), t('caseload.percent'), t('caseload.shareOfTeam'), t('caseload.status'), t('caseload.deadlines'), t('caseload.followUps')],
                data.rows.map((r) => [r.name, r.activeCases, r.weighted, r.norm, percentOfNorm(r), total ? Math.round((r.activeCases / total) * 1000) / 10 : null, t(`status.${r.status}`), r.deadlinesAtRisk, r.overdueFollowUps]))}>
                {t('export.csv')}
              </button>
            </div>
          </header>
          <div className="flow-table-wrap">
            <table className="flow-table" data-testid="caseload-table">
              <thead>
                <tr>
                  <th scope="col">{t('csv.caseworker')}</th>
                  <th scope="col" className="num">{t('caseload.active')}</th>
                  <th scope="col" className="num">{t('caseload.weighted')}</th>
                  <th scope="col" className="num">{t('caseload.norm')}</th>
                  <th scope="col" className="num">{t('caseload.percent')}</th>
                  <th scope="col" className="num">{t('caseload.shareOfTeam')}</th>
                  <th scope="col">{t('caseload.status')}</th>
                  <th scope="col" className="num">{t('caseload.deadlines')}</th>
                  <th scope="col" className="num">{t('caseload.followUps')}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr key={r.personId} className={r.status === 'over' ? 'over' : undefined}>
                    <th scope="row">{r.name}</th>
                    <td className="num">{n(r.activeCases)}</td>
                    <td className="num">{n(r.weighted, 1)}</td>
                    <td className="num">{r.norm === null ? '–' : n(r.norm)}</td>
                    <td className="num">{percentOfNorm(r) === null ? '–' : `${n(percentOfNorm(r)!)} %`}</td>
                    <td className="num">{total ? `${n((r.activeCases / total) * 100, 1)} %` : '–'}</td>
                    <td><span className={`flow-status ${r.status}`}>{t(`status.${r.status}`)}</span></td>
                    <td className="num">{n(r.deadlinesAtRisk)}</td>
                    <td className="num">{n(r.overdueFollowUps)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>

        <CaseList
          id="deadlines"
          title={t('caseload.deadlinesTitle', { n: n(data.deadlines.length) })}
          help={t('caseload.deadlinesHelp')}
          headers={[t('csv.case'), t('csv.paragraph'), t('csv.caseworker'), t('csv.column'), t('csv.deadline'), t('csv.daysLeft')]}
          rows={data.deadlines.map((d) => [d.caseNumber, formatParagraph(d.paragraph), d.assigneeName ?? t('caseload.nobody'), d.columnName, formatDate(d.legalDeadline, locale), d.daysLeft])}
          late={data.deadlines.map((d) => (d.daysLeft < 0 ? 'late' : d.daysLeft <= 7 ? 'soon' : ''))}
          fileName={`frister-i-fare ${fileBase}`}
        />
        <CaseList
          id="follow-ups"
          title={t('caseload.followUpsTitle', { n: n(data.overdueFollowUps.length) })}
          help={t('caseload.followUpsHelp')}
          headers={[t('csv.case'), t('csv.paragraph'), t('csv.caseworker'), t('csv.followUp'), t('csv.daysOverdue')]}
          rows={data.overdueFollowUps.map((f) => [f.caseNumber, formatParagraph(f.paragraph), f.assigneeName ?? t('caseload.nobody'), formatDate(f.nextFollowUp, locale), f.daysOverdue])}
          late={data.overdueFollowUps.map(() => 'late')}
          fileName={`opfoelgninger ${fileBase}`}
        />

        <section className="flow-card wide" aria-labelledby="weights-title">
          <header className="flow-card-header"><h2 id="weights-title">{t('caseload.weightsTitle')}</h2></header>
          <p className="flow-card-help">{canWeigh ? t('caseload.weightsHelp') : t('caseload.weightsReadOnly')}</p>
          <form onSubmit={(e) => { e.preventDefault(); void saveWeights(); }}>
            <div className="flow-weights">
              {data.weights.map((w) => (
                <label key={w.paragraph} title={w.updatedBy ? t('caseload.weightChanged', { by: w.updatedBy, date: formatDate(w.updatedAt, locale) }) : undefined}>
                  <span>{formatParagraph(w.paragraph)} {w.label}</span>
                  <input type="number" min={0.1} max={10} step={0.1} disabled={!canWeigh} aria-label={t('caseload.weightOf', { paragraph: formatParagraph(w.paragraph) })}
                    value={draft[w.paragraph] ?? String(w.weight)}
                    onChange={(e) => setDraft({ ...draft, [w.paragraph]: e.target.value })} />
                </label>
              ))}
            </div>
            {canWeigh && (
              <p className="row">
                <button type="submit" className="primary" disabled={saving || Object.keys(draft).length === 0}>{t('caseload.saveWeights')}</button>
                {saved && <span role="status"> {saved}</span>}
              </p>
            )}
          </form>
        </section>
      </div>
    </div>
  );
}

function CaseList({ id, title, help, headers, rows, late, fileName }: {
  id: string; title: string; help: string; headers: string[]; rows: (string | number)[][]; late: string[]; fileName: string;
}) {
  const { t } = useTranslation('flow');
  return (
    <section className="flow-card" aria-labelledby={`${id}-title`}>
      <header className="flow-card-header">
        <h2 id={`${id}-title`}>{title}</h2>
        <div className="flow-card-actions">
          <button type="button" onClick={() => downloadCsv(fileName, headers, rows)} disabled={rows.length === 0}>{t('export.csv')}</button>
        </div>
      </header>
      <p className="flow-card-help">{help}</p>
      {rows.length === 0 ? <p className="flow-empty">{t('none')}</p> : (
        <div className="flow-table-wrap">
          <table className="flow-table" data-testid={`${id}-table`}>
            <thead><tr>{headers.map((h, i) => <th key={h} scope="col" className={i === headers.length - 1 ? 'num' : undefined}>{h}</th>)}</tr></thead>
            <tbody>
              {rows.slice(0, SHOWN).map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) => (
                    <td key={i} className={i === row.length - 1 ? `num ${late[r] ? `flow-${late[r]}` : ''}` : undefined}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length > SHOWN && <p className="flow-note">{t('moreInCsv', { shown: SHOWN, total: rows.length })}</p>}
        </div>
      )}
    </section>
  );
}
