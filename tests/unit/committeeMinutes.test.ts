import { describe, expect, it } from 'vitest';
import { minutesSections } from '../../renderer/src/features/committee/minutes';
import type { MeetingDetail } from '../../shared/api/methods/committee';

const meeting: MeetingDetail = {
  id: 1, date: '2026-11-26', title: 'Visitationsudvalget', status: 'closed', members: [{ id: 1, name: 'Lene Leder' }, { id: 9, name: 'Finn Økonomi' }],
  agendaCount: 2, decidedCount: 1, approvedYearlyCost: 260_000,
  agenda: [
    {
      caseId: 1, caseNumber: 'S-1', citizenInitials: 'AB', teamId: 1, team: 'Team A', kind: 'application', paragraph: '85', assigneeName: 'Sara S',
      legalDeadline: '2026-12-27', reason: 'decision', note: null, yearlyCost: 312_000,
      proposal: {
        id: 1, caseId: 1, grantId: null, paragraph: '85', service: 'Socialpædagogisk støtte', provider: 'Bostøtten', providerType: 'internal',
        takst: 500, takstUnit: 'hour', quantity: 12, startDate: '2026-12-01', endDate: null, followUpMonths: 3, supportGoal: 'developing',
        yearlyCost: 312_000, breaches: ['12 t/uge er over grænsen på 5 t/uge for § 85'], status: 'approved_with_changes', proposedBy: 'Sara S',
        proposedAt: '2026-11-20T10:00:00Z', resultGrantId: 7,
      },
      effect: null, activeGrants: [], assessment: null,
      recommendation: { id: 3, version: 2, targetGroup: null, vumSummary: null, citizenWishes: null, internalAlternatives: null, expectedProgression: null, followUpDate: null, writtenBy: 'Sara S', writtenAt: '2026-11-21T10:00:00Z' },
      decision: {
        id: 5, meetingId: 1, meetingDate: '2026-11-26', caseId: 1, proposalId: 1, recommendationVersion: 2, outcome: 'approved_with_changes',
        conditions: 'Nedtrapning', followUpDate: '2027-02-15', changes: 'Timer pr. uge: 12 → 10', yearlyCost: 260_000, grantId: 7,
        decidedBy: 'Lene Leder', decidedAt: '2026-11-26T10:00:00Z',
      },
    },
    {
      caseId: 3, caseNumber: 'S-3', citizenInitials: 'CD', teamId: 1, team: 'Team A', kind: 'follow_up', paragraph: '107', assigneeName: null,
      legalDeadline: null, reason: 'revisitation', note: 'Dyreste § 107', yearlyCost: 1_500_000, proposal: null, effect: null, activeGrants: [],
      assessment: null, recommendation: null, decision: null,
    },
  ],
};

describe('minutesSections', () => {
  it('writes the minutes in Danish: members, each case with proposal and decision, and the total approved', () => {
    const sections = minutesSections(meeting);
    expect(sections.map((s) => s.heading)).toEqual(['Deltagere', '1. Sag S-1', '2. Sag S-3', 'I alt']);
    expect(sections[0]!.lines).toEqual(['Lene Leder, Finn Økonomi']);
    expect(sections[1]!.lines).toEqual([
      '§ 85 · borger AB · Team A · rådgiver Sara S',
      'Frist: 27.12.2026',
      'Indstillet: § 85 Socialpædagogisk støtte, 12 t/uge à 500 kr. (Bostøtten), 312.000 kr. om året',
      '– 12 t/uge er over grænsen på 5 t/uge for § 85',
      'Indstilling version 2 af Sara S',
      'Afgørelse: Godkendt med ændringer, 260.000 kr. om året',
      'Ændringer: Timer pr. uge: 12 → 10',
      'Vilkår: Nedtrapning',
      'Opfølgning: 15.02.2027',
    ]);
    expect(sections[2]!.lines).toEqual(['§ 107 · borger CD · Team A', 'Revisitation: Dyreste § 107', 'Afgørelse: ikke truffet']);
    expect(sections[3]!.lines).toEqual(['Godkendt på mødet: 260.000 kr. om året']);
  });
});
