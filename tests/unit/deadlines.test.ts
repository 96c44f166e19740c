// Legal-deadline compliance: the counting rules of issue 18, on cases small enough to count by hand.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, WorkingCalendar } from '../../shared/calendar';
import {
  compareParagraphs, COMPLIANCE_KINDS, complianceFigures, deadlineRows, forecastDeadline, groupBy, isWithinDeadline, monthOf, processingDays, type DecidedCase,
} from '../../shared/deadlines';

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

describe('deadline rules at their boundaries (mutation-pinned)', () => {
  it('counts applications and complaints by default, follow-ups and tasks apart', () => {
    expect(COMPLIANCE_KINDS).toEqual(['application', 'complaint']);
  });

  it('a case decided the day before its deadline or on it is within; the day after is not; without a deadline never', () => {
    expect(isWithinDeadline({ decision: '2026-03-01', legalDeadline: '2026-03-02' })).toBe(true);
    expect(isWithinDeadline({ decision: '2026-03-02', legalDeadline: '2026-03-02' })).toBe(true);
    expect(isWithinDeadline({ decision: '2026-03-03', legalDeadline: '2026-03-02' })).toBe(false);
    expect(isWithinDeadline({ decision: '2026-03-01', legalDeadline: null })).toBe(false);
  });

  it('measures processing time in calendar days from received to decision, and the month as YYYY-MM', () => {
    expect(processingDays({ received: '2026-02-27', decision: '2026-03-02' })).toBe(3);
    expect(processingDays({ received: '2026-03-02', decision: '2026-03-02' })).toBe(0);
    expect(monthOf('2026-03-02')).toBe('2026-03');
  });

  it('gives empty figures for no decided case', () => {
    expect(complianceFigures([])).toEqual({
      decided: 0, withinDeadline: 0, withDeadline: 0, share: null, p50Days: null, p85Days: null, p50WorkingDays: null, p85WorkingDays: null, deadlineDays: null,
    });
  });

  it('gives every figure of a small sample, percentiles by nearest rank', () => {
    // Received Monday 2 November; decided after 21, 3 and 8 calendar days (15, 3 and 6 working days).
    const f = complianceFigures([
      decided('85', '2026-11-02', '2026-11-23', '2026-11-20'),
      decided('85', '2026-11-02', '2026-11-05', '2026-12-28'),
      decided('85', '2026-11-02', '2026-11-10', null),
    ]);
    expect(f).toEqual({
      decided: 3, withinDeadline: 1, withDeadline: 2, share: 0.5, p50Days: 8, p85Days: 21, p50WorkingDays: 6, p85WorkingDays: 15, deadlineDays: 18,
    });
  });

  it('reads working days with the calendar given, so a department with Grundlovsdag closed counts one fewer', () => {
    const cases = [decided('85', '2026-06-04', '2026-06-08', null)]; // Thursday to Monday over Friday 5 June
    expect(complianceFigures(cases).p50WorkingDays).toBe(2);
    expect(complianceFigures(cases, new WorkingCalendar({ ...DEFAULT_CALENDAR, constitutionDayClosed: true })).p50WorkingDays).toBe(1);
  });

  it('orders paragraphs as the catalogue does, unknown ones after by code, and equal ones as equal', () => {
    expect(['108', '85', 'x2', '12', '82a', 'x1'].sort(compareParagraphs)).toEqual(['12', '82a', '85', '108', 'x1', 'x2']);
    expect(compareParagraphs('85', '85')).toBe(0);
    expect(compareParagraphs('x1', 'x1')).toBe(0);
    expect(compareParagraphs('12', '85')).toBeLessThan(0);
    expect(compareParagraphs('85', '12')).toBeGreaterThan(0);
    expect(compareParagraphs('zz', 'aa')).toBeGreaterThan(0);
    expect(compareParagraphs('aa', 'zz')).toBeLessThan(0);
    expect(compareParagraphs('108', 'aa')).toBeLessThan(0);
  });

  it('groups by key in the order keys are first seen', () => {
    const groups = groupBy([3, 1, 4, 1, 5, 9, 2, 6], (n) => n % 3);
    expect([...groups]).toEqual([[0, [3, 9, 6]], [1, [1, 4, 1]], [2, [5, 2]]]);
  });

  it('orders the table by paragraph, then month, whatever order the cases come in', () => {
    const rows = deadlineRows([
      decided('85', '2026-02-01', '2026-03-10', null),
      decided('12', '2026-02-01', '2026-03-10', null),
      decided('85', '2026-01-01', '2026-02-10', null),
      decided('82a', '2026-01-01', '2026-04-10', null),
      decided('85', '2026-03-01', '2026-04-10', null),
      decided('85', '2026-01-01', '2026-02-20', null),
    ]);
    expect(rows.map((r) => `${r.paragraph} ${r.month} ${r.decided}`)).toEqual(['12 2026-03 1', '82a 2026-04 1', '85 2026-02 2', '85 2026-03 1', '85 2026-04 1']);
  });
});

describe('the deadline forecast at its boundaries (mutation-pinned)', () => {
  const open = { caseId: 1, caseNumber: 'S-1', kind: 'application' as const, paragraph: '85', assigneeId: null, received: '2026-10-01', legalDeadline: '2026-11-26' };

  it('leaves out earlier cases that took exactly as long as this case is old', () => {
    // 53 days old: a case that took 53 days says nothing about the rest; 63 leaves 10 days.
    expect(forecastDeadline(open, '2026-11-23', [53, 63])).toMatchObject({ age: 53, expectedDecision: '2026-12-03' });
    expect(forecastDeadline(open, '2026-11-23', [53])).toMatchObject({ expectedDecision: null, willMiss: false });
  });

  it('a deadline of today is not yet missed, of yesterday is, and tomorrow has one day left', () => {
    expect(forecastDeadline(open, '2026-11-26', [])).toMatchObject({ daysLeft: 0, willMiss: false });
    expect(forecastDeadline(open, '2026-11-27', [])).toMatchObject({ daysLeft: -1, willMiss: true });
    expect(forecastDeadline(open, '2026-11-25', [])).toMatchObject({ daysLeft: 1, willMiss: false });
  });

  it('a decision expected on the deadline day keeps it; a day later misses it', () => {
    // 53 days old on 23.11, deadline 26.11: 3 more days lands on the deadline, 4 the day after.
    expect(forecastDeadline(open, '2026-11-23', [56])).toMatchObject({ expectedDecision: '2026-11-26', willMiss: false });
    expect(forecastDeadline(open, '2026-11-23', [57])).toMatchObject({ expectedDecision: '2026-11-27', willMiss: true });
  });

  it('keeps the case itself in the forecast', () => {
    expect(forecastDeadline(open, '2026-11-23', [])).toEqual({ ...open, age: 53, expectedDecision: null, daysLeft: 3, willMiss: false });
  });
});
