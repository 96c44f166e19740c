// Danish is the first language; every key here must exist in en.ts too (a test checks).
export const da = {
  app: {
    title: 'Flowtavle',
    demo: 'Demo',
    demoTitle: 'Demodata – opdigtede sager og borgere',
    loading: 'Henter …',
    retry: 'Prøv igen',
    close: 'Luk',
    cancel: 'Annullér',
    save: 'Gem',
    language: 'Sprog',
    offlineSince: 'Offline siden {{time}} – forsøger at genoprette forbindelsen',
    errorTitle: 'Noget gik galt',
  },
  nav: {
    label: 'Hovedmenu',
    board: 'Tavle',
  },
  identity: {
    title: 'Hvem bruger Flowtavle?',
    intro: 'Vælg dig selv, så dine ændringer registreres i dit navn. Valget huskes på denne enhed.',
    search: 'Søg efter navn eller initialer',
    you: 'Du er',
    change: 'Skift bruger',
    none: 'Ingen medarbejdere matcher søgningen.',
    noTeam: 'Uden team',
    roles: { caseworker: 'Rådgiver', leader: 'Leder', secretariat: 'Sekretariat' },
  },
  team: {
    label: 'Team',
  },
  kinds: { application: 'Ansøgning', follow_up: 'Opfølgning', complaint: 'Klage', task: 'Opgave' },
  classes: { urgent: 'Akut', fixed_date: 'Fast dato', standard: 'Standard', can_wait: 'Kan vente' },
  units: { hour: 'time', day: 'dag', week: 'uge', month: 'måned', year: 'år' },
  errors: {
    generic: 'Handlingen mislykkedes: {{message}}',
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Dictionary = Widen<typeof da>;
