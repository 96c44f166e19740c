import type { Dictionary } from './da';

export const en: Dictionary = {
  app: {
    title: 'Flowtavle',
    demo: 'Demo',
    demoTitle: 'Demo data – fictitious cases and citizens',
    loading: 'Loading …',
    retry: 'Try again',
    close: 'Close',
    cancel: 'Cancel',
    save: 'Save',
    language: 'Language',
    offlineSince: 'Offline since {{time}} – trying to reconnect',
    errorTitle: 'Something went wrong',
  },
  nav: {
    label: 'Main menu',
    board: 'Board',
  },
  identity: {
    title: 'Who is using Flowtavle?',
    intro: 'Pick yourself so your changes are recorded in your name. The choice is remembered on this device.',
    search: 'Search by name or initials',
    you: 'You are',
    change: 'Change user',
    none: 'No staff match the search.',
    noTeam: 'No team',
    roles: { caseworker: 'Caseworker', leader: 'Leader', secretariat: 'Secretariat' },
  },
  team: {
    label: 'Team',
  },
  kinds: { application: 'Application', follow_up: 'Follow-up', complaint: 'Complaint', task: 'Task' },
  classes: { urgent: 'Urgent', fixed_date: 'Fixed date', standard: 'Standard', can_wait: 'Can wait' },
  units: { hour: 'hour', day: 'day', week: 'week', month: 'month', year: 'year' },
  errors: {
    generic: 'The action failed: {{message}}',
  },
};
