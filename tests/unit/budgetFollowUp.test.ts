// The budget follow-up for the leaders' meeting (shared/budgetFollowUp.ts): which sheets, rows
// and columns the XLSX/CSV files carry for a team and for the department, how the workbook is
// formatted, what the A4 PDF draws, the file name and which API calls gather the data.
import { describe, expect, it, vi } from 'vitest';
import {
  followUpCsv, followUpFileName, followUpPdf, followUpSheets, gatherFollowUp, type Sheet,
} from '../../shared/budgetFollowUp';
import { followUpData } from './budgetFollowUp.fixture';

// jsPDF is replaced by a recorder: the test reads what was drawn where, not the PDF bytes.
const pdf = vi.hoisted(() => ({ docs: [] as { calls: unknown[][]; options: unknown }[] }));
vi.mock('jspdf', () => {
  class jsPDF {
    calls: unknown[][] = [];
    pages = 1;
    constructor(options: unknown) {
      pdf.docs.push({ calls: this.calls, options });
      return new Proxy(this, {
        get: (target, prop: string) => {
          if (prop === 'getNumberOfPages') return () => target.pages;
          if (prop === 'splitTextToSize') return (text: string) => [`${text}`, 'rest'];
          if (prop === 'output') return () => new Uint8Array([37, 80, 68, 70]).buffer;
          if (prop === 'calls' || prop === 'pages') return target[prop];
          return (...args: unknown[]) => {
            if (prop === 'addPage') target.pages++;
            target.calls.push([prop, ...args]);
          };
        },
      });
    }
  }
  return { jsPDF };
});

const columns = (s: Sheet) => s.columns.map((c) => [c.key, c.header, c.kind, c.width]);
const sheet = (sheets: Sheet[], name: string) => sheets.find((s) => s.name === name)!;

describe('the follow-up sheets', () => {
  it('the department follow-up has the bottom line, trend, booked and takst sheets; the decomposition is a team\'s only', () => {
    expect(followUpSheets(followUpData(null)).map((s) => s.name)).toEqual(['Nul på bundlinjen', 'Udvikling', 'Bogført', 'Takstansvar']);
    expect(followUpSheets(followUpData(1)).map((s) => s.name)).toEqual(['Nul på bundlinjen', 'Udvikling', 'Sammensætning', 'Dyre enkeltsager', 'Bogført', 'Takstansvar']);
  });

  it('the bottom line sheet lists every team, the department\'s own lines and then the whole department, with the status in Danish', () => {
    const s = followUpSheets(followUpData(null))[0]!;
    expect(s.title).toBe('Nul på bundlinjen 2026, opgjort 30.06.2026 (som kendt ved dagens slutning)');
    expect(columns(s)).toEqual([
      ['team', 'Team / linje', 'text', 36], ['budget', 'Budget', 'money', 18], ['spent', 'Forbrugt', 'money', 18], ['committed', 'Disponeret', 'money', 18],
      ['forecast', 'Prognose', 'money', 18], ['bottomLine', 'Bundlinje', 'money', 18], ['sinceLastWeek', 'Siden sidste uge', 'money', 18],
      ['sinceLastMonth', 'Siden sidste måned', 'money', 18], ['sinceYearStart', 'Siden 1. januar', 'money', 18], ['pipeline', 'Pipeline', 'money', 18],
      ['status', 'Status', 'text', 14],
    ]);
    expect(s.rows).toEqual([
      { team: 'Team Botilbud', budget: 10_000_000, spent: 4_000_000, committed: 5_000_000, forecast: 9_000_000, bottomLine: 1_000_000, sinceLastWeek: -12_000.4, sinceLastMonth: 30_000, sinceYearStart: 0.2, pipeline: 250_000, status: 'Under budget' },
      { team: 'Team Bostøtte', budget: 5_000_000, spent: 3_000_000, committed: 2_400_000, forecast: 5_400_000, bottomLine: -400_000, sinceLastWeek: 5_000, sinceLastMonth: -7_000, sinceYearStart: -400_000, pipeline: 0, status: 'Over budget' },
      { team: 'Ledelse og sekretariat', budget: 1_000_000, spent: 500_000, committed: 200_000, forecast: 700_000, bottomLine: 300_000 },
      { team: 'Hele afdelingen', budget: 16_000_000, spent: 7_500_000, committed: 7_600_000, forecast: 15_100_000, bottomLine: 900_000, sinceLastWeek: -7_000, sinceLastMonth: 23_000, sinceYearStart: -399_999.8, pipeline: 250_000, status: 'På nul' },
    ]);
  });

  it('a team\'s follow-up shows that team alone, without the department\'s lines, even when the report holds more teams', () => {
    const data = followUpData(1);
    data.report.teams.push({ ...data.report.teams[0]!, teamId: 2, team: 'Team Bostøtte' });
    data.report.department = followUpData(null).report.department!;
    expect(followUpSheets(data)[0]!.rows.map((r) => r.team)).toEqual(['Team Botilbud']);
  });

  it('the trend sheet has a row per week of the longer year, blank where one year has no point yet', () => {
    const s = followUpSheets(followUpData(null))[1]!;
    expect(s.title).toBe('Hele afdelingen: bundlinjen uge for uge som kendt hver uge, 2026 og 2025');
    expect(columns(s)).toEqual([
      ['week', 'Uge', 'int', 8], ['date', 'Opgjort 2026', 'date', 14], ['thisYear', 'Bundlinje 2026', 'money', 18],
      ['lastDate', 'Opgjort 2025', 'date', 14], ['lastYear', 'Bundlinje 2025', 'money', 18],
    ]);
    expect(s.rows).toEqual([
      { week: 0, date: '2025-12-31', thisYear: 500_000, lastDate: '2024-12-31', lastYear: 0 },
      { week: 1, date: '2026-01-07', thisYear: 800_000, lastDate: '2025-01-07', lastYear: -100_000 },
      { week: 2, date: '2026-01-14', thisYear: 1_000_000, lastDate: '2025-01-14', lastYear: -300_000 },
      { week: 3, date: null, thisYear: null, lastDate: '2025-01-21', lastYear: -200_000 },
      { week: 4, date: null, thisYear: null, lastDate: '2025-01-28', lastYear: 200_000 },
    ]);
    // And the other way round: last year shorter than this year.
    const data = followUpData(null);
    [data.series.thisYear.points, data.series.lastYear.points] = [data.series.lastYear.points, data.series.thisYear.points];
    const swapped = followUpSheets(data)[1]!.rows;
    expect(swapped).toHaveLength(5);
    expect(swapped[4]).toEqual({ week: 4, date: '2025-01-28', thisYear: 200_000, lastDate: null, lastYear: null });
  });

  it('the decomposition gives each kind\'s total with its number of grants, then the grants, then the total change', () => {
    const s = sheet(followUpSheets(followUpData(1)), 'Sammensætning');
    expect(s.title).toBe('Team Botilbud: prognosens ændring 31.12.2025–30.06.2026 fordelt på nye, ophørte, volumen og pris');
    expect(columns(s)).toEqual([
      ['component', 'Del', 'text', 26], ['caseNumber', 'Sag', 'text', 16], ['caseworker', 'Rådgiver', 'text', 22],
      ['grant', 'Bevilling', 'text', 60], ['effect', 'Ændring af prognosen', 'money', 20],
    ]);
    expect(s.rows).toEqual([
      { component: 'Nye bevillinger', caseNumber: '1 bevillinger', caseworker: null, grant: null, effect: 300_000 },
      { component: 'Nye bevillinger', caseNumber: 'S-101', caseworker: 'Ane Berg', grant: '§ 107 Midlertidigt botilbud', effect: 300_000 },
      { component: 'Ophørte bevillinger', caseNumber: '1 bevillinger', caseworker: null, grant: null, effect: -900_000 },
      { component: 'Ophørte bevillinger', caseNumber: 'S-102', caseworker: null, grant: '§ 108 Længerevarende botilbud', effect: -900_000 },
      { component: 'Ændret omfang (volumen)', caseNumber: '0 bevillinger', caseworker: null, grant: null, effect: 100_000 },
      { component: 'Ændret takst (pris)', caseNumber: '0 bevillinger', caseworker: null, grant: null, effect: 0 },
      { component: 'I alt', caseNumber: null, caseworker: null, grant: null, effect: -500_000 },
    ]);
  });

  it('the expensive single cases name their paragraphs and the threshold they are over', () => {
    const s = sheet(followUpSheets(followUpData(1)), 'Dyre enkeltsager');
    expect(s.title).toBe('Team Botilbud: særligt dyre enkeltsager (fra 1.000.000 kr. om året)');
    expect(columns(s)).toEqual([
      ['caseNumber', 'Sag', 'text', 16], ['caseworker', 'Rådgiver', 'text', 22], ['paragraphs', 'Paragraf', 'text', 14],
      ['grants', 'Bevillinger', 'int', 10], ['yearlyCost', 'Årlig udgift', 'money', 18], ['costThisYear', 'Udgift 2026', 'money', 18],
    ]);
    expect(s.rows).toEqual([{ caseNumber: 'S-102', caseworker: null, paragraphs: '§ 108, § 85', grants: 2, yearlyCost: 1_900_000, costThisYear: 950_000 }]);
  });

  it('the booked sheet names the months in Danish, marks unbooked and attention months, and department-wide names each marked team', () => {
    const s = sheet(followUpSheets(followUpData(null)), 'Bogført');
    expect(s.title).toBe('Hele afdelingen: bogført i økonomisystemet mod forbrug efter bevillingerne 2026 (bevillinger som kendt 30.06.2026; markeret ved forskel over 5 % og over 50.000 kr.)');
    expect(columns(s)).toEqual([
      ['team', 'Team', 'text', 26], ['month', 'Måned', 'text', 30], ['booked', 'Bogført', 'money', 18], ['grantBased', 'Efter bevillinger', 'money', 18],
      ['difference', 'Forskel (bogført − bevillinger)', 'money', 24], ['remark', 'Bemærkning', 'text', 70],
    ]);
    expect(s.rows).toHaveLength(3 * 13);
    expect(s.rows.slice(0, 13).map((r) => r.month)).toEqual([
      'januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december', 'I alt (3 bogførte måneder)',
    ]);
    expect(s.rows.slice(0, 4)).toEqual([
      { team: 'Hele afdelingen', month: 'januar', booked: 800_000, grantBased: 800_000, difference: 0, remark: null },
      {
        team: 'Hele afdelingen', month: 'februar', booked: 900_000, grantBased: 800_000, difference: 100_000,
        remark: 'Bogført mere end bevillingerne – registreringer mangler?. Team Botilbud: bogført mere – registreringer mangler?',
      },
      {
        team: 'Hele afdelingen', month: 'marts', booked: 700_000, grantBased: 800_000, difference: -100_000,
        remark: 'Bogført mindre end bevillingerne – ophørte bevillinger eller regninger, der ikke er betalt endnu?. Team Bostøtte: bogført mindre end bevillingerne',
      },
      { team: 'Hele afdelingen', month: 'april', booked: null, grantBased: 800_000, difference: null, remark: 'Ikke bogført endnu' },
    ]);
    expect(s.rows[12]).toEqual({ team: 'Hele afdelingen', month: 'I alt (3 bogførte måneder)', booked: 2_400_000, grantBased: 2_400_000, difference: 0, remark: null });
    // Each team's own months follow, with only its own remarks.
    expect(s.rows.slice(13, 16)).toEqual([
      { team: 'Team Botilbud', month: 'januar', booked: 500_000, grantBased: 500_000, difference: 0, remark: null },
      { team: 'Team Botilbud', month: 'februar', booked: 600_000, grantBased: 500_000, difference: 100_000, remark: 'Bogført mere end bevillingerne – registreringer mangler?' },
      { team: 'Team Botilbud', month: 'marts', booked: 400_000, grantBased: 500_000, difference: -100_000, remark: null },
    ]);
    expect(s.rows[25]).toEqual({ team: 'Team Botilbud', month: 'I alt (3 bogførte måneder)', booked: 1_500_000, grantBased: 1_500_000, difference: 0, remark: null });
    expect(s.rows.slice(26).map((r) => r.team)).toEqual(Array(13).fill('Team Bostøtte'));
  });

  it('a team\'s booked sheet has the team\'s months alone, without naming teams in the remarks', () => {
    const s = sheet(followUpSheets(followUpData(1)), 'Bogført');
    expect(s.rows).toHaveLength(13);
    expect(s.rows.map((r) => r.team)).toEqual(Array(13).fill('Team Botilbud'));
    expect(s.rows[1]!.remark).toBe('Bogført mere end bevillingerne – registreringer mangler?');
    expect(s.rows[2]!.remark).toBe('Bogført mindre end bevillingerne – ophørte bevillinger eller regninger, der ikke er betalt endnu?');
  });

  it('the takst sheet has one row per compared group, the caseworker\'s own figures on the first only, and a blank row for one without grants', () => {
    const s = sheet(followUpSheets(followUpData(null)), 'Takstansvar');
    expect(s.title).toBe('Takstansvar pr. 30.06.2026: medianen af rådgiverens takster mod kollegernes for samme paragraf, enhed, ydelse, takstkategori og leverandørtype');
    expect(columns(s)).toEqual([
      ['name', 'Rådgiver', 'text', 24], ['yearlyCost', 'Årlig udgift', 'money', 18], ['grantCount', 'Bevillinger', 'int', 10],
      ['internalShare', 'Intern andel', 'share', 10], ['group', 'Sammenlignet med', 'text', 56], ['count', 'Antal', 'int', 8],
      ['median', 'Median takst', 'money', 18], ['reference', 'Kollegernes median', 'money', 18], ['direction', 'Retning', 'text', 10],
      ['outlier', 'Afviger', 'text', 9],
    ]);
    expect(s.rows).toEqual([
      { name: 'Ane Berg', yearlyCost: 2_400_000, grantCount: 3, internalShare: 0.75, group: '§ 85 Socialpædagogisk støtte (B), intern', count: 2, median: 600, reference: 480, direction: '▲ over', outlier: 'Ja' },
      { name: 'Ane Berg', yearlyCost: null, grantCount: null, internalShare: null, group: '§ 107 Midlertidigt botilbud, ekstern', count: 1, median: 1500, reference: 1600, direction: '▼ under', outlier: 'Nej' },
      { name: 'Ane Berg', yearlyCost: null, grantCount: null, internalShare: null, group: '§ 108 Botilbud, ekstern', count: 1, median: 2000, reference: 2000, direction: '=', outlier: 'Nej' },
      { name: 'Bo Dahl', yearlyCost: 0, grantCount: 0, internalShare: null, group: null, count: null, median: null, reference: null, direction: null, outlier: null },
      { name: 'Carl Eg', yearlyCost: 500_000, grantCount: 1, internalShare: 0, group: '§ 85 Socialpædagogisk støtte (A), ekstern', count: 1, median: 300, reference: 480, direction: '▼ under', outlier: 'Ja' },
    ]);
    expect(sheet(followUpSheets(followUpData(2)), 'Takstansvar').rows.map((r) => r.name)).toEqual(['Bo Dahl', 'Carl Eg']);
  });
});

describe('the follow-up files', () => {
  it('the CSV file carries every sheet under its title line, one BOM at the very start', () => {
    const csv = followUpCsv(followUpSheets(followUpData(1)));
    expect(csv.startsWith('\ufeffNul på bundlinjen 2026, opgjort 30.06.2026 (som kendt ved dagens slutning)\r\nTeam / linje;Budget;')).toBe(true);
    expect(csv.match(/\ufeff/g)).toHaveLength(1);
    expect(csv).toContain('\r\n\r\nTeam Botilbud: særligt dyre enkeltsager (fra 1.000.000 kr. om året)\r\nSag;Rådgiver;Paragraf;Bevillinger;Årlig udgift;Udgift 2026\r\nS-102;;§ 108, § 85;2;1.900.000;950.000\r\n');
  });

  it('the file name is the scope in ASCII with the as-of date', () => {
    expect(followUpFileName('Team Bostøtte & Æbler/Åer', '2026-12-01')).toBe('budgetopfoelgning-team-bostoette-aebler-aaer-2026-12-01');
    expect(followUpFileName('-Hele afdelingen-', '2026-12-01')).toBe('budgetopfoelgning-hele-afdelingen-2026-12-01');
    expect(followUpFileName('Team !', '2026-12-01')).toBe('budgetopfoelgning-team-2026-12-01');
  });
});

describe('gathering the follow-up', () => {
  const answers = (method: string) => {
    const data = followUpData(1);
    return {
      getBottomLine: data.report, getBottomLineSeries: data.series, getBottomLineDecomposition: data.decomposition,
      getFinanceComparison: data.finance, getTakstResponsibility: data.takst,
    }[method];
  };

  it('a team\'s follow-up asks for that team only, with the decomposition since 31 December before', async () => {
    const calls: [string, Record<string, unknown>][] = [];
    const data = await gatherFollowUp(async (method, input) => {
      calls.push([method, input]);
      return answers(method);
    }, { asOf: '2026-06-30', teamId: 1 });
    expect(calls).toEqual([
      ['getBottomLine', { asOf: '2026-06-30', teamId: 1 }],
      ['getBottomLineSeries', { asOf: '2026-06-30', teamId: 1 }],
      ['getBottomLineDecomposition', { teamId: 1, from: '2025-12-31', asOf: '2026-06-30' }],
      ['getFinanceComparison', { year: 2026, asOf: '2026-06-30', teamId: 1 }],
      ['getTakstResponsibility', { asOf: '2026-06-30', teamId: 1 }],
    ]);
    expect(data).toEqual({ ...followUpData(1), scopeName: 'Team Botilbud' });
  });

  it('the department\'s follow-up asks without a team and has no decomposition; an unknown team is named by its id', async () => {
    const calls: [string, Record<string, unknown>][] = [];
    const data = await gatherFollowUp(async (method, input) => {
      calls.push([method, input]);
      return answers(method);
    }, { asOf: '2026-06-30' });
    expect(calls).toEqual([
      ['getBottomLine', { asOf: '2026-06-30' }],
      ['getBottomLineSeries', { asOf: '2026-06-30' }],
      ['getFinanceComparison', { year: 2026, asOf: '2026-06-30' }],
      ['getTakstResponsibility', { asOf: '2026-06-30' }],
    ]);
    expect(data.teamId).toBeNull();
    expect(data.scopeName).toBe('Hele afdelingen');
    expect(data.decomposition).toBeNull();
    const unknown = await gatherFollowUp(async (method) => answers(method), { asOf: '2026-06-30', teamId: 9 });
    expect(unknown.scopeName).toBe('Team 9');
  });
});

// One line per drawing call, numbers to 0.01 mm: what the golden layout compares.
const drawn = (calls: unknown[][]) => calls.map(([name, ...args]) => `${String(name)} ${args.map((a) => (typeof a === 'number' ? String(Math.round(a * 100) / 100) : JSON.stringify(a))).join(' ')}`);

async function drawPdf(teamId: number | null, change: (d: ReturnType<typeof followUpData>) => void = () => {}) {
  pdf.docs.length = 0;
  const data = followUpData(teamId);
  change(data);
  const bytes = await followUpPdf(data);
  return { bytes, options: pdf.docs[0]!.options, calls: pdf.docs[0]!.calls, lines: drawn(pdf.docs[0]!.calls) };
}
const texts = (calls: unknown[][]) => calls.filter((c) => c[0] === 'text').map((c) => c[1]);

describe('the A4 follow-up', () => {
  it('is an A4 page in millimetres, headed by the year and scope, with "Side n af N" and the scope in every page\'s footer', async () => {
    const { bytes, options, calls } = await drawPdf(1);
    expect(options).toEqual({ unit: 'mm', format: 'a4' });
    expect([...bytes]).toEqual([37, 80, 68, 70]);
    expect(texts(calls)[0]).toBe('Budgetopfølgning 2026: Team Botilbud');
    const footers = calls.filter((c) => c[0] === 'setPage' || (c[0] === 'text' && c[3] === 290)).map((c) => c.slice(1, 3).join(' '));
    expect(footers).toEqual([
      '1', 'Flowtavle · budgetopfølgning Team Botilbud 30.06.2026 14', 'Side 1 af 2 196',
      '2', 'Flowtavle · budgetopfølgning Team Botilbud 30.06.2026 14', 'Side 2 af 2 196',
    ]);
  });

  it('shows the key figures and signs the moves: + up, - down, ± for what rounds to zero kroner', async () => {
    const t = texts((await drawPdf(1)).calls);
    const boxes = t.slice(t.indexOf('Budget'), t.indexOf('Budget') + 12);
    expect(boxes).toEqual([
      'Budget', '10.000.000 kr.', 'Prognose', '9.000.000 kr.', 'Bundlinje', '1.000.000 kr.',
      'Siden sidste uge', '-12.000 kr.', 'Siden sidste måned', '+30.000 kr.', 'Siden 1. januar', '±0 kr.',
    ]);
    const department = texts((await drawPdf(null)).calls);
    expect(department.slice(department.indexOf('Budget'), department.indexOf('Budget') + 12)).toEqual([
      'Budget', '16.000.000 kr.', 'Prognose', '15.100.000 kr.', 'Bundlinje', '900.000 kr.',
      'Siden sidste uge', '-7.000 kr.', 'Siden sidste måned', '+23.000 kr.', 'Siden 1. januar', '-400.000 kr.',
    ]);
  });

  it('spells minus signs, arrows and narrow spaces in the characters Helvetica has', async () => {
    const { calls } = await drawPdf(1, (d) => { d.scopeName = 'Team −1 → ▲▼\u2009a\u202fb\u00a0c'; d.report.teams[0]!.team = d.scopeName; });
    expect(texts(calls)[0]).toBe('Budgetopfølgning 2026: Team -1 -> +- a b c');
    expect(texts(calls)).toContain('Team -1 -> +- a b c');
  });

  it('draws the "på nul" band as ± the tolerance around zero on a scale a little beyond the largest bottom line', async () => {
    const mm = (x: number) => String(Math.round(x * 100) / 100);
    const { lines } = await drawPdf(1);
    // Largest |bottom line| 1.000.000 × 1,1; the plot is 62 mm high with zero in its middle (y 102).
    const band = (100_000 / 1_100_000) * 31;
    expect(lines).toContain(`rect 38 ${mm(102 - band)} 154 ${mm(2 * band)} "F"`);
    expect(lines).toContain(`text "på nul" 39.5 ${mm(102 - band - 1)}`);
    // A year of small bottom lines is scaled by 1,5 × the tolerance instead.
    const small = await drawPdf(1, (d) => { for (const p of [...d.series.thisYear.points, ...d.series.lastYear.points]) p.bottomLine = 10; });
    expect(small.lines).toContain(`rect 38 ${mm(102 - 31 / 1.65)} 154 ${mm(62 / 1.65)} "F"`);
    expect(texts(small.calls)).toContain('0,2 mio. kr.');
    // No tolerance and no bottom line at all: still a scale of one krone.
    const zero = await drawPdf(1, (d) => { d.series.toleranceAmount = 0; for (const p of [...d.series.thisYear.points, ...d.series.lastYear.points]) p.bottomLine = 0; });
    expect(zero.lines).toContain(`text "0,0 mio. kr." 36 ${mm(102 - 31 / 1.1 + 1)} {"align":"right"}`);
    // Week numbers every fourth week; with one point only, the axis still spans a week.
    const one = await drawPdf(1, (d) => { d.series.thisYear.points.length = 1; d.series.lastYear.points.length = 1; });
    expect(one.lines.filter((l) => l.endsWith('{"align":"center"}'))).toEqual(['text "0" 38 137 {"align":"center"}']);
  });

  it('continues a table that reaches the bottom margin on a new page, under its headers again', async () => {
    const { calls } = await drawPdf(1);
    const at = calls.findIndex((c) => c[0] === 'addPage');
    expect(calls[at - 1]).toEqual(['text', '', 147, 277, { align: 'left' }]);
    expect(calls.slice(at + 1, at + 10).filter((c) => c[0] === 'text')).toEqual([
      ['text', 'Måned', 15, 16, { align: 'left' }], ['text', 'Bogført', 79, 16, { align: 'right' }],
      ['text', 'Efter bevillinger', 113, 16, { align: 'right' }], ['text', 'Forskel', 145, 16, { align: 'right' }],
      ['text', 'Bemærkning', 147, 16, { align: 'left' }],
    ]);
    expect(calls.filter((c) => c[0] === 'addPage')).toHaveLength(1);
  });

  it('prints at most the 30 most expensive cases, cut to their column, and says "Ingen." when there are none', async () => {
    const many = await drawPdf(1, (d) => {
      d.decomposition!.expensive = Array.from({ length: 31 }, (_, i) => ({ ...d.decomposition!.expensive[0]!, caseNumber: `S-${200 + i}`, caseworker: 'Ane Berg' }));
    });
    const cases = texts(many.calls).filter((t) => /^S-2\d\d$/.test(String(t)));
    expect(cases).toHaveLength(30);
    expect(cases.at(-1)).toBe('S-229');
    expect(texts(many.calls)).toContain('Ane Berg');
    expect(texts(many.calls)).not.toContain('rest');
    const none = await drawPdf(1, (d) => { d.decomposition!.expensive = []; });
    const t = texts(none.calls);
    expect(t[t.indexOf('Særligt dyre enkeltsager (fra 1.000.000 kr. om året)') + 1]).toBe('Ingen.');
  });

  it('lists the takst outliers of the scope only, and says so when there are none', async () => {
    const t = texts((await drawPdf(null)).calls);
    expect(t.slice(t.indexOf('Takstansvar: rådgivere der afviger fra kollegerne (samme slags bevilling)'))).toEqual([
      'Takstansvar: rådgivere der afviger fra kollegerne (samme slags bevilling)',
      'Rådgiver', 'Bevilling', 'Median', 'Kolleger', 'Retning',
      'Ane Berg', '§ 85 Socialpædagogisk støtte (B), intern', '600 kr.', '480 kr.', '+ over',
      'Carl Eg', '§ 85 Socialpædagogisk støtte (A), ekstern', '300 kr.', '480 kr.', '- under',
      'Flowtavle · budgetopfølgning Hele afdelingen 30.06.2026', 'Side 1 af 2',
      'Flowtavle · budgetopfølgning Hele afdelingen 30.06.2026', 'Side 2 af 2',
    ]);
    const team2 = texts((await drawPdf(2, (d) => { d.scopeName = 'Team Bostøtte'; d.report.teams[0]!.teamId = 2; })).calls);
    expect(team2).toContain('Carl Eg');
    expect(team2).not.toContain('Ane Berg');
    const none = texts((await drawPdf(1, (d) => { d.takst.caseworkers = []; })).calls);
    expect(none[none.indexOf('Takstansvar: rådgivere der afviger fra kollegerne (samme slags bevilling)') + 1]).toBe('Ingen afvigelser over 20 %.');
  });

  it('starts a heading on a new page when it would not fit above the bottom margin', async () => {
    const { calls } = await drawPdf(null, (d) => {
      d.report.teams = Array.from({ length: 22 }, (_, i) => ({ ...d.report.teams[0]!, teamId: 10 + i, team: `Team ${i}` }));
    });
    const at = calls.findIndex((c) => c[0] === 'addPage');
    expect(calls.slice(at + 1, at + 5)).toEqual([['setFont', 'helvetica', 'bold'], ['setFontSize', 12], ['setTextColor', 23, 32, 43], ['text', expect.stringMatching(/^Bogført/), 14, 16]]);
  });

  it('the team\'s A4 layout is the approved one', async () => {
    expect((await drawPdf(1)).lines.join('\n')).toMatchSnapshot();
  });

  it('the department\'s A4 layout is the approved one', async () => {
    expect((await drawPdf(null)).lines.join('\n')).toMatchSnapshot();
  });
});
