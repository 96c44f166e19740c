// The Serviceloven paragraphs a visitation team works with, and their defaults. Processing
// times (sagsbehandlingsfrister) for § 12, § 82 a/b/d and § 85 are from the Aalborg service
// level (seed 004); the rest are the sensible defaults a leader can edit.

export interface ParagraphInfo {
  /** Stored form: "85", "82a", "95-96". */
  code: string;
  label: string;
  /** Legal processing time in weeks; null where the law sets none (§ 12 advice). */
  processingWeeks: number | null;
  /** Default follow-up interval (months) for grants under it. */
  followUpMonths: number;
}

export const PARAGRAPHS: readonly ParagraphInfo[] = [
  { code: '12', label: 'Råd og vejledning', processingWeeks: null, followUpMonths: 6 },
  { code: '82a', label: 'Gruppebaseret hjælp og støtte', processingWeeks: 8, followUpMonths: 3 },
  { code: '82b', label: 'Individuel tidsbegrænset socialpædagogisk støtte', processingWeeks: 8, followUpMonths: 3 },
  { code: '82d', label: 'Støtte i samarbejde med frivillige', processingWeeks: 8, followUpMonths: 3 },
  { code: '85', label: 'Socialpædagogisk støtte', processingWeeks: 8, followUpMonths: 4 },
  { code: '95-96', label: 'Borgerstyret personlig assistance (BPA)', processingWeeks: 12, followUpMonths: 12 },
  { code: '100', label: 'Merudgifter', processingWeeks: 8, followUpMonths: 12 },
  { code: '103', label: 'Beskyttet beskæftigelse', processingWeeks: 8, followUpMonths: 6 },
  { code: '104', label: 'Aktivitets- og samværstilbud', processingWeeks: 8, followUpMonths: 6 },
  { code: '105', label: 'Almene ældreboliger / botilbud efter almenboligloven', processingWeeks: 12, followUpMonths: 12 },
  { code: '107', label: 'Midlertidigt botilbud', processingWeeks: 12, followUpMonths: 6 },
  { code: '108', label: 'Længerevarende botilbud', processingWeeks: 12, followUpMonths: 12 },
];

const byCode = new Map(PARAGRAPHS.map((p) => [p.code, p]));

export function paragraphInfo(code: string): ParagraphInfo | undefined {
  return byCode.get(code);
}

/** Legal deadline from the received date, or null when the paragraph has none. */
export function legalDeadlineDays(code: string): number | null {
  const weeks = byCode.get(code)?.processingWeeks;
  return weeks === undefined ? 8 * 7 : weeks === null ? null : weeks * 7;
}
