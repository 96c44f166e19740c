import { describe, expect, it } from 'vitest';
import {
  approvalByParagraph, campaignProgress, daysToDecision, meetingFor, orderAgenda, selectCampaignGrants, type CampaignCriteria,
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
