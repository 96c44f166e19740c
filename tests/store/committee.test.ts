import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeStore, openStore, type Db } from '../../db/connection';
import { generateDemo } from '../../db/demo/generate';
import { adoptUnversionedGrants } from '../../db/grants';
import { createService, type Service } from '../../db/service';
import type { AwaitingCommittee, CaseCommittee, CommitteeDashboard, MeetingDetail, MeetingSummary } from '../../shared/api/methods/committee';
import type { BottomLineReport, GrantView } from '../../shared/api/methods/economy';
import { ok } from '../support/envelope';
import { runCli, tempDir } from '../support/server';
import { systemContext } from '../../shared/api/define';

const NOW = () => new Date('2026-11-23T10:00:00Z');
const LEADER = 1;
const CASEWORKER = 2;
const HEAD = 9;

function fixture(db: Db): void {
  db.exec(`
    INSERT INTO teams (id, name, sort_order, bottom_line_tolerance) VALUES (1, 'Team A', 1, 0.01);
    INSERT INTO budgets (team_id, year, amount) VALUES (1, 2026, 1000000);
    INSERT INTO people (id, name, initials, role, team_id) VALUES (1, 'Lene Leder', 'LL', 'leader', 1), (2, 'Sara Sagsbehandler', 'SS', 'caseworker', 1),
      (9, 'Dorte Direktør', 'DD', 'department_head', NULL);
    INSERT INTO citizens (id, ref, initials) VALUES (1, 'B1', 'AB'), (2, 'B2', 'CD');
    INSERT INTO board_columns (id, team_id, name, position, kind) VALUES (101, 1, 'Udredning', 1, 'active'), (102, 1, 'Afsluttet', 2, 'done');
    INSERT INTO cases (id, case_number, citizen_id, team_id, assignee_id, kind, paragraph, column_id, sort_key, received_date, legal_deadline, column_entered_at) VALUES
      (1, 'S-1', 1, 1, 2, 'application', '85', 101, 1, '2026-11-01', '2026-12-27', '2026-11-01'),
      (2, 'S-2', 2, 1, 2, 'application', '85', 101, 2, '2026-11-02', '2026-12-20', '2026-11-02'),
      (3, 'S-3', 2, 1, 2, 'follow_up', '107', 102, 3, '2025-01-02', NULL, '2025-01-20');
    INSERT INTO grants (id, case_id, paragraph, service, provider, provider_type, takst, takst_unit, quantity, start_date, end_date) VALUES
      (1, 3, '107', 'Botilbud', 'Bostedet', 'external', 1500000, 'year', 1, '2025-01-01', NULL);
  `);
  // Written with plain SQL: give the grant its first version (issue 16), known since 2025.
  adoptUnversionedGrants(db, '2025-01-01');
}

// 12 h/week at 500 kr. = 312,000 a year; from 1 December: 31 days of 2026 = 312,000 × 31 / 365.
const PROPOSED = {
  paragraph: '85', service: 'Socialpædagogisk støtte', provider: 'Bostøtten (intern)', providerType: 'internal',
  takst: 500, takstUnit: 'hour', quantity: 12, startDate: '2026-12-01', endDate: null, followUpMonths: 3, supportGoal: 'developing',
};

describe('grant authority and the committee on a hand-made department', () => {
  let dir: string;
  let db: Db;
  let service: Service;
  const call = (method: string, input: unknown, actorId: number | null = CASEWORKER) => service.dispatch(method, input, actorId === null ? systemContext() : service.as(actorId));
  const bottomLine = () => (ok(call('getBottomLine', { asOf: '2026-11-23', teamId: 1 })) as BottomLineReport).teams[0]!;

  beforeAll(() => {
    dir = tempDir();
    db = openStore(join(dir, 'committee.db'));
    fixture(db);
    service = createService(db, { now: NOW });
  });
  afterAll(() => {
    closeStore(db);
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets only the department head set authority limits, and nobody their own', () => {
    const limit = { role: 'caseworker', personId: null, paragraph: '85', maxHoursPerWeek: 5, maxYearlyCost: 150000, externalAllowed: false };
    for (const person of [CASEWORKER, LEADER]) {
      const refused = call('saveAuthorityLimit', limit, person);
      expect(refused.ok ? null : refused.error.code).toBe('forbidden');
    }
    // Not on oneself, by person (the declaration) or by a role one holds (the store).
    for (const own of [{ ...limit, role: null, personId: HEAD }, { ...limit, role: 'department_head' }]) {
      const refused = call('saveAuthorityLimit', own, HEAD);
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'Du kan ikke ændre dine egne rettigheder. Bed din leder om det.' } });
    }
    const saved = ok(call('saveAuthorityLimit', { ...limit, paragraph: '§ 85' }, HEAD)) as { description: string };
    expect(saved.description).toBe('§ 85: op til 5 t/uge, op til 150.000 kr. om året, kun interne leverandører');
    const event = db.prepare(`SELECT type, actor_id FROM events WHERE entity = 'authority_limit'`).get();
    expect(event).toEqual({ type: 'authority_limit_created', actor_id: HEAD });
  });

  it('grants within authority at exactly the limit', () => {
    const check = ok(call('checkGrantAuthority', { caseId: 2, grant: { ...PROPOSED, quantity: 5 } })) as { within: boolean };
    expect(check.within).toBe(true);
  });

  it('does not activate a grant above the limit: it awaits the committee and is not in the forecast', () => {
    const before = bottomLine();
    const result = ok(call('createGrant', { caseId: 1, grant: PROPOSED })) as AwaitingCommittee;
    expect(result.awaitingCommittee).toBe(true);
    expect(result.proposal.breaches).toEqual([
      '12 t/uge er over grænsen på 5 t/uge for § 85',
      'Årlig udgift 312.000 kr. er over grænsen på 150.000 kr. for § 85',
    ]);
    expect(result.meeting).toBeNull();
    expect(db.prepare('SELECT COUNT(*) AS n FROM grants WHERE case_id = 1').get()).toEqual({ n: 0 });
    const after = bottomLine();
    expect(after.forecast).toBe(before.forecast);
    expect(after.committed).toBe(before.committed);
    expect(ok(call('getAwaitingCommittee', { teamId: 1 }))).toEqual([1]);
    const event = db.prepare(`SELECT type, actor_id, reason FROM events WHERE entity = 'grant_proposal'`).get() as { type: string; actor_id: number; reason: string };
    expect(event.type).toBe('awaiting_committee');
    expect(event.actor_id).toBe(CASEWORKER);
  });

  it('versions the recommendation', () => {
    ok(call('saveRecommendation', { caseId: 1, recommendation: { targetGroup: 'Sindslidelse', vumSummary: null, citizenWishes: 'Blive i egen bolig', internalAlternatives: 'Gruppeforløb afprøvet', expectedProgression: null, followUpDate: '2027-03-01' } }));
    ok(call('saveRecommendation', { caseId: 1, recommendation: { targetGroup: 'Sindslidelse og misbrug', vumSummary: 'Praktiske opgaver 4', citizenWishes: 'Blive i egen bolig', internalAlternatives: 'Gruppeforløb afprøvet', expectedProgression: 'Fra 4 til 3', followUpDate: '2027-03-01' } }));
    const state = ok(call('getCaseCommittee', { caseId: 1 })) as CaseCommittee;
    expect(state.recommendations.map((r) => [r.version, r.targetGroup])).toEqual([[2, 'Sindslidelse og misbrug'], [1, 'Sindslidelse']]);
    expect(state.awaiting).toBe(true);
    // 12 h × 52 × 500 = 312,000 a year; 1–31 December 2026 = 26,498.63 kr. off the bottom line if approved.
    expect(state.awaitingEffect?.forecastEffect).toBe(26_498.63);
  });

  it('lets the proposer or a leader withdraw a proposal, nobody else', () => {
    db.exec(`INSERT INTO people (id, name, initials, role, team_id) VALUES (3, 'Karl Kollega', 'KK', 'caseworker', 1)`);
    ok(call('createGrant', { caseId: 2, grant: { ...PROPOSED, quantity: 20 } }));
    const proposal = (ok(call('getCaseCommittee', { caseId: 2 })) as CaseCommittee).proposals[0]!;
    const refused = call('withdrawProposal', { proposalId: proposal.id }, 3);
    expect(refused.ok ? null : refused.error.code).toBe('forbidden');
    expect((ok(call('withdrawProposal', { proposalId: proposal.id, reason: 'Fejl i timetal' })) as { status: string }).status).toBe('withdrawn');
    expect(ok(call('getAwaitingCommittee', { teamId: 1 }))).toEqual([1]);
  });

  it('builds the next meeting agenda by deadline, then cost, with revisitations the leader adds', () => {
    ok(call('createGrant', { caseId: 2, grant: { ...PROPOSED, quantity: 8 } }));
    const refused = call('createMeeting', { date: '2026-11-26', title: 'Visitationsudvalget', memberIds: [1] });
    expect(refused.ok ? null : refused.error.code).toBe('forbidden');
    const meeting = ok(call('createMeeting', { date: '2026-11-26', title: 'Visitationsudvalget', memberIds: [1, 2] }, LEADER)) as MeetingSummary;
    ok(call('addRevisitation', { meetingId: meeting.id, caseNumber: 'S-3', note: 'Dyreste § 107' }, LEADER));
    const detail = ok(call('getMeeting', { meetingId: meeting.id }, LEADER)) as MeetingDetail;
    // S-2's deadline (20.12) comes before S-1's (27.12); the revisitation has no deadline.
    expect(detail.agenda.map((i) => [i.caseNumber, i.reason])).toEqual([['S-2', 'decision'], ['S-1', 'decision'], ['S-3', 'revisitation']]);
    const s1 = detail.agenda[1]!;
    expect(s1.recommendation?.version).toBe(2);
    expect(s1.effect?.forecastEffect).toBe(Math.round((312_000 * 31 / 365) * 100) / 100);
    expect(detail.agenda[2]!.yearlyCost).toBe(1_500_000);
  });

  it('approves with a change to 10 hours: the grant is active with 10 hours and the bottom line moves by its cost', () => {
    const meeting = (ok(call('listMeetings', {})) as MeetingSummary[])[0]!;
    const before = bottomLine();
    const decision = ok(call('decideCase', {
      meetingId: meeting.id, caseId: 1, outcome: 'approved_with_changes', grant: { ...PROPOSED, quantity: 10 },
      conditions: 'Nedtrapning efter 3 måneder', followUpDate: '2027-02-15',
    }, LEADER)) as { id: number; grantId: number; changes: string; yearlyCost: number };
    expect(decision.changes).toBe('Timer pr. uge: 12 → 10');
    expect(decision.yearlyCost).toBe(260_000);
    const grants = (ok(call('getCaseEconomy', { caseId: 1 })) as { grants: GrantView[] }).grants;
    expect(grants.map((g) => [g.id, g.quantity, g.yearlyCost, g.nextFollowUp])).toEqual([[decision.grantId, 10, 260_000, '2027-02-15']]);
    // 10 h × 52 × 500 = 260,000 a year; 1–31 December 2026 = 31/365 of it = 22,082.19 kr.
    const after = bottomLine();
    expect(Math.round((before.bottomLine - after.bottomLine) * 100) / 100).toBe(22_082.19);
    const events = db.prepare(`SELECT type, entity, entity_id, to_value FROM events WHERE case_id = 1 AND type IN ('committee_decided', 'decided', 'grant_created') ORDER BY id`).all();
    expect(events).toEqual([
      { type: 'grant_created', entity: 'grant', entity_id: decision.grantId, to_value: '§ 85 Socialpædagogisk støtte, 10 t/uge à 500 kr. (Bostøtten (intern))' },
      { type: 'committee_decided', entity: 'committee_decision', entity_id: decision.id, to_value: 'approved_with_changes' },
      { type: 'decided', entity: 'case', entity_id: 1, to_value: 'approved' },
    ]);
    expect(ok(call('getAwaitingCommittee', { teamId: 1 }))).toEqual([2]);
    const again = call('decideCase', { meetingId: meeting.id, caseId: 1, outcome: 'rejected', conditions: null, followUpDate: null }, LEADER);
    expect(again.ok ? null : again.error.code).toBe('conflict');
  });

  it('postpones to the next meeting and closes the meeting', () => {
    const meeting = (ok(call('listMeetings', {})) as MeetingSummary[])[0]!;
    ok(call('decideCase', { meetingId: meeting.id, caseId: 2, outcome: 'postponed', conditions: 'Mangler lægeoplysninger', followUpDate: null }, LEADER));
    ok(call('closeMeeting', { meetingId: meeting.id }, LEADER));
    const next = ok(call('createMeeting', { date: '2026-12-10', title: 'Visitationsudvalget', memberIds: [1] }, LEADER)) as MeetingSummary;
    const agenda = (ok(call('getMeeting', { meetingId: next.id }, LEADER)) as MeetingDetail).agenda;
    expect(agenda.map((i) => i.caseNumber)).toEqual(['S-2']);
    const closed = ok(call('getMeeting', { meetingId: meeting.id }, LEADER)) as MeetingDetail;
    expect(closed.status).toBe('closed');
    expect(closed.approvedYearlyCost).toBe(260_000);
    expect(closed.agenda.map((i) => [i.caseNumber, i.decision?.outcome ?? null])).toEqual([['S-2', 'postponed'], ['S-1', 'approved_with_changes'], ['S-3', null]]);
  });

  it('runs a revisitation campaign and finds the savings', () => {
    const criteria = { paragraph: '107', providerType: null, provider: null, minYearlyCost: null, minAgeMonths: null, order: 'cost_desc', limit: 10 };
    expect(call('createCampaign', { teamId: 1, name: '§ 107', criteria, tagWeight: 40 }).ok).toBe(false);
    const campaign = ok(call('createCampaign', { teamId: 1, name: '§ 107 dyreste først', criteria, tagWeight: 40 }, LEADER)) as { id: number; progress: unknown; tag: { label: string } };
    expect(campaign.tag.label).toBe('Kampagne: § 107 dyreste først');
    expect(campaign.progress).toEqual({ total: 1, revisited: 0, changed: 0, savingsPerYear: 0 });
    expect(db.prepare('SELECT next_follow_up FROM grants WHERE id = 1').get()).toEqual({ next_follow_up: '2026-11-23' });
    // The grant's case is on the team's pull list, with the campaign's priority.
    const pull = ok(call('getPullList', { teamId: 1 })) as { items: { caseNumber: string; tags: string[] }[] };
    expect(pull.items.find((i) => i.caseNumber === 'S-3')?.tags).toEqual(['Kampagne: § 107 dyreste først']);
    // A later revisit lowers the takst to 1,200,000 a year.
    const later = createService(db, { now: () => new Date('2026-11-30T10:00:00Z') });
    const updated = later.dispatch('updateGrant', {
      grantId: 1, reason: 'Revisitation',
      grant: { paragraph: '107', service: 'Botilbud', provider: 'Bostedet', providerType: 'external', takst: 1_200_000, takstUnit: 'year', quantity: 1, startDate: '2025-01-01', endDate: null, followUpMonths: null, supportGoal: null },
    }, service.as(LEADER));
    expect(updated.ok).toBe(true);
    const dashboard = ok(later.dispatch('getCommitteeDashboard', { teamId: 1 }, service.as(LEADER))) as CommitteeDashboard;
    expect(dashboard.campaigns[0]!.progress).toEqual({ total: 1, revisited: 1, changed: 1, savingsPerYear: 300_000 });
    expect(dashboard.approvalByParagraph).toEqual([{ paragraph: '85', approved: 1, rejected: 0, rate: 1 }]);
    // Recommendation version 1 written 23.11, decided 23.11: 0 days.
    expect(dashboard.daysToDecision).toEqual({ count: 1, median: 0, max: 0 });
    expect(dashboard.perMeeting.map((m) => m.approvedYearlyCost)).toEqual([260_000]);
  });
});

describe('committee demo data', () => {
  it('has default limits, cases awaiting the next meeting with recommendations, and a held meeting; the CLI prints the agenda', async () => {
    const dir = tempDir();
    const db = openStore(join(dir, 'demo.db'));
    try {
      generateDemo(db, { seed: 1, scale: 0.2, today: '2026-11-23' });
      const service = createService(db, { now: NOW });
      const limits = ok(service.dispatch('getAuthorityLimits', {}, systemContext())) as { description: string }[];
      expect(limits.map((l) => l.description)).toContain('§ 85: op til 5 t/uge, op til 150.000 kr. om året, kun interne leverandører');
      const meetings = ok(service.dispatch('listMeetings', {}, systemContext())) as MeetingSummary[];
      expect(meetings.map((m) => m.status)).toEqual(['planned', 'closed']);
      expect(meetings[1]!.decidedCount).toBe(3);
      const next = ok(service.dispatch('getMeeting', { meetingId: meetings[0]!.id }, systemContext())) as MeetingDetail;
      expect(next.agenda.length).toBeGreaterThanOrEqual(2);
      expect(next.agenda.every((i) => i.recommendation !== null && i.proposal?.status === 'awaiting')).toBe(true);
      closeStore(db);

      const cli = await runCli(['committee', 'agenda', '--db', join(dir, 'demo.db'), '--json']);
      expect(cli.code, cli.stderr).toBe(0);
      expect((JSON.parse(cli.stdout) as MeetingDetail).agenda.map((i) => i.caseNumber)).toEqual(next.agenda.map((i) => i.caseNumber));
      const text = await runCli(['committee', 'agenda', '--db', join(dir, 'demo.db')]);
      expect(text.stdout).toContain(`1. ${next.agenda[0]!.caseNumber}`);
      const wrong = await runCli(['committee', 'agenda', '--db', join(dir, 'demo.db'), '--meeting', '999']);
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toContain('Mødet 999 findes ikke.');
    } finally {
      if (db.open) closeStore(db);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
