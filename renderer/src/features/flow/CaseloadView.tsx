// Sagstal (issue 7; issue 16 items 6 and 10): the weighted caseload per caseworker against the
// norm, with the unweighted count beside it — the one definition the plan KPI and the wall show
// too (docs/flow.md). A team, or for department-wide roles "Hele afdelingen": every team with its
// caseworkers and totals. A caseworker opens the cases behind their figure; a case number opens
// the case on the board.
import { Fragment, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { actsDepartmentWide } from '../../../../shared/api/define';
import type { CaseloadRow, CaseloadTeam, CaseloadWeight } from '../../../../shared/api/methods/flow';
import { caseloadStatus, type CaseloadTotals } from '../../../../shared/flow';
import { formatDate, formatNumber, formatParagraph, type Locale } from '../../../../shared/format';
import { api } from '../../api/client';
import { useLoaded } from '../../components/useLoaded';
import { can, useCan } from '../../stores/permissions';
import { useDepartmentChoice } from '../../stores/departmentChoice';
import { useSession } from '../../stores/session';
import { openCase } from '../../stores/caseOpener';
import { ChartCard, Figure } from './ChartCard';
import { downloadCsv } from './exporting';
import { GRID, MUTED } from './palette';
import './flow.css';
import { num, TableHead } from '../../components/TableHead';
import { NumberField } from '../../components/NumberField';
import { checkForm } from '../../components/formCheck';

const STATUS_COLORS = { over: '#b3261e', within: '#1d6b3a', under: '#6b7a90', no_norm: '#6b7a90' } as const;
/** Long lists stay readable on screen; the CSV export has every row. */
const SHOWN = 150;

export default function CaseloadView() {
  const { t, i18n } = useTranslation('flow');
  const locale: Locale = i18n.language === 'en' ? 'en' : 'da';
  const teamId = useSession((s) => s.teamId);
  const teams = useSession((s) => s.teams);
  const actor = useSession((s) => s.actor);
  // The whole department is for department-wide roles; the host refuses it to a team's people.
  const mayDepartment = actor !== null && actsDepartmentWide(actor.roles) && can(actor, 'getCaseload');
  const readable = teams.filter((x) => can(actor, 'getCaseload', x.id));
  const { wholeDepartment, pick } = useDepartmentChoice('caseload');
  const department = mayDepartment && wholeDepartment;
  const { data, error } = useLoaded(
    department || teamId !== null ? () => api.getCaseload(department ? {} : { teamId: teamId! }) : null,
    `${department} ${teamId}`,
    { keepPrevious: true },
  );

  const n = (v: number, d = 0) => formatNumber(v, d, locale);
  if (error) return <div className="notice error" role="alert">{error}</div>;
  if (!data) return <div className="notice" aria-busy="true">{t('loading')}</div>;

  const scopeName = data.scope === 'department' ? t('caseload.department') : data.team;
  const groups: CaseloadTeam[] = data.scope === 'department'
    ? data.teams
    : [{ teamId: data.teamId, team: data.team, rows: data.rows, totals: data.totals, deadlinesAtRisk: data.deadlines.length, overdueFollowUps: data.overdueFollowUps.length }];
  const fileBase = `${scopeName} ${data.today}`;
  const deadlines = groups.reduce((a, g) => a + g.deadlinesAtRisk, 0);
  const followUps = groups.reduce((a, g) => a + g.overdueFollowUps, 0);
  const percent = (v: number | null) => (v === null ? '–' : `${n(Math.round(v))} %`);

  return (
    <div data-feature="flow" className="flow-view">
      <header className="flow-head">
        <div>
          <h1>{t('caseload.title')}</h1>
          <p className="flow-sub"><strong>{scopeName}</strong> · {t('caseload.definition')}</p>
        </div>
        {(mayDepartment || readable.length > 1) && (
          <label className="flow-inline">
            {t('caseload.scope')}
            <select data-testid="caseload-scope" value={department ? 'department' : String(teamId ?? '')} onChange={(e) => pick(e.target.value)}>
              {mayDepartment && <option value="department">{t('caseload.department')}</option>}
              {readable.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
            </select>
          </label>
        )}
      </header>

      <section className="flow-figures" aria-label={t('figures.label')}>
        <Figure testId="caseload-weighted" label={t('caseload.weightedTotal')} value={n(data.totals.weighted, 1)}
          hint={data.totals.norm ? t('caseload.ofNorm', { percent: percent(data.totals.percentOfNorm), norm: n(data.totals.norm) }) : t('caseload.noNorm')} />
        <Figure testId="caseload-cases" label={t('caseload.casesTotal')} value={n(data.totals.cases)} hint={t('caseload.unassigned', { n: n(data.totals.unassigned) })} />
        <Figure label={t('caseload.overNorm')} value={n(data.totals.overNorm)} hint={t('caseload.overNormHint')} />
        <Figure label={t('caseload.deadlines')} value={n(deadlines)} hint={t('caseload.deadlinesHint')} />
        <Figure label={t('caseload.followUps')} value={n(followUps)} hint={t('caseload.followUpsHint')} />
      </section>

      <div className="flow-grid">
        {data.scope === 'department' ? <TeamChart teams={data.teams} fileBase={fileBase} /> : <CaseworkerChart rows={data.rows} fileBase={fileBase} />}

        <CaseloadTable
          groups={groups}
          department={data.scope === 'department' ? data.totals : null}
          fileBase={fileBase}
          onTeam={(id) => pick(String(id))}
        />

        {data.scope === 'team' && (
          <>
            <CaseList
              id="deadlines"
              title={t('caseload.deadlinesTitle', { n: n(data.deadlines.length) })}
              help={t('caseload.deadlinesHelp')}
              headers={[t('csv.case'), t('csv.paragraph'), t('csv.caseworker'), t('csv.column'), t('csv.deadline'), t('csv.daysLeft')]}
              rows={data.deadlines.map((d) => [d.caseNumber, formatParagraph(d.paragraph), d.assigneeName ?? t('caseload.nobody'), d.columnName, formatDate(d.legalDeadline, locale), d.daysLeft])}
              cases={data.deadlines.map((d) => ({ teamId: data.teamId, caseId: d.caseId }))}
              late={data.deadlines.map((d) => (d.daysLeft < 0 ? 'late' : d.daysLeft <= 7 ? 'soon' : ''))}
              fileName={`frister-i-fare ${fileBase}`}
            />
            <CaseList
              id="follow-ups"
              title={t('caseload.followUpsTitle', { n: n(data.overdueFollowUps.length) })}
              help={t('caseload.followUpsHelp')}
              headers={[t('csv.case'), t('csv.paragraph'), t('csv.caseworker'), t('csv.followUp'), t('csv.daysOverdue')]}
              rows={data.overdueFollowUps.map((f) => [f.caseNumber, formatParagraph(f.paragraph), f.assigneeName ?? t('caseload.nobody'), formatDate(f.nextFollowUp, locale), f.daysOverdue])}
              cases={data.overdueFollowUps.map((f) => ({ teamId: data.teamId, caseId: f.caseId }))}
              late={data.overdueFollowUps.map(() => 'late')}
              fileName={`opfoelgninger ${fileBase}`}
            />
          </>
        )}

        <Weights weights={data.weights} />
      </div>
    </div>
  );
}

function CaseworkerChart({ rows, fileBase }: { rows: CaseloadRow[]; fileBase: string }) {
  const { t, i18n } = useTranslation('flow');
  const n = (v: number, d = 0) => formatNumber(v, d, i18n.language === 'en' ? 'en' : 'da');
  return (
    <ChartCard id="caseload-chart" title={t('caseload.chartTitle')} description={t('caseload.chartHelp')} fileName={`sagstal ${fileBase}`} wide>
      <ResponsiveContainer width="100%" height={Math.max(240, rows.length * 30 + 60)}>
        <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }} barGap={2}>
          <CartesianGrid stroke={GRID} horizontal={false} />
          <XAxis type="number" stroke={MUTED} allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={170} stroke={MUTED} tick={{ fontSize: 12 }} interval={0} />
          <Tooltip formatter={(v, name) => [n(Number(v), 1), name]} />
          <Legend formatter={(value) => <span className="flow-legend-text">{value}</span>} />
          <Bar dataKey="weighted" name={t('caseload.weighted')} fill={STATUS_COLORS.within} isAnimationActive={false}>
            {rows.map((r) => <Cell key={r.personId} fill={STATUS_COLORS[r.status]} />)}
          </Bar>
          <Bar dataKey="norm" name={t('caseload.norm')} fill="#c9d2de" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

function TeamChart({ teams, fileBase }: { teams: CaseloadTeam[]; fileBase: string }) {
  const { t, i18n } = useTranslation('flow');
  const n = (v: number, d = 0) => formatNumber(v, d, i18n.language === 'en' ? 'en' : 'da');
  const data = teams.map((x) => ({ name: x.team, weighted: x.totals.weighted, norm: x.totals.norm, status: caseloadStatus(x.totals.normedWeighted, x.totals.norm || null) }));
  return (
    <ChartCard id="caseload-teams-chart" title={t('caseload.teamChartTitle')} description={t('caseload.teamChartHelp')} fileName={`sagstal ${fileBase}`} wide>
      <ResponsiveContainer width="100%" height={Math.max(240, data.length * 40 + 60)}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }} barGap={2}>
          <CartesianGrid stroke={GRID} horizontal={false} />
          <XAxis type="number" stroke={MUTED} allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={210} stroke={MUTED} tick={{ fontSize: 12 }} interval={0} />
          <Tooltip formatter={(v, name) => [n(Number(v), 1), name]} />
          <Legend formatter={(value) => <span className="flow-legend-text">{value}</span>} />
          <Bar dataKey="weighted" name={t('caseload.weighted')} fill={STATUS_COLORS.within} isAnimationActive={false}>
            {data.map((d) => <Cell key={d.name} fill={STATUS_COLORS[d.status]} />)}
          </Bar>
          <Bar dataKey="norm" name={t('caseload.norm')} fill="#c9d2de" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

/**
 * Per team (one group, or every team for the department) each caseworker's weighted caseload
 * with the unweighted count beside it, the team's line, and the department's line at the foot.
 */
function CaseloadTable({ groups, department, fileBase, onTeam }: {
  groups: CaseloadTeam[]; department: CaseloadTotals | null; fileBase: string; onTeam(teamId: number): void;
}) {
  const { t, i18n } = useTranslation('flow');
  const n = (v: number, d = 0) => formatNumber(v, d, i18n.language === 'en' ? 'en' : 'da');
  const [open, setOpen] = useState<string | null>(null);
  const byDepartment = department !== null;
  const ofNorm = (weighted: number, norm: number | null) => (norm ? Math.round((weighted / norm) * 100) : null);
  const pct = (v: number | null) => (v === null ? '–' : `${n(v)} %`);
  const all = (g: CaseloadTeam) => g.totals.cases + g.totals.unassigned;
  const headers = [
    ...(byDepartment ? [t('caseload.team')] : []), t('csv.caseworker'), t('caseload.weighted'), t('caseload.cases'), t('caseload.norm'),
    t('caseload.percent'), t('caseload.shareOfTeam'), t('caseload.status'), t('caseload.deadlines'), t('caseload.followUps'),
  ];
  const csvRows = groups.flatMap((g) => g.rows.map((r) => [
    ...(byDepartment ? [g.team] : []), r.name, r.weighted, r.activeCases, r.norm, ofNorm(r.weighted, r.norm),
    all(g) ? Math.round((r.activeCases / all(g)) * 1000) / 10 : null, t(`status.${r.status}`), r.deadlinesAtRisk, r.overdueFollowUps,
  ]));
  const totalCells = (x: CaseloadTotals, deadlines: number, followUps: number) => (
    <>
      <td className="num">{n(x.weighted, 1)}</td>
      <td className="num">{n(x.cases)}</td>
      <td className="num">{x.norm ? n(x.norm) : '–'}</td>
      <td className="num">{pct(x.percentOfNorm === null ? null : Math.round(x.percentOfNorm))}</td>
      <td className="num caseload-unassigned">{x.unassigned ? t('caseload.unassigned', { n: n(x.unassigned) }) : ''}</td>
      <td><TotalStatus totals={x} /></td>
      <td className="num">{n(deadlines)}</td>
      <td className="num">{n(followUps)}</td>
    </>
  );

  return (
    <section className="flow-card wide" aria-labelledby="caseload-table-title">
      <header className="flow-card-header">
        <h2 id="caseload-table-title">{byDepartment ? t('caseload.departmentTableTitle') : t('caseload.tableTitle')}</h2>
        <div className="flow-card-actions">
          <button type="button" onClick={() => downloadCsv(`sagstal ${fileBase}`, headers, csvRows)}>{t('export.csv')}</button>
        </div>
      </header>
      <p className="flow-card-help">{byDepartment ? t('caseload.departmentTableHelp') : t('caseload.teamTableHelp')}</p>
      <div className="flow-table-wrap caseload-table-wrap">
        <table className="flow-table caseload-table" data-testid="caseload-table">
          <TableHead columns={[t('csv.caseworker'), num(t('caseload.weighted')), num(t('caseload.cases')), num(t('caseload.norm')), num(t('caseload.percent')), num(t('caseload.shareOfTeam')), t('caseload.status'), num(t('caseload.deadlines')), num(t('caseload.followUps'))]} />
          {groups.map((g) => (
            <tbody key={g.teamId} data-team-id={g.teamId}>
              {byDepartment && (
                <tr className="caseload-team">
                  <th scope="rowgroup">
                    <button type="button" className="link" title={t('caseload.showTeam', { team: g.team })} onClick={() => onTeam(g.teamId)}>{g.team}</button>
                  </th>
                  {totalCells(g.totals, g.deadlinesAtRisk, g.overdueFollowUps)}
                </tr>
              )}
              {g.rows.map((r) => {
                const key = `${g.teamId}:${r.personId}`;
                const expanded = open === key;
                return (
                  <Fragment key={key}>
                    <tr className={r.status === 'over' ? 'over' : undefined} data-person-id={r.personId}>
                      <th scope="row" className={byDepartment ? 'caseload-member' : undefined}>
                        <button type="button" className="link" aria-expanded={expanded} title={t('caseload.showCases', { name: r.name })}
                          onClick={() => setOpen(expanded ? null : key)}>
                          <span aria-hidden="true">{expanded ? '▾' : '▸'} </span>{r.name}
                        </button>
                      </th>
                      <td className="num">{n(r.weighted, 1)}</td>
                      <td className="num">{n(r.activeCases)}</td>
                      <td className="num">{r.norm === null ? '–' : n(r.norm)}</td>
                      <td className="num">{pct(ofNorm(r.weighted, r.norm))}</td>
                      <td className="num">{all(g) ? `${n((r.activeCases / all(g)) * 100, 1)} %` : '–'}</td>
                      <td><span className={`flow-status ${r.status}`}>{t(`status.${r.status}`)}</span></td>
                      <td className="num">{n(r.deadlinesAtRisk)}</td>
                      <td className="num">{n(r.overdueFollowUps)}</td>
                    </tr>
                    {expanded && (
                      <tr className="caseload-drill">
                        <td colSpan={9}><HeldCases teamId={g.teamId} personId={r.personId} /></td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
              {!byDepartment && (
                <tr className="caseload-total">
                  <th scope="row">{t('caseload.teamRow', { team: g.team })}</th>
                  {totalCells(g.totals, g.deadlinesAtRisk, g.overdueFollowUps)}
                </tr>
              )}
            </tbody>
          ))}
          {department && (
            <tfoot>
              <tr className="caseload-total">
                <th scope="row">{t('caseload.departmentRow')}</th>
                {totalCells(department, groups.reduce((a, g) => a + g.deadlinesAtRisk, 0), groups.reduce((a, g) => a + g.overdueFollowUps, 0))}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </section>
  );
}

/** A team's (or the department's) line against the norm, by the caseworkers' rule. */
function TotalStatus({ totals }: { totals: CaseloadTotals }) {
  const { t } = useTranslation('flow');
  const status = caseloadStatus(totals.normedWeighted, totals.norm || null);
  return <span className={`flow-status ${status}`}>{t(`status.${status}`)}</span>;
}

/** The cases behind one caseworker's figure; each case number opens the case on the board. */
function HeldCases({ teamId, personId }: { teamId: number; personId: number }) {
  const { t, i18n } = useTranslation('flow');
  const locale: Locale = i18n.language === 'en' ? 'en' : 'da';
  const n = (v: number, d = 0) => formatNumber(v, d, locale);
  const { data, error } = useLoaded(() => api.getCaseloadCases({ teamId, personId }), `${teamId} ${personId}`, { keepPrevious: true });
  if (error) return <p className="flow-error" role="alert">{error}</p>;
  if (!data) return <p aria-busy="true">{t('loading')}</p>;
  return (
    <div className="caseload-cases" data-testid="caseload-cases">
      <h3>{t('caseload.casesOf', { name: data.name ?? t('caseload.nobody'), team: data.team, n: n(data.cases.length), weighted: n(data.weighted, 1) })}</h3>
      {data.cases.length === 0 ? <p className="flow-empty">{t('caseload.noCases')}</p> : (
        <table className="flow-table">
          <TableHead columns={[t('csv.case'), t('csv.paragraph'), num(t('caseload.weight')), t('csv.column'), t('csv.deadline')]} />
          <tbody>
            {data.cases.map((c) => (
              <tr key={c.caseId}>
                <td>
                  <button type="button" className="link" aria-label={t('caseload.openCase', { caseNumber: c.caseNumber })} onClick={() => void openCase(teamId, c.caseId)}>{c.caseNumber}</button>
                </td>
                <td>{formatParagraph(c.paragraph)}</td>
                <td className="num">{n(c.weight, 1)}</td>
                <td>{c.columnName}{c.done && <span className="flow-note-inline"> · {t('caseload.followedUp')}</span>}</td>
                <td>{c.legalDeadline && !c.done ? formatDate(c.legalDeadline, locale) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function Weights({ weights }: { weights: CaseloadWeight[] }) {
  const { t, i18n } = useTranslation('flow');
  const locale: Locale = i18n.language === 'en' ? 'en' : 'da';
  // The weights are the department's: whoever the contract lets set them (the visitationschef).
  const canWeigh = useCan('setCaseloadWeight');
  const [draft, setDraft] = useState<Record<string, number>>({});
  const form = useRef<HTMLFormElement>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function saveWeights() {
    if (form.current && !checkForm(form.current)) return;
    setSaving(true);
    setSaved(null);
    setError(null);
    for (const [paragraph, weight] of Object.entries(draft)) {
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
    <section className="flow-card wide" aria-labelledby="weights-title">
      <header className="flow-card-header"><h2 id="weights-title">{t('caseload.weightsTitle')}</h2></header>
      <p className="flow-card-help">{canWeigh ? t('caseload.weightsHelp') : t('caseload.weightsReadOnly')}</p>
      {error && <p className="flow-error" role="alert">{error}</p>}
      <form ref={form} noValidate onSubmit={(e) => { e.preventDefault(); void saveWeights(); }}>
        <div className="flow-weights">
          {weights.map((w) => (
            <label key={w.paragraph} title={w.updatedBy ? t('caseload.weightChanged', { by: w.updatedBy, date: formatDate(w.updatedAt, locale) }) : undefined}>
              <span>{formatParagraph(w.paragraph)} {w.label}</span>
              <NumberField required min={0.01} max={10} decimals={2} disabled={!canWeigh} aria-label={t('caseload.weightOf', { paragraph: formatParagraph(w.paragraph) })}
                value={draft[w.paragraph] ?? w.weight}
                onChange={(v) => v !== null && setDraft({ ...draft, [w.paragraph]: v })} />
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
  );
}

function CaseList({ id, title, help, headers, rows, cases, late, fileName }: {
  id: string; title: string; help: string; headers: string[]; rows: (string | number)[][];
  /** The case behind each row: its case number (the first cell) opens it on the board. */
  cases: { teamId: number; caseId: number }[];
  late: string[]; fileName: string;
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
        <div className="flow-table-wrap" tabIndex={0}>
          <table className="flow-table" data-testid={`${id}-table`}>
            <thead><tr>{headers.map((h, i) => <th key={h} scope="col" className={i === headers.length - 1 ? 'num' : undefined}>{h}</th>)}</tr></thead>
            <tbody>
              {rows.slice(0, SHOWN).map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) => (
                    <td key={i} className={i === row.length - 1 ? `num ${late[r] ? `flow-${late[r]}` : ''}` : undefined}>
                      {i === 0 && cases[r]
                        ? <button type="button" className="link" aria-label={t('caseload.openCase', { caseNumber: String(cell) })} onClick={() => void openCase(cases[r]!.teamId, cases[r]!.caseId)}>{cell}</button>
                        : cell}
                    </td>
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
