// Progression measured with VUM 2.0 (seed 001): themes scored 0–4, where 0 is no difficulty and
// 4 complete difficulty, so progression means scores going down. At each assessment the
// caseworker sets the scores expected by the next follow-up; the next assessment is on track
// when its total is at or below the expected total.

export const VUM_THEMES = [
  'practical_tasks',
  'self_care',
  'mobility',
  'communication',
  'community_life',
  'social_relations',
  'health',
] as const;
export type VumTheme = (typeof VUM_THEMES)[number];

export const VUM_THEME_LABELS: Record<VumTheme, string> = {
  practical_tasks: 'Praktiske opgaver i hjemmet',
  self_care: 'Egenomsorg',
  mobility: 'Mobilitet',
  communication: 'Kommunikation',
  community_life: 'Samfundsliv',
  social_relations: 'Socialt liv og relationer',
  health: 'Sundhed',
};

export type VumScores = Partial<Record<VumTheme, number>>;

export interface Assessment {
  id: number;
  caseId: number;
  assessedOn: string;
  scores: VumScores;
  /** Scores the caseworker expects by the next follow-up; null when none was set. */
  expectedScores: VumScores | null;
  expectedBy: string | null;
  note: string | null;
}

export type ProgressionStatus = 'on_track' | 'off_track' | 'no_expectation';

export function totalScore(scores: VumScores, themes: readonly VumTheme[] = VUM_THEMES): number {
  return themes.reduce((sum, theme) => sum + (scores[theme] ?? 0), 0);
}

/**
 * Whether `latest` reached what `previous` expected. Only themes scored in both the expectation
 * and the latest assessment count, so a theme left out is not held against the citizen.
 */
export function progressionStatus(latest: Assessment | null, previous: Assessment | null): ProgressionStatus {
  if (!latest || !previous?.expectedScores) return 'no_expectation';
  const themes = VUM_THEMES.filter((t) => previous.expectedScores![t] !== undefined && latest.scores[t] !== undefined);
  if (themes.length === 0) return 'no_expectation';
  return totalScore(latest.scores, themes) <= totalScore(previous.expectedScores, themes) ? 'on_track' : 'off_track';
}
