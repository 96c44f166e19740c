// Grant authority and the visitation committee: authority limits, proposals above them, the
// versioned recommendation, meetings with their agenda and decisions, revisitation campaigns and
// the committee's dashboard. The rules are shared/authority.ts and shared/committee.ts; an
// approved grant is written through db/grants.ts like any other grant, so its event, version and
// ledger entry are the same as the editor's.
import type { CallContext } from '../../shared/api/define';
import type { Handlers } from '../../shared/api/dispatch';
import { ApiFailure, fieldError } from '../../shared/api/envelope';
import { grantPlausibility, implausibleGrant } from '../../shared/grantPlausibility';
import type {
  AgendaItem, AuthorityLimitView, AwaitingCommittee, CampaignCandidateView, CampaignView, CaseCommittee, committeeMethods,
  DecisionView, MeetingDetail, MeetingSummary, ProposalView, RecommendationVersion,
} from '../../shared/api/methods/committee';
import type { GrantFields, GrantPreview } from '../../shared/api/methods/grantFields';
import {
  applicableLimit, changeNeedsCommittee, describeBreach, describeLimit, type AuthorityBreach, type AuthorityGrant,
  type AuthorityLimit,
} from '../../shared/authority';
import {
  approvalByParagraph, campaignProgress, daysToDecision, grantsOnApproval, meetingFor, orderAgenda, OUTCOME_LABELS,
  selectCampaignGrants, type CampaignCriteria, type DecidedCase, type OpenMeeting,
} from '../../shared/committee';
import { addDays, addMonths } from '../../shared/dates';
import type { IsoDate, Role, TakstUnit } from '../../shared/domain';
import { describeGrant, isActiveOn, roundOere, yearlyCost } from '../../shared/economics';
import { formatDate, formatKroner, formatNumber, formatParagraph } from '../../shared/format';
import type { Db } from '../connection';
import { statements } from '../statements';
import { appendEvent } from '../events';
import { parseScores } from '../rows';
import type {
  AssessmentsRow, AuthorityLimitsRow, CampaignGrantsRow, CasesRow, CitizensRow, CommitteeAgendaItemsRow, CommitteeDecisionsRow,
  CommitteeMeetingsRow, GrantProposalsRow, GrantsRow, OrNull, PeopleRow, PriorityTagsRow, RecommendationsRow,
  RevisitationCampaignsRow, TakstCategoriesRow, TeamsRow,
} from '../schema';
import { actsAs } from './access';
import type { ServiceContext } from './context';
import { previewGrantEffect } from '../bottomLine';
import { createEditedGrant, readGrant, updateEditedGrant } from '../grants';
import { toOere } from '../../shared/money';
import { grantCategory, followUpMonthsFor, type TakstCategory } from '../../shared/economics';
import { paragraphInfo } from '../../shared/paragraphs';

type LimitRow = AuthorityLimitsRow;
type NamedLimitRow = LimitRow & { person_name: PeopleRow['name'] | null };
const toLimit = (r: LimitRow): AuthorityLimit => ({
  id: r.id, role: r.role, personId: r.person_id, paragraph: r.paragraph, maxHoursPerWeek: r.max_hours_per_week,
  maxYearlyCost: r.max_yearly_cost, externalAllowed: r.external_allowed === 1,
});

// grant_proposals.support_goal has no CHECK of its own, so the schema calls it any text; it is
// only ever written from a validated GrantFields, so it holds what the grants column allows.
type ProposalRow = Omit<GrantProposalsRow, 'support_goal'>
  & { support_goal: GrantsRow['support_goal']; proposed_by_name: PeopleRow['name'] | null };

type MeetingRow = Pick<CommitteeMeetingsRow, 'id' | 'meeting_date' | 'title' | 'status'>;

type DecisionRow = CommitteeDecisionsRow & Pick<CommitteeMeetingsRow, 'meeting_date'> & OrNull<Pick<RecommendationsRow, 'version'>>
  & { decided_by_name: PeopleRow['name'] | null };

type RecommendationRow = RecommendationsRow & { written_by_name: PeopleRow['name'] | null };

type CampaignRow = RevisitationCampaignsRow & { created_by_name: PeopleRow['name'] | null };

const PROPOSAL_SELECT = `SELECT gp.*, p.name AS proposed_by_name FROM grant_proposals gp LEFT JOIN people p ON p.id = gp.proposed_by`;
const DECISION_SELECT = `SELECT d.*, m.meeting_date, r.version, p.name AS decided_by_name FROM committee_decisions d
  JOIN committee_meetings m ON m.id = d.meeting_id LEFT JOIN recommendations r ON r.id = d.recommendation_id
  LEFT JOIN people p ON p.id = d.decided_by`;

function parseBreaches(text: string): string[] {
  try {
    const value = JSON.parse(text) as AuthorityBreach[];
    return Array.isArray(value) ? value.map(describeBreach) : [];
  } catch {
    return [];
  }
}

function proposalView(r: ProposalRow): ProposalView {
  return {
    id: r.id, caseId: r.case_id, grantId: r.grant_id, paragraph: r.paragraph, service: r.service, provider: r.provider,
    providerType: r.provider_type, takst: r.takst, takstUnit: r.takst_unit, quantity: r.quantity, startDate: r.start_date,
    endDate: r.end_date, followUpMonths: r.follow_up_months, supportGoal: r.support_goal,
    yearlyCost: roundOere(yearlyCost({ takst: r.takst, takstUnit: r.takst_unit, quantity: r.quantity })),
    breaches: parseBreaches(r.breaches), status: r.status, proposedBy: r.proposed_by_name, proposedAt: r.proposed_at,
    resultGrantId: r.result_grant_id,
  };
}

const fieldsOfProposal = (r: ProposalRow): GrantFields => ({
  paragraph: r.paragraph, service: r.service, provider: r.provider, providerType: r.provider_type, takst: r.takst,
  takstUnit: r.takst_unit, quantity: r.quantity, startDate: r.start_date, endDate: r.end_date,
  followUpMonths: r.follow_up_months, supportGoal: r.support_goal,
});

function decisionView(r: DecisionRow): DecisionView {
  return {
    id: r.id, meetingId: r.meeting_id, meetingDate: r.meeting_date, caseId: r.case_id, proposalId: r.proposal_id,
    recommendationVersion: r.version, outcome: r.outcome, conditions: r.conditions, followUpDate: r.follow_up_date,
    changes: r.changes, yearlyCost: r.yearly_cost === null ? null : roundOere(r.yearly_cost), grantId: r.grant_id,
    decidedBy: r.decided_by_name, decidedAt: r.decided_at,
  };
}

function recommendationView(r: RecommendationRow): RecommendationVersion {
  return {
    id: r.id, version: r.version, targetGroup: r.target_group, vumSummary: r.vum_summary, citizenWishes: r.citizen_wishes,
    internalAlternatives: r.internal_alternatives, expectedProgression: r.expected_progression, followUpDate: r.follow_up_date,
    writtenBy: r.written_by_name, writtenAt: r.written_at,
  };
}

const toAuthorityGrant = (g: Pick<GrantFields, 'paragraph' | 'providerType' | 'takst' | 'takstUnit' | 'quantity'>): AuthorityGrant => ({
  paragraph: g.paragraph, providerType: g.providerType, takst: g.takst, takstUnit: g.takstUnit, quantity: g.quantity,
});

/** The roles whose limits are set per role, widest first: the one a person grants in. */
const GRANTING_ROLES: readonly Role[] = ['department_head', 'leader', 'caseworker'];

/**
 * Who grants, for the authority limits: a signed-in person in the role their session gives; the
 * command line (the demo) acting for a person in that person's role in the store; nobody else.
 */
function grantor(db: Db, call: CallContext): { id: number; role: Role } | null {
  if (call.actorId === null) return null;
  const principal = call.principal ?? { kind: 'system' };
  if (principal.kind === 'person') {
    const role = GRANTING_ROLES.find((r) => principal.roles.includes(r)) ?? principal.roles[0];
    return role ? { id: principal.personId, role } : null;
  }
  if (principal.kind === 'device') return null;
  return statements(db, queries).person.get(call.actorId) ?? null;
}

/** The limits that apply to the caller; the command line without a person (and the demo's committee) has no limit. */
function verdictFor(db: Db, call: CallContext, before: AuthorityGrant | null, grant: GrantFields) {
  const actor = grantor(db, call);
  if (!actor) return null;
  const q = statements(db, queries);
  const limits = q.limits.all().map(toLimit);
  return changeNeedsCommittee(applicableLimit(limits, actor, grant.paragraph), before, toAuthorityGrant(grant));
}

function openMeetings(db: Db): OpenMeeting[] {
  return statements(db, queries).openMeetings.all().map((m) => ({ id: m.id, date: m.meeting_date }));
}

function meetingOf(db: Db, readyFrom: IsoDate) {
  const m = meetingFor(readyFrom, openMeetings(db));
  if (!m) return null;
  const row = statements(db, queries).meeting.get(m.id)!;
  return { id: row.id, date: row.meeting_date, title: row.title };
}

/**
 * Called by the grant editor before it saves: a grant beyond the actor's authority becomes a
 * proposal awaiting the committee instead (returned), and nothing is granted. null: within authority.
 */
export function routeToCommittee(
  ctx: ServiceContext,
  call: CallContext,
  save: { caseId: number; grantId: number | null; before: AuthorityGrant | null; grant: GrantFields },
): AwaitingCommittee | null {
  const verdict = verdictFor(ctx.db, call, save.before, save.grant);
  if (!verdict || verdict.within) return null;
  const q = statements(ctx.db, queries);
  const at = ctx.now().toISOString();
  const today = ctx.today();
  // A new proposal for the same grant replaces the one still waiting: the committee decides the latest.
  for (const old of q.awaitingFor.all(save.caseId, save.grantId, save.grantId)) {
    q.setProposalStatus.run('withdrawn', old.id);
    appendEvent(ctx.db, {
      at, actorId: call.actorId, caseId: save.caseId, entity: 'grant_proposal', entityId: old.id, type: 'proposal_withdrawn',
      field: 'status', from: 'awaiting', to: 'withdrawn', reason: 'Erstattet af et nyt forslag',
    });
  }
  const g = save.grant;
  const id = Number(q.insertProposal.run(
    save.caseId, save.grantId, g.paragraph, g.service, g.provider, g.providerType, g.takst, g.takstUnit, g.quantity,
    g.startDate, g.endDate, g.followUpMonths, g.supportGoal, JSON.stringify(verdict.breaches), today, call.actorId, at,
  ).lastInsertRowid);
  appendEvent(ctx.db, {
    at, actorId: call.actorId, caseId: save.caseId, entity: 'grant_proposal', entityId: id, type: 'awaiting_committee',
    field: 'grant', from: null, to: describeGrant(g), reason: verdict.breaches.map(describeBreach).join('; '),
  });
  return {
    awaitingCommittee: true,
    proposal: proposalView(q.proposal.get(id)!),
    meeting: meetingOf(ctx.db, today),
  };
}

export function committeeHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof committeeMethods> {
  const { db } = ctx;
  const q = statements(db, queries);
  // Approvals write grants through db/grants.ts without the authority check: the committee's
  // decision is the authority.
  const categories = (): TakstCategory[] => q.takstCategories.all().map((r) => ({
    id: r.id, code: r.code, label: r.label, minHours: r.min_hours, maxHours: r.max_hours,
    followUpMonthsDeveloping: r.follow_up_developing, followUpMonthsMaintaining: r.follow_up_maintaining,
  }));

  /**
   * Nobody changes their own grant authority: the declaration refuses a limit on the caller by
   * person; this refuses one on a role the caller holds, and changing or removing a limit that is
   * theirs now.
   */
  function assertNotOwnAuthority(call: CallContext, role: Role | null, personId: number | null) {
    const principal = call.principal ?? { kind: 'system' };
    if (principal.kind !== 'person') return;
    if (personId === principal.personId || (role !== null && principal.roles.includes(role))) {
      throw ApiFailure.of('forbidden', 'committee.ownRights');
    }
  }

  function caseRow(caseId: number) {
    const row = q.case.get(caseId);
    if (!row) throw ApiFailure.of('not_found', 'records.caseNotFound', undefined, { fields: [fieldError('caseId', 'records.caseNotFound')] });
    return row;
  }

  function meetingRow(meetingId: number): MeetingRow {
    const row = q.meeting.get(meetingId);
    if (!row) throw ApiFailure.of('not_found', 'records.meetingNotFound', undefined, { fields: [fieldError('meetingId', 'records.meetingNotFound')] });
    return row;
  }

  function limitView(r: NamedLimitRow): AuthorityLimitView {
    const l = toLimit(r);
    return { ...l, personName: r.person_name ?? null, description: describeLimit(l) };
  }

  function recommendations(caseId: number): RecommendationVersion[] {
    return q.recommendations.all(caseId).map(recommendationView);
  }

  function latestAssessment(caseId: number): CaseCommittee['assessment'] {
    const a = q.assessment.get(caseId);
    return a ? { assessedOn: a.assessed_on, scores: parseScores(a.scores) ?? {}, expectedScores: parseScores(a.expected_scores), expectedBy: a.expected_by } : null;
  }

  function members(meetingId: number) {
    return q.members.all(meetingId);
  }

  /** Awaiting proposals (latest per case) whose first open meeting is this one. */
  function awaitingOn(meeting: MeetingRow): ProposalRow[] {
    const open = openMeetings(db);
    return q.awaiting.all().filter((p) => meetingFor(p.ready_from, open)?.id === meeting.id);
  }

  function preview(p: ProposalRow): GrantPreview | null {
    const team = q.case.get(p.case_id)?.team_id;
    if (team === undefined) return null;
    const g = fieldsOfProposal(p);
    const stored = p.grant_id === null ? null : readGrant(db, p.grant_id);
    const basis = (x: { takst: number; takstUnit: TakstUnit; quantity: number; startDate: IsoDate; endDate: IsoDate | null }) => ({
      takstOere: toOere(x.takst), takstUnit: x.takstUnit, quantity: x.quantity, startDate: x.startDate, endDate: x.endDate,
    });
    const cats = categories();
    const category = grantCategory(g, cats);
    const suggested = category && g.supportGoal ? followUpMonthsFor(category, g.supportGoal) : paragraphInfo(g.paragraph)?.followUpMonths ?? null;
    return previewGrantEffect(db, ctx.today(), team, stored ? basis(stored) : null, basis(g), suggested, category);
  }

  function agenda(meeting: MeetingRow): AgendaItem[] {
    const decisions = q.meetingDecisions.all(meeting.id).map(decisionView);
    const decidedByCase = new Map(decisions.map((d) => [d.caseId, d]));
    const proposals = new Map<number, ProposalRow>();
    if (meeting.status === 'planned') for (const p of awaitingOn(meeting)) proposals.set(p.case_id, p);
    for (const d of decisions) {
      if (d.proposalId !== null && !proposals.has(d.caseId)) proposals.set(d.caseId, q.proposal.get(d.proposalId)!);
    }
    const revisits = new Map(q.revisitations.all(meeting.id).map((r) => [r.case_id, r.note]));
    const caseIds = new Set([...proposals.keys(), ...revisits.keys(), ...decidedByCase.keys()]);
    const today = ctx.today();
    const items: AgendaItem[] = [];
    for (const caseId of caseIds) {
      const c = q.agendaCase.get(caseId)!;
      const p = proposals.get(caseId) ?? null;
      const active = q.caseGrants.all(caseId)
        .filter((g) => isActiveOn({ startDate: g.start_date, endDate: g.end_date }, today))
        .map((g) => ({ id: g.id, paragraph: g.paragraph, service: g.service, provider: g.provider, providerType: g.provider_type, quantity: g.quantity, takstUnit: g.takst_unit, yearlyCost: roundOere(yearlyCost({ takst: g.takst, takstUnit: g.takst_unit, quantity: g.quantity })) }));
      const proposal = p ? proposalView(p) : null;
      items.push({
        caseId, caseNumber: c.case_number, citizenInitials: c.initials, teamId: c.team_id, team: c.team, kind: c.kind,
        paragraph: c.paragraph, assigneeName: c.assignee_name, legalDeadline: c.legal_deadline,
        reason: p ? 'decision' : 'revisitation', note: revisits.get(caseId) ?? null,
        yearlyCost: proposal ? proposal.yearlyCost : active.reduce((s, g) => s + g.yearlyCost, 0),
        proposal, effect: p && p.status === 'awaiting' ? preview(p) : null, activeGrants: active,
        recommendation: recommendations(caseId)[0] ?? null, assessment: latestAssessment(caseId),
        decision: decidedByCase.get(caseId) ?? null,
      });
    }
    return orderAgenda(items);
  }

  function summary(m: MeetingRow): MeetingSummary {
    const decided = q.meetingDecisions.all(m.id).length;
    const agendaCount = m.status === 'planned'
      ? new Set([...awaitingOn(m).map((p) => p.case_id), ...q.revisitations.all(m.id).map((r) => r.case_id),
        ...q.meetingDecisions.all(m.id).map((d) => d.case_id)]).size
      : new Set([...q.revisitations.all(m.id).map((r) => r.case_id), ...q.meetingDecisions.all(m.id).map((d) => d.case_id)]).size;
    return { id: m.id, date: m.meeting_date, title: m.title, status: m.status, members: members(m.id), agendaCount, decidedCount: decided };
  }

  /**
   * How far a caller reaches into a meeting: the committee's members, the department head and the
   * secretariat see and act on the whole agenda; a leader who does not sit on it, only on their own
   * team's cases (a leader leads their team, not the department).
   */
  function reach(call: CallContext, meetingId: number): 'all' | { teamId: number | null } {
    if (call.principal.kind === 'system' || actsAs(call, ['department_head', 'secretariat'])) return 'all';
    if (members(meetingId).some((p) => p.id === call.actorId)) return 'all';
    return { teamId: call.principal.kind === 'person' ? call.principal.teamId : null };
  }

  function requireReach(call: CallContext, meetingId: number, caseTeamId: number | null): void {
    const r = reach(call, meetingId);
    if (r !== 'all' && (caseTeamId === null || r.teamId !== caseTeamId)) {
      throw ApiFailure.of('forbidden', 'committee.otherTeamsCases');
    }
  }

  function detail(m: MeetingRow, call?: CallContext): MeetingDetail {
    const r = call ? reach(call, m.id) : 'all';
    const items = r === 'all' ? agenda(m) : agenda(m).filter((i) => i.teamId === r.teamId);
    const approved = items.reduce((s, i) => s + (i.decision && grantsOnApproval(i.decision.outcome) ? i.decision.yearlyCost ?? 0 : 0), 0);
    return { ...summary(m), agenda: items, approvedYearlyCost: roundOere(approved) };
  }

  function changesText(before: GrantFields, after: GrantFields): string | null {
    const unit = (g: GrantFields) => (g.takstUnit === 'hour' ? 'Timer pr. uge' : 'Antal');
    const parts: string[] = [];
    if (before.quantity !== after.quantity || before.takstUnit !== after.takstUnit) {
      parts.push(`${unit(after)}: ${formatNumber(before.quantity, 2).replace(/,00$/, '')} → ${formatNumber(after.quantity, 2).replace(/,00$/, '')}`);
    }
    if (before.takst !== after.takst) parts.push(`Takst: ${formatKroner(before.takst)} → ${formatKroner(after.takst)}`);
    if (before.provider !== after.provider || before.providerType !== after.providerType) parts.push(`Leverandør: ${before.provider} → ${after.provider}`);
    if (before.service !== after.service) parts.push(`Ydelse: ${before.service} → ${after.service}`);
    if (before.paragraph !== after.paragraph) parts.push(`Paragraf: ${formatParagraph(before.paragraph)} → ${formatParagraph(after.paragraph)}`);
    if (before.startDate !== after.startDate) parts.push(`Start: ${formatDate(before.startDate)} → ${formatDate(after.startDate)}`);
    if (before.endDate !== after.endDate) parts.push(`Slut: ${formatDate(before.endDate) || 'ingen'} → ${formatDate(after.endDate) || 'ingen'}`);
    if (before.followUpMonths !== after.followUpMonths) parts.push(`Opfølgning: ${before.followUpMonths ?? '–'} → ${after.followUpMonths ?? '–'} md.`);
    if (before.supportGoal !== after.supportGoal) parts.push('Støttens formål ændret');
    return parts.length ? parts.join('; ') : null;
  }

  function campaignView(r: CampaignRow): CampaignView {
    const tag = r.tag_id === null ? null : q.tag.get(r.tag_id) ?? null;
    const grants = q.campaignGrants.all({ since: r.created_at, campaign: r.id }).map((g) => {
      // Revisited: the grant was changed or ended, or the case reassessed, after the campaign began.
      // A grant the revisit ended costs nothing a year after; otherwise its yearly cost now.
      const after = g.revisited_at === null ? null : g.ended === 1 ? 0 : yearlyCost({ takst: g.takst, takstUnit: g.takst_unit, quantity: g.quantity });
      return {
        grantId: g.grant_id, caseId: g.case_id, caseNumber: g.case_number, paragraph: g.paragraph, service: g.service, provider: g.provider,
        yearlyBefore: roundOere(g.yearly_before), yearlyAfter: after === null ? null : roundOere(after), revisitedAt: g.revisited_at,
      };
    });
    const progress = campaignProgress(grants);
    return {
      id: r.id, teamId: r.team_id, name: r.name, criteria: JSON.parse(r.criteria) as CampaignCriteria, tag,
      createdBy: r.created_by_name, createdAt: r.created_at, progress: { ...progress, savingsPerYear: roundOere(progress.savingsPerYear) }, grants,
    };
  }

  function campaignCandidates(teamId: number, criteria: CampaignCriteria): CampaignCandidateView[] {
    const today = ctx.today();
    const rows = q.teamActiveGrants.all(teamId, today, today).map((g) => ({
      grantId: g.id, caseId: g.case_id, caseNumber: g.case_number, paragraph: g.paragraph, service: g.service, provider: g.provider,
      providerType: g.provider_type, yearlyCost: roundOere(yearlyCost({ takst: g.takst, takstUnit: g.takst_unit, quantity: g.quantity })), startDate: g.start_date,
    }));
    const startedBy = criteria.minAgeMonths === null ? null : addMonths(today, -criteria.minAgeMonths);
    return selectCampaignGrants(rows, criteria, startedBy);
  }

  return {
    getAuthorityLimits: () => q.limitsWithNames.all().map(limitView),

    saveAuthorityLimit: ({ limitId, role, personId, paragraph, maxHoursPerWeek, maxYearlyCost, externalAllowed }, call) => {
      assertNotOwnAuthority(call, role, personId);
      if (personId !== null && !q.person.get(personId)) throw ApiFailure.of('not_found', 'records.personNotFound', undefined, { fields: [fieldError('personId', 'general.notFound')] });
      const at = ctx.now().toISOString();
      const clash = q.limitByKey.get(role ?? '', personId ?? 0, paragraph ?? '');
      if (clash && clash.id !== limitId) {
        throw ApiFailure.of('conflict', 'committee.limitExists', undefined, { fields: [fieldError('paragraph', 'records.alreadyExists')] });
      }
      let old: LimitRow | undefined;
      let id: number;
      if (limitId === undefined) {
        id = Number(q.insertLimit.run(role, personId, paragraph, maxHoursPerWeek, maxYearlyCost, externalAllowed ? 1 : 0, at, call.actorId).lastInsertRowid);
      } else {
        old = q.limit.get(limitId);
        if (!old) throw ApiFailure.of('not_found', 'committee.limitNotFound', undefined, { fields: [fieldError('limitId', 'general.notFound')] });
        assertNotOwnAuthority(call, old.role, old.person_id);
        q.updateLimit.run(role, personId, paragraph, maxHoursPerWeek, maxYearlyCost, externalAllowed ? 1 : 0, at, call.actorId, limitId);
        id = limitId;
      }
      const now = q.limitWithName.get(id)!;
      appendEvent(db, {
        at, actorId: call.actorId, entity: 'authority_limit', entityId: id, type: old ? 'authority_limit_changed' : 'authority_limit_created',
        field: now.person_name ?? now.role, from: old ? describeLimit(toLimit(old)) : null, to: describeLimit(toLimit(now)),
      });
      return limitView(now);
    },

    deleteAuthorityLimit: ({ limitId }, call) => {
      const old = q.limitWithName.get(limitId);
      if (!old) throw ApiFailure.of('not_found', 'committee.limitNotFound', undefined, { fields: [fieldError('limitId', 'general.notFound')] });
      assertNotOwnAuthority(call, old.role, old.person_id);
      q.deleteLimit.run(limitId);
      appendEvent(db, {
        at: ctx.now().toISOString(), actorId: call.actorId, entity: 'authority_limit', entityId: limitId, type: 'authority_limit_deleted',
        field: old.person_name ?? old.role, from: describeLimit(toLimit(old)), to: null,
      });
      return { limitId };
    },

    checkGrantAuthority: ({ caseId, grantId, grant }, call) => {
      caseRow(caseId);
      const before = grantId === undefined ? null : q.grantBasis.get(grantId) ?? null;
      const verdict = verdictFor(db, call, before, grant);
      return {
        within: verdict?.within ?? true,
        limit: verdict?.limit ? describeLimit(verdict.limit) : null,
        breaches: verdict?.breaches.map(describeBreach) ?? [],
      };
    },

    getAwaitingCommittee: ({ teamId }) => q.awaitingCases.all(teamId).map((r) => r.case_id),

    getCaseCommittee: ({ caseId }) => {
      const c = caseRow(caseId);
      const proposals = q.caseProposals.all(caseId);
      const awaiting = proposals.find((p) => p.status === 'awaiting');
      return {
        caseId, caseNumber: c.case_number, awaiting: awaiting !== undefined,
        proposals: proposals.map(proposalView), recommendations: recommendations(caseId), assessment: latestAssessment(caseId),
        decisions: q.caseDecisions.all(caseId).map(decisionView),
        meeting: awaiting ? meetingOf(db, awaiting.ready_from) : null,
        awaitingEffect: awaiting ? preview(awaiting) : null,
      };
    },

    saveRecommendation: ({ caseId, recommendation: r }, call) => {
      caseRow(caseId);
      const version = (q.lastVersion.get(caseId)!.v ?? 0) + 1;
      const at = ctx.now().toISOString();
      const id = Number(q.insertRecommendation.run(
        caseId, version, r.targetGroup || null, r.vumSummary || null, r.citizenWishes || null, r.internalAlternatives || null,
        r.expectedProgression || null, r.followUpDate, call.actorId, at,
      ).lastInsertRowid);
      appendEvent(db, {
        at, actorId: call.actorId, caseId, entity: 'recommendation', entityId: id, type: 'recommendation_saved',
        field: 'version', from: version > 1 ? version - 1 : null, to: version,
      });
      return recommendationView(q.recommendation.get(id)!);
    },

    withdrawProposal: ({ proposalId, reason }, call) => {
      const p = q.proposal.get(proposalId);
      if (!p) throw ApiFailure.of('not_found', 'committee.proposalNotFound', undefined, { fields: [fieldError('proposalId', 'general.notFound')] });
      const assignee = q.caseAssignee.get(p.case_id)!.assignee_id;
      if (!actsAs(call, ['leader', 'department_head']) && call.actorId !== p.proposed_by && call.actorId !== assignee) {
        throw ApiFailure.of('forbidden', 'committee.withdrawWho');
      }
      if (p.status !== 'awaiting') throw ApiFailure.of('conflict', 'committee.notAwaiting');
      q.setProposalStatus.run('withdrawn', proposalId);
      appendEvent(db, {
        at: ctx.now().toISOString(), actorId: call.actorId, caseId: p.case_id, entity: 'grant_proposal', entityId: proposalId,
        type: 'proposal_withdrawn', field: 'status', from: 'awaiting', to: 'withdrawn', reason: reason || null,
      });
      return proposalView(q.proposal.get(proposalId)!);
    },

    listMeetings: () => q.meetings.all().map(summary),

    createMeeting: ({ date, title, memberIds }, call) => {
      for (const m of memberIds) if (!q.person.get(m)) throw ApiFailure.of('not_found', 'records.personNotFound', undefined, { fields: [fieldError('memberIds', 'records.unknownPerson')] });
      const at = ctx.now().toISOString();
      const id = Number(q.insertMeeting.run(date, title, call.actorId, at).lastInsertRowid);
      for (const m of new Set(memberIds)) q.insertMember.run(id, m);
      appendEvent(db, { at, actorId: call.actorId, entity: 'committee_meeting', entityId: id, type: 'meeting_planned', field: 'date', to: date, reason: title });
      return summary(meetingRow(id));
    },

    getMeeting: ({ meetingId }, call) => detail(meetingRow(meetingId), call),

    addRevisitation: ({ meetingId, caseNumber, note }, call) => {
      const m = meetingRow(meetingId);
      const found = q.caseByNumber.get(caseNumber);
      if (!found) throw ApiFailure.of('not_found', 'records.caseNumberNotFound', { caseNumber }, { fields: [fieldError('caseNumber', 'records.caseNotFound')] });
      const caseId = found.id;
      const c = caseRow(caseId);
      requireReach(call, meetingId, c.team_id);
      if (m.status === 'closed') throw ApiFailure.of('conflict', 'committee.meetingClosed');
      if (q.revisitation.get(meetingId, caseId)) throw ApiFailure.of('conflict', 'committee.alreadyOnAgenda', { caseNumber: c.case_number }, { fields: [fieldError('caseId', 'committee.alreadyOnAgendaField')] });
      const at = ctx.now().toISOString();
      q.insertRevisitation.run(meetingId, caseId, note || null, call.actorId, at);
      appendEvent(db, { at, actorId: call.actorId, caseId, entity: 'committee_meeting', entityId: meetingId, type: 'revisitation_added', field: 'agenda', to: m.meeting_date, reason: note || null });
      return detail(m, call);
    },

    removeRevisitation: ({ meetingId, caseId }, call) => {
      const m = meetingRow(meetingId);
      requireReach(call, meetingId, caseRow(caseId).team_id);
      if (m.status === 'closed') throw ApiFailure.of('conflict', 'committee.meetingClosed');
      if (q.deleteRevisitation.run(meetingId, caseId).changes === 0) throw ApiFailure.of('not_found', 'committee.notRevisitation');
      appendEvent(db, { at: ctx.now().toISOString(), actorId: call.actorId, caseId, entity: 'committee_meeting', entityId: meetingId, type: 'revisitation_removed', field: 'agenda', from: m.meeting_date });
      return detail(m, call);
    },

    decideCase: ({ meetingId, caseId, outcome, grant, conditions, followUpDate }, call) => {
      const m = meetingRow(meetingId);
      const c = caseRow(caseId);
      requireReach(call, meetingId, c.team_id);
      if (m.status === 'closed') throw ApiFailure.of('conflict', 'committee.closedNoDecisions');
      if (q.caseDecisionAt.get(meetingId, caseId)) throw ApiFailure.of('conflict', 'committee.alreadyDecided', { caseNumber: c.case_number });
      const item = agenda(m).find((i) => i.caseId === caseId);
      if (!item) throw ApiFailure.of('not_found', 'committee.notOnAgenda', { caseNumber: c.case_number }, { fields: [fieldError('caseId', 'committee.notOnAgendaField')] });
      const p = item.proposal ? q.proposal.get(item.proposal.id)! : null;
      if (outcome === 'approved_with_changes' && (!p || !grant)) {
        throw ApiFailure.of('invalid_input', 'committee.grantMissing', undefined, { fields: [fieldError('grant', 'committee.grantMissingField')] });
      }
      if (grant && outcome !== 'approved_with_changes') {
        throw ApiFailure.of('invalid_input', 'committee.changesOnlyWithChanges', undefined, { fields: [fieldError('grant', 'committee.changesOnlyWithChangesField')] });
      }
      const at = ctx.now().toISOString();
      const recommendation = recommendations(caseId)[0] ?? null;
      let grantId: number | null = null;
      let changes: string | null = null;
      let cost: number | null = p ? yearlyCost(fieldsOfProposal(p)) : null;
      if (p && grantsOnApproval(outcome)) {
        const proposed = fieldsOfProposal(p);
        const final = outcome === 'approved_with_changes' ? grant! : proposed;
        changes = outcome === 'approved_with_changes' ? changesText(proposed, final) : null;
        if (outcome === 'approved_with_changes' && changes === null) {
          throw ApiFailure.of('invalid_input', 'committee.grantUnchanged', undefined, { fields: [fieldError('grant', 'committee.grantUnchangedField')] });
        }
        // The committee's changed terms must be as plausible as a caseworker's. A high takst is not
        // asked about again: the committee is the body that decides on it.
        const implausible = outcome === 'approved_with_changes' ? grantPlausibility(final, { today: ctx.today(), storedStartDate: proposed.startDate }) : [];
        if (implausible.length > 0) throw implausibleGrant(implausible);
        const write = { at, today: ctx.today(), actorId: call.actorId, source: 'committee' as const, reason: `Visitationsudvalget ${formatDate(m.meeting_date)}` };
        if (p.grant_id === null) {
          grantId = createEditedGrant(db, caseId, final, { ...write, reason: null });
        } else {
          updateEditedGrant(db, p.grant_id, final, write);
          grantId = p.grant_id;
        }
        cost = yearlyCost(final);
        if (followUpDate !== null) {
          const old = q.grantFollowUp.get(grantId)!;
          if (old.next_follow_up !== followUpDate) {
            q.setGrantFollowUp.run(followUpDate, grantId);
            appendEvent(db, { at, actorId: call.actorId, caseId, entity: 'grant', entityId: grantId, type: 'grant_changed', field: 'nextFollowUp', from: old.next_follow_up, to: followUpDate, reason: `Visitationsudvalget ${formatDate(m.meeting_date)}` });
          }
        }
        q.setProposalResult.run(outcome, grantId, p.id);
      } else if (p && outcome === 'rejected') {
        q.setProposalStatus.run('rejected', p.id);
      } else if (p && outcome === 'postponed') {
        // Ready again the day after this meeting: the next meeting takes it.
        q.setProposalReady.run(addDays(m.meeting_date, 1), p.id);
      }
      const decisionId = Number(q.insertDecision.run(
        meetingId, caseId, p?.id ?? null, recommendation?.id ?? null, outcome, conditions || null, followUpDate, changes, cost, grantId, call.actorId, at,
      ).lastInsertRowid);
      appendEvent(db, {
        at, actorId: call.actorId, caseId, entity: 'committee_decision', entityId: decisionId, type: 'committee_decided',
        field: grantId !== null ? `grant:${grantId}` : 'decision', from: p ? describeGrant(fieldsOfProposal(p)) : null,
        to: outcome, reason: [OUTCOME_LABELS[outcome], changes, conditions].filter(Boolean).join('. '),
      });
      // An application's decision feeds the economics pipeline's approval rate like any other decision.
      if (c.kind === 'application' && p && outcome !== 'postponed') {
        appendEvent(db, { at, actorId: call.actorId, caseId, entity: 'case', entityId: caseId, type: 'decided', to: grantsOnApproval(outcome) ? 'approved' : 'rejected', reason: `Visitationsudvalget ${formatDate(m.meeting_date)}` });
      }
      return decisionView(q.decision.get(decisionId)!);
    },

    closeMeeting: ({ meetingId }, call) => {
      const m = meetingRow(meetingId);
      if (reach(call, meetingId) !== 'all') throw ApiFailure.of('forbidden', 'committee.closeMembersOnly');
      if (m.status === 'closed') throw ApiFailure.of('conflict', 'committee.alreadyClosed');
      const at = ctx.now().toISOString();
      // Cases left undecided go to the next meeting, as a postponement would send them.
      for (const p of awaitingOn(m)) q.setProposalReady.run(addDays(m.meeting_date, 1), p.id);
      q.closeMeeting.run(at, meetingId);
      appendEvent(db, { at, actorId: call.actorId, entity: 'committee_meeting', entityId: meetingId, type: 'meeting_closed', field: 'status', from: 'planned', to: 'closed' });
      return summary(meetingRow(meetingId));
    },

    previewCampaign: ({ teamId, criteria }) => campaignCandidates(teamId, criteria),

    createCampaign: ({ teamId, name, criteria, tagWeight }, call) => {
      if (!q.team.get(teamId)) throw ApiFailure.of('not_found', 'records.teamNotFound', undefined, { fields: [fieldError('teamId', 'general.notFound')] });
      const picked = campaignCandidates(teamId, criteria);
      if (picked.length === 0) throw ApiFailure.of('invalid_input', 'committee.campaignEmpty', undefined, { fields: [fieldError('criteria', 'committee.campaignEmptyField')] });
      const at = ctx.now().toISOString();
      const today = ctx.today();
      const label = `Kampagne: ${name}`.slice(0, 120);
      if (q.tagByLabel.get(teamId, label)) throw ApiFailure.of('conflict', 'committee.campaignNameTaken', undefined, { fields: [fieldError('name', 'records.alreadyExists')] });
      // Bringing a grant's follow-up forward to today makes its case a follow-up item on the pull
      // list; the pull list ranks items by priority tags matched on paragraph and kind, so the
      // campaign's tag carries its weight to the follow-ups of the paragraph it targets.
      const tagId = Number(q.insertTag.run(teamId, label, tagWeight, criteria.paragraph, 'follow_up', call.actorId, at).lastInsertRowid);
      appendEvent(db, { at, actorId: call.actorId, entity: 'priority_tag', entityId: tagId, type: 'priority_tag_created', field: 'tag', to: `${label}: ${tagWeight} point` });
      const id = Number(q.insertCampaign.run(teamId, name, JSON.stringify(criteria), tagId, call.actorId, at).lastInsertRowid);
      for (const g of picked) {
        q.insertCampaignGrant.run(id, g.grantId, g.caseId, g.yearlyCost);
        // Bringing the follow-up forward to today is what puts the grant on the pull list as a revisitation.
        const old = q.grantFollowUp.get(g.grantId)!;
        if (old.next_follow_up === null || old.next_follow_up > today) {
          q.setGrantFollowUp.run(today, g.grantId);
          appendEvent(db, { at, actorId: call.actorId, caseId: g.caseId, entity: 'grant', entityId: g.grantId, type: 'grant_changed', field: 'nextFollowUp', from: old.next_follow_up, to: today, reason: `Revisitationskampagne: ${name}` });
        }
      }
      appendEvent(db, { at, actorId: call.actorId, entity: 'revisitation_campaign', entityId: id, type: 'campaign_started', field: 'grants', to: picked.length, reason: name });
      return campaignView(q.campaign.get(id)!);
    },

    listCampaigns: ({ teamId }) => q.campaigns.all(teamId ?? null, teamId ?? null).map(campaignView),

    getCommitteeDashboard: ({ teamId }) => {
      const rows = q.dashboardDecisions.all(teamId ?? null, teamId ?? null);
      const decided: DecidedCase[] = rows.map((r) => ({
        paragraph: r.paragraph, outcome: r.outcome, recommendedOn: r.recommended_at?.slice(0, 10) ?? null, decidedOn: r.decided_at.slice(0, 10),
      }));
      const perMeeting = q.perMeeting.all(teamId ?? null, teamId ?? null)
        .map((m) => ({ meetingId: m.id, date: m.meeting_date, title: m.title, decided: m.decided, approvedYearlyCost: roundOere(m.approved ?? 0) }));
      const campaigns = q.campaigns.all(teamId ?? null, teamId ?? null).map(campaignView)
        .map((c) => ({ id: c.id, name: c.name, progress: c.progress }));
      return {
        daysToDecision: daysToDecision(decided),
        approvalByParagraph: approvalByParagraph(decided),
        perMeeting,
        campaigns,
        awaiting: q.awaitingCount.get(teamId ?? null, teamId ?? null)!.n,
      };
    },
  };
}

function queries(db: Db) {
  return {
    person: db.prepare<[number], Pick<PeopleRow, 'id' | 'role'>>('SELECT id, role FROM people WHERE id = ?'),
    team: db.prepare<[number], Pick<TeamsRow, 'id'>>('SELECT id FROM teams WHERE id = ?'),
    case: db.prepare<[number], Pick<CasesRow, 'id' | 'case_number' | 'team_id' | 'kind' | 'paragraph'>>('SELECT id, case_number, team_id, kind, paragraph FROM cases WHERE id = ?'),
    caseByNumber: db.prepare<[string], Pick<CasesRow, 'id'>>('SELECT id FROM cases WHERE case_number = ?'),
    caseAssignee: db.prepare<[number], Pick<CasesRow, 'assignee_id'>>('SELECT assignee_id FROM cases WHERE id = ?'),
    limits: db.prepare<[], LimitRow>('SELECT * FROM authority_limits'),
    limit: db.prepare<[number], LimitRow>('SELECT * FROM authority_limits WHERE id = ?'),
    limitsWithNames: db.prepare<[], NamedLimitRow>(
      `SELECT l.*, p.name AS person_name FROM authority_limits l LEFT JOIN people p ON p.id = l.person_id
       ORDER BY l.person_id IS NOT NULL, l.role, p.name, l.paragraph IS NULL, l.paragraph`,
    ),
    limitWithName: db.prepare<[number], NamedLimitRow>('SELECT l.*, p.name AS person_name FROM authority_limits l LEFT JOIN people p ON p.id = l.person_id WHERE l.id = ?'),
    limitByKey: db.prepare<[string, number, string], Pick<AuthorityLimitsRow, 'id'>>(`SELECT id FROM authority_limits WHERE COALESCE(role, '') = ? AND COALESCE(person_id, 0) = ? AND COALESCE(paragraph, '') = ?`),
    insertLimit: db.prepare(
      `INSERT INTO authority_limits (role, person_id, paragraph, max_hours_per_week, max_yearly_cost, external_allowed, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    updateLimit: db.prepare(
      `UPDATE authority_limits SET role = ?, person_id = ?, paragraph = ?, max_hours_per_week = ?, max_yearly_cost = ?,
         external_allowed = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
    ),
    deleteLimit: db.prepare('DELETE FROM authority_limits WHERE id = ?'),
    takstCategories: db.prepare<[], TakstCategoriesRow>('SELECT * FROM takst_categories ORDER BY min_hours'),
    grantBasis: db.prepare<[number], Pick<GrantsRow, 'paragraph' | 'takst' | 'quantity'>
      & { providerType: GrantsRow['provider_type']; takstUnit: GrantsRow['takst_unit'] }>('SELECT paragraph, provider_type AS providerType, takst, takst_unit AS takstUnit, quantity FROM grants WHERE id = ?'),
    grantFollowUp: db.prepare<[number], Pick<GrantsRow, 'next_follow_up'>>('SELECT next_follow_up FROM grants WHERE id = ?'),
    setGrantFollowUp: db.prepare('UPDATE grants SET next_follow_up = ? WHERE id = ?'),
    caseGrants: db.prepare<[number], GrantsRow>('SELECT * FROM grants WHERE case_id = ? ORDER BY start_date DESC, id DESC'),
    proposal: db.prepare<[number], ProposalRow>(`${PROPOSAL_SELECT} WHERE gp.id = ?`),
    caseProposals: db.prepare<[number], ProposalRow>(`${PROPOSAL_SELECT} WHERE gp.case_id = ? ORDER BY gp.id DESC`),
    awaitingFor: db.prepare<[number, number | null, number | null], Pick<GrantProposalsRow, 'id'>>(`SELECT id FROM grant_proposals WHERE case_id = ? AND status = 'awaiting' AND (grant_id = ? OR (grant_id IS NULL AND ? IS NULL))`),
    // The latest awaiting proposal per case: one agenda item per case.
    awaiting: db.prepare<[], ProposalRow>(`${PROPOSAL_SELECT} WHERE gp.status = 'awaiting' AND gp.id = (SELECT MAX(x.id) FROM grant_proposals x WHERE x.case_id = gp.case_id AND x.status = 'awaiting')`),
    awaitingCases: db.prepare<[number], Pick<GrantProposalsRow, 'case_id'>>(`SELECT DISTINCT gp.case_id FROM grant_proposals gp JOIN cases c ON c.id = gp.case_id WHERE gp.status = 'awaiting' AND c.team_id = ? ORDER BY gp.case_id`),
    awaitingCount: db.prepare<[number | null, number | null], { n: number }>(`SELECT COUNT(DISTINCT gp.case_id) AS n FROM grant_proposals gp JOIN cases c ON c.id = gp.case_id WHERE gp.status = 'awaiting' AND (? IS NULL OR c.team_id = ?)`),
    insertProposal: db.prepare(
      `INSERT INTO grant_proposals (case_id, grant_id, paragraph, service, provider, provider_type, takst, takst_unit, quantity,
         start_date, end_date, follow_up_months, support_goal, breaches, ready_from, proposed_by, proposed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    setProposalStatus: db.prepare('UPDATE grant_proposals SET status = ? WHERE id = ?'),
    setProposalResult: db.prepare('UPDATE grant_proposals SET status = ?, result_grant_id = ? WHERE id = ?'),
    setProposalReady: db.prepare('UPDATE grant_proposals SET ready_from = ? WHERE id = ?'),
    recommendations: db.prepare<[number], RecommendationRow>(
      `SELECT r.*, p.name AS written_by_name FROM recommendations r LEFT JOIN people p ON p.id = r.written_by WHERE r.case_id = ? ORDER BY r.version DESC`,
    ),
    recommendation: db.prepare<[number], RecommendationRow>(`SELECT r.*, p.name AS written_by_name FROM recommendations r LEFT JOIN people p ON p.id = r.written_by WHERE r.id = ?`),
    lastVersion: db.prepare<[number], { v: RecommendationsRow['version'] | null }>('SELECT MAX(version) AS v FROM recommendations WHERE case_id = ?'),
    insertRecommendation: db.prepare(
      `INSERT INTO recommendations (case_id, version, target_group, vum_summary, citizen_wishes, internal_alternatives,
         expected_progression, follow_up_date, written_by, written_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    assessment: db.prepare<[number], Pick<AssessmentsRow, 'assessed_on' | 'scores' | 'expected_scores' | 'expected_by'>>('SELECT assessed_on, scores, expected_scores, expected_by FROM assessments WHERE case_id = ? ORDER BY assessed_on DESC, id DESC LIMIT 1'),
    meeting: db.prepare<[number], MeetingRow>('SELECT id, meeting_date, title, status FROM committee_meetings WHERE id = ?'),
    meetings: db.prepare<[], MeetingRow>('SELECT id, meeting_date, title, status FROM committee_meetings ORDER BY meeting_date DESC, id DESC'),
    openMeetings: db.prepare<[], Pick<CommitteeMeetingsRow, 'id' | 'meeting_date'>>(`SELECT id, meeting_date FROM committee_meetings WHERE status = 'planned'`),
    insertMeeting: db.prepare('INSERT INTO committee_meetings (meeting_date, title, created_by, created_at) VALUES (?, ?, ?, ?)'),
    closeMeeting: db.prepare(`UPDATE committee_meetings SET status = 'closed', closed_at = ? WHERE id = ?`),
    members: db.prepare<[number], Pick<PeopleRow, 'id' | 'name'>>('SELECT p.id, p.name FROM committee_members m JOIN people p ON p.id = m.person_id WHERE m.meeting_id = ? ORDER BY p.name'),
    insertMember: db.prepare('INSERT INTO committee_members (meeting_id, person_id) VALUES (?, ?)'),
    revisitations: db.prepare<[number], Pick<CommitteeAgendaItemsRow, 'case_id' | 'note'>>('SELECT case_id, note FROM committee_agenda_items WHERE meeting_id = ?'),
    revisitation: db.prepare<[number, number], Pick<CommitteeAgendaItemsRow, 'id'>>('SELECT id FROM committee_agenda_items WHERE meeting_id = ? AND case_id = ?'),
    insertRevisitation: db.prepare('INSERT INTO committee_agenda_items (meeting_id, case_id, note, added_by, added_at) VALUES (?, ?, ?, ?, ?)'),
    deleteRevisitation: db.prepare('DELETE FROM committee_agenda_items WHERE meeting_id = ? AND case_id = ?'),
    agendaCase: db.prepare<[number], Pick<CasesRow, 'case_number' | 'team_id' | 'kind' | 'paragraph' | 'legal_deadline'> & Pick<CitizensRow, 'initials'>
      & { team: TeamsRow['name']; assignee_name: PeopleRow['name'] | null }>(
      `SELECT c.case_number, z.initials, c.team_id, t.name AS team, c.kind, c.paragraph, p.name AS assignee_name, c.legal_deadline
       FROM cases c JOIN citizens z ON z.id = c.citizen_id JOIN teams t ON t.id = c.team_id LEFT JOIN people p ON p.id = c.assignee_id
       WHERE c.id = ?`,
    ),
    decision: db.prepare<[number], DecisionRow>(`${DECISION_SELECT} WHERE d.id = ?`),
    meetingDecisions: db.prepare<[number], DecisionRow>(`${DECISION_SELECT} WHERE d.meeting_id = ? ORDER BY d.id`),
    caseDecisions: db.prepare<[number], DecisionRow>(`${DECISION_SELECT} WHERE d.case_id = ? ORDER BY d.id DESC`),
    caseDecisionAt: db.prepare<[number, number], Pick<CommitteeDecisionsRow, 'id'>>('SELECT id FROM committee_decisions WHERE meeting_id = ? AND case_id = ?'),
    insertDecision: db.prepare(
      `INSERT INTO committee_decisions (meeting_id, case_id, proposal_id, recommendation_id, outcome, conditions, follow_up_date,
         changes, yearly_cost, grant_id, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    tag: db.prepare<[number], Pick<PriorityTagsRow, 'id' | 'label' | 'weight'>>('SELECT id, label, weight FROM priority_tags WHERE id = ?'),
    tagByLabel: db.prepare<[number, string], Pick<PriorityTagsRow, 'id'>>('SELECT id FROM priority_tags WHERE team_id = ? AND label = ?'),
    insertTag: db.prepare(
      'INSERT INTO priority_tags (team_id, label, weight, paragraph, item_kind, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    teamActiveGrants: db.prepare<[number, IsoDate, IsoDate], Pick<GrantsRow, 'id' | 'case_id' | 'paragraph' | 'service' | 'provider' | 'provider_type' | 'takst' | 'takst_unit' | 'quantity' | 'start_date'>
      & Pick<CasesRow, 'case_number'>>(
      `SELECT g.id, g.case_id, c.case_number, g.paragraph, g.service, g.provider, g.provider_type, g.takst, g.takst_unit, g.quantity, g.start_date
       FROM grants g JOIN cases c ON c.id = g.case_id
       WHERE c.team_id = ? AND g.start_date <= ? AND (g.end_date IS NULL OR g.end_date >= ?)`,
    ),
    insertCampaign: db.prepare('INSERT INTO revisitation_campaigns (team_id, name, criteria, tag_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
    insertCampaignGrant: db.prepare('INSERT INTO campaign_grants (campaign_id, grant_id, case_id, yearly_before) VALUES (?, ?, ?, ?)'),
    campaign: db.prepare<[number], CampaignRow>(`SELECT k.*, p.name AS created_by_name FROM revisitation_campaigns k LEFT JOIN people p ON p.id = k.created_by WHERE k.id = ?`),
    campaigns: db.prepare<[number | null, number | null], CampaignRow>(
      `SELECT k.*, p.name AS created_by_name FROM revisitation_campaigns k LEFT JOIN people p ON p.id = k.created_by
       WHERE (? IS NULL OR k.team_id = ?) ORDER BY k.created_at DESC, k.id DESC`,
    ),
    // Revisited = the grant changed or ended, or the case was reassessed, after the campaign began.
    campaignGrants: db.prepare<{ since: string; campaign: number }, Pick<CampaignGrantsRow, 'grant_id' | 'case_id' | 'yearly_before'> & Pick<CasesRow, 'case_number'>
      & Pick<GrantsRow, 'paragraph' | 'service' | 'provider' | 'takst' | 'takst_unit' | 'quantity'> & { ended: 0 | 1; revisited_at: string | null }>(
      `SELECT cg.grant_id, cg.case_id, c.case_number, g.paragraph, g.service, g.provider, cg.yearly_before, g.takst, g.takst_unit,
              g.quantity,
              EXISTS (SELECT 1 FROM events e WHERE e.case_id = cg.case_id AND e.entity = 'grant' AND e.entity_id = cg.grant_id
                        AND (e.type = 'grant_ended' OR (e.type = 'grant_changed' AND e.field = 'endDate' AND e.to_value IS NOT NULL))
                        AND e.at > @since) AS ended,
              (SELECT MIN(x.at) FROM (
                 SELECT e.at FROM events e WHERE e.case_id = cg.case_id AND e.entity = 'grant' AND e.entity_id = cg.grant_id
                   AND e.type IN ('grant_changed', 'grant_ended') AND (e.field IS NULL OR e.field <> 'nextFollowUp') AND e.at > @since
                 UNION ALL
                 SELECT a.created_at FROM assessments a WHERE a.case_id = cg.case_id AND a.created_at > @since) x) AS revisited_at
       FROM campaign_grants cg JOIN grants g ON g.id = cg.grant_id JOIN cases c ON c.id = cg.case_id
       WHERE cg.campaign_id = @campaign ORDER BY cg.yearly_before DESC, cg.grant_id`,
    ),
    dashboardDecisions: db.prepare<[number | null, number | null], Pick<CasesRow, 'paragraph'> & Pick<CommitteeDecisionsRow, 'outcome' | 'decided_at' | 'meeting_id'>
      & { recommended_at: string | null }>(
      `SELECT c.paragraph, d.outcome, d.decided_at, d.meeting_id,
              COALESCE((SELECT MIN(r.written_at) FROM recommendations r WHERE r.case_id = d.case_id AND r.written_at <= d.decided_at),
                       (SELECT gp.proposed_at FROM grant_proposals gp WHERE gp.id = d.proposal_id)) AS recommended_at
       FROM committee_decisions d JOIN cases c ON c.id = d.case_id WHERE (? IS NULL OR c.team_id = ?) ORDER BY d.id`,
    ),
    perMeeting: db.prepare<[number | null, number | null], Pick<CommitteeMeetingsRow, 'id' | 'meeting_date' | 'title'> & { decided: number; approved: number | null }>(
      `SELECT m.id, m.meeting_date, m.title, COUNT(d.id) AS decided,
              SUM(CASE WHEN d.outcome IN ('approved', 'approved_with_changes') THEN d.yearly_cost ELSE 0 END) AS approved
       FROM committee_meetings m JOIN committee_decisions d ON d.meeting_id = m.id JOIN cases c ON c.id = d.case_id
       WHERE (? IS NULL OR c.team_id = ?) GROUP BY m.id ORDER BY m.meeting_date DESC LIMIT 24`,
    ),
  };
}
