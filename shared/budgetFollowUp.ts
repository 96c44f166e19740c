// The budget follow-up out of the app (issue 16, "budgetopfølgning" for the leaders' meeting):
// "Nul på bundlinjen", the bottom line week by week, what the change is made of, the
// particularly expensive single cases, what the finance system has booked beside the grants
// and "Takstansvar", as sheets for XLSX and CSV and as an
// A4 PDF with the chart. Built from the API's results only, so the files agree with the screen
// to the krone; used by the renderer's export buttons and `report budget-follow-up`.
// exceljs and jspdf are loaded only when a file is made.
import type {
  BottomLineDecomposition, BottomLineReport, BottomLineSeries, TakstResponsibility,
} from './api/methods/economy';
import type { FinanceComparison, FinanceMonth } from './api/methods/finance';
import { formatDate, formatKroner, formatMillions, formatParagraph } from './format';
import { csvLines, type ExportRow } from './importExport';

export interface FollowUpData {
  asOf: string;
  /** null: the whole department. */
  teamId: number | null;
  scopeName: string;
  report: BottomLineReport;
  series: BottomLineSeries;
  /** The team's decomposition since 1 January; null for the department. */
  decomposition: BottomLineDecomposition | null;
  /** Booked in the finance system beside the grants, month by month of the as-of year. */
  finance: FinanceComparison;
  takst: TakstResponsibility;
}

export type ColumnKind = 'text' | 'money' | 'date' | 'int' | 'share';

export interface SheetColumn {
  key: string;
  header: string;
  kind: ColumnKind;
  /** Width in characters for XLSX. */
  width: number;
}

export interface Sheet {
  name: string;
  title: string;
  columns: SheetColumn[];
  rows: ExportRow[];
}

const KIND_LABELS = { new: 'Nye bevillinger', ended: 'Ophørte bevillinger', volume: 'Ændret omfang (volumen)', price: 'Ændret takst (pris)' } as const;
const STATUS = { on_zero: 'På nul', under: 'Under budget', over: 'Over budget' } as const;
const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
const ATTENTION = {
  booked_higher: 'Bogført mere end bevillingerne – registreringer mangler?',
  booked_lower: 'Bogført mindre end bevillingerne – ophørte bevillinger eller regninger, der ikke er betalt endnu?',
} as const;

function financeRemark(m: FinanceMonth, teamsMarked: string[] = []): string | null {
  const parts = [m.booked === null ? 'Ikke bogført endnu' : null, m.attention ? ATTENTION[m.attention] : null, ...teamsMarked];
  const text = parts.filter(Boolean).join('. ');
  return text === '' ? null : text;
}

/** The finance comparison as rows: the scope's months and total, then (department-wide) each team's. */
function financeSheet(data: FollowUpData): Sheet {
  const f = data.finance;
  const rowsOf = (team: string, months: FinanceMonth[], total: FinanceComparison['total'], marked: (month: number) => string[]): ExportRow[] => [
    ...months.map((m) => ({
      team, month: MONTHS[m.month - 1]!, booked: m.booked, grantBased: m.grantBased, difference: m.difference, remark: financeRemark(m, marked(m.month)),
    })),
    { team, month: `I alt (${total.bookedMonths} bogførte måneder)`, booked: total.booked, grantBased: total.grantBased, difference: total.difference, remark: null },
  ];
  // Department-wide, where to look: each team whose own month is marked, and which way.
  const marked = (month: number) => (f.teamId === null
    ? f.teams.flatMap((t) => {
      const attention = t.months[month - 1]?.attention;
      return attention ? [`${t.team}: ${attention === 'booked_higher' ? 'bogført mere – registreringer mangler?' : 'bogført mindre end bevillingerne'}`] : [];
    })
    : []);
  const rows = rowsOf(data.scopeName, f.months, f.total, marked);
  if (f.teamId === null) for (const t of f.teams) rows.push(...rowsOf(t.team, t.months, t.total, () => []));
  return {
    name: 'Bogført',
    title: `${data.scopeName}: bogført i økonomisystemet mod forbrug efter bevillingerne ${f.year} (bevillinger som kendt ${formatDate(f.asOf)}; markeret ved forskel over ${Math.round(f.threshold.share * 100)} % og over ${formatKroner(f.threshold.amount)})`,
    columns: [
      col('team', 'Team', 'text', 26), col('month', 'Måned', 'text', 30), col('booked', 'Bogført', 'money'), col('grantBased', 'Efter bevillinger', 'money'),
      col('difference', 'Forskel (bogført − bevillinger)', 'money', 24), col('remark', 'Bemærkning', 'text', 70),
    ],
    rows,
  };
}

const col = (key: string, header: string, kind: ColumnKind = 'text', width?: number): SheetColumn => ({
  key, header, kind, width: width ?? (kind === 'money' ? 18 : kind === 'date' ? 12 : kind === 'int' ? 10 : kind === 'share' ? 10 : Math.max(14, header.length + 2)),
});

/** The sheets of the follow-up, in the order the leaders read them. */
export function followUpSheets(data: FollowUpData): Sheet[] {
  const { report, series, decomposition, takst } = data;
  const teams = data.teamId === null ? report.teams : report.teams.filter((t) => t.teamId === data.teamId);
  const bottom: Sheet = {
    name: 'Nul på bundlinjen',
    title: `Nul på bundlinjen ${report.year}, opgjort ${formatDate(report.asOf)} (som kendt ved dagens slutning)`,
    columns: [
      col('team', 'Team / linje', 'text', 36), col('budget', 'Budget', 'money'), col('spent', 'Forbrugt', 'money'), col('committed', 'Disponeret', 'money'),
      col('forecast', 'Prognose', 'money'), col('bottomLine', 'Bundlinje', 'money'), col('sinceLastWeek', 'Siden sidste uge', 'money'),
      col('sinceLastMonth', 'Siden sidste måned', 'money'), col('sinceYearStart', 'Siden 1. januar', 'money'), col('pipeline', 'Pipeline', 'money'),
      col('status', 'Status', 'text', 14),
    ],
    rows: teams.map((t) => ({
      team: t.team, budget: t.budget, spent: t.spent, committed: t.committed, forecast: t.forecast, bottomLine: t.bottomLine,
      sinceLastWeek: t.sinceLastWeek, sinceLastMonth: t.sinceLastMonth, sinceYearStart: t.sinceYearStart, pipeline: t.pipeline, status: STATUS[t.status],
    })),
  };
  const d = report.department;
  if (data.teamId === null && d) {
    for (const l of d.lines) bottom.rows.push({ team: l.label, budget: l.budget, spent: l.spent, committed: l.committed, forecast: l.forecast, bottomLine: l.bottomLine });
    bottom.rows.push({
      team: 'Hele afdelingen', budget: d.budget, spent: d.spent, committed: d.committed, forecast: d.forecast, bottomLine: d.bottomLine,
      sinceLastWeek: d.sinceLastWeek, sinceLastMonth: d.sinceLastMonth, sinceYearStart: d.sinceYearStart, pipeline: d.pipeline, status: STATUS[d.status],
    });
  }
  const weeks = Math.max(series.thisYear.points.length, series.lastYear.points.length);
  const trend: Sheet = {
    name: 'Udvikling',
    title: `${data.scopeName}: bundlinjen uge for uge som kendt hver uge, ${series.year} og ${series.lastYear.year}`,
    columns: [
      col('week', 'Uge', 'int', 8), col('date', `Opgjort ${series.year}`, 'date', 14), col('thisYear', `Bundlinje ${series.year}`, 'money'),
      col('lastDate', `Opgjort ${series.lastYear.year}`, 'date', 14), col('lastYear', `Bundlinje ${series.lastYear.year}`, 'money'),
    ],
    rows: Array.from({ length: weeks }, (_, i) => ({
      week: i, date: series.thisYear.points[i]?.date ?? null, thisYear: series.thisYear.points[i]?.bottomLine ?? null,
      lastDate: series.lastYear.points[i]?.date ?? null, lastYear: series.lastYear.points[i]?.bottomLine ?? null,
    })),
  };
  const sheets = [bottom, trend];
  if (decomposition) {
    sheets.push({
      name: 'Sammensætning',
      title: `${decomposition.team}: prognosens ændring ${formatDate(decomposition.from)}–${formatDate(decomposition.asOf)} fordelt på nye, ophørte, volumen og pris`,
      columns: [
        col('component', 'Del', 'text', 26), col('caseNumber', 'Sag', 'text', 16), col('caseworker', 'Rådgiver', 'text', 22),
        col('grant', 'Bevilling', 'text', 60), col('effect', 'Ændring af prognosen', 'money', 20),
      ],
      rows: [
        ...decomposition.lines.flatMap((l): ExportRow[] => [
          { component: KIND_LABELS[l.kind], caseNumber: `${l.grants.length} bevillinger`, caseworker: null, grant: null, effect: l.total },
          ...l.grants.map((g) => ({ component: KIND_LABELS[l.kind], caseNumber: g.caseNumber, caseworker: g.caseworker, grant: g.description, effect: g.effect })),
        ]),
        { component: 'I alt', caseNumber: null, caseworker: null, grant: null, effect: decomposition.change },
      ],
    });
    sheets.push({
      name: 'Dyre enkeltsager',
      title: `${decomposition.team}: særligt dyre enkeltsager (fra ${formatKroner(decomposition.expensiveFrom)} om året)`,
      columns: [
        col('caseNumber', 'Sag', 'text', 16), col('caseworker', 'Rådgiver', 'text', 22), col('paragraphs', 'Paragraf', 'text', 14),
        col('grants', 'Bevillinger', 'int'), col('yearlyCost', 'Årlig udgift', 'money'), col('costThisYear', `Udgift ${decomposition.year}`, 'money'),
      ],
      rows: decomposition.expensive.map((c) => ({
        caseNumber: c.caseNumber, caseworker: c.caseworker, paragraphs: c.paragraphs.map(formatParagraph).join(', '), grants: c.grants,
        yearlyCost: c.yearlyCost, costThisYear: c.costThisYear,
      })),
    });
  }
  sheets.push(financeSheet(data));
  const caseworkers = data.teamId === null ? takst.caseworkers : takst.caseworkers.filter((c) => c.teamId === data.teamId);
  sheets.push({
    name: 'Takstansvar',
    title: `Takstansvar pr. ${formatDate(takst.asOf)}: medianen af rådgiverens takster mod kollegernes for samme paragraf, enhed, ydelse, takstkategori og leverandørtype`,
    columns: [
      col('name', 'Rådgiver', 'text', 24), col('yearlyCost', 'Årlig udgift', 'money'), col('grantCount', 'Bevillinger', 'int'),
      col('internalShare', 'Intern andel', 'share'), col('group', 'Sammenlignet med', 'text', 56), col('count', 'Antal', 'int', 8),
      col('median', 'Median takst', 'money'), col('reference', 'Kollegernes median', 'money'), col('direction', 'Retning', 'text', 10),
      col('outlier', 'Afviger', 'text', 9),
    ],
    rows: caseworkers.flatMap((c) => (c.medians.length ? c.medians : [null]).map((m, i) => ({
      name: c.name, yearlyCost: i === 0 ? c.yearlyCost : null, grantCount: i === 0 ? c.grantCount : null, internalShare: i === 0 ? c.internalShare : null,
      group: m ? `${formatParagraph(m.paragraph)} ${m.service}${m.category ? ` (${m.category})` : ''}, ${m.providerType === 'internal' ? 'intern' : 'ekstern'}` : null,
      count: m?.count ?? null, median: m?.median ?? null, reference: m?.departmentMedian ?? null,
      direction: m?.direction === 'above' ? '▲ over' : m?.direction === 'below' ? '▼ under' : m ? '=' : null,
      outlier: m ? (m.outlier ? 'Ja' : 'Nej') : null,
    }))),
  });
  return sheets;
}

/** Every sheet in one CSV file (Danish Excel: semicolons, decimal comma), a title line before each. */
export function followUpCsv(sheets: readonly Sheet[]): string {
  return sheets.map((s, i) => `${i === 0 ? '\ufeff' : ''}${csvLines([{ key: 'title', header: s.title }], [])}${csvLines(s.columns, s.rows)}`).join('\r\n');
}

const NUMBER_FORMATS: Record<ColumnKind, string | undefined> = { money: '#,##0.00', int: '0', share: '0.0%', date: 'dd.mm.yyyy', text: undefined };

/** One worksheet per sheet: a title row, bold headers with an autofilter, real numbers with their decimals, readable widths. */
export async function followUpXlsx(sheets: readonly Sheet[]): Promise<Uint8Array<ArrayBuffer>> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Flowtavle';
  for (const s of sheets) {
    const ws = workbook.addWorksheet(s.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 2 }] });
    ws.columns = s.columns.map((c) => ({ key: c.key, width: c.width }));
    ws.getCell(1, 1).value = s.title;
    ws.getCell(1, 1).font = { bold: true, size: 13 };
    const header = ws.getRow(2);
    s.columns.forEach((c, i) => (header.getCell(i + 1).value = c.header));
    header.font = { bold: true };
    for (const row of s.rows) {
      ws.addRow(Object.fromEntries(s.columns.map((c) => {
        const v = row[c.key];
        if (v === null || v === undefined) return [c.key, null];
        if (c.kind === 'date' && typeof v === 'string') return [c.key, new Date(`${v}T00:00:00Z`)];
        return [c.key, v];
      })));
    }
    s.columns.forEach((c, i) => {
      const fmt = NUMBER_FORMATS[c.kind];
      if (fmt) ws.getColumn(i + 1).numFmt = fmt;
    });
    ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + s.rows.length, column: s.columns.length } };
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer) as Uint8Array<ArrayBuffer>;
}

// jsPDF's Helvetica speaks WinAnsi: minus signs and arrows are spelled with their nearest forms.
function pdfText(text: string): string {
  return text.replace(/−/g, '-').replace(/→/g, '->').replace(/▲/g, '+').replace(/▼/g, '-').replace(/[\u2009\u202f\u00a0]/g, ' ');
}

const signed = (v: number) => `${Math.round(v) > 0 ? '+' : Math.round(v) < 0 ? '-' : '±'}${formatKroner(Math.abs(v))}`;

/** The A4 follow-up for the leaders' meeting: key figures, the chart, the table, the decomposition, expensive cases, takst. */
export async function followUpPdf(data: FollowUpData): Promise<Uint8Array<ArrayBuffer>> {
  const { jsPDF } = await import('jspdf');
  const doc = new jsPDF({ unit: 'mm', format: 'a4' });
  const left = 14;
  const width = 182;
  const bottom = 282;
  let y = 18;
  const ensure = (needed: number) => {
    if (y + needed > bottom) {
      doc.addPage();
      y = 16;
    }
  };
  const heading = (text: string) => {
    ensure(14);
    doc.setFont('helvetica', 'bold');
    doc.setFontSize(12);
    doc.setTextColor(23, 32, 43);
    doc.text(pdfText(text), left, y);
    y += 6;
    doc.setFont('helvetica', 'normal');
    doc.setFontSize(9);
  };
  const { series, report } = data;
  const figures = data.teamId === null ? report.department! : report.teams.find((t) => t.teamId === data.teamId)!;

  doc.setFont('helvetica', 'bold');
  doc.setFontSize(17);
  doc.text(pdfText(`Budgetopfølgning ${report.year}: ${data.scopeName}`), left, y);
  y += 6;
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(9.5);
  doc.setTextColor(74, 85, 101);
  doc.text(pdfText(`Opgjort ${formatDate(report.asOf)} som kendt ved dagens slutning. Beløb i kr.; bundlinje = budget - prognose (positiv: under budget).`), left, y);
  y += 8;

  // Key figures in boxes.
  const boxes: [string, string][] = [
    ['Budget', formatKroner(figures.budget)], ['Prognose', formatKroner(figures.forecast)], ['Bundlinje', formatKroner(figures.bottomLine)],
    ['Siden sidste uge', signed(figures.sinceLastWeek)], ['Siden sidste måned', signed(figures.sinceLastMonth)], ['Siden 1. januar', signed(figures.sinceYearStart)],
  ];
  const boxW = width / 3;
  boxes.forEach(([label, value], i) => {
    const x = left + (i % 3) * boxW;
    const by = y + Math.floor(i / 3) * 15;
    doc.setDrawColor(213, 219, 227);
    doc.setFillColor(246, 248, 251);
    doc.rect(x + 1, by, boxW - 2, 13, 'FD');
    doc.setTextColor(74, 85, 101);
    doc.setFontSize(8.5);
    doc.text(pdfText(label), x + 4, by + 4.8);
    doc.setTextColor(23, 32, 43);
    doc.setFont('helvetica', 'bold');
    doc.setFontSize(11.5);
    doc.text(pdfText(value), x + 4, by + 10.5);
    doc.setFont('helvetica', 'normal');
  });
  y += 33;

  // The chart: the bottom line week by week around zero, with the "på nul" band.
  heading('Bundlinjen uge for uge (som kendt hver uge)');
  const chartH = 62;
  const plotX = left + 24;
  const plotW = width - 28;
  const top = y;
  const all = [...series.thisYear.points, ...series.lastYear.points].map((p) => p.bottomLine);
  const extent = Math.max(series.toleranceAmount * 1.5, ...all.map(Math.abs), 1) * 1.1;
  const weeks = Math.max(series.lastYear.points.length, series.thisYear.points.length, 2) - 1;
  const px = (week: number) => plotX + (week / weeks) * plotW;
  const py = (value: number) => top + chartH / 2 - (value / extent) * (chartH / 2);
  doc.setFillColor(209, 250, 229);
  doc.rect(plotX, py(series.toleranceAmount), plotW, py(-series.toleranceAmount) - py(series.toleranceAmount), 'F');
  doc.setDrawColor(213, 219, 227);
  doc.setLineWidth(0.2);
  doc.setFontSize(7.5);
  doc.setTextColor(74, 85, 101);
  for (const f of [-1, -0.5, 0, 0.5, 1]) {
    const v = (f * extent) / 1.1;
    doc.line(plotX, py(v), plotX + plotW, py(v));
    doc.text(pdfText(formatMillions(v)), plotX - 2, py(v) + 1, { align: 'right' });
  }
  for (let w = 0; w <= weeks; w += 4) doc.text(String(w), px(w), top + chartH + 4, { align: 'center' });
  doc.text('uge', plotX + plotW, top + chartH + 8, { align: 'right' });
  doc.setTextColor(6, 95, 70);
  doc.text('på nul', plotX + 1.5, py(series.toleranceAmount) - 1);
  doc.setDrawColor(23, 32, 43);
  doc.setLineWidth(0.3);
  doc.line(plotX, py(0), plotX + plotW, py(0));
  const polyline = (points: { bottomLine: number }[], color: [number, number, number], widthMm: number, dashed: boolean) => {
    doc.setDrawColor(...color);
    doc.setLineWidth(widthMm);
    if (dashed) doc.setLineDashPattern([1.5, 1], 0);
    for (let i = 1; i < points.length; i++) doc.line(px(i - 1), py(points[i - 1]!.bottomLine), px(i), py(points[i]!.bottomLine));
    doc.setLineDashPattern([], 0);
  };
  polyline(series.lastYear.points, [138, 148, 163], 0.5, true);
  polyline(series.thisYear.points, [11, 92, 173], 0.9, false);
  y = top + chartH + 11;
  doc.setFontSize(8.5);
  doc.setDrawColor(11, 92, 173);
  doc.setLineWidth(0.9);
  doc.line(left + 24, y - 1, left + 32, y - 1);
  doc.setTextColor(23, 32, 43);
  doc.text(String(series.year), left + 34, y);
  doc.setDrawColor(138, 148, 163);
  doc.setLineWidth(0.5);
  doc.setLineDashPattern([1.5, 1], 0);
  doc.line(left + 50, y - 1, left + 58, y - 1);
  doc.setLineDashPattern([], 0);
  doc.text(String(series.lastYear.year), left + 60, y);
  y += 7;

  const table = (headers: string[], rows: string[][], widths: number[], alignRight: boolean[]) => {
    const rowH = 5;
    const drawHeader = () => {
      doc.setFont('helvetica', 'bold');
      doc.setFontSize(8.5);
      doc.setTextColor(23, 32, 43);
      let x = left;
      headers.forEach((h, i) => {
        doc.text(pdfText(h), alignRight[i] ? x + widths[i]! - 1 : x + 1, y, { align: alignRight[i] ? 'right' : 'left' });
        x += widths[i]!;
      });
      doc.setDrawColor(23, 32, 43);
      doc.setLineWidth(0.3);
      doc.line(left, y + 1.5, left + width, y + 1.5);
      y += rowH;
      doc.setFont('helvetica', 'normal');
    };
    ensure(rowH * 3);
    drawHeader();
    rows.forEach((r, n) => {
      if (y + rowH > bottom) {
        doc.addPage();
        y = 16;
        drawHeader();
      }
      if (n % 2 === 1) {
        doc.setFillColor(246, 248, 251);
        doc.rect(left, y - 3.6, width, rowH, 'F');
      }
      let x = left;
      r.forEach((cell, i) => {
        const text = doc.splitTextToSize(pdfText(cell), widths[i]! - 2)[0] as string;
        doc.text(text, alignRight[i] ? x + widths[i]! - 1 : x + 1, y, { align: alignRight[i] ? 'right' : 'left' });
        x += widths[i]!;
      });
      y += rowH;
    });
    y += 4;
  };

  heading('Nul på bundlinjen');
  const sheets = followUpSheets(data);
  const first = sheets[0]!;
  table(
    ['Team / linje', 'Budget', 'Prognose', 'Bundlinje', 'Siden uge', 'Siden 1.1.', 'Status'],
    first.rows.map((r) => [
      String(r.team ?? ''), formatKroner(Number(r.budget ?? 0)), formatKroner(Number(r.forecast ?? 0)), formatKroner(Number(r.bottomLine ?? 0)),
      r.sinceLastWeek === undefined ? '' : signed(Number(r.sinceLastWeek)), r.sinceYearStart === undefined ? '' : signed(Number(r.sinceYearStart)), String(r.status ?? ''),
    ]),
    [46, 27, 27, 24, 21, 23, 14], [false, true, true, true, true, true, false],
  );

  if (data.decomposition) {
    const dc = data.decomposition;
    heading(`Hvad prognosens ændring består af, ${formatDate(dc.from)}-${formatDate(dc.asOf)}`);
    table(['Del', 'Bevillinger', 'Ændring af prognosen', 'Bundlinjen'],
      [...dc.lines.map((l) => [KIND_LABELS[l.kind], String(l.grants.length), signed(l.total), signed(-l.total)]), ['I alt', '', signed(dc.change), signed(-dc.change)]],
      [70, 30, 42, 40], [false, true, true, true]);
    heading(`Særligt dyre enkeltsager (fra ${formatKroner(dc.expensiveFrom)} om året)`);
    if (dc.expensive.length === 0) {
      doc.text('Ingen.', left, y);
      y += 6;
    } else {
      table(['Sag', 'Rådgiver', 'Paragraf', 'Årlig udgift', `Udgift ${dc.year}`],
        dc.expensive.slice(0, 30).map((c) => [c.caseNumber, c.caseworker ?? '-', c.paragraphs.map(formatParagraph).join(', '), formatKroner(c.yearlyCost), formatKroner(c.costThisYear)]),
        [30, 50, 30, 36, 36], [false, false, false, true, true]);
    }
  }

  const f = data.finance;
  heading(`Bogført i økonomisystemet mod bevillingerne ${f.year} (markeret: over ${Math.round(f.threshold.share * 100)} % og over ${formatKroner(f.threshold.amount)})`);
  table(['Måned', 'Bogført', 'Efter bevillinger', 'Forskel', 'Bemærkning'],
    [
      ...f.months.map((m) => [
        MONTHS[m.month - 1]!, m.booked === null ? 'ikke bogført' : formatKroner(m.booked), formatKroner(m.grantBased),
        m.difference === null ? '' : signed(m.difference),
        m.attention === 'booked_higher' ? 'registreringer mangler?' : m.attention === 'booked_lower' ? 'bogført mindre' : '',
      ]),
      [`I alt (${f.total.bookedMonths} md.)`, formatKroner(f.total.booked), formatKroner(f.total.grantBased), signed(f.total.difference), ''],
    ],
    [32, 34, 34, 32, 50], [false, true, true, true, false]);

  const deviations = data.takst.caseworkers
    .filter((c) => data.teamId === null || c.teamId === data.teamId)
    .flatMap((c) => c.medians.filter((m) => m.outlier).map((m) => ({ c, m })));
  heading('Takstansvar: rådgivere der afviger fra kollegerne (samme slags bevilling)');
  if (deviations.length === 0) {
    doc.text('Ingen afvigelser over 20 %.', left, y);
    y += 6;
  } else {
    table(['Rådgiver', 'Bevilling', 'Median', 'Kolleger', 'Retning'],
      deviations.map(({ c, m }) => [c.name, `${formatParagraph(m.paragraph)} ${m.service}${m.category ? ` (${m.category})` : ''}, ${m.providerType === 'internal' ? 'intern' : 'ekstern'}`,
        formatKroner(m.median), formatKroner(m.departmentMedian), m.direction === 'above' ? '+ over' : '- under']),
      [38, 78, 22, 22, 22], [false, false, true, true, false]);
  }

  const pages = doc.getNumberOfPages();
  for (let page = 1; page <= pages; page++) {
    doc.setPage(page);
    doc.setFontSize(8);
    doc.setTextColor(74, 85, 101);
    doc.text(pdfText(`Flowtavle · budgetopfølgning ${data.scopeName} ${formatDate(report.asOf)}`), left, 290);
    doc.text(`Side ${page} af ${pages}`, left + width, 290, { align: 'right' });
  }
  return new Uint8Array(doc.output('arraybuffer'));
}

/** "budgetopfoelgning-team-botilbud-2026-12-01" */
export function followUpFileName(scopeName: string, asOf: string): string {
  const safe = `budgetopfølgning ${scopeName}`.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${safe}-${asOf}`;
}

/** Fetches what the follow-up needs through any caller of the API (the renderer's client, the CLI's dispatch). */
export async function gatherFollowUp(
  call: (method: 'getBottomLine' | 'getBottomLineSeries' | 'getBottomLineDecomposition' | 'getFinanceComparison' | 'getTakstResponsibility', input: Record<string, unknown>) => Promise<unknown>,
  scope: { asOf: string; teamId?: number },
): Promise<FollowUpData> {
  const { asOf, teamId } = scope;
  const team = teamId === undefined ? {} : { teamId };
  const yearStart = `${Number(asOf.slice(0, 4)) - 1}-12-31`;
  const [report, series, decomposition, finance, takst] = await Promise.all([
    // A team's follow-up asks for that team only: a team's leader may not read the department's.
    call('getBottomLine', { asOf, ...team }) as Promise<BottomLineReport>,
    call('getBottomLineSeries', { asOf, ...team }) as Promise<BottomLineSeries>,
    teamId === undefined ? Promise.resolve(null) : (call('getBottomLineDecomposition', { teamId, from: yearStart, asOf }) as Promise<BottomLineDecomposition>),
    call('getFinanceComparison', { year: Number(asOf.slice(0, 4)), asOf, ...team }) as Promise<FinanceComparison>,
    call('getTakstResponsibility', { asOf, ...team }) as Promise<TakstResponsibility>,
  ]);
  const scopeName = teamId === undefined ? 'Hele afdelingen' : report.teams.find((t) => t.teamId === teamId)?.team ?? `Team ${teamId}`;
  return { asOf, teamId: teamId ?? null, scopeName, report, series, decomposition, finance, takst };
}
