// The team leader's strategic action plan: goals with actions, KPIs computed from the store
// (baseline, current, target, trend, status), investment cases planned beside realised, and the
// plan's strategic priorities for the pull list. Printable on A4 (plans.css @media print).
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { KpiValue, PlanDetail, PlanGoal, PlanInvestment } from '../../../../shared/api/methods/plans';
import { formatDate, formatKroner, formatNumber, formatParagraph } from '../../../../shared/format';
import type { InvestmentYear } from '../../../../shared/investment';
import { formatKpiValue, KPI_CATALOGUE, type Direction, type KpiKind, type KpiSpec } from '../../../../shared/plans';
import { api } from '../../api/client';
import { useCan } from '../../stores/permissions';
import { useSession } from '../../stores/session';
import { useLoaded } from '../../components/useLoaded';
import './plans.css';
import { DateField } from '../../components/DateField';
import { num, TableHead } from '../../components/TableHead';
import { NumberField } from '../../components/NumberField';
import { checkForm, useFieldErrors } from '../../components/formCheck';

const KPI_FIELDS = ['spec.paragraph', 'spec.days', 'spec.weeks', 'target', 'direction'] as const;

export default function PlanView() {
  const { t } = useTranslation('plans');
  const teamId = useSession((s) => s.teamId);
  const plans = useLoaded(teamId === null ? null : () => api.listPlans({ teamId }), `plans:${teamId}`);
  const [chosen, setChosen] = useState<number | null>(null);
  const list = plans.data ?? [];
  const planId = list.some((p) => p.id === chosen) ? chosen : list[0]?.id ?? null;
  const plan = useLoaded(planId === null ? null : () => api.getPlan({ planId }), `plan:${planId}`);
  const canEdit = useCan('createPlan', teamId);
  const [creating, setCreating] = useState(false);

  useEffect(() => setChosen(null), [teamId]);

  return (
    <div data-feature="plans" className="plans-view plan-view">
      <header className="plans-header no-print">
        <h1>{t('plan.title')}</h1>
        {list.length > 1 && (
          <label className="inline-field">
            {t('plan.choose')}
            <select value={planId ?? ''} onChange={(e) => setChosen(Number(e.target.value))}>
              {list.map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
            </select>
          </label>
        )}
        {canEdit && <button type="button" onClick={() => setCreating((c) => !c)} aria-expanded={creating}>{t('plan.new')}</button>}
        {plan.data && <button type="button" onClick={() => window.print()}>{t('plan.print')}</button>}
      </header>
      {plans.error && <p className="plans-error" role="alert">{plans.error}</p>}
      {creating && teamId !== null && (
        <NewPlan teamId={teamId} onCreated={(id) => { setCreating(false); setChosen(id); plans.reload(); }} />
      )}
      {plans.data && list.length === 0 && !creating && (
        <p className="muted">{canEdit ? t('plan.noneLeader') : t('plan.none')}</p>
      )}
      {plan.error && <p className="plans-error" role="alert">{plan.error}</p>}
      {plan.data && <Plan plan={plan.data} canEdit={canEdit} onChanged={plan.reload} />}
    </div>
  );
}

function NewPlan({ teamId, onCreated }: { teamId: number; onCreated(id: number): void }) {
  const { t } = useTranslation('plans');
  const year = new Date().getFullYear();
  const [title, setTitle] = useState('');
  const [periodStart, setStart] = useState(`${year}-01-01`);
  const [periodEnd, setEnd] = useState(`${year}-12-31`);
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const result = await api.createPlan({ teamId, title, periodStart, periodEnd });
    if (!result.ok) return setError(result.error.message);
    onCreated(result.value.id);
  }
  return (
    <form className="plans-card plans-form no-print" onSubmit={(e) => void submit(e)} aria-label={t('plan.new')}>
      <h2>{t('plan.new')}</h2>
      <div className="form-row">
        <label className="grow">{t('plan.name')}<input value={title} onChange={(e) => setTitle(e.target.value)} required /></label>
        <label>{t('plan.start')}<DateField value={periodStart} onChange={setStart} required /></label>
        <label>{t('plan.end')}<DateField value={periodEnd} onChange={setEnd} required /></label>
      </div>
      {error && <p className="plans-error" role="alert">{error}</p>}
      <button type="submit" className="primary">{t('plan.create')}</button>
    </form>
  );
}

function Plan({ plan, canEdit, onChanged }: { plan: PlanDetail; canEdit: boolean; onChanged(): void }) {
  const { t, i18n } = useTranslation('plans');
  const locale = i18n.language === 'en' ? 'en' : 'da';
  const [goalTitle, setGoalTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function addGoal(e: FormEvent) {
    e.preventDefault();
    const result = await api.saveGoal({ planId: plan.id, title: goalTitle, description: null });
    if (!result.ok) return setError(result.error.message);
    setGoalTitle('');
    onChanged();
  }
  return (
    <article className="plan" aria-labelledby="plan-title">
      <header className="plan-head">
        <h2 id="plan-title">{plan.title}</h2>
        <p>
          {plan.teamName} · {t('plan.period')}: {formatDate(plan.periodStart, locale)} – {formatDate(plan.periodEnd, locale)} · {t('plan.owner')}: {plan.ownerName}
        </p>
        <p className="muted">{t('plan.computed', { date: formatDate(plan.today, locale) })}</p>
      </header>
      {plan.goals.map((goal, i) => <Goal key={goal.id} goal={goal} number={i + 1} canEdit={canEdit} onChanged={onChanged} />)}
      {plan.priorities.length > 0 && (
        <section className="plans-card" aria-labelledby="priorities-title">
          <h3 id="priorities-title">{t('plan.priorities')}</h3>
          <p className="muted">{t('plan.prioritiesIntro')}</p>
          <ul>
            {plan.priorities.map((p) => (
              <li key={p.id}>
                <strong>{p.label}</strong>: {p.weight} {t('plan.points')}
                {p.paragraph ? ` · ${formatParagraph(p.paragraph)}` : ''}{p.kind ? ` · ${t(`workKinds.${p.kind}`)}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
      {canEdit && (
        <form className="plans-card plans-form no-print" onSubmit={(e) => void addGoal(e)} aria-label={t('plan.addGoal')}>
          <div className="form-row">
            <label className="grow">{t('plan.newGoal')}<input value={goalTitle} onChange={(e) => setGoalTitle(e.target.value)} required /></label>
            <button type="submit" className="primary">{t('plan.addGoal')}</button>
          </div>
          {error && <p className="plans-error" role="alert">{error}</p>}
        </form>
      )}
    </article>
  );
}

function Goal({ goal, number, canEdit, onChanged }: { goal: PlanGoal; number: number; canEdit: boolean; onChanged(): void }) {
  const { t, i18n } = useTranslation('plans');
  const locale = i18n.language === 'en' ? 'en' : 'da';
  return (
    <section className="plans-card goal" aria-labelledby={`goal-${goal.id}`}>
      <h3 id={`goal-${goal.id}`}>{t('plan.goal')} {number}: {goal.title}</h3>
      {goal.description && <p>{goal.description}</p>}

      <h4>{t('kpi.title')}</h4>
      {goal.kpis.length === 0 ? <p className="muted">{t('kpi.none')}</p> : <KpiTable kpis={goal.kpis} />}
      {canEdit && <NewKpi goalId={goal.id} onSaved={onChanged} />}

      <h4>{t('action.title')}</h4>
      {goal.actions.length === 0 ? <p className="muted">{t('action.none')}</p> : (
        <table className="plans-table">
          <TableHead columns={[t('action.what'), t('action.owner'), t('action.due'), t('action.status'), t('action.cases')]} />
          <tbody>
            {goal.actions.map((a) => (
              <tr key={a.id}>
                <td>{a.title}</td>
                <td>{a.ownerName ?? '–'}</td>
                <td className={a.overdue ? 'overdue' : undefined}>{a.dueDate ? formatDate(a.dueDate, locale) : '–'}{a.overdue ? ` (${t('action.overdue')})` : ''}</td>
                <td><span className={`badge action-${a.status}`}>{t(`action.statuses.${a.status}`)}</span></td>
                <td>{a.cases.map((c) => c.caseNumber).join(', ') || '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit && <NewAction goalId={goal.id} onSaved={onChanged} />}

      {goal.investments.map((inv) => <Investment key={inv.id} investment={inv} />)}
    </section>
  );
}

const TREND_ARROWS = { improving: '▲', worsening: '▼', flat: '▶', unknown: '' } as const;

function KpiTable({ kpis }: { kpis: KpiValue[] }) {
  const { t, i18n } = useTranslation('plans');
  const n = (v: number, d = 0) => formatNumber(v, d, i18n.language === 'en' ? 'en' : 'da');
  return (
    <table className="plans-table kpis">
      <TableHead columns={[t('kpi.kpi'), num(t('kpi.baseline')), num(t('kpi.current')), num(t('kpi.target')), t('kpi.trend'), t('kpi.status')]} />
      <tbody>
        {kpis.map((k) => (
          <tr key={k.id} data-kpi={k.spec.kind}>
            <th scope="row">
              {k.label}<span className="muted small"> · {t(`kpi.direction.${k.direction}`)}</span>
              {k.caseload && (
                <span className="kpi-detail" data-testid="kpi-caseload">
                  {t('kpi.caseloadDetail', { weighted: n(k.caseload.weighted, 1), cases: n(k.caseload.cases), norm: n(k.caseload.norm) })}
                </span>
              )}
            </th>
            <td className="num">{formatKpiValue(k.baseline, k.unit)}</td>
            <td className="num kpi-current">{formatKpiValue(k.current, k.unit)}</td>
            <td className="num">{formatKpiValue(k.target, k.unit)}</td>
            <td className={`trend trend-${k.trend}`}>
              <span aria-hidden="true">{TREND_ARROWS[k.trend]} </span>{t(`kpi.trends.${k.trend}`)}
            </td>
            <td><span className={`badge kpi-${k.status}`}>{t(`kpi.statuses.${k.status}`)}</span></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function NewKpi({ goalId, onSaved }: { goalId: number; onSaved(): void }) {
  const { t } = useTranslation('plans');
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<KpiKind>('new_grants');
  const def = KPI_CATALOGUE.find((d) => d.kind === kind)!;
  const [paragraph, setParagraph] = useState('107');
  const [days, setDays] = useState<number | null>(365);
  const [weeks, setWeeks] = useState<number | null>(12);
  const [target, setTarget] = useState<number | null>(null);
  const [direction, setDirection] = useState<Direction>(def.defaultDirection);
  const [error, setError] = useState<string | null>(null);
  const fields = useFieldErrors(KPI_FIELDS);

  function spec(): KpiSpec {
    const p = paragraph.trim() === '' ? null : paragraph.trim();
    switch (kind) {
      case 'new_grants': return { kind, paragraph: p ?? '', days: days ?? 0 };
      case 'internal_share': return { kind, paragraph: p };
      case 'median_decision_days': return { kind, paragraph: p, days: days ?? 0 };
      case 'throughput_per_week': return { kind, weeks: weeks ?? 0 };
      default: return { kind } as KpiSpec;
    }
  }

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    fields.clear();
    setError(null);
    if (!checkForm(e.currentTarget) || target === null) return;
    const result = await api.saveKpi({ goalId, spec: spec(), target, direction });
    if (!result.ok) return setError(fields.take(result.error));
    setOpen(false);
    setTarget(null);
    setError(null);
    onSaved();
  }

  if (!open) return <button type="button" className="no-print add" onClick={() => setOpen(true)}>{t('kpi.add')}</button>;
  const has = (key: string) => def.params.some((p) => p.key === key);
  return (
    <form className="plans-form inline-form no-print" noValidate onSubmit={(e) => void submit(e)} aria-label={t('kpi.add')}>
      <div className="form-row">
        <label className="grow">{t('kpi.definition')}
          <select value={kind} onChange={(e) => {
            const next = KPI_CATALOGUE.find((d) => d.kind === e.target.value)!;
            setKind(next.kind);
            setDirection(next.defaultDirection);
            const p = next.params.find((x) => x.key === 'paragraph');
            setParagraph(p && typeof p.defaultValue === 'string' ? p.defaultValue : '');
            const d = next.params.find((x) => x.key === 'days');
            if (d && typeof d.defaultValue === 'number') setDays(d.defaultValue);
          }}>
            {KPI_CATALOGUE.map((d) => <option key={d.kind} value={d.kind}>{d.label}</option>)}
          </select>
        </label>
        {has('paragraph') && <label>{t('kpi.paragraph')}<input value={paragraph} onChange={(e) => setParagraph(e.target.value)} size={6}
          aria-invalid={fields.of('spec.paragraph') ? true : undefined} />{fields.of('spec.paragraph') && <span className="field-error">{fields.of('spec.paragraph')}</span>}</label>}
        {has('days') && <label>{t('kpi.days')}<NumberField required min={7} max={3 * 366} decimals={0} value={days} onChange={setDays} error={fields.of('spec.days')} /></label>}
        {has('weeks') && <label>{t('kpi.weeks')}<NumberField required min={1} max={104} decimals={0} value={weeks} onChange={setWeeks} error={fields.of('spec.weeks')} /></label>}
        <label>{t('kpi.target')}<NumberField required value={target} onChange={setTarget} error={fields.of('target')} /></label>
        <label>{t('kpi.directionLabel')}
          <select value={direction} onChange={(e) => setDirection(e.target.value as Direction)}>
            <option value="higher">{t('kpi.direction.higher')}</option>
            <option value="lower">{t('kpi.direction.lower')}</option>
          </select>
        </label>
      </div>
      <p className="muted small">{def.description}</p>
      {error && <p className="plans-error" role="alert">{error}</p>}
      <div className="form-row">
        <button type="submit" className="primary">{t('kpi.save')}</button>
        <button type="button" onClick={() => setOpen(false)}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}

function NewAction({ goalId, onSaved }: { goalId: number; onSaved(): void }) {
  const { t } = useTranslation('plans');
  const people = useSession((s) => s.people);
  const teamId = useSession((s) => s.teamId);
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [ownerId, setOwner] = useState<number | ''>('');
  const [dueDate, setDue] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const result = await api.saveAction({ goalId, title, ownerId: ownerId === '' ? null : ownerId, dueDate: dueDate || null, status: 'not_started', caseIds: [] });
    if (!result.ok) return setError(result.error.message);
    setOpen(false);
    setTitle('');
    onSaved();
  }
  if (!open) return <button type="button" className="no-print add" onClick={() => setOpen(true)}>{t('action.add')}</button>;
  return (
    <form className="plans-form inline-form no-print" onSubmit={(e) => void submit(e)} aria-label={t('action.add')}>
      <div className="form-row">
        <label className="grow">{t('action.what')}<input value={title} onChange={(e) => setTitle(e.target.value)} required /></label>
        <label>{t('action.owner')}
          <select value={ownerId} onChange={(e) => setOwner(e.target.value === '' ? '' : Number(e.target.value))}>
            <option value="">–</option>
            {people.filter((p) => p.teamId === teamId).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </label>
        <label>{t('action.due')}<DateField value={dueDate} onChange={setDue} /></label>
      </div>
      {error && <p className="plans-error" role="alert">{error}</p>}
      <div className="form-row">
        <button type="submit" className="primary">{t('action.save')}</button>
        <button type="button" onClick={() => setOpen(false)}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}

const LINES = ['personYears', 'grossSaving', 'replacementCost', 'runningCosts', 'netChange', 'implementationCosts', 'totalEffect'] as const;

function Investment({ investment }: { investment: PlanInvestment }) {
  const { t, i18n } = useTranslation('plans');
  const locale = i18n.language === 'en' ? 'en' : 'da';
  const realised = new Map(investment.realised.map((r) => [r.year, r]));
  const cell = (y: InvestmentYear | undefined, line: (typeof LINES)[number]) => {
    if (!y) return '–';
    if (line === 'personYears') return formatNumber(y.personYears, 2, locale);
    // Table 1 style: thousands of kroner, savings negative.
    const value = line === 'grossSaving' ? -y.grossSaving : y[line];
    return formatNumber(Math.round(value / 1000) || 0, 0, locale);
  };
  return (
    <div className="investment">
      <h4>{t('invest.title')}: {investment.title}</h4>
      <p className="muted small">
        {t('invest.assumptions', {
          citizens: formatNumber(investment.input.citizensPerYear, 0, locale), from: formatParagraph(investment.fromParagraph),
          to: formatParagraph(investment.toParagraph), start: formatDate(investment.input.start, locale),
          years: formatNumber(investment.input.durationYears, 1, locale), saving: formatKroner(investment.input.savingPerCitizenYear, locale),
          cost: formatKroner(investment.input.replacementCostPerCitizenYear, locale),
        })}
      </p>
      <div className="table-scroll">
        <table className="plans-table investment-table">
          <caption className="visually-hidden">{investment.title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('invest.unit')}</th>
              {investment.planned.map((y) => <th key={y.year} scope="col" className="num">{y.year}</th>)}
            </tr>
          </thead>
          <tbody>
            {LINES.map((line) => (
              <tr key={line} className={line === 'totalEffect' || line === 'netChange' ? 'sum' : undefined}>
                <th scope="row">{t(`invest.lines.${line}`)}</th>
                {investment.planned.map((y) => <td key={y.year} className="num">{cell(y, line)}</td>)}
              </tr>
            ))}
            <tr className="realised-head"><th scope="rowgroup" colSpan={investment.planned.length + 1}>{t('invest.realised')}</th></tr>
            {LINES.map((line) => (
              <tr key={`r-${line}`} className={`realised${line === 'totalEffect' ? ' sum' : ''}`}>
                <th scope="row">{t(`invest.lines.${line}`)}</th>
                {investment.planned.map((y) => <td key={y.year} className="num">{cell(realised.get(y.year), line)}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="payback">
        <strong>{t('invest.payback')}:</strong>{' '}
        <span data-testid="payback">{investment.paybackYears === null ? t('invest.never') : t('invest.years', { count: investment.paybackYears })}</span>
      </p>
      <p className="muted small">
        {t(investment.realisedSavingBasis === 'store' ? 'invest.realisedNoteStore' : 'invest.realisedNotePlan', {
          saving: formatKroner(investment.realisedSavingPerCitizenYear, locale), from: formatParagraph(investment.fromParagraph), to: formatParagraph(investment.toParagraph),
        })}
        {investment.realised.at(-1) ? ` ${t('invest.through', { date: formatDate(investment.realised.at(-1)!.through, locale) })}` : ''}
      </p>
    </div>
  );
}
