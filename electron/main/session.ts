// The desktop app's sessions: Electron main is the host for its own windows, as the HTTP host is
// for browsers. Each window (webContents) has at most one session token, kept here and never
// handed to the renderer; the renderer's calls carry no actor, main turns the window's token into
// a principal and the dispatcher enforces the contract's access rules exactly as for HTTP.
//
// The wall-screen kiosk window never shares the signed-in person's session. It is paired like any
// TV: the standup route asks auth('pair') through the bridge, shows its code, and a leader approves
// it for one team in the app (Enheder). We chose pairing over a device session minted from the
// leader's own window because it needs no second approval path: the device, its expiry and its
// revocation are the same records as for a browser TV, and a leader who signs out does not take the
// TV down with them. Its token lives in a slot of its own that outlives the window (closing the
// kiosk to move it to another display must not force a new pairing), and that slot may only ask for
// the status and pairing actions, so nobody can sign in with a password on the TV.
import type { Service } from '../../db/service';
import type { Source } from '../../db/auth';
import type { AuthResponse, ChangeNotice } from '../../shared/api/client';
import type { CallContext } from '../../shared/api/define';
import { saying, type Envelope } from '../../shared/api/envelope';
import { AUTH_ACTIONS, runAuthAction, type AuthAction } from '../auth/actions';

export const CALL_CHANNEL = 'flowtavle:call';
export const AUTH_CHANNEL = 'flowtavle:auth';
export const CHANGED_CHANNEL = 'flowtavle:changed';

/** What main needs of a webContents (Electron's WebContents satisfies it; tests pass a stand-in). */
export interface WindowContents {
  readonly id: number;
  send(channel: string, ...args: unknown[]): void;
  once(event: 'destroyed', listener: () => void): unknown;
  isDestroyed(): boolean;
}

/** What main needs of an IPC invoke event. */
export interface InvokeEvent {
  sender: WindowContents;
  senderFrame?: { url: string } | null;
}

/** What main needs of ipcMain. */
export interface IpcRegistry {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface DesktopSessionOptions {
  /** The app's own page; calls from any other frame are refused before anything else. */
  isTrustedFrame(url: string): boolean;
  /** The wall-screen kiosk window: paired as a device, never signed in as a person. */
  isWallWindow?(contents: WindowContents): boolean;
}

export const DESKTOP_SOURCE: Source = { address: 'desktop', userAgent: 'Flowtavle desktop' };

const WALL_SLOT = 'wall';
/** The kiosk may learn whether it is paired and ask to be paired; nothing else. */
const WALL_ACTIONS: readonly AuthAction[] = ['status', 'pair'];

interface Slot {
  token: string | null;
  /** True while the last look at the token found a live session: change notices go only there. */
  live: boolean;
  /** That session's id, to recognise it when the store says which sessions ended. */
  sessionId: string | null;
  /** The windows using this slot (one, except the wall slot across a replaced kiosk window). */
  windows: Set<WindowContents>;
}

const UNTRUSTED_FRAME: Envelope<never> = { ok: false, error: { code: 'forbidden', ...saying('host.untrustedFrame') } };

function refusal(status: number, code: string, message: string): AuthResponse {
  return { status, body: { ok: false, error: { code, message } } };
}

export interface DesktopSessions {
  call(event: InvokeEvent, method: unknown, input: unknown): Envelope<unknown>;
  auth(event: InvokeEvent, action: unknown, body: unknown): Promise<AuthResponse>;
  /** Sends a committed change to every window with a live session. */
  notify(notice: ChangeNotice): void;
  /** True when the window has a live session (for tests and the menu). */
  hasLiveSession(contents: WindowContents): boolean;
  dispose(): void;
}

export function createDesktopSessions(service: Service, options: DesktopSessionOptions): DesktopSessions {
  const slots = new Map<string, Slot>();

  const slotKey = (contents: WindowContents) => (options.isWallWindow?.(contents) ? WALL_SLOT : `window:${contents.id}`);

  function slotOf(contents: WindowContents): Slot {
    const key = slotKey(contents);
    let slot = slots.get(key);
    if (!slot) {
      slot = { token: null, live: false, sessionId: null, windows: new Set() };
      slots.set(key, slot);
    }
    if (!slot.windows.has(contents)) {
      slot.windows.add(contents);
      contents.once('destroyed', () => forget(key, contents));
    }
    return slot;
  }

  /**
   * A closed main window takes its session with it: nothing can present the token again, so the
   * session is ended rather than left open until the idle timeout. The wall slot stays (see top).
   */
  function forget(key: string, contents: WindowContents): void {
    const slot = slots.get(key);
    if (!slot) return;
    slot.windows.delete(contents);
    if (slot.windows.size > 0 || key === WALL_SLOT) return;
    slots.delete(key);
    if (slot.token) {
      try {
        service.auth.signOut(slot.token);
      } catch {
        // The store is already closed (the app is quitting): the session ends with the idle timeout.
      }
    }
  }

  function contextOf(slot: Slot): CallContext | null {
    const principal = slot.token ? service.auth.principalOf(slot.token) : null;
    if (!principal || principal.kind === 'system') {
      slot.live = false;
      return null;
    }
    slot.live = true;
    slot.sessionId = principal.sessionId;
    return { actorId: principal.kind === 'person' ? principal.personId : null, principal };
  }

  const trusted = (event: InvokeEvent) => options.isTrustedFrame(event.senderFrame?.url ?? '');

  function tell(slot: Slot, notice: ChangeNotice): void {
    for (const contents of slot.windows) if (!contents.isDestroyed()) contents.send(CHANGED_CHANNEL, notice);
  }

  // Sessions ended here (sign-out elsewhere, password change, revoked device, idle): the window
  // forgets its token and is told at once, so its views reload, get 'unauthenticated' and the
  // renderer goes back to the sign-in (or pairing) screen. A session ended by another process (the
  // CLI on the same file) is noticed on the window's next call instead.
  const stopListening = service.auth.onSessionsEnded((ids) => {
    const ended = new Set(ids.map(String));
    for (const slot of slots.values()) {
      if (!slot.token || slot.sessionId === null || !ended.has(slot.sessionId)) continue;
      const wasLive = slot.live;
      slot.token = null;
      slot.live = false;
      slot.sessionId = null;
      if (wasLive) tell(slot, { seq: -1, method: 'session_ended', at: new Date().toISOString(), scope: 'store', caseIds: [], teamIds: [] });
    }
  });

  return {
    call(event, method, input) {
      if (!trusted(event)) return UNTRUSTED_FRAME;
      if (typeof method !== 'string') return { ok: false, error: { code: 'unknown_method', ...saying('host.unknownMethod') } };
      // Whatever else the renderer sends (an "actorId", a principal) is not even looked at.
      return service.dispatch(method, input, contextOf(slotOf(event.sender)));
    },

    async auth(event, action, body) {
      if (!trusted(event)) return { status: 403, body: UNTRUSTED_FRAME };
      if (typeof action !== 'string' || !(AUTH_ACTIONS as readonly string[]).includes(action)) {
        return refusal(404, 'unknown_method', 'Ukendt handling.');
      }
      const slot = slotOf(event.sender);
      const isWall = slotKey(event.sender) === WALL_SLOT;
      if (isWall && !WALL_ACTIONS.includes(action as AuthAction)) {
        return refusal(403, 'forbidden', 'Vægskærmen parres af en leder; her kan ingen logge ind.');
      }
      const reply = await runAuthAction(service, action as AuthAction, body, DESKTOP_SOURCE, slot.token);
      if (reply.token !== undefined) {
        // Signing in as someone else in the same window ends the session it replaces.
        const replaced = slot.token;
        slot.token = reply.token;
        slot.sessionId = null;
        if (replaced && reply.token && replaced !== reply.token) service.auth.signOut(replaced);
      }
      // Learn whether the (new) token is a live session: a pending TV's is not until approved.
      contextOf(slot);
      // The token stays in main: the renderer gets the status and the body, nothing else.
      return { status: reply.status, body: reply.body };
    },

    notify(notice) {
      for (const slot of slots.values()) if (slot.live) tell(slot, notice);
    },

    hasLiveSession(contents) {
      return slots.get(slotKey(contents))?.live ?? false;
    },

    dispose() {
      stopListening();
      slots.clear();
    },
  };
}

/** Wires the two IPC channels and the change notices; returns the undo. */
export function registerSessionIpc(ipc: IpcRegistry, service: Service, options: DesktopSessionOptions): DesktopSessions {
  const sessions = createDesktopSessions(service, options);
  ipc.handle(CALL_CHANNEL, (event, method, input) => sessions.call(event, method, input));
  ipc.handle(AUTH_CHANNEL, (event, action, body) => sessions.auth(event, action, body));
  const unsubscribe = service.subscribe((notice) => sessions.notify(notice));
  const dispose = sessions.dispose;
  sessions.dispose = () => {
    unsubscribe();
    ipc.removeHandler(CALL_CHANNEL);
    ipc.removeHandler(AUTH_CHANNEL);
    dispose();
  };
  return sessions;
}
