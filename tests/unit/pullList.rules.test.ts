// The pull list's rules pinned at their boundaries (issue 20 item 7): pin order deciding against
// the score, the follow-up window's first and last day, every cap at, below and above.
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../shared/progression';
import {
  choosePull, CLASS_OF_SERVICE_LABELS, CLASS_OF_SERVICE_POINTS, compareParagraphs, comparePullOrder, deadlinePoints, DEFAULT_RULE_WEIGHTS,
  FOLLOW_UP_LEAD_DAYS, legalDeadlineFrom, MAX_DEADLINE_POINTS, MAX_RULE_WEIGHT, MAX_STRATEGIC_POINTS, MAX_WAITING_POINTS, offTrack,
  PULL_RULE_LABELS, PULL_RULES, rankWorkItems, signedPoints, strategicPoints, tagMatches, toWorkItem, waitingPoints,
  WORK_ITEM_KIND_LABELS, WORK_ITEM_KINDS,
  type PriorityTag, type PullCandidate, type RankedItem, type WorkItem,
} from '../../shared/pullList';
import { TODAY, workItem as item } from '../support/builders';

function candidate(over: Partial<PullCandidate>): PullCandidate {
  return {
    caseId: 1, caseNumber: '2026-000001', citizenInitials: 'KL', caseKind: 'application', paragraph: '85', columnKind: 'queue',
    classOfService: 'standard', receivedDate: '2026-11-03', legalDeadline: '2026-12-29', blocked: false, columnEnteredAt: '2026-11-03',
    assigneeId: null, assigneeName: null, nextFollowUp: null, latestAssessment: null, previousAssessment: null, pinnedAt: null,
    pinnedByName: null, ...over,
  };
}

function assessment(id: number, on: string, scores: Assessment['scores'], expected: Assessment['scores'] | null): Assessment {
  return { id, caseId: 1, assessedOn: on, scores, expectedScores: expected, expectedBy: null, note: null };
}

// Expected 1 (self care) by now; the latest says 4: off track. Mobility is expected but not scored.
const previous = assessment(1, '2026-07-01', { self_care: 3 }, { self_care: 1, mobility: 2 });
const latest = assessment(2, '2026-11-10', { self_care: 4, health: 4 }, null);

describe('the pull list\'s published constants', () => {
  it('names every kind, rule and class of service in Danish', () => {
    expect(WORK_ITEM_KINDS).toEqual(['application', 'follow_up', 'revisitation', 'complaint', 'task']);
    expect(WORK_ITEM_KIND_LABELS).toEqual({ application: 'Ny ansøgning', follow_up: 'Opfølgning', revisitation: 'Revisitation', complaint: 'Klage', task: 'Opgave' });
    expect(PULL_RULES).toEqual(['deadline', 'class_of_service', 'strategic', 'waiting']);
    expect(PULL_RULE_LABELS).toEqual({ deadline: 'Fristrisiko', class_of_service: 'Serviceklasse', strategic: 'Strategisk prioritet', waiting: 'Ventetid' });
    expect(CLASS_OF_SERVICE_LABELS).toEqual({ urgent: 'Akut', fixed_date: 'Fast dato', standard: 'Standard', can_wait: 'Kan vente' });
  });
  it('every rule counts once by default, a weight goes to 5, and the caps are 150, 100 and 100 points', () => {
    expect(DEFAULT_RULE_WEIGHTS).toEqual({ deadline: 1, class_of_service: 1, strategic: 1, waiting: 1 });
    expect(MAX_RULE_WEIGHT).toBe(5);
    expect(FOLLOW_UP_LEAD_DAYS).toBe(30);
    expect(CLASS_OF_SERVICE_POINTS).toEqual({ urgent: 100, fixed_date: 60, standard: 30, can_wait: 0 });
    expect([MAX_DEADLINE_POINTS, MAX_WAITING_POINTS, MAX_STRATEGIC_POINTS]).toEqual([150, 100, 100]);
  });
});

describe('off-track assessments', () => {
  it('compares only the themes both the expectation and the latest assessment scored', () => {
    expect(offTrack(latest, previous)).toEqual({ actual: 4, expected: 1 });
  });
  it('an assessment on track, or one without an expectation, is not off track', () => {
    expect(offTrack(assessment(2, '2026-11-10', { self_care: 1 }, null), previous)).toBeNull();
    expect(offTrack(latest, assessment(1, '2026-07-01', { self_care: 3 }, null))).toBeNull();
  });
});

describe('work items from queued cases', () => {
  const origin = (over: Partial<PullCandidate>) => toWorkItem(candidate(over), TODAY)!.origin;
  it('names what came in: application, complaint, task or follow-up, with the day and paragraph', () => {
    expect(origin({ caseKind: 'complaint', paragraph: '82b' })).toEqual(['Klage modtaget 03.11.2026 (§ 82 b)']);
    expect(origin({ caseKind: 'task' })).toEqual(['Opgave modtaget 03.11.2026 (§ 85)']);
    expect(origin({ caseKind: 'follow_up' })).toEqual(['Opfølgning modtaget 03.11.2026 (§ 85)']);
  });
  it('a queued case is taken whole: its class, deadline window, wait from the received day and no reopening', () => {
    expect(toWorkItem(candidate({ classOfService: 'urgent', pinnedAt: '2026-11-20T08:00:00Z', pinnedByName: 'Lene' }), TODAY)).toEqual({
      caseId: 1, caseNumber: '2026-000001', citizenInitials: 'KL', kind: 'application', paragraph: '85', classOfService: 'urgent',
      receivedDate: '2026-11-03', deadline: '2026-12-29', deadlineWindowDays: 56, waitingSince: '2026-11-03', reservedForId: null,
      reservedForName: null, pinnedAt: '2026-11-20T08:00:00Z', pinnedByName: 'Lene', origin: ['Ny ansøgning modtaget 03.11.2026 (§ 85)'], reopens: false,
    });
  });
  it('a queued case without a legal deadline has no window, and a deadline on the received day a window of one day', () => {
    expect(toWorkItem(candidate({ legalDeadline: null }), TODAY)!.deadlineWindowDays).toBeNull();
    expect(toWorkItem(candidate({ legalDeadline: '2026-11-03' }), TODAY)!.deadlineWindowDays).toBe(1);
  });
  it('an unassigned queued case is reserved for nobody, whatever name the store sent', () => {
    expect(toWorkItem(candidate({ assigneeId: null, assigneeName: 'Stale' }), TODAY)).toMatchObject({ reservedForId: null, reservedForName: null });
  });
  it('an off-track application stays an application, with the assessment noted; no previous assessment means no note', () => {
    const w = toWorkItem(candidate({ latestAssessment: latest, previousAssessment: previous }), TODAY)!;
    expect(w.kind).toBe('application');
    expect(w.origin).toEqual(['Ny ansøgning modtaget 03.11.2026 (§ 85)', 'Seneste VUM-vurdering 10.11.2026 er ikke på sporet: samlet score 4, forventet 1']);
    expect(toWorkItem(candidate({ latestAssessment: latest }), TODAY)!.origin).toHaveLength(1);
    expect(toWorkItem(candidate({ caseKind: 'follow_up', latestAssessment: latest }), TODAY)!.kind).toBe('follow_up');
  });
});

describe('work items from closed cases: the follow-up window', () => {
  const closed = (over: Partial<PullCandidate>) => candidate({ columnKind: 'done', caseKind: 'follow_up', columnEnteredAt: '2026-03-01', ...over });
  it('a follow-up due in exactly 30 days joins the list, in 31 it does not', () => {
    expect(toWorkItem(closed({ nextFollowUp: '2026-12-23' }), TODAY)).not.toBeNull();
    expect(toWorkItem(closed({ nextFollowUp: '2026-12-24' }), TODAY)).toBeNull();
  });
  it('a follow-up due today falls due ("forfalder"), one due yesterday has fallen due ("forfaldt")', () => {
    expect(toWorkItem(closed({ nextFollowUp: TODAY }), TODAY)!.origin).toEqual(['Opfølgning på bevilling forfalder 23.11.2026']);
    expect(toWorkItem(closed({ nextFollowUp: '2026-11-22' }), TODAY)!.origin).toEqual(['Opfølgning på bevilling forfaldt 22.11.2026']);
    expect(toWorkItem(closed({ nextFollowUp: '2026-11-24' }), TODAY)!.origin).toEqual(['Opfølgning på bevilling forfalder 24.11.2026']);
  });
  it('a case closed the day the window opened was closed inside it: no follow-up; closed the day before, a follow-up', () => {
    // Due 03.12: the window opens 03.11.
    expect(toWorkItem(closed({ nextFollowUp: '2026-12-03', columnEnteredAt: '2026-11-03' }), TODAY)).toBeNull();
    expect(toWorkItem(closed({ nextFollowUp: '2026-12-03', columnEnteredAt: '2026-11-02' }), TODAY)).not.toBeNull();
  });
  it('a follow-up item reopens the case, waits from the window\'s first day and is reserved for nobody', () => {
    expect(toWorkItem(closed({ nextFollowUp: '2026-12-03', assigneeId: 4, assigneeName: 'Mette', pinnedAt: 'p', pinnedByName: 'Lene' }), TODAY)).toEqual({
      caseId: 1, caseNumber: '2026-000001', citizenInitials: 'KL', kind: 'follow_up', paragraph: '85', classOfService: 'fixed_date',
      receivedDate: '2026-11-03', deadline: '2026-12-03', deadlineWindowDays: 30, waitingSince: '2026-11-03', reservedForId: null,
      reservedForName: null, pinnedAt: 'p', pinnedByName: 'Lene', origin: ['Opfølgning på bevilling forfalder 03.12.2026'], reopens: true,
    });
  });
  it('a closed case without a follow-up or an off-track assessment is no work item', () => {
    expect(toWorkItem(closed({}), TODAY)).toBeNull();
  });
  it('an assessment on the day the case closed is not "since it closed"; the day after is', () => {
    expect(toWorkItem(closed({ columnEnteredAt: '2026-11-10', latestAssessment: latest, previousAssessment: previous }), TODAY)).toBeNull();
    const w = toWorkItem(closed({ columnEnteredAt: '2026-11-09', latestAssessment: latest, previousAssessment: previous }), TODAY)!;
    expect(w).toMatchObject({ kind: 'revisitation', classOfService: 'standard', deadline: null, deadlineWindowDays: null, waitingSince: '2026-11-10', reopens: true });
  });
  it('due and off track: the item waits from whichever came first, the window or the assessment', () => {
    // Due 20.12: the window opens 20.11, after the assessment of 10.11.
    const w = toWorkItem(closed({ nextFollowUp: '2026-12-20', columnEnteredAt: '2026-09-01', latestAssessment: latest, previousAssessment: previous }), TODAY)!;
    expect(w).toMatchObject({ kind: 'revisitation', classOfService: 'fixed_date', deadline: '2026-12-20', deadlineWindowDays: 30, waitingSince: '2026-11-10' });
    expect(w.origin).toEqual(['Opfølgning på bevilling forfalder 20.12.2026', 'Seneste VUM-vurdering 10.11.2026 er ikke på sporet: samlet score 4, forventet 1']);
  });
});

describe('rule points at their caps', () => {
  it('a strategic tag with neither paragraph nor kind matches nothing; with both, both must match', () => {
    const tag = (paragraph: string | null, kind: PriorityTag['kind']): PriorityTag => ({ id: 1, label: 't', weight: 10, paragraph, kind });
    expect(tagMatches(tag(null, null), { paragraph: '85', kind: 'task' })).toBe(false);
    expect(tagMatches(tag('85', null), { paragraph: '85', kind: 'task' })).toBe(true);
    expect(tagMatches(tag('85', null), { paragraph: '86', kind: 'task' })).toBe(false);
    expect(tagMatches(tag(null, 'task'), { paragraph: '85', kind: 'task' })).toBe(true);
    expect(tagMatches(tag(null, 'task'), { paragraph: '85', kind: 'complaint' })).toBe(false);
    expect(tagMatches(tag('85', 'task'), { paragraph: '85', kind: 'complaint' })).toBe(false);
    expect(tagMatches(tag('85', 'task'), { paragraph: '86', kind: 'task' })).toBe(false);
    expect(tagMatches(tag('85', 'task'), { paragraph: '85', kind: 'task' })).toBe(true);
  });
  it('strategic points are the sum of matching weights: 100 stays 100, 101 becomes 100; no tags give nothing', () => {
    const tags = (a: number, b: number): PriorityTag[] => [
      { id: 1, label: 'a', weight: a, paragraph: '85', kind: null }, { id: 2, label: 'b', weight: b, paragraph: null, kind: 'task' },
    ];
    expect(strategicPoints(tags(60, 39), { paragraph: '85', kind: 'task' }).points).toBe(99);
    expect(strategicPoints(tags(60, 40), { paragraph: '85', kind: 'task' }).points).toBe(100);
    expect(strategicPoints(tags(60, 41), { paragraph: '85', kind: 'task' }).points).toBe(100);
    expect(strategicPoints([], { paragraph: '85', kind: 'task' })).toEqual({ points: 0, matched: [] });
  });
  it('waiting points: 99 days 99, 100 days 100, 101 days still 100, a future day 0', () => {
    expect(waitingPoints('2026-08-16', TODAY)).toBe(99);
    expect(waitingPoints('2026-08-15', TODAY)).toBe(100);
    expect(waitingPoints('2026-08-14', TODAY)).toBe(100);
    expect(waitingPoints(TODAY, TODAY)).toBe(0);
    expect(waitingPoints('2026-11-24', TODAY)).toBe(0);
  });
  it('deadline points need both a deadline and a window; a window of 0 days counts as 1', () => {
    expect(deadlinePoints(TODAY, null, TODAY)).toBe(0);
    expect(deadlinePoints(null, 56, TODAY)).toBe(0);
    expect(deadlinePoints('2026-11-24', 0, TODAY)).toBe(0); // 1 day left of 1
    expect(deadlinePoints('2026-11-22', 0, TODAY)).toBe(150); // (1 + 1) / 1 = 200 %, capped
  });
  it('deadline points: yesterday, today and tomorrow of a 10-day window, and the cap of 150 at, below and above', () => {
    expect(deadlinePoints('2026-11-22', 10, TODAY)).toBe(110);
    expect(deadlinePoints(TODAY, 10, TODAY)).toBe(100);
    expect(deadlinePoints('2026-11-24', 10, TODAY)).toBe(90);
    expect(deadlinePoints('2026-11-19', 10, TODAY)).toBe(140);
    expect(deadlinePoints('2026-11-18', 10, TODAY)).toBe(150);
    expect(deadlinePoints('2026-11-17', 10, TODAY)).toBe(150);
  });
  it('points are written with a Danish sign, thousands dot and one decimal', () => {
    expect(signedPoints(999)).toBe('+999');
    expect(signedPoints(1000)).toBe('+1.000');
    expect(signedPoints(1234567)).toBe('+1.234.567');
    expect(signedPoints(-5)).toBe('−5');
    expect(signedPoints(-0.25)).toBe('−0,2');
    expect(signedPoints(22.55)).toBe('+22,6');
    expect(signedPoints(0.04)).toBe('+0');
    expect(signedPoints(2.5)).toBe('+2,5');
  });
});

describe('pull order', () => {
  const rank = (items: WorkItem[], tags: PriorityTag[] = []) => rankWorkItems(items, DEFAULT_RULE_WEIGHTS, tags, TODAY);
  it('an earlier pin goes first even when the later pin has the higher score', () => {
    const low = item({ caseNumber: '2026-000001', classOfService: 'can_wait', pinnedAt: '2026-11-20T09:00:00.000Z' });
    const high = item({ caseNumber: '2026-000002', classOfService: 'urgent', pinnedAt: '2026-11-21T09:00:00.000Z' });
    expect(rank([high, low]).map((r) => r.caseNumber)).toEqual(['2026-000001', '2026-000002']);
    expect(rank([low, high]).map((r) => r.caseNumber)).toEqual(['2026-000001', '2026-000002']);
  });
  it('two items pinned at the same moment are ordered by score', () => {
    const at = '2026-11-20T09:00:00.000Z';
    const low = item({ caseNumber: '2026-000001', classOfService: 'can_wait', pinnedAt: at });
    const high = item({ caseNumber: '2026-000002', classOfService: 'urgent', pinnedAt: at });
    expect(rank([low, high]).map((r) => r.caseNumber)).toEqual(['2026-000002', '2026-000001']);
  });
  it('a pinned item goes before an unpinned one from either side', () => {
    const pinned = { pinnedAt: 'x', score: 0, waitingSince: TODAY, caseNumber: 'b' };
    const free = { pinnedAt: null, score: 500, waitingSince: '2026-01-01', caseNumber: 'a' };
    expect(comparePullOrder(pinned, free)).toBe(-1);
    expect(comparePullOrder(free, pinned)).toBe(1);
  });
  it('ties fall to the longest wait, then the lowest case number; identical items compare equal', () => {
    const base = { pinnedAt: null, score: 10, waitingSince: '2026-11-01', caseNumber: '2026-000005' };
    expect(comparePullOrder(base, { ...base, score: 11 })).toBeGreaterThan(0);
    expect(comparePullOrder(base, { ...base, waitingSince: '2026-11-02' })).toBe(-1);
    expect(comparePullOrder(base, { ...base, waitingSince: '2026-10-31' })).toBe(1);
    expect(comparePullOrder(base, { ...base, caseNumber: '2026-000006' })).toBe(-1);
    expect(comparePullOrder(base, { ...base, caseNumber: '2026-000004' })).toBe(1);
    expect(comparePullOrder(base, { ...base })).toBe(0);
  });

  it('a ranked item carries its rules in the rules\' order, with points, weights and contributions', () => {
    const i = item({ caseNumber: '2026-000007', kind: 'task', classOfService: 'fixed_date', receivedDate: '2026-11-13', deadline: '2026-11-27', deadlineWindowDays: 14 });
    const tags: PriorityTag[] = [{ id: 1, label: 'Opgaver', weight: 15, paragraph: null, kind: 'task' }];
    const [r] = rankWorkItems([i], { deadline: 2, class_of_service: 1, strategic: 3, waiting: 0 }, tags, TODAY);
    // Deadline: 4 left of 14 → 100·10/14 = 71.4 → 71.
    expect(r!.rules).toEqual([
      { rule: 'deadline', points: 71, weight: 2, contribution: 142 },
      { rule: 'class_of_service', points: 60, weight: 1, contribution: 60 },
      { rule: 'strategic', points: 15, weight: 3, contribution: 45 },
      { rule: 'waiting', points: 10, weight: 0, contribution: 0 },
    ]);
    expect(r).toMatchObject({ score: 247, tags: ['Opgaver'], daysToDeadline: 4, waitingDays: 10, position: 1 });
    expect(r!.reasons).toEqual([
      'Frist 27.11.2026: 4 dage tilbage af 14 (+142)',
      'Serviceklasse: Fast dato (+60)',
      'Strategisk prioritet: «Opgaver» (+45)',
      'Har ventet 10 dage (+0)',
    ]);
  });
  it('a ranked item lists its rules in the rules\' order even when the contributions run the other way', () => {
    const i = item({ caseNumber: '2026-000018', classOfService: 'standard', receivedDate: '2026-10-23' }); // waited 31, class 30
    expect(rank([i])[0]!.rules.map((r) => [r.rule, r.contribution])).toEqual([['deadline', 0], ['class_of_service', 30], ['strategic', 0], ['waiting', 31]]);
  });
  it('an item scores deadline points only with both a deadline and a window', () => {
    const noWindow = item({ caseNumber: '2026-000019', deadline: TODAY, deadlineWindowDays: null });
    const noDeadline = item({ caseNumber: '2026-000020', deadline: null, deadlineWindowDays: 10 });
    expect(rank([noWindow])[0]!.rules[0]).toEqual({ rule: 'deadline', points: 0, weight: 1, contribution: 0 });
    expect(rank([noDeadline])[0]!.rules[0]).toEqual({ rule: 'deadline', points: 0, weight: 1, contribution: 0 });
  });
  it('the reasons follow the contributions, largest first; equal contributions keep the rules\' order', () => {
    const i = item({ caseNumber: '2026-000008', classOfService: 'standard', receivedDate: '2026-10-24' }); // waited 30, class 30
    expect(rank([i])[0]!.reasons).toEqual(['Serviceklasse: Standard (+30)', 'Har ventet 30 dage (+30)']);
    const j = item({ caseNumber: '2026-000009', classOfService: 'standard', receivedDate: '2026-10-23' }); // waited 31
    expect(rank([j])[0]!.reasons).toEqual(['Har ventet 31 dage (+31)', 'Serviceklasse: Standard (+30)']);
  });
  it('says "1 dag" for one day, "i dag" on the deadline day and when the item joined today', () => {
    const today = item({ caseNumber: '2026-000010', receivedDate: '2026-11-13', deadline: TODAY, deadlineWindowDays: 10 });
    expect(rank([today])[0]!.reasons).toContain('Frist 23.11.2026 er i dag (+100)');
    const tomorrow = item({ caseNumber: '2026-000011', receivedDate: '2026-11-22', deadline: '2026-11-24', deadlineWindowDays: 10 });
    expect(rank([tomorrow])[0]!.reasons).toEqual(['Frist 24.11.2026: 1 dag tilbage af 10 (+90)', 'Serviceklasse: Standard (+30)', 'Har ventet 1 dag (+1)']);
    const yesterday = item({ caseNumber: '2026-000012', receivedDate: TODAY, deadline: '2026-11-22', deadlineWindowDays: 10, reopens: true });
    expect(rank([yesterday])[0]!.reasons).toEqual(['Opfølgningsdato 22.11.2026 er overskredet med 1 dag (+110)', 'Serviceklasse: Standard (+30)', 'Kom på listen i dag (+0)']);
  });
  it('an item whose wait starts tomorrow has waited 0 days and joined "i dag"', () => {
    const r = rank([item({ caseNumber: '2026-000013', waitingSince: '2026-11-24' })])[0]!;
    expect(r.waitingDays).toBe(0);
    expect(r.reasons).toContain('Kom på listen i dag (+0)');
  });
  it('names who pinned and for whom an item is reserved, or says so without names', () => {
    const r = rank([item({ caseNumber: '2026-000014', pinnedAt: 'x', pinnedByName: null, reservedForId: 3, reservedForName: null, origin: ['Fra kilde'] })])[0]!;
    expect(r.reasons.slice(0, 3)).toEqual(['Fastgjort øverst af en leder', 'Fra kilde', 'Reserveret til en bestemt medarbejder']);
    const s = rank([item({ caseNumber: '2026-000015', reservedForId: 3, reservedForName: 'Mette Dahl' })])[0]!;
    expect(s.reasons[0]).toBe('Reserveret til Mette Dahl');
  });
  it('lists every matching strategic tag in the reason', () => {
    const tags: PriorityTag[] = [
      { id: 1, label: 'A', weight: 10, paragraph: '85', kind: null }, { id: 2, label: 'B', weight: 5, paragraph: null, kind: 'application' },
    ];
    const r = rank([item({ caseNumber: '2026-000016', classOfService: 'can_wait' })], tags)[0]!;
    expect(r.reasons).toEqual(['Strategisk prioritet: «A», «B» (+15)', 'Serviceklasse: Kan vente (+0)', 'Kom på listen i dag (+0)']);
  });
  it('a ranked item keeps every field of its work item', () => {
    const w = item({ caseNumber: '2026-000017', citizenInitials: 'ØS', kind: 'complaint', paragraph: '107', deadline: '2026-12-01', deadlineWindowDays: 28, origin: ['o'], reopens: false, reservedForId: 2, reservedForName: 'R', pinnedAt: 'p', pinnedByName: 'L', receivedDate: '2026-11-01', waitingSince: '2026-11-02' });
    const r = rank([w])[0]!;
    const { position: _p, score: _s, rules: _r, tags: _t, daysToDeadline: _d, waitingDays: _w, reasons: _re, ...rest } = r;
    expect(rest).toEqual(w);
    expect(r.reasons).toContain('Klagefrist 01.12.2026: 8 dage tilbage af 28 (+71)');
  });
});

describe('pulling at the personal WIP limit', () => {
  const ranked: RankedItem[] = rankWorkItems([item({ caseNumber: '2026-000020', paragraph: '85' })], DEFAULT_RULE_WEIGHTS, [], TODAY);
  const pull = (wipCount: number, wipLimit: number | null) => choosePull(ranked, { personId: 1, wipCount, wipLimit, competences: ['85'] });
  it('a caseworker below their personal WIP limit may pull; at or above it they may not', () => {
    expect('item' in pull(2, 3)).toBe(true);
    expect(pull(3, 3)).toMatchObject({ reason: 'wip_limit' });
    expect(pull(4, 3)).toMatchObject({ reason: 'wip_limit', message: 'Du har nået din personlige WIP-grænse: 4 af 3 sager i gang. Afslut eller aflevér en sag, før du tager en ny.' });
    expect('item' in pull(40, null)).toBe(true);
  });
  it('an empty list says so', () => {
    expect(choosePull([], { personId: 1, wipCount: 0, wipLimit: null, competences: [] })).toEqual({
      reason: 'empty', message: 'Teamets pull-liste er tom: der er ingen sager at tage lige nu.',
    });
  });
  it('an item reserved for the puller is theirs; reserved for others only, the list says so', () => {
    const mine = rankWorkItems([item({ caseNumber: '2026-000021', reservedForId: 1 })], DEFAULT_RULE_WEIGHTS, [], TODAY);
    expect('item' in choosePull(mine, { personId: 1, wipCount: 0, wipLimit: null, competences: ['85'] })).toBe(true);
    expect(choosePull(mine, { personId: 2, wipCount: 0, wipLimit: null, competences: ['85'] })).toEqual({
      reason: 'reserved', message: 'Alle sager på pull-listen er reserveret til andre medarbejdere.',
    });
  });
  it('someone with no competences is told to ask the leader, with each open paragraph once in legal order', () => {
    const items = rankWorkItems(['100', '85', '12', '85', '82a'].map((p, i) => item({ caseNumber: `2026-00003${i}`, paragraph: p })), DEFAULT_RULE_WEIGHTS, [], TODAY);
    expect(choosePull(items, { personId: 1, wipCount: 0, wipLimit: null, competences: [] })).toEqual({
      reason: 'no_competence',
      paragraphs: ['12', '82a', '85', '100'],
      message: 'Du er ikke markeret som kompetent til nogen paragraffer. Pull-listen har sager efter § 12, § 82 a, § 85, § 100: bed din leder om at registrere dine kompetencer.',
    });
  });
  it('paragraphs sort by number first, then by letter; equal paragraphs compare equal', () => {
    expect(['100', '95-96', '85', '82b', '82a', '12'].sort(compareParagraphs)).toEqual(['12', '82a', '82b', '85', '95-96', '100']);
    expect(compareParagraphs('82a', '82b')).toBe(-1);
    expect(compareParagraphs('82b', '82a')).toBe(1);
    expect(compareParagraphs('85', '85')).toBe(0);
    expect(compareParagraphs('85', '100')).toBeLessThan(0);
  });
  it('a legal deadline is the processing weeks from the received day', () => {
    expect(legalDeadlineFrom('2026-11-03', 12)).toBe('2027-01-26');
    expect(legalDeadlineFrom('2026-11-03', 0)).toBe('2026-11-03');
  });
});
