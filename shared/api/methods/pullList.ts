// Methods of the pull list and "Mine sager"; the contract spreads them in (shared/api/contract.ts).
import { z } from 'zod';
import type { CaseCard, ClassOfService, IsoDate, Person, Team } from '../../domain';
import {
  MAX_RULE_WEIGHT, WORK_ITEM_KINDS,
  type NothingToPull, type PriorityTag, type RankedItem, type RuleWeights,
} from '../../pullList';
import { FOLLOW_UP_OUTCOMES, type FollowUpEffect, type FollowUpItem } from '../../followUps';
import { CASE_READERS, id, LEADERS, method, noInput } from '../define';
import { optionalText, paragraph, shortText } from '../schemas';

export interface PullList {
  team: Team;
  today: IsoDate;
  items: RankedItem[];
  weights: RuleWeights;
  /** True when the team uses the default weights (no leader has set any). */
  defaultWeights: boolean;
  tags: PriorityTag[];
}

export type PullResult =
  | { pulled: true; item: RankedItem; card: CaseCard; columnName: string; columnOverLimit: boolean }
  | ({ pulled: false } & NothingToPull);

export interface MyCase {
  caseId: number;
  caseNumber: string;
  citizenInitials: string;
  kind: CaseCard['kind'];
  paragraph: string;
  teamId: number;
  columnName: string;
  columnKind: 'queue' | 'active' | 'done';
  classOfService: ClassOfService;
  receivedDate: IsoDate;
  legalDeadline: IsoDate | null;
  nextFollowUp: IsoDate | null;
  blocked: boolean;
  blockedReason: string | null;
  blockedSince: IsoDate | null;
  columnEnteredAt: IsoDate;
}

export interface MyCases {
  person: Person;
  today: IsoDate;
  wipCount: number;
  wipLimit: number | null;
  competences: string[];
  /** Cases I hold in active columns, by column then deadline. */
  inProgress: MyCase[];
  /** My open cases (queue and active) with a legal deadline, earliest first. */
  deadlines: MyCase[];
  /** My cases whose follow-up is overdue or due within FOLLOW_UP_LEAD_DAYS, earliest first. */
  followUps: MyCase[];
  blocked: MyCase[];
  /** What "Tag næste sag" would give me now, or why nothing. */
  next: { item: RankedItem } | NothingToPull;
}

export interface CloseFollowUpResult {
  item: FollowUpItem;
  card: CaseCard;
  columnName: string;
  effect: FollowUpEffect;
  /** The grant the client opens in the grant editor after "Ændres inden for rammen", with its case (the decided one). */
  openGrantEditor: { grantId: number; caseId: number } | null;
}

export interface ProcessingTime {
  paragraph: string;
  label: string;
  weeks: number | null;
  defaultWeeks: number | null;
  updatedAt: string | null;
  updatedByName: string | null;
}

export interface TeamCompetences {
  /** Paragraphs of the team's cases, most used first: the ones competences are usually about. */
  paragraphs: string[];
  people: { personId: number; name: string; initials: string; role: Person['role']; paragraphs: string[] }[];
}

const weight = z
  .number()
  .min(0)
  .max(MAX_RULE_WEIGHT)
  .refine((w) => Number.isInteger(w * 2), { message: 'input.halfWeight' });

/** The fields of a strategic priority tag, whether a leader sets it on the pull list or through a plan. */
export const priorityTagFields = {
  /** Absent for a new tag. */
  tagId: id.optional(),
  label: shortText(80),
  weight: z.number().int().min(0).max(100),
  paragraph: paragraph.nullable(),
  kind: z.enum(WORK_ITEM_KINDS).nullable(),
};

/** A tag must say which cases it raises: a paragraph, a kind of work item, or both. */
export function requireTagTarget<T extends z.ZodType<{ paragraph: string | null; kind: string | null }>>(schema: T) {
  return schema.refine((t) => t.paragraph !== null || t.kind !== null, {
    message: 'input.tagScope',
    path: ['paragraph'],
  });
}

export const pullListMethods = {
  getPullList: method<PullList>()(z.object({ teamId: id }).strict(), { write: false, access: { roles: CASE_READERS, team: { from: 'team', field: 'teamId' } }, lookup: { purpose: 'Pull-listen', list: (l) => ({ teamId: l.team.id, count: l.items.length }) }, summary: 'The team\'s prioritised pull list, each item with its points and the reasons it stands where it does.' }),
  getMyCases: method<MyCases>()(z.object({ personId: id }).strict(), { write: false, access: { roles: CASE_READERS, team: { from: 'person', field: 'personId' } }, lookup: { purpose: 'Mine sager', list: (m) => ({ teamId: m.person.teamId, count: m.inProgress.length }) }, summary: 'A caseworker\'s own work: WIP against the limit, deadlines, follow-ups due within 30 days, blocked cases.' }),
  /** "Tag næste sag": the caller (the actor) takes the top item they may take. */
  pullNext: method<PullResult>()(z.object({
    /** Required when the pull takes the column it moves the case into, or the caller, over a WIP limit; logged. */
    reason: z.string().trim().min(3).max(500).optional(),
  }).strict(), { write: true, access: { roles: ['caseworker', 'leader'] }, lookup: { purpose: 'Tag næste sag', cases: (r) => ({ caseIds: r.pulled ? [r.card.id] : [] }) }, summary: 'Gives the calling caseworker the top item they may take, assigns it and moves it into the first active column; over a WIP limit it needs a reason, which is logged; says why when nothing fits.' }),
  /** The follow-up item a case is, or null when the case is not one. */
  getFollowUpItem: method<{ item: FollowUpItem | null }>()(z.object({ caseId: id }).strict(), { write: false, access: { roles: CASE_READERS, team: { from: 'case', field: 'caseId' } }, lookup: { purpose: 'Opfølgning', cases: (r) => ({ caseIds: r.item ? [r.item.caseId] : [] }) }, summary: 'The follow-up or revisitation item a case is (the decided case it follows up, its due date and outcome), or null.' }),
  /** "Afslut opfølgning": records the outcome (KL's follow-up codes) and does what it says to the grant. */
  closeFollowUp: method<CloseFollowUpResult>()(z.object({
    caseId: id,
    outcome: z.enum(FOLLOW_UP_OUTCOMES, { message: 'input.outcome' }),
    note: optionalText(2000).optional(),
  }).strict(), { write: true, access: { roles: ['caseworker', 'leader', 'department_head'], team: { from: 'case', field: 'caseId' } }, lookup: { purpose: 'Afslut opfølgning', cases: (r) => ({ caseIds: [r.card.id] }) }, summary: 'Closes a follow-up item with its outcome: Fortsættes and Ændres inden for rammen move the grant\'s next follow-up on, Afsluttes ends the grant today, Revisitation opens a revisitation item; the item moves to the done column.' }),
  setRuleWeights: method<RuleWeights>()(
    z.object({
      teamId: id,
      weights: z.object({ deadline: weight, class_of_service: weight, strategic: weight, waiting: weight }).strict(),
    }).strict(),
    { write: true, access: { roles: LEADERS, team: { from: 'team', field: 'teamId' } }, summary: 'Sets the weights of the team\'s pull-list rules (leaders only).' },
  ),
  setPin: method<{ caseId: number; pinned: boolean }>()(z.object({ caseId: id, pinned: z.boolean() }).strict(), { write: true, access: { roles: LEADERS, team: { from: 'case', field: 'caseId' } }, summary: 'Pins or unpins a pull-list item to the top (leaders only).' }),
  savePriorityTag: method<PriorityTag>()(
    requireTagTarget(z.object({ teamId: id, ...priorityTagFields }).strict()),
    { write: true, access: { roles: LEADERS, team: { from: 'team', field: 'teamId' } }, summary: 'Creates or changes a strategic priority tag that raises matching items in the pull list (leaders only).' },
  ),
  deletePriorityTag: method<{ tagId: number }>()(z.object({ tagId: id }).strict(), { write: true, access: { roles: LEADERS, team: { from: 'priorityTag', field: 'tagId' } }, summary: 'Removes a strategic priority tag (leaders only).' }),
  listProcessingTimes: method<ProcessingTime[]>()(noInput, { write: false, access: { roles: CASE_READERS }, summary: 'The legal processing time (sagsbehandlingsfrist) per paragraph.' }),
  /** Sets a paragraph's legal processing time and moves the deadline of its open cases with it. */
  setProcessingTime: method<{ paragraph: string; weeks: number | null; casesUpdated: number }>()(
    z.object({ paragraph, weeks: z.number().int().min(1).max(104).nullable() }).strict(),
    { write: true, access: { roles: ['department_head'] }, summary: 'Changes a paragraph\'s legal processing time and the deadlines of its open cases (leaders only).' },
  ),
  /** The team's caseworkers and leaders with the paragraphs they are competent for. */
  listCompetences: method<TeamCompetences>()(z.object({ teamId: id }).strict(), { write: false, access: { roles: CASE_READERS, team: { from: 'team', field: 'teamId' } }, summary: 'The paragraphs each caseworker of a team is competent for.' }),
  setCompetences: method<{ personId: number; paragraphs: string[] }>()(
    z.object({ personId: id, paragraphs: z.array(paragraph).max(40) }).strict(),
    { write: true, access: { roles: LEADERS, team: { from: 'person', field: 'personId' } }, summary: 'Sets the paragraphs a caseworker may pull cases under (leaders only).' },
  ),
};
