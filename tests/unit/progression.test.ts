// Progression with VUM 2.0: lower scores are better, and an assessment is on track when its total
// over the themes scored in both is at or below what the previous one expected.
import { describe, expect, it } from 'vitest';
import { progressionStatus, totalScore, VUM_THEME_LABELS, VUM_THEMES, type Assessment, type VumScores } from '../../shared/progression';

const assessment = (scores: VumScores, expectedScores: VumScores | null = null): Assessment => ({
  id: 1, caseId: 1, assessedOn: '2026-11-23', scores, expectedScores, expectedBy: null, note: null,
});

describe('VUM themes', () => {
  it('are the seven themes of VUM 2.0 with their Danish names, in the order the form shows them', () => {
    expect(VUM_THEMES).toEqual(['practical_tasks', 'self_care', 'mobility', 'communication', 'community_life', 'social_relations', 'health']);
    expect(VUM_THEME_LABELS).toEqual({
      practical_tasks: 'Praktiske opgaver i hjemmet',
      self_care: 'Egenomsorg',
      mobility: 'Mobilitet',
      communication: 'Kommunikation',
      community_life: 'Samfundsliv',
      social_relations: 'Socialt liv og relationer',
      health: 'Sundhed',
    });
  });
});

describe('progression against the expected scores', () => {
  it('adds up the scores of the themes asked for, a theme without a score counting 0', () => {
    expect(totalScore({ self_care: 2, mobility: 3, health: 1 })).toBe(6);
    expect(totalScore({ self_care: 2, mobility: 3, health: 1 }, ['self_care', 'practical_tasks'])).toBe(2);
    expect(totalScore({})).toBe(0);
  });

  it('is on track when the total is below the expected total', () => {
    expect(progressionStatus(assessment({ self_care: 1 }), assessment({ self_care: 3 }, { self_care: 2 }))).toBe('on_track');
  });

  it('is on track when the total is exactly the expected total', () => {
    expect(progressionStatus(assessment({ self_care: 2 }), assessment({ self_care: 3 }, { self_care: 2 }))).toBe('on_track');
  });

  it('is off track when the total is above the expected total', () => {
    expect(progressionStatus(assessment({ self_care: 3 }), assessment({ self_care: 3 }, { self_care: 2 }))).toBe('off_track');
  });

  it('does not hold a theme against the citizen that was left out of the expectation or the latest assessment', () => {
    // Mobility was scored 4 but never expected; health was expected but not scored now.
    const previous = assessment({ self_care: 3 }, { self_care: 2, health: 0 });
    expect(progressionStatus(assessment({ self_care: 2, mobility: 4 }), previous)).toBe('on_track');
    // Only health counts here: 1 against the expected 0.
    expect(progressionStatus(assessment({ health: 1, mobility: 0 }), assessment({}, { health: 0, self_care: 4 }))).toBe('off_track');
  });

  it('has no expectation without a latest assessment, without a previous one, or when the previous set none', () => {
    expect(progressionStatus(null, assessment({}, { self_care: 2 }))).toBe('no_expectation');
    expect(progressionStatus(assessment({ self_care: 2 }), null)).toBe('no_expectation');
    expect(progressionStatus(assessment({ self_care: 2 }), assessment({ self_care: 2 }, null))).toBe('no_expectation');
  });

  it('has no expectation when no theme is scored in both', () => {
    expect(progressionStatus(assessment({ mobility: 4 }), assessment({}, { self_care: 0 }))).toBe('no_expectation');
  });
});
