// Legal-deadline compliance: the counting rules of issue 18, on cases small enough to count by hand.
import { describe, expect, it } from 'vitest';
import { complianceFigures, deadlineRows, forecastDeadline, type DecidedCase } from '../../shared/deadlines';

let nextId = 1;
const decided = (paragraph: string, received: string, decision: string, legalDeadline: string | null, kind: DecidedCase['kind'] = 'application'): DecidedCase => ({
  caseId: nextId++, kind, paragraph, teamId: 1, assigneeId: 2, received, decision, legalDeadline,
});

describe('the compliance table', () => {
  const cases = [
    decided('85', '2026-01-05', '2026-02-10', '2026-03-02'), // 36 days, within
    decided('85', '2026-01-10', '2026-03-02', '2026-03-02'), // decided on the deadline: within
    decided('85', '2026-01-12', '2026-03-20', '2026-03-09'), // 67 days, too late (month 03)
    decided('85', '2026-02-01', '2026-02-20', '2026-03-29', 'complaint'), // complaints count
    decided('85', '2026-01-01', '2026-02-02', null, 'follow_up'), // follow-ups are apart
    decided('12', '2026-02-02', '2026-02-05', null), // no deadline: decided, not in the share
    decided('107', '2026-02-01', '2026-02-28', '2026-04-26', 'task'), // tasks are not cases to report
  ];

  it('counts applications and complaints per paragraph and decision month', () => {
    expect(deadlineRows(cases)).toEqual([
      { paragraph: '12', month: '2026-02', decided: 1, withinDeadline: 0, share: null, p50Days: 3, p85Days: 3 },
      { paragraph: '85', month: '2026-02', decided: 2, withinDeadline: 2, share: 1, p50Days: 19, p85Days: 36 },
      { paragraph: '85', month: '2026-03', decided: 2, withinDeadline: 1, share: 0.5, p50Days: 51, p85Days: 67 },
    ]);
  });

  it('reports follow-ups apart when asked', () => {
    expect(deadlineRows(cases, ['follow_up'])).toEqual([
      { paragraph: '85', month: '2026-02', decided: 1, withinDeadline: 0, share: null, p50Days: 32, p85Days: 32 },
    ]);
  });

  it('divides by the decided cases that have a deadline only', () => {
    const f = complianceFigures([
      decided('85', '2026-01-05', '2026-02-10', '2026-03-02'),
      decided('85', '2026-01-05', '2026-04-10', '2026-03-02'),
      decided('12', '2026-01-05', '2026-01-06', null),
    ]);
    expect(f).toMatchObject({ decided: 3, withinDeadline: 1, withDeadline: 2, share: 0.5 });
  });

  it('uses nearest-rank percentiles and counts working days beside calendar days', () => {
    // 10 cases of 1..10 days: nearest rank 50 % is the 5th, 85 % the 9th (⌈8.5⌉).
    const ten = Array.from({ length: 10 }, (_, i) => decided('85', '2026-11-02', `2026-11-${String(3 + i).padStart(2, '0')}`, '2026-12-28'));
    const f = complianceFigures(ten);
    expect(f.p50Days).toBe(5);
    expect(f.p85Days).toBe(9);
    // From Monday 2 November the ten cases took 1, 2, 3, 4, 4, 4, 5, 6, 7, 8 working days (a weekend
    // adds calendar days only): the 5th is 4, the 9th is 7.
    expect(f.p50WorkingDays).toBe(4);
    expect(f.p85WorkingDays).toBe(7);
    expect(f.deadlineDays).toBe(56);
  });
});

describe('open cases that will miss their deadline at today\'s pace', () => {
  const open = { caseId: 1, caseNumber: 'S-1', kind: 'application' as const, paragraph: '85', assigneeId: null, received: '2026-10-01', legalDeadline: '2026-11-26' };

  it('expects the median remaining time of the earlier cases that took longer', () => {
    // Today 23.11: 53 days old. Earlier cases took 20, 40, 60, 70 and 90 days: of those longer than
    // 53, the remaining times are 7, 17 and 37; the median is 17, so the decision is expected 10.12.
    const f = forecastDeadline(open, '2026-11-23', [20, 40, 60, 70, 90]);
    expect(f).toMatchObject({ age: 53, expectedDecision: '2026-12-10', daysLeft: 3, willMiss: true });
    expect(forecastDeadline(open, '2026-11-23', [54, 55, 56]).willMiss).toBe(false);
  });

  it('counts a passed deadline as missed even without history', () => {
    expect(forecastDeadline(open, '2026-11-27', []).willMiss).toBe(true);
    expect(forecastDeadline(open, '2026-11-23', [])).toMatchObject({ expectedDecision: null, willMiss: false });
  });
});
