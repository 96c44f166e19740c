// CLI of sprints and plans: `invest --input FILE --json` for the finance department (no store
// needed) and `report plan --plan <id> --json`, registered as a subcommand of `report`.
import { readFileSync } from 'node:fs';
import { fieldErrors } from '../../../shared/api/dispatch';
import type { PlanDetail } from '../../../shared/api/methods/plans';
import { formatKroner, formatNumber } from '../../../shared/format';
import { computeInvestment, investmentInput, roundInvestment, type InvestmentYear } from '../../../shared/investment';
import { formatKpiValue, KPI_STATUS_LABELS } from '../../../shared/plans';
import { DB_OPTION, intOption, JSON_OPTION, printJson, requiredString, UsageError, type Command, type OptionSpec } from '../command';
import { withExistingStore } from '../store';
import { registerReportSubcommand } from './economy';
import { systemContext } from '../../../shared/api/define';

function yearTable(years: readonly InvestmentYear[]): string[] {
  const head = ['År', 'Personår', 'Besparelse', 'Erstatning', 'Drift', 'Netto', 'Implementering', 'Samlet'];
  const rows = years.map((y) => [
    String(y.year), formatNumber(y.personYears, 2), formatKroner(y.grossSaving === 0 ? 0 : -y.grossSaving), formatKroner(y.replacementCost),
    formatKroner(y.runningCosts), formatKroner(y.netChange), formatKroner(y.implementationCosts), formatKroner(y.totalEffect),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [head, ...rows].map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
}

export const investCommand: Command = {
  name: 'invest',
  summary: 'Beregn en investeringscase (årlige besparelser, omkostninger og tilbagebetalingstid)',
  usage: 'invest --input FILE [--json]',
  options: { input: { type: 'string' }, ...JSON_OPTION },
  run(values) {
    const file = requiredString(values, 'input');
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new UsageError(code === 'ENOENT' ? `Filen findes ikke: ${file}` : `Filen er ikke gyldig JSON: ${file} (${(error as Error).message})`);
    }
    const parsed = investmentInput.safeParse(raw);
    if (!parsed.success) {
      const fields = fieldErrors(parsed.error);
      if (values.json) printJson({ error: { code: 'invalid_input', fields } });
      console.error(`Fejl i ${file}:\n${fields.map((f) => `  ${f.field}: ${f.message}`).join('\n')}`);
      return 1;
    }
    const result = roundInvestment(computeInvestment(parsed.data));
    if (values.json) {
      printJson(result);
      return 0;
    }
    console.log(yearTable(result.years).join('\n'));
    console.log(`Tilbagebetalingstid: ${result.paybackYears === null ? 'betaler sig ikke tilbage i perioden' : `${result.paybackYears} år`}`);
    return 0;
  },
};

const REPORT_PLAN_OPTIONS: OptionSpec = { ...DB_OPTION, plan: { type: 'string' }, ...JSON_OPTION };

/** `report plan`: the plan's KPIs (baseline, target, current) and its investment cases. */
export function reportPlan(values: Record<string, string | boolean | undefined>): number {
  const planId = intOption(values, 'plan');
  if (planId === undefined) throw new UsageError('--plan mangler (planens id; se listen i appen eller listPlans).');
  if (planId < 1) throw new UsageError('--plan skal være et positivt helt tal.');
  return withExistingStore(values, (service) => {
    const envelope = service.dispatch('getPlan', { planId }, systemContext());
    if (!envelope.ok) {
      console.error(`Fejl: ${envelope.error.message}`);
      return 1;
    }
    const plan = envelope.value as PlanDetail;
    const kpis = plan.goals.flatMap((g) => g.kpis.map((k) => ({ goal: g.title, ...k })));
    const investments = plan.goals.flatMap((g) => g.investments.map((i) => ({ goal: g.title, ...i })));
    if (values.json) {
      printJson({
        plan: { id: plan.id, title: plan.title, team: plan.teamName, owner: plan.ownerName, periodStart: plan.periodStart, periodEnd: plan.periodEnd, asOf: plan.today },
        kpis: kpis.map((k) => ({
          id: k.id, goal: k.goal, kind: k.spec.kind, spec: k.spec, label: k.label, unit: k.unit, direction: k.direction,
          baseline: k.baseline, target: k.target, current: k.current, asOf: k.asOf, trend: k.trend, status: k.status,
        })),
        investments: investments.map((i) => ({
          id: i.id, goal: i.goal, title: i.title, fromParagraph: i.fromParagraph, toParagraph: i.toParagraph,
          years: i.planned, paybackYears: i.paybackYears, realised: i.realised,
        })),
      });
      return 0;
    }
    console.log(`${plan.title} (${plan.teamName}, ${plan.periodStart} – ${plan.periodEnd}), opgjort ${plan.today}`);
    for (const k of kpis) {
      console.log(`  ${k.label}: udgangspunkt ${formatKpiValue(k.baseline, k.unit)}, nu ${formatKpiValue(k.current, k.unit)}, mål ${formatKpiValue(k.target, k.unit)} – ${KPI_STATUS_LABELS[k.status]}`);
    }
    for (const i of investments) {
      console.log(`\n${i.title}`);
      console.log(yearTable(i.planned).map((l) => `  ${l}`).join('\n'));
      console.log(`  Tilbagebetalingstid: ${i.paybackYears === null ? 'betaler sig ikke tilbage i perioden' : `${i.paybackYears} år`}`);
    }
    return 0;
  });
}

registerReportSubcommand({
  name: 'plan',
  summary: 'En handleplans nøgletal (udgangspunkt, mål, nu) og investeringscases',
  usage: 'plan --db PATH --plan ID [--json]',
  options: REPORT_PLAN_OPTIONS,
  run: (values) => reportPlan(values),
});

export const plansCommands: Command[] = [investCommand];
