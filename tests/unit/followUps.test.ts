// The rules of follow-up items (shared/followUps.ts): numbers, deadlines and the next follow-up date.
import { describe, expect, it } from 'vitest';
import {
  FOLLOW_UP_ITEM_KIND_LABELS, FOLLOW_UP_OUTCOME_LABELS, followUpCaseNumber, followUpItemDeadline, nextFollowUpAfter, REVISITATION_FALLBACK_DAYS,
} from '../../shared/followUps';
import { toWorkItem, type PullCandidate } from '../../shared/pullList';

describe('follow-up items', () => {
  it('labels the outcomes with KL\'s Fælles Faglige Begreber follow-up codes', () => {
    expect(FOLLOW_UP_OUTCOME_LABELS).toEqual({
      continue: 'Fortsættes', change_within_frame: 'Ændres inden for rammen', end: 'Afsluttes', revisit: 'Revisitation',
    });
  });

  it('calls an item a follow-up or a revisitation', () => {
    expect(FOLLOW_UP_ITEM_KIND_LABELS).toEqual({ follow_up: 'Opfølgning', revisitation: 'Revisitation' });
  });

  it('a next follow-up that falls on today is already due, so it moves one interval further', () => {
    expect(nextFollowUpAfter('2026-05-23', 6, '2026-11-23', null)).toBe('2027-05-23');
  });

  it('keeps a next follow-up on or before the grant\'s end date, and drops it only after', () => {
    expect(nextFollowUpAfter('2026-12-08', 6, '2026-11-23', '2027-12-31')).toBe('2027-06-08');
    expect(nextFollowUpAfter('2026-12-08', 6, '2026-11-23', '2027-06-08')).toBe('2027-06-08');
    expect(nextFollowUpAfter('2026-12-08', 6, '2026-11-23', '2027-06-07')).toBeNull();
  });

  it('numbers an item after the case it follows up: -O1 for the first, -O2 for the next', () => {
    expect(followUpCaseNumber('2025-000182', 0)).toBe('2025-000182-O1');
    expect(followUpCaseNumber('2025-000182', 1)).toBe('2025-000182-O2');
  });

  it('is due on the follow-up date; a revisitation without one on today plus the processing time, or 30 days without one', () => {
    expect(followUpItemDeadline('2026-12-08', '2026-11-23', '2027-01-18')).toBe('2026-12-08');
    expect(followUpItemDeadline(null, '2026-11-23', '2027-01-18')).toBe('2027-01-18');
    expect(REVISITATION_FALLBACK_DAYS).toBe(30);
    expect(followUpItemDeadline(null, '2026-11-23', null)).toBe('2026-12-23');
  });

  it('moves the next follow-up on by the interval from the old date, past today, and drops it after the grant\'s end', () => {
    expect(nextFollowUpAfter('2026-12-08', 6, '2026-11-23', null)).toBe('2027-06-08');
    // Closed long after its date: as many intervals as it takes to fall after today.
    expect(nextFollowUpAfter('2026-01-31', 3, '2026-11-23', null)).toBe('2027-01-31');
    expect(nextFollowUpAfter('2026-12-08', 6, '2026-11-23', '2027-03-31')).toBeNull();
  });
});

describe('a decided case with a follow-up item behind it', () => {
  const candidate: PullCandidate = {
    caseId: 1, caseNumber: '2025-000182', citizenInitials: 'KL', caseKind: 'application', paragraph: '85', columnKind: 'done',
    classOfService: 'standard', receivedDate: '2025-01-10', legalDeadline: '2025-03-07', blocked: false, columnEnteredAt: '2026-03-01',
    assigneeId: null, assigneeName: null, nextFollowUp: null,
    latestAssessment: { id: 2, caseId: 1, assessedOn: '2026-10-01', scores: { mobility: 4 }, expectedScores: null, expectedBy: null, note: null },
    previousAssessment: { id: 1, caseId: 1, assessedOn: '2026-02-01', scores: { mobility: 2 }, expectedScores: { mobility: 3 }, expectedBy: null, note: null },
    pinnedAt: null, pinnedByName: null,
  };

  it('is offered for revisitation when an off-track assessment came after it closed', () => {
    expect(toWorkItem(candidate, '2026-11-23')).toMatchObject({ kind: 'revisitation', reopens: true });
  });

  it('is not offered for revisitation again for an assessment its latest follow-up item was made after', () => {
    expect(toWorkItem({ ...candidate, lastFollowUpItemOn: '2026-10-15' }, '2026-11-23')).toBeNull();
  });

  it('gives a queued revisitation item as a revisitation', () => {
    const queued = { ...candidate, columnKind: 'queue' as const, caseKind: 'follow_up' as const, latestAssessment: null, previousAssessment: null, followUpItemKind: 'revisitation' as const };
    expect(toWorkItem(queued, '2026-11-23')).toMatchObject({ kind: 'revisitation', reopens: false });
  });
});
