// Who is signed in (as the host knows it), which team and view they look at. The team and view
// are remembered per device; the person is whoever the host's session says, nothing else.
import { create } from 'zustand';
import type { AuthPerson, AuthStatus } from '../../../shared/api/auth';
import { actsDepartmentWide } from '../../../shared/api/define';
import type { Person, Team } from '../../../shared/domain';
import type { WorkspaceInfo } from '../../../shared/api/methods/workspace';
import { api, authRequest, whenUnauthenticated } from '../api/client';

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

/** The Danish message of an auth reply that failed. */
export function authError(body: unknown): string {
  const error = (body as { error?: { message?: string } } | null)?.error;
  return error?.message ?? 'Ingen forbindelse til Flowtavle-værten. Prøv igen om lidt.';
}

export interface SessionState {
  ready: boolean;
  loadError: string | null;
  auth: AuthStatus | null;
  workspace: WorkspaceInfo | null;
  teams: Team[];
  /** The people the signed-in person may see: their team's, or everyone for department-wide roles. */
  people: Person[];
  actor: AuthPerson | null;
  teamId: number | null;
  view: string;
  load(): Promise<void>;
  /** Signs in; resolves to a Danish error message, or null on success. */
  signIn(login: string, password: string): Promise<string | null>;
  /** Runs another sign-in action (first administrator, set-up code); null on success. */
  authAction(action: 'first-administrator' | 'set-up', body: Record<string, string>): Promise<string | null>;
  signOut(): Promise<void>;
  chooseTeam(teamId: number): void;
  navigate(view: string): void;
}

export const useSession = create<SessionState>()((set, get) => ({
  ready: false,
  loadError: null,
  auth: null,
  workspace: null,
  teams: [],
  people: [],
  actor: null,
  teamId: null,
  view: typeof location === 'undefined' ? 'board' : routeFromHash(),

  async load() {
    const status = await authRequest('status');
    if (status.status !== 200) {
      set({ ready: true, loadError: authError(status.body) });
      return;
    }
    const auth = (status.body as { value: AuthStatus }).value;
    if (!auth.person) {
      set({ ready: true, loadError: null, auth, actor: null, workspace: null, people: [] });
      return;
    }
    const person = auth.person;
    const department = person.teamId === null || actsDepartmentWide(person.roles);
    const [workspace, teams, people] = await Promise.all([
      api.getWorkspace({}),
      api.listTeams({}),
      department || person.teamId === null ? api.listPeople({}) : api.listPeople({ teamId: person.teamId }),
    ]);
    if (!workspace.ok || !teams.ok) {
      const failed = [workspace, teams].find((e) => !e.ok);
      set({ loadError: failed && !failed.ok ? failed.error.message : 'Ukendt fejl', ready: true });
      return;
    }
    const storedTeam = readNumber(TEAM_KEY);
    // A team-bound person sees their own team; others keep the team they looked at last.
    const teamId = department
      ? teams.value.find((t) => t.id === storedTeam)?.id ?? person.teamId ?? teams.value[0]?.id ?? null
      : person.teamId;
    set({
      ready: true, loadError: null, auth, actor: person, workspace: workspace.value, teams: teams.value,
      people: people.ok ? people.value : [], teamId,
    });
  },

  async signIn(login, password) {
    const res = await authRequest('sign-in', { login, password });
    if (res.status !== 204) return authError(res.body);
    await get().load();
    return null;
  },

  async authAction(action, body) {
    const res = await authRequest(action, body);
    if (res.status !== 204) return authError(res.body);
    await get().load();
    return null;
  },

  async signOut() {
    await authRequest('sign-out');
    set({ actor: null, workspace: null, people: [] });
    await get().load();
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
  // The session ended on the host (signed out elsewhere, idle, password changed): back to sign-in.
  whenUnauthenticated(() => {
    if (useSession.getState().actor) void useSession.getState().load();
  });
}
