// Who is using the app, which team and view they look at. Remembered per device.
import { create } from 'zustand';
import type { Person, Team } from '../../../shared/domain';
import type { WorkspaceInfo } from '../../../shared/api/methods/workspace';
import { api, setActor } from '../api/client';

const ACTOR_KEY = 'flowtavle.actorId';
const TEAM_KEY = 'flowtavle.teamId';

function readNumber(key: string): number | null {
  try {
    const raw = localStorage.getItem(key);
    return raw && /^\d+$/.test(raw) ? Number(raw) : null;
  } catch {
    return null;
  }
}

function writeNumber(key: string, value: number | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, String(value));
  } catch {
    // Storage unavailable: the choice lasts for this session only.
  }
}

function routeFromHash(): string {
  const id = location.hash.replace(/^#\/?/, '').split('?')[0];
  return id || 'board';
}

export interface SessionState {
  ready: boolean;
  loadError: string | null;
  workspace: WorkspaceInfo | null;
  teams: Team[];
  people: Person[];
  actor: Person | null;
  teamId: number | null;
  view: string;
  load(): Promise<void>;
  chooseActor(person: Person | null): void;
  chooseTeam(teamId: number): void;
  navigate(view: string): void;
}

export const useSession = create<SessionState>()((set, get) => ({
  ready: false,
  loadError: null,
  workspace: null,
  teams: [],
  people: [],
  actor: null,
  teamId: null,
  view: typeof location === 'undefined' ? 'board' : routeFromHash(),

  async load() {
    const [workspace, teams, people] = await Promise.all([api.getWorkspace({}), api.listTeams({}), api.listPeople({})]);
    if (!workspace.ok || !teams.ok || !people.ok) {
      const failed = [workspace, teams, people].find((e) => !e.ok);
      set({ loadError: failed && !failed.ok ? failed.error.message : 'Ukendt fejl', ready: true });
      return;
    }
    const actorId = readNumber(ACTOR_KEY);
    const actor = people.value.find((p) => p.id === actorId) ?? null;
    setActor(actor?.id ?? null);
    const storedTeam = readNumber(TEAM_KEY);
    const teamId =
      teams.value.find((t) => t.id === storedTeam)?.id ?? actor?.teamId ?? teams.value[0]?.id ?? null;
    set({ ready: true, loadError: null, workspace: workspace.value, teams: teams.value, people: people.value, actor, teamId });
  },

  chooseActor(person) {
    writeNumber(ACTOR_KEY, person?.id ?? null);
    setActor(person?.id ?? null);
    const teamId = person?.teamId ?? get().teamId;
    if (person?.teamId) writeNumber(TEAM_KEY, person.teamId);
    set({ actor: person, teamId });
  },

  chooseTeam(teamId) {
    writeNumber(TEAM_KEY, teamId);
    set({ teamId });
  },

  navigate(view) {
    if (location.hash !== `#/${view}`) location.hash = `#/${view}`;
    set({ view });
  },
}));

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => useSession.setState({ view: routeFromHash() }));
}
