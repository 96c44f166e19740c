import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../shared/progression';
import {
  choosePull, deadlinePoints, DEFAULT_RULE_WEIGHTS, legalDeadlineFrom, rankWorkItems, signedPoints, strategicPoints,
  toWorkItem, waitingPoints,
  type PriorityTag, type PullCandidate, type RankedItem,
} from '../../shared/pullList';
import { TODAY, workItem as item } from '../support/builders';

// Four items whose points are worked out by hand (today 23.11.2026):
// A: standard application, received 03.11 (20 days), deadline 29.12 (56-day window, 36 left):
//    deadline 100·20/56 = 35.7 → 36, class 30, waiting 20 → 86
// B: complaint, fixed date, received 13.11 (10 days), deadline 11.12 (28-day window, 18 left):
//    deadline 100·10/28 = 35.7 → 36, class 60, waiting 10 → 106
// C: urgent application received today, deadline 18.01.2027 (56 left of 56): 0 + 100 + 0 → 100
// D: task that can wait, received 15.08 (100 days), no deadline: 0 + 0 + 100 → 100
const A = item({ caseNumber: '2026-000101', receivedDate: '2026-11-03', deadline: '2026-12-29', deadlineWindowDays: 56, origin: ['Ny ansøgning modtaget 03.11.2026 (§ 85)'] });
const B = item({ caseNumber: '2026-000102', kind: 'complaint', classOfService: 'fixed_date', receivedDate: '2026-11-13', deadline: '2026-12-11', deadlineWindowDays: 28 });
const C = item({ caseNumber: '2026-000103', classOfService: 'urgent', deadline: '2027-01-18', deadlineWindowDays: 56 });
const D = item({ caseNumber: '2026-000104', kind: 'task', paragraph: '12', classOfService: 'can_wait', receivedDate: '2026-08-15' });

const order = (ranked: RankedItem[]) => ranked.map((r) => r.caseNumber);

describe('rule points', () => {
  it('scores deadline risk as the share of the processing time used, capped at 150', () => {
    expect(deadlinePoints('2026-12-23', 56, TODAY)).toBe(46); // 30 of 56 days left: 26/56 used
    expect(deadlinePoints('2027-01-18', 56, TODAY)).toBe(0); // just received
    expect(deadlinePoints('2027-02-01', 56, TODAY)).toBe(0); // more time left than the window
    expect(deadlinePoints(TODAY, 56, TODAY)).toBe(100); // due today
    expect(deadlinePoints('2026-11-18', 56, TODAY)).toBe(109); // 5 days overdue: 61/56
    expect(deadlinePoints('2026-08-01', 56, TODAY)).toBe(150); // long overdue
    expect(deadlinePoints(null, null, TODAY)).toBe(0);
  });

  it('counts one point per day waited, up to 100', () => {
    expect(waitingPoints('2026-11-11', TODAY)).toBe(12);
    expect(waitingPoints('2026-03-01', TODAY)).toBe(100);
    expect(waitingPoints('2026-11-30', TODAY)).toBe(0);
  });

  it('adds the weights of matching strategic tags, up to 100', () => {
    const tags: PriorityTag[] = [
      { id: 1, label: 'Klager først', weight: 50, paragraph: null, kind: 'complaint' },
      { id: 2, label: '§ 85', weight: 60, paragraph: '85', kind: null },
      { id: 3, label: '§ 107 ansøgninger', weight: 40, paragraph: '107', kind: 'application' },
    ];
    expect(strategicPoints(tags, { paragraph: '85', kind: 'complaint' }).points).toBe(100); // 110 capped
    expect(strategicPoints(tags, { paragraph: '85', kind: 'application' }).points).toBe(60);
    expect(strategicPoints(tags, { paragraph: '107', kind: 'follow_up' }).points).toBe(0);
    expect(strategicPoints(tags, { paragraph: '107', kind: 'application' }).matched.map((t) => t.label)).toEqual(['§ 107 ansøgninger']);
  });

  it('writes points the Danish way', () => {
    expect(signedPoints(46)).toBe('+46');
    expect(signedPoints(22.5)).toBe('+22,5');
    expect(signedPoints(1050)).toBe('+1.050');
    expect(signedPoints(0)).toBe('+0');
  });

  it('derives a legal deadline from the received date', () => {
    expect(legalDeadlineFrom('2026-11-03', 8)).toBe('2026-12-29');
    expect(legalDeadlineFrom('2026-11-03', null)).toBeNull();
  });
});

describe('pull order', () => {
  it('orders by score, and breaks the tie between C and D by the longest wait', () => {
    const ranked = rankWorkItems([A, B, C, D], DEFAULT_RULE_WEIGHTS, [], TODAY);
    expect(ranked.map((r) => r.score)).toEqual([106, 100, 100, 86]);
    expect(order(ranked)).toEqual(['2026-000102', '2026-000104', '2026-000103', '2026-000101']);
    expect(ranked.map((r) => r.position)).toEqual([1, 2, 3, 4]);
  });

  it('breaks a tie of score and wait by the lowest case number', () => {
    const twin1 = item({ caseNumber: '2026-000202', receivedDate: '2026-11-01' });
    const twin2 = item({ caseNumber: '2026-000201', receivedDate: '2026-11-01' });
    const ranked = rankWorkItems([twin1, twin2], DEFAULT_RULE_WEIGHTS, [], TODAY);
    expect(ranked[0]!.score).toBe(ranked[1]!.score);
    expect(order(ranked)).toEqual(['2026-000201', '2026-000202']);
    // The input order does not matter.
    expect(order(rankWorkItems([twin2, twin1], DEFAULT_RULE_WEIGHTS, [], TODAY))).toEqual(['2026-000201', '2026-000202']);
  });

  it('follows the leader\'s weights', () => {
    // deadline ×2, class ×0.5, waiting ×0: A 72 + 15 = 87, B 72 + 30 = 102, C 0 + 50 = 50, D 0.
    const ranked = rankWorkItems([A, B, C, D], { deadline: 2, class_of_service: 0.5, strategic: 1, waiting: 0 }, [], TODAY);
    expect(ranked.map((r) => [r.caseNumber, r.score])).toEqual([
      ['2026-000102', 102], ['2026-000101', 87], ['2026-000103', 50], ['2026-000104', 0],
    ]);
  });

  it('lets a strategic tag lift an item', () => {
    const tags: PriorityTag[] = [{ id: 1, label: 'Opgaver ryddes op', weight: 20, paragraph: null, kind: 'task' }];
    const ranked = rankWorkItems([A, B, C, D], DEFAULT_RULE_WEIGHTS, tags, TODAY);
    // D: 100 + 20 = 120 passes B's 106.
    expect(order(ranked)).toEqual(['2026-000104', '2026-000102', '2026-000103', '2026-000101']);
    expect(ranked[0]!.reasons).toContain('Strategisk prioritet: «Opgaver ryddes op» (+20)');
  });

  it('puts pinned items first, earliest pin first, whatever their score', () => {
    const pinnedLate = { ...A, pinnedAt: '2026-11-23T09:00:00.000Z', pinnedByName: 'Lene Holm' };
    const pinnedEarly = { ...D, pinnedAt: '2026-11-20T09:00:00.000Z', pinnedByName: 'Lene Holm' };
    const ranked = rankWorkItems([B, C, pinnedLate, pinnedEarly], DEFAULT_RULE_WEIGHTS, [], TODAY);
    expect(order(ranked)).toEqual(['2026-000104', '2026-000101', '2026-000102', '2026-000103']);
    expect(ranked[0]!.reasons[0]).toBe('Fastgjort øverst af Lene Holm');
  });

  it('explains each item, the rule that weighs most first', () => {
    const [a] = rankWorkItems([A], DEFAULT_RULE_WEIGHTS, [], TODAY);
    expect(a!.reasons).toEqual([
      'Ny ansøgning modtaget 03.11.2026 (§ 85)',
      'Frist 29.12.2026: 36 dage tilbage af 56 (+36)',
      'Serviceklasse: Standard (+30)',
      'Har ventet 20 dage (+20)',
    ]);
    const overdue = item({ caseNumber: '2026-000105', kind: 'complaint', receivedDate: '2026-10-20', deadline: '2026-11-17', deadlineWindowDays: 28 });
    // 6 days overdue: (28 + 6) / 28 = 121 %; waited 34 days.
    expect(rankWorkItems([overdue], DEFAULT_RULE_WEIGHTS, [], TODAY)[0]!.reasons).toEqual([
      'Klagefrist 17.11.2026 er overskredet med 6 dage (+121)',
      'Har ventet 34 dage (+34)',
      'Serviceklasse: Standard (+30)',
    ]);
  });
});

function candidate(over: Partial<PullCandidate>): PullCandidate {
  return {
    caseId: 1,
    caseNumber: '2026-000001',
    citizenInitials: 'KL',
    caseKind: 'application',
    paragraph: '85',
    columnKind: 'queue',
    classOfService: 'standard',
    receivedDate: '2026-11-03',
    legalDeadline: '2026-12-29',
    blocked: false,
    columnEnteredAt: '2026-11-03',
    assigneeId: null,
    assigneeName: null,
    nextFollowUp: null,
    latestAssessment: null,
    previousAssessment: null,
    pinnedAt: null,
    pinnedByName: null,
    ...over,
  };
}

function assessment(id: number, on: string, scores: Assessment['scores'], expected: Assessment['scores'] | null): Assessment {
  return { id, caseId: 1, assessedOn: on, scores, expectedScores: expected, expectedBy: null, note: null };
}

describe('work items from cases', () => {
  const offTrackPair = {
    // Expected 1 + 2 + 3 = 6 by now; the provider's scores total 4 + 2 + 3 = 9.
    previousAssessment: assessment(1, '2026-07-01', { self_care: 3, mobility: 3, health: 4 }, { self_care: 1, mobility: 2, health: 3 }),
    latestAssessment: assessment(2, '2026-11-10', { self_care: 4, mobility: 2, health: 3 }, null),
  };

  it('takes a queued application as it is', () => {
    const w = toWorkItem(candidate({}), TODAY)!;
    expect(w).toMatchObject({ kind: 'application', deadline: '2026-12-29', deadlineWindowDays: 56, waitingSince: '2026-11-03', reopens: false });
    expect(w.origin).toEqual(['Ny ansøgning modtaget 03.11.2026 (§ 85)']);
  });

  it('reserves a queued case given to someone, and skips active and blocked cases', () => {
    expect(toWorkItem(candidate({ assigneeId: 7, assigneeName: 'Mette Dahl' }), TODAY)).toMatchObject({ reservedForId: 7, reservedForName: 'Mette Dahl' });
    expect(toWorkItem(candidate({ columnKind: 'active' }), TODAY)).toBeNull();
    expect(toWorkItem(candidate({ blocked: true }), TODAY)).toBeNull();
  });

  it('makes a follow-up of a closed case whose grant falls due within 30 days', () => {
    const closed = { columnKind: 'done' as const, caseKind: 'follow_up' as const, columnEnteredAt: '2026-03-01', classOfService: 'can_wait' as const };
    const due = toWorkItem(candidate({ ...closed, nextFollowUp: '2026-12-03' }), TODAY)!;
    expect(due).toMatchObject({
      kind: 'follow_up', classOfService: 'fixed_date', deadline: '2026-12-03', deadlineWindowDays: 30, waitingSince: '2026-11-03', reopens: true,
    });
    expect(due.origin).toEqual(['Opfølgning på bevilling forfalder 03.12.2026']);
    expect(toWorkItem(candidate({ ...closed, nextFollowUp: '2026-12-24' }), TODAY)).toBeNull(); // 31 days ahead
    expect(toWorkItem(candidate({ ...closed, nextFollowUp: '2026-10-01' }), TODAY)!.origin).toEqual(['Opfølgning på bevilling forfaldt 01.10.2026']);
    // Closed after the follow-up window opened (03.11): that work was the follow-up.
    expect(toWorkItem(candidate({ ...closed, nextFollowUp: '2026-12-03', columnEnteredAt: '2026-11-10' }), TODAY)).toBeNull();
  });

  it('makes a revisitation of a closed case assessed off track after it closed', () => {
    const w = toWorkItem(candidate({ columnKind: 'done', caseKind: 'follow_up', columnEnteredAt: '2026-09-01', ...offTrackPair }), TODAY)!;
    expect(w).toMatchObject({ kind: 'revisitation', classOfService: 'standard', deadline: null, waitingSince: '2026-11-10' });
    expect(w.origin).toEqual(['Seneste VUM-vurdering 10.11.2026 er ikke på sporet: samlet score 9, forventet 6']);
    // Assessed before it was closed: already dealt with.
    expect(toWorkItem(candidate({ columnKind: 'done', columnEnteredAt: '2026-11-15', ...offTrackPair }), TODAY)).toBeNull();
    // On track: nothing to revisit.
    const onTrack = { ...offTrackPair, latestAssessment: assessment(2, '2026-11-10', { self_care: 1, mobility: 2, health: 3 }, null) };
    expect(toWorkItem(candidate({ columnKind: 'done', columnEnteredAt: '2026-09-01', ...onTrack }), TODAY)).toBeNull();
  });

  it('gives one item when a follow-up is due and the case is off track', () => {
    const w = toWorkItem(candidate({ columnKind: 'done', columnEnteredAt: '2026-09-01', nextFollowUp: '2026-12-03', ...offTrackPair }), TODAY)!;
    expect(w).toMatchObject({ kind: 'revisitation', classOfService: 'fixed_date', deadline: '2026-12-03', waitingSince: '2026-11-03' });
    expect(w.origin).toHaveLength(2);
  });

  it('turns a queued follow-up that is off track into a revisitation', () => {
    expect(toWorkItem(candidate({ caseKind: 'follow_up', ...offTrackPair }), TODAY)!.kind).toBe('revisitation');
  });
});

describe('pulling', () => {
  const ranked = rankWorkItems(
    [
      B, // § 85 complaint, top
      { ...D, reservedForId: 9, reservedForName: 'Søren Bach' }, // § 12, reserved for 9
      { ...C, paragraph: '107' },
      A,
    ],
    DEFAULT_RULE_WEIGHTS, [], TODAY,
  );

  it('gives the top item the person is competent for', () => {
    const choice = choosePull(ranked, { personId: 1, wipCount: 2, wipLimit: 8, competences: ['107', '12'] });
    expect('item' in choice && choice.item.caseNumber).toBe('2026-000103');
    const reserved = choosePull(ranked, { personId: 9, wipCount: 0, wipLimit: null, competences: ['12'] });
    expect('item' in reserved && reserved.item.caseNumber).toBe('2026-000104');
  });

  it('says why nothing fits', () => {
    expect(choosePull(ranked, { personId: 1, wipCount: 8, wipLimit: 8, competences: ['85'] })).toEqual({
      reason: 'wip_limit',
      message: 'Du har nået din personlige WIP-grænse: 8 af 8 sager i gang. Afslut eller aflevér en sag, før du tager en ny.',
    });
    expect(choosePull(ranked, { personId: 1, wipCount: 0, wipLimit: 8, competences: ['100'] })).toMatchObject({
      reason: 'no_competence',
      paragraphs: ['85', '107'],
      message: 'Du er ikke markeret som kompetent til de paragraffer, der er tilbage på pull-listen (§ 85, § 107).',
    });
    expect(choosePull([], { personId: 1, wipCount: 0, wipLimit: 8, competences: ['85'] })).toMatchObject({ reason: 'empty' });
    const onlyReserved = rankWorkItems([{ ...A, reservedForId: 9, reservedForName: 'Søren Bach' }], DEFAULT_RULE_WEIGHTS, [], TODAY);
    expect(choosePull(onlyReserved, { personId: 1, wipCount: 0, wipLimit: 8, competences: ['85'] })).toMatchObject({ reason: 'reserved' });
  });
});
