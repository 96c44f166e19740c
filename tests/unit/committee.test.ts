import { describe, expect, it } from 'vitest';
import {
  approvalByParagraph, campaignProgress, compareAgenda, daysToDecision, DECISION_OUTCOMES, grantsOnApproval, meetingFor, orderAgenda, OUTCOME_LABELS,
  selectCampaignGrants, type CampaignCriteria,
} from '../../shared/committee';

describe('meetingFor', () => {
  const meetings = [{ id: 3, date: '2026-12-07' }, { id: 2, date: '2026-11-23' }, { id: 5, date: '2026-12-21' }];
  it('takes the first open meeting on or after the day the case is ready', () => {
    expect(meetingFor('2026-11-20', meetings)?.id).toBe(2);
    expect(meetingFor('2026-11-23', meetings)?.id).toBe(2);
    // Postponed at the meeting of 23.11: ready the day after, so the next meeting.
    expect(meetingFor('2026-11-24', meetings)?.id).toBe(3);
    expect(meetingFor('2026-12-22', meetings)).toBeNull();
  });
});

describe('orderAgenda', () => {
  it('orders by legal deadline, then yearly cost most expensive first, no deadline last', () => {
    const items = [
      { caseId: 1, caseNumber: 'S-1', legalDeadline: null, yearlyCost: 900_000 },
      { caseId: 2, caseNumber: 'S-2', legalDeadline: '2026-12-10', yearlyCost: 100_000 },
      { caseId: 3, caseNumber: 'S-3', legalDeadline: '2026-12-01', yearlyCost: 50_000 },
      { caseId: 4, caseNumber: 'S-4', legalDeadline: '2026-12-10', yearlyCost: 312_000 },
      { caseId: 5, caseNumber: 'S-5', legalDeadline: null, yearlyCost: 1_200_000 },
    ];
    expect(orderAgenda(items).map((i) => i.caseId)).toEqual([3, 4, 2, 5, 1]);
  });
});

describe('campaignProgress', () => {
  it('counts revisited and changed grants and the savings from before/after yearly costs', () => {
    const progress = campaignProgress([
      { yearlyBefore: 2_400_000, yearlyAfter: 1_800_000 }, // cheaper placement: 600,000 saved
      { yearlyBefore: 1_500_000, yearlyAfter: 1_500_000 }, // revisited, unchanged
      { yearlyBefore: 900_000, yearlyAfter: 0 }, // ended: 900,000 saved
      { yearlyBefore: 700_000, yearlyAfter: 750_000 }, // needed more: −50,000
      { yearlyBefore: 650_000, yearlyAfter: null }, // not yet revisited
    ]);
    expect(progress).toEqual({ total: 5, revisited: 4, changed: 3, savingsPerYear: 1_450_000 });
  });
  it('is all zero for a campaign nobody has started on', () => {
    expect(campaignProgress([{ yearlyBefore: 100, yearlyAfter: null }])).toEqual({ total: 1, revisited: 0, changed: 0, savingsPerYear: 0 });
  });
});

describe('selectCampaignGrants', () => {
  const grants = [
    { grantId: 1, paragraph: '107', provider: 'Bo Nord (intern)', providerType: 'internal' as const, yearlyCost: 1_200_000, startDate: '2020-01-01' },
    { grantId: 2, paragraph: '107', provider: 'Privat Bosted ApS', providerType: 'external' as const, yearlyCost: 2_600_000, startDate: '2024-06-01' },
    { grantId: 3, paragraph: '85', provider: 'Bostøtten', providerType: 'internal' as const, yearlyCost: 130_000, startDate: '2019-03-01' },
    { grantId: 4, paragraph: '107', provider: 'Privat Bosted ApS', providerType: 'external' as const, yearlyCost: 1_900_000, startDate: '2018-02-01' },
  ];
  const all: CampaignCriteria = { paragraph: null, providerType: null, provider: null, minYearlyCost: null, minAgeMonths: null, order: 'cost_desc', limit: 100 };
  it('picks all § 107 placements, most expensive first', () => {
    expect(selectCampaignGrants(grants, { ...all, paragraph: '107' }, null).map((g) => g.grantId)).toEqual([2, 4, 1]);
  });
  it('filters by provider, cost and age, and stops at the limit', () => {
    expect(selectCampaignGrants(grants, { ...all, provider: 'privat' }, null).map((g) => g.grantId)).toEqual([2, 4]);
    expect(selectCampaignGrants(grants, { ...all, minYearlyCost: 1_500_000 }, null).map((g) => g.grantId)).toEqual([2, 4]);
    expect(selectCampaignGrants(grants, { ...all, order: 'age_desc' }, '2021-01-01').map((g) => g.grantId)).toEqual([4, 3, 1]);
    expect(selectCampaignGrants(grants, { ...all, limit: 1 }, null).map((g) => g.grantId)).toEqual([2]);
  });
});

describe('dashboard figures', () => {
  const decided = [
    { paragraph: '85', outcome: 'approved' as const, recommendedOn: '2026-11-01', decidedOn: '2026-11-09' },
    { paragraph: '85', outcome: 'approved_with_changes' as const, recommendedOn: '2026-11-03', decidedOn: '2026-11-23' },
    { paragraph: '85', outcome: 'rejected' as const, recommendedOn: '2026-11-10', decidedOn: '2026-11-23' },
    { paragraph: '107', outcome: 'postponed' as const, recommendedOn: '2026-11-10', decidedOn: '2026-11-09' },
    { paragraph: '107', outcome: 'rejected' as const, recommendedOn: null, decidedOn: '2026-11-23' },
  ];
  it('computes the approval rate by paragraph without postponements', () => {
    expect(approvalByParagraph(decided)).toEqual([
      { paragraph: '85', approved: 2, rejected: 1, rate: 2 / 3 },
      { paragraph: '107', approved: 0, rejected: 1, rate: 0 },
    ]);
  });
  it('computes days from recommendation to decision', () => {
    // 8, 20 and 13 days.
    expect(daysToDecision(decided)).toEqual({ count: 3, median: 13, max: 20 });
  });
});

describe('the committee\'s rules at their boundaries', () => {
  it('names the four outcomes in Danish, and only approval (with or without changes) makes the grant active', () => {
    expect(DECISION_OUTCOMES.map((o) => [OUTCOME_LABELS[o], grantsOnApproval(o)])).toEqual([
      ['Godkendt', true], ['Godkendt med ændringer', true], ['Afslået', false], ['Udsat', false],
    ]);
  });

  it('of two open meetings on the same day, a case goes to the one created first', () => {
    expect(meetingFor('2026-11-01', [{ id: 4, date: '2026-11-23' }, { id: 2, date: '2026-11-23' }])?.id).toBe(2);
    expect(meetingFor('2026-11-01', [{ id: 2, date: '2026-11-23' }, { id: 4, date: '2026-11-23' }])?.id).toBe(2);
    expect(meetingFor('2026-11-01', [{ id: 9, date: '2026-11-30' }, { id: 4, date: '2026-11-23' }, { id: 1, date: '2026-12-07' }])?.id).toBe(4);
    expect(meetingFor('2026-11-01', [])).toBeNull();
  });

  it('the agenda puts the earlier legal deadline first, a missing one last, and then the dearer case first', () => {
    const c = (legalDeadline: string | null, yearlyCost = 100, caseNumber = 'S-1') => ({ caseId: 1, legalDeadline, yearlyCost, caseNumber });
    expect(compareAgenda(c('2026-12-01'), c('2026-12-02'))).toBe(-1);
    expect(compareAgenda(c('2026-12-02'), c('2026-12-01'))).toBe(1);
    expect(compareAgenda(c(null), c('2026-12-01'))).toBe(1);
    expect(compareAgenda(c('2026-12-01'), c(null))).toBe(-1);
    expect(compareAgenda(c('2026-12-01', 300), c('2026-12-01', 100))).toBe(-200);
    expect(compareAgenda(c(null, 100), c(null, 300))).toBe(200);
    expect(compareAgenda(c('2026-12-01', 100, 'S-1'), c('2026-12-01', 100, 'S-1'))).toBe(0);
  });

  it('same deadline and cost: the agenda orders by case number as numbers, S-9 before S-10', () => {
    const items = ['S-10', 'S-9', 'S-100'].map((caseNumber, caseId) => ({ caseId, caseNumber, legalDeadline: '2026-12-01', yearlyCost: 100 }));
    expect(orderAgenda(items).map((i) => i.caseNumber)).toEqual(['S-9', 'S-10', 'S-100']);
    expect(items.map((i) => i.caseNumber)).toEqual(['S-10', 'S-9', 'S-100']);
  });

  it('a revisit changing the yearly cost by half an øre or more counts as changed; less is rounding noise', () => {
    expect(campaignProgress([{ yearlyBefore: 0, yearlyAfter: 0.005 }]).changed).toBe(1);
    expect(campaignProgress([{ yearlyBefore: 0.005, yearlyAfter: 0 }]).changed).toBe(1);
    expect(campaignProgress([{ yearlyBefore: 0, yearlyAfter: 0.004 }]).changed).toBe(0);
    expect(campaignProgress([{ yearlyBefore: 0.004, yearlyAfter: 0 }])).toEqual({ total: 1, revisited: 1, changed: 0, savingsPerYear: 0.004 });
    expect(campaignProgress([])).toEqual({ total: 0, revisited: 0, changed: 0, savingsPerYear: 0 });
  });
});

describe('picking a campaign\'s grants at the boundaries', () => {
  const g = (grantId: number, over: Partial<{ paragraph: string; provider: string; providerType: 'internal' | 'external'; yearlyCost: number; startDate: string }> = {}) => ({
    grantId, paragraph: '85', provider: 'Bostøtten Øst', providerType: 'internal' as const, yearlyCost: 100_000, startDate: '2024-01-01', ...over,
  });
  const all: CampaignCriteria = { paragraph: null, providerType: null, provider: null, minYearlyCost: null, minAgeMonths: null, order: 'cost_desc', limit: 100 };
  const ids = (list: { grantId: number }[]) => list.map((x) => x.grantId);

  it('matches the provider by a part of its name in any case, spaces around ignored; a blank provider matches all', () => {
    const grants = [g(1, { provider: 'Bostøtten ØST' }), g(2, { provider: 'Privat Bosted ApS' })];
    expect(ids(selectCampaignGrants(grants, { ...all, provider: '  østen ø ' }, null))).toEqual([]);
    expect(ids(selectCampaignGrants(grants, { ...all, provider: '  TTEN øs ' }, null))).toEqual([1]);
    expect(ids(selectCampaignGrants(grants, { ...all, provider: 'bosted' }, null))).toEqual([2]);
    expect(ids(selectCampaignGrants(grants, { ...all, provider: '   ' }, null))).toEqual([1, 2]);
  });

  it('filters by provider type', () => {
    const grants = [g(1), g(2, { providerType: 'external' })];
    expect(ids(selectCampaignGrants(grants, { ...all, providerType: 'external' }, null))).toEqual([2]);
    expect(ids(selectCampaignGrants(grants, { ...all, providerType: 'internal' }, null))).toEqual([1]);
    expect(ids(selectCampaignGrants(grants, { ...all, paragraph: '107' }, null))).toEqual([]);
  });

  it('takes a grant exactly at the minimum yearly cost, not one an øre below', () => {
    const grants = [g(1, { yearlyCost: 99_999.99 }), g(2, { yearlyCost: 100_000 }), g(3, { yearlyCost: 100_000.01 })];
    expect(ids(selectCampaignGrants(grants, { ...all, minYearlyCost: 100_000 }, null))).toEqual([3, 2]);
  });

  it('takes a grant started on the cut-off day, not one started the day after', () => {
    const grants = [g(1, { startDate: '2023-12-31' }), g(2, { startDate: '2024-01-01' }), g(3, { startDate: '2024-01-02' })];
    expect(ids(selectCampaignGrants(grants, all, '2024-01-01'))).toEqual([1, 2]);
  });

  it('oldest first puts the dearer of two started the same day first; dearest first puts the older of two costing the same first', () => {
    const grants = [g(1, { startDate: '2024-01-01', yearlyCost: 100 }), g(2, { startDate: '2024-01-01', yearlyCost: 300 }), g(3, { startDate: '2023-01-01', yearlyCost: 200 }), g(4, { startDate: '2025-01-01', yearlyCost: 300 })];
    expect(ids(selectCampaignGrants(grants, { ...all, order: 'age_desc' }, null))).toEqual([3, 2, 1, 4]);
    expect(ids(selectCampaignGrants([...grants].reverse(), { ...all, order: 'age_desc' }, null))).toEqual([3, 2, 1, 4]);
    expect(ids(selectCampaignGrants(grants, all, null))).toEqual([2, 4, 3, 1]);
    expect(ids(selectCampaignGrants([...grants].reverse(), all, null))).toEqual([2, 4, 3, 1]);
    expect(ids(selectCampaignGrants(grants, { ...all, limit: 2 }, null))).toEqual([2, 4]);
  });
});

describe('dashboard figures at the boundaries', () => {
  const d = (paragraph: string, outcome: 'approved' | 'rejected' | 'postponed' | 'approved_with_changes', recommendedOn: string | null, decidedOn: string) => ({ paragraph, outcome, recommendedOn, decidedOn });

  it('orders paragraphs as numbers (§ 9 before § 85 before § 107) and leaves out paragraphs with postponements only', () => {
    expect(approvalByParagraph([d('107', 'approved', null, '2026-11-01'), d('9', 'rejected', null, '2026-11-01'), d('85', 'approved', null, '2026-11-01'), d('42', 'postponed', null, '2026-11-01')])).toEqual([
      { paragraph: '9', approved: 0, rejected: 1, rate: 0 },
      { paragraph: '85', approved: 1, rejected: 0, rate: 1 },
      { paragraph: '107', approved: 1, rejected: 0, rate: 1 },
    ]);
    expect(approvalByParagraph([])).toEqual([]);
  });

  it('counts a decision before its recommendation as zero days, and sorts the days as numbers', () => {
    expect(daysToDecision([d('85', 'approved', '2026-11-10', '2026-11-09')])).toEqual({ count: 1, median: 0, max: 0 });
    // 9, 10 and 100 days, given out of order: a text sort would put 100 before 9.
    expect(daysToDecision([d('85', 'approved', '2026-01-01', '2026-04-11'), d('85', 'rejected', '2026-01-01', '2026-01-10'), d('85', 'approved', '2026-01-01', '2026-01-11')]))
      .toEqual({ count: 3, median: 10, max: 100 });
  });

  it('takes the mean of the middle two of an even count; nothing decided has no median', () => {
    expect(daysToDecision([d('85', 'approved', '2026-01-01', '2026-01-04'), d('85', 'rejected', '2026-01-01', '2026-01-11'), d('85', 'rejected', '2026-01-01', '2026-01-02'), d('85', 'approved', '2026-01-01', '2026-01-21')]))
      .toEqual({ count: 4, median: 6.5, max: 20 });
    expect(daysToDecision([d('85', 'postponed', '2026-01-01', '2026-01-04'), d('85', 'approved', null, '2026-01-04')])).toEqual({ count: 0, median: null, max: null });
  });
});
