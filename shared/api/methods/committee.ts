// Methods of grant authority and the visitation committee; the contract spreads them in
// (shared/api/contract.ts).
import { z } from 'zod';
import type { AuthorityLimit } from '../../authority';
import type { CampaignCriteria, CampaignProgress, DecisionOutcome, ParagraphApproval } from '../../committee';
import { DECISION_OUTCOMES } from '../../committee';
import type { CaseKind, IsoDate, ProviderType, Role, TakstUnit } from '../../domain';
import type { VumScores } from '../../progression';
import { CASE_READERS, id, LEADERS, method, noInput } from '../define';
import { isoDate, optionalText, paragraph, providerType, role, shortText } from '../schemas';
import { grantFields, type GrantFields, type GrantPreview } from './grantFields';

export interface AuthorityLimitView extends AuthorityLimit {
  personName: string | null;
  /** "§ 85: op til 5 t/uge, …" */
  description: string;
}

export interface AuthorityCheck {
  within: boolean;
  /** The limit that applied, described; null when none is set (no limit). */
  limit: string | null;
  breaches: string[];
}

export interface ProposalView extends GrantFields {
  id: number;
  caseId: number;
  /** The grant the proposal changes; null for a new grant. */
  grantId: number | null;
  yearlyCost: number;
  breaches: string[];
  status: 'awaiting' | 'approved' | 'approved_with_changes' | 'rejected' | 'withdrawn';
  proposedBy: string | null;
  proposedAt: string;
  resultGrantId: number | null;
}

/** What createGrant/updateGrant return when the grant is above the actor's authority. */
export interface AwaitingCommittee {
  awaitingCommittee: true;
  proposal: ProposalView;
  /** The meeting whose agenda the case is on; null when no meeting is planned yet. */
  meeting: { id: number; date: IsoDate; title: string } | null;
}

export interface RecommendationVersion {
  id: number;
  version: number;
  targetGroup: string | null;
  vumSummary: string | null;
  citizenWishes: string | null;
  internalAlternatives: string | null;
  expectedProgression: string | null;
  followUpDate: IsoDate | null;
  writtenBy: string | null;
  writtenAt: string;
}

export interface DecisionView {
  id: number;
  meetingId: number;
  meetingDate: IsoDate;
  caseId: number;
  proposalId: number | null;
  recommendationVersion: number | null;
  outcome: DecisionOutcome;
  conditions: string | null;
  followUpDate: IsoDate | null;
  changes: string | null;
  yearlyCost: number | null;
  grantId: number | null;
  decidedBy: string | null;
  decidedAt: string;
}

export interface CaseCommittee {
  caseId: number;
  caseNumber: string;
  awaiting: boolean;
  proposals: ProposalView[];
  /** Newest first; [0] is the current version. */
  recommendations: RecommendationVersion[];
  /** The latest VUM assessment, shown beside the written summary. */
  assessment: { assessedOn: IsoDate; scores: VumScores; expectedScores: VumScores | null; expectedBy: IsoDate | null } | null;
  decisions: DecisionView[];
  meeting: { id: number; date: IsoDate; title: string } | null;
  /** What the latest awaiting proposal would do to the team's bottom line if approved as proposed. */
  awaitingEffect: GrantPreview | null;
}

export interface MeetingSummary {
  id: number;
  date: IsoDate;
  title: string;
  status: 'planned' | 'closed';
  members: { id: number; name: string }[];
  agendaCount: number;
  decidedCount: number;
}

export interface AgendaItem {
  caseId: number;
  caseNumber: string;
  citizenInitials: string;
  teamId: number;
  team: string;
  kind: CaseKind;
  paragraph: string;
  assigneeName: string | null;
  legalDeadline: IsoDate | null;
  /** 'decision': a grant above authority awaits; 'revisitation': the leader added the case. */
  reason: 'decision' | 'revisitation';
  note: string | null;
  yearlyCost: number;
  proposal: ProposalView | null;
  /** The effect on the team's bottom line if the proposal is approved as proposed. */
  effect: GrantPreview | null;
  /** Active grants of the case (what a revisitation looks at). */
  activeGrants: { id: number; paragraph: string; service: string; provider: string; providerType: ProviderType; quantity: number; takstUnit: TakstUnit; yearlyCost: number }[];
  recommendation: RecommendationVersion | null;
  assessment: CaseCommittee['assessment'];
  decision: DecisionView | null;
}

export interface MeetingDetail extends MeetingSummary {
  agenda: AgendaItem[];
  /** Σ yearly cost approved at the meeting. */
  approvedYearlyCost: number;
}

export interface CampaignView {
  id: number;
  teamId: number;
  name: string;
  criteria: CampaignCriteria;
  tag: { id: number; label: string; weight: number } | null;
  createdBy: string | null;
  createdAt: string;
  progress: CampaignProgress;
  grants: {
    grantId: number; caseId: number; caseNumber: string; paragraph: string; service: string; provider: string;
    yearlyBefore: number; yearlyAfter: number | null; revisitedAt: string | null;
  }[];
}

export interface CampaignCandidateView {
  grantId: number; caseId: number; caseNumber: string; paragraph: string; service: string; provider: string;
  providerType: ProviderType; yearlyCost: number; startDate: IsoDate;
}

export interface CommitteeDashboard {
  daysToDecision: { count: number; median: number | null; max: number | null };
  approvalByParagraph: ParagraphApproval[];
  perMeeting: { meetingId: number; date: IsoDate; title: string; decided: number; approvedYearlyCost: number }[];
  campaigns: { id: number; name: string; progress: CampaignProgress }[];
  awaiting: number;
}

const authorityLimitInput = z
  .object({
    limitId: id.optional(),
    role: role.nullable(),
    personId: id.nullable(),
    paragraph: paragraph.nullable(),
    maxHoursPerWeek: z.number().finite().min(0).max(168).nullable(),
    maxYearlyCost: z.number().finite().min(0).max(1e10).nullable(),
    externalAllowed: z.boolean(),
  })
  .strict()
  .refine((l) => (l.role === null) !== (l.personId === null), { message: 'input.roleOrPerson', path: ['role'] });

export const recommendationFields = z
  .object({
    targetGroup: optionalText(4000),
    vumSummary: optionalText(4000),
    citizenWishes: optionalText(4000),
    internalAlternatives: optionalText(4000),
    expectedProgression: optionalText(4000),
    followUpDate: isoDate.nullable(),
  })
  .strict();
export type RecommendationFields = z.output<typeof recommendationFields>;

export const campaignCriteria = z
  .object({
    paragraph: paragraph.nullable(),
    providerType: providerType.nullable(),
    provider: z.string().trim().max(200).nullable(),
    minYearlyCost: z.number().finite().min(0).nullable(),
    minAgeMonths: z.number().int().min(0).max(600).nullable(),
    order: z.enum(['cost_desc', 'age_desc']),
    limit: z.number().int().min(1).max(500),
  })
  .strict();

export const committeeMethods = {
  getAuthorityLimits: method<AuthorityLimitView[]>()(noInput, { write: false, access: { roles: CASE_READERS }, summary: 'Bevillingskompetencer pr. rolle og person.' }),
  saveAuthorityLimit: method<AuthorityLimitView>()(authorityLimitInput, { write: true, access: { roles: ['department_head'], notSelf: 'personId' }, summary: 'Opretter eller ændrer en bevillingskompetence (kun ledere).' }),
  deleteAuthorityLimit: method<{ limitId: number }>()(z.object({ limitId: id }).strict(), { write: true, access: { roles: ['department_head'] }, summary: 'Removes a grant-authority limit (leaders only).' }),
  checkGrantAuthority: method<AuthorityCheck>()(
    z.object({ caseId: id, grantId: id.optional(), grant: grantFields }).strict(),
    { write: false, access: { roles: ['caseworker', 'leader', 'department_head'], team: { from: 'case', field: 'caseId' } }, summary: 'Om den aktuelle bruger selv kan bevilge udkastet, eller om det går til visitationsudvalget.' },
  ),
  getAwaitingCommittee: method<number[]>()(z.object({ teamId: id }).strict(), { write: false, access: { roles: CASE_READERS, team: { from: 'team', field: 'teamId' } }, summary: 'Sager på teamet, der afventer udvalget.' }),
  getCaseCommittee: method<CaseCommittee>()(z.object({ caseId: id }).strict(), { write: false, access: { roles: CASE_READERS, team: { from: 'case', field: 'caseId' } }, lookup: { purpose: 'Sagens udvalgsbehandling', cases: (_r, input) => ({ caseIds: [(input as { caseId: number }).caseId] }) }, summary: 'A case\'s proposed grants, recommendation versions and committee decisions.' }),
  saveRecommendation: method<RecommendationVersion>()(
    z.object({ caseId: id, recommendation: recommendationFields }).strict(),
    { write: true, access: { roles: ['caseworker', 'leader', 'department_head'], team: { from: 'case', field: 'caseId' } }, summary: 'Gemmer indstillingen som en ny version.' },
  ),
  withdrawProposal: method<ProposalView>()(z.object({ proposalId: id, reason: z.string().trim().max(500).optional() }).strict(), { write: true, access: { roles: ['caseworker', 'leader', 'department_head'], team: { from: 'proposal', field: 'proposalId' } }, summary: 'Withdraws a proposed grant that awaits the committee.' }),
  listMeetings: method<MeetingSummary[]>()(noInput, { write: false, access: { roles: CASE_READERS }, summary: 'Visitation committee meetings, upcoming and held.' }),
  createMeeting: method<MeetingSummary>()(
    z.object({ date: isoDate, title: shortText(200), memberIds: z.array(id).max(30) }).strict(),
    { write: true, access: { roles: ['leader', 'department_head', 'secretariat'] }, summary: 'Planlægger et møde i visitationsudvalget (kun ledere).' },
  ),
  getMeeting: method<MeetingDetail>()(z.object({ meetingId: id }).strict(), { write: false, access: { roles: ['leader', 'department_head', 'secretariat'] }, lookup: { purpose: 'Udvalgets dagsorden', cases: (m) => ({ caseIds: m.agenda.map((a) => a.caseId) }) }, summary: 'A meeting with its agenda (cases awaiting decision by deadline, then cost) and the recommendations.' }),
  addRevisitation: method<MeetingDetail>()(
    z.object({ meetingId: id, caseNumber: shortText(60), note: z.string().trim().max(500).nullable() }).strict(),
    { write: true, access: { roles: ['leader', 'department_head', 'secretariat'] }, summary: 'Adds a revisitation to a meeting\'s agenda (leaders only).' },
  ),
  removeRevisitation: method<MeetingDetail>()(z.object({ meetingId: id, caseId: id }).strict(), { write: true, access: { roles: ['leader', 'department_head', 'secretariat'] }, summary: 'Removes a revisitation from a meeting\'s agenda (leaders only).' }),
  decideCase: method<DecisionView>()(
    z
      .object({
        meetingId: id,
        caseId: id,
        outcome: z.enum(DECISION_OUTCOMES),
        /** The grant as approved, for "approved with changes". */
        grant: grantFields.optional(),
        conditions: optionalText(2000),
        followUpDate: isoDate.nullable(),
      })
      .strict(),
    { write: true, access: { roles: ['leader', 'department_head', 'secretariat'] }, summary: 'Registrerer udvalgets afgørelse; en godkendt bevilling bliver aktiv.' },
  ),
  closeMeeting: method<MeetingSummary>()(z.object({ meetingId: id }).strict(), { write: true, access: { roles: ['leader', 'department_head', 'secretariat'] }, summary: 'Closes a meeting once every case on it has a decision.' }),
  previewCampaign: method<CampaignCandidateView[]>()(z.object({ teamId: id, criteria: campaignCriteria }).strict(), { write: false, access: { roles: LEADERS, team: { from: 'team', field: 'teamId' } }, summary: 'The grants a revisitation campaign would select, most expensive first.' }),
  createCampaign: method<CampaignView>()(
    z.object({ teamId: id, name: shortText(120), criteria: campaignCriteria, tagWeight: z.number().int().min(0).max(100) }).strict(),
    { write: true, access: { roles: LEADERS, team: { from: 'team', field: 'teamId' } }, summary: 'Sender udvalgte bevillinger til pull-listen som revisitationer med kampagnens prioritet (kun ledere).' },
  ),
  listCampaigns: method<CampaignView[]>()(z.object({ teamId: id.optional() }).strict(), { write: false, access: { roles: CASE_READERS, team: { from: 'team', field: 'teamId' } }, summary: 'Revisitation campaigns with their progress and savings found.' }),
  getCommitteeDashboard: method<CommitteeDashboard>()(z.object({ teamId: id.optional() }).strict(), { write: false, access: { roles: CASE_READERS, team: { from: 'team', field: 'teamId' } }, summary: 'Time from recommendation to decision, approval rate by paragraph, cost approved per meeting, campaign savings.' }),
};

export type { DecisionOutcome, Role };
