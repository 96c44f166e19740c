// The demo department: Aalborg's Voksensocialafdelingens Visitation as seed 000 describes it
// (7 teams, 71 people, 4,232 citizens, 6,404 cases, 1,096 mio. kr.). The split of cases,
// grants and takster per team is the estimate in DESIGN.md, not a fact.
import type { CaseKind, TakstUnit } from '../../shared/domain';

export interface GrantProfile {
  paragraph: string;
  service: string;
  unit: TakstUnit;
  /** Takst range in kroner per unit. */
  takst: readonly [number, number];
  /** Hours per week (hour takster) or multiplier. */
  quantity: readonly [number, number];
  weight: number;
  /** Grants under it are time-limited to this many months (§ 82 b, short stays). */
  durationMonths?: number;
}

export interface TeamProfile {
  name: string;
  /** Budget in kroner (seed 000, 2024 figures moved to the current year). */
  budget: number;
  cases: number;
  caseworkers: number;
  /** Weighted active cases per caseworker the team plans for (see docs/flow.md for "active"). */
  caseloadNorm: number;
  /** Forecast ÷ budget the demo aims at: some teams above, some below, some "på nul". */
  forecastRatio: number;
  kinds: readonly (readonly [CaseKind, number])[];
  grants: readonly GrantProfile[];
  /** Share of grants going to internal providers ("internt før eksternt"). */
  internalShare: number;
  internalProviders: readonly string[];
  externalProviders: readonly string[];
  /** Share of cases in queue and active columns today; the rest are done. */
  queueShare: number;
  activeShare: number;
}

const HOUR_85: GrantProfile = {
  paragraph: '85', service: 'Socialpædagogisk støtte', unit: 'hour', takst: [470, 560], quantity: [2, 15], weight: 1,
};

export const DEPARTMENT_NAME = 'Voksensocialafdelingens Visitation';

export const TEAM_PROFILES: readonly TeamProfile[] = [
  {
    name: 'Team Botilbud', budget: 708_600_000, cases: 700, caseworkers: 8, caseloadNorm: 95, forecastRatio: 1.024,
    kinds: [['follow_up', 0.62], ['application', 0.28], ['complaint', 0.05], ['task', 0.05]],
    grants: [
      { paragraph: '108', service: 'Længerevarende botilbud', unit: 'day', takst: [1_900, 5_200], quantity: [1, 1], weight: 0.45 },
      { paragraph: '107', service: 'Midlertidigt botilbud', unit: 'day', takst: [1_800, 6_400], quantity: [1, 1], weight: 0.35 },
      { paragraph: '105', service: 'Almen bolig med § 85-støtte', unit: 'hour', takst: [470, 560], quantity: [12, 30], weight: 0.2 },
    ],
    internalShare: 0.68,
    internalProviders: ['Botilbud Søndergården (intern)', 'Bofællesskabet Lindholm (intern)', 'Botilbud Hasseris (intern)', 'Aalborg Kommune, Center for Botilbud'],
    externalProviders: ['Region Nordjylland, Bostedet Hammer Bakker', 'Opholdsstedet Kildebakken ApS', 'Fonden Bo-Nord', 'Privat botilbud Sæby Strand'],
    queueShare: 0.06, activeShare: 0.07,
  },
  {
    name: 'Team BPA', budget: 117_800_000, cases: 80, caseworkers: 3, caseloadNorm: 40, forecastRatio: 0.962,
    kinds: [['follow_up', 0.7], ['application', 0.2], ['complaint', 0.1]],
    grants: [
      { paragraph: '95-96', service: 'Borgerstyret personlig assistance', unit: 'hour', takst: [300, 360], quantity: [35, 150], weight: 1 },
    ],
    internalShare: 0.3,
    internalProviders: ['Aalborg Kommune, BPA-administration'],
    externalProviders: ['Hjælperordningen Nord ApS', 'BPA Danmark', 'Dansk Handicap Forbunds BPA-center'],
    queueShare: 0.06, activeShare: 0.1,
  },
  {
    name: 'Team Bostøtte', budget: 124_100_000, cases: 650, caseworkers: 8, caseloadNorm: 55, forecastRatio: 1.006,
    kinds: [['follow_up', 0.55], ['application', 0.35], ['complaint', 0.04], ['task', 0.06]],
    grants: [
      { ...HOUR_85, quantity: [2.5, 18] },
      { paragraph: '82b', service: 'Individuel tidsbegrænset støtte', unit: 'hour', takst: [470, 540], quantity: [1, 5], weight: 0.18, durationMonths: 6 },
      { paragraph: '82a', service: 'Gruppebaseret støtte', unit: 'week', takst: [900, 1_600], quantity: [1, 1], weight: 0.08, durationMonths: 6 },
    ],
    internalShare: 0.82,
    internalProviders: ['Bostøtten Aalborg Øst (intern)', 'Bostøtten Aalborg Vest (intern)', 'Bostøtten Nørresundby (intern)'],
    externalProviders: ['Støttecentret Limfjorden ApS', 'KFUM Socialt Arbejde', 'Nordjysk Bostøtte A/S'],
    queueShare: 0.09, activeShare: 0.07,
  },
  {
    name: 'Team Nyansøgning', budget: 48_700_000, cases: 2_224, caseworkers: 14, caseloadNorm: 100, forecastRatio: 0.978,
    kinds: [['application', 0.86], ['task', 0.08], ['complaint', 0.06]],
    grants: [
      { ...HOUR_85, quantity: [0.5, 4] },
      { paragraph: '82b', service: 'Individuel tidsbegrænset støtte', unit: 'hour', takst: [470, 540], quantity: [1, 3], weight: 0.3, durationMonths: 6 },
      { paragraph: '104', service: 'Aktivitets- og samværstilbud', unit: 'day', takst: [150, 320], quantity: [1, 1], weight: 0.08 },
      { paragraph: '103', service: 'Beskyttet beskæftigelse', unit: 'day', takst: [150, 300], quantity: [1, 1], weight: 0.05 },
    ],
    internalShare: 0.75,
    internalProviders: ['Bostøtten Aalborg Øst (intern)', 'Aktivitetscentret Vestbyen (intern)', 'Værkstedet Gl. Lindholm (intern)'],
    externalProviders: ['Støttecentret Limfjorden ApS', 'Den Sociale Virksomhed Nord', 'Blå Kors Nordjylland'],
    queueShare: 0.1, activeShare: 0.06,
  },
  {
    name: 'Team Housing First', budget: 61_900_000, cases: 350, caseworkers: 5, caseloadNorm: 50, forecastRatio: 1.043,
    kinds: [['follow_up', 0.5], ['application', 0.38], ['complaint', 0.04], ['task', 0.08]],
    grants: [
      { paragraph: '85', service: 'Intensiv bostøtte (ICM/CTI)', unit: 'hour', takst: [480, 560], quantity: [4, 18], weight: 0.75 },
      { paragraph: '107', service: 'Midlertidigt ophold, akutpladser', unit: 'day', takst: [1_400, 2_600], quantity: [1, 1], weight: 0.25, durationMonths: 4 },
    ],
    internalShare: 0.6,
    internalProviders: ['Housing First-teamet (intern)', 'Forsorgshjemmet Aalborg (intern)'],
    externalProviders: ['Kirkens Korshær Herberg', 'Projekt Udenfor', 'Reden Aalborg'],
    queueShare: 0.08, activeShare: 0.09,
  },
  {
    name: 'Team Merudgifter', budget: 6_000_000, cases: 300, caseworkers: 3, caseloadNorm: 50, forecastRatio: 0.996,
    kinds: [['application', 0.55], ['follow_up', 0.35], ['complaint', 0.1]],
    grants: [
      { paragraph: '100', service: 'Dækning af nødvendige merudgifter', unit: 'month', takst: [620, 3_500], quantity: [1, 1], weight: 1 },
    ],
    internalShare: 1,
    internalProviders: ['Aalborg Kommune, udbetaling'],
    externalProviders: [],
    queueShare: 0.08, activeShare: 0.07,
  },
  {
    name: 'Team Socialfaglige Vejledere', budget: 0, cases: 2_100, caseworkers: 12, caseloadNorm: 8, forecastRatio: 1,
    kinds: [['application', 0.55], ['task', 0.35], ['follow_up', 0.1]],
    grants: [],
    internalShare: 1,
    internalProviders: [],
    externalProviders: [],
    queueShare: 0.07, activeShare: 0.06,
  },
];

export const COLUMN_TEMPLATE = [
  { name: 'Indkommet', kind: 'queue', wipPerCaseworker: null },
  { name: 'Klar til sagsbehandling', kind: 'queue', wipPerCaseworker: null },
  { name: 'Udredning', kind: 'active', wipPerCaseworker: 3 },
  { name: 'Afventer oplysninger', kind: 'active', wipPerCaseworker: 2 },
  { name: 'Afgørelse', kind: 'active', wipPerCaseworker: 1.5 },
  { name: 'Afsluttet', kind: 'done', wipPerCaseworker: null },
] as const;

export const BLOCK_REASONS = [
  'Afventer lægeerklæring',
  'Afventer borgerens samtykke',
  'Afventer tilbud fra leverandør',
  'Afventer partshøring',
  'Afventer psykiatrisk udredning',
  'Venter på ledig plads',
  'Afventer værgemål',
];

export const FIRST_NAMES = [
  'Anne', 'Mette', 'Lene', 'Hanne', 'Susanne', 'Camilla', 'Louise', 'Maria', 'Katrine', 'Sofie', 'Ida', 'Helle',
  'Pia', 'Rikke', 'Tina', 'Line', 'Julie', 'Signe', 'Marianne', 'Birgitte', 'Lars', 'Jens', 'Peter', 'Michael',
  'Søren', 'Thomas', 'Henrik', 'Martin', 'Rasmus', 'Jesper', 'Anders', 'Mads', 'Kasper', 'Niels', 'Morten', 'Jakob',
];
export const LAST_NAMES = [
  'Nielsen', 'Jensen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen',
  'Jørgensen', 'Petersen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Poulsen', 'Johansen', 'Møller', 'Mortensen',
  'Kalstrup', 'Iversen', 'Frederiksen', 'Lund', 'Holm', 'Schmidt', 'Eriksen', 'Bach', 'Dahl', 'Vestergaard',
];
