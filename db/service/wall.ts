// The wall screen and LAN sharing in the store. getWallScreen redacts on the server: in privacy
// mode no citizen initials, names, notes or blocked reasons leave this file, and a read-only
// caller (a LAN viewer without the team PIN) gets privacy mode whatever it asks for.
import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Handlers } from '../../shared/api/dispatch';
import type { CallContext } from '../../shared/api/define';
import { ApiFailure } from '../../shared/api/envelope';
import type { LanSession, LanToken, WallColumn, WallPlan, WallPullItem, WallScreen, WallSprint, wallMethods } from '../../shared/api/methods/wall';
import { currentSprint } from '../../shared/sprints';
import type { Person } from '../../shared/domain';
import {
  DEFAULT_WALL_SETTINGS, WALL_CARDS_PER_COLUMN, parseWallViews, pinLockedUntil, pinProblem, toWallCard, wallOrder,
  type WallCard, type WallSettings,
} from '../../shared/wall';
import type { Db } from '../connection';
import { appendEvent } from '../events';
import { CARD_SELECT, COLUMN_COLUMNS, PERSON_COLUMNS, toCard, toColumn, toPerson, type CardRow, type ColumnRow, type PersonRow } from '../rows';
import type { ServiceContext } from './context';
import { economyHandlers } from './economy';
import { plansHandlers } from './plans';
import { pullListHandlers } from './pullList';

const DEADLINES_SHOWN = 30;
const PULL_ITEMS_SHOWN = 12;

interface SettingsRow {
  team_id: number; views: string; interval_seconds: number; timer_minutes: number; privacy: number;
  updated_at: string; updated_by_initials: string | null;
}

interface TokenRow {
  id: number; label: string; created_at: string; created_by_name: string | null; revoked_at: string | null;
  revoked_by_name: string | null; sessions: number; last_seen_at: string | null;
}

const toToken = (r: TokenRow): LanToken => ({
  id: r.id,
  label: r.label,
  createdAt: r.created_at,
  createdByName: r.created_by_name,
  revokedAt: r.revoked_at,
  revokedByName: r.revoked_by_name,
  sessions: r.sessions,
  lastSeenAt: r.last_seen_at,
});

const TOKENS_SQL = `
  SELECT t.id, t.label, t.created_at, c.name AS created_by_name, t.revoked_at, r.name AS revoked_by_name,
         (SELECT COUNT(*) FROM lan_sessions s WHERE s.token_id = t.id) AS sessions,
         (SELECT MAX(s.last_seen_at) FROM lan_sessions s WHERE s.token_id = t.id) AS last_seen_at
  FROM lan_tokens t LEFT JOIN people c ON c.id = t.created_by LEFT JOIN people r ON r.id = t.revoked_by
  ORDER BY t.id DESC`;

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** 32 random bytes, base64url: the shape shared/wall.ts LAN_TOKEN_PATTERN expects. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

function hashPin(pin: string, salt: string): string {
  return scryptSync(pin, salt, 32).toString('hex');
}

export function wallHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof wallMethods> {
  const { db } = ctx;
  const q = {
    team: db.prepare('SELECT id, name FROM teams WHERE id = ?'),
    columns: db.prepare(`SELECT ${COLUMN_COLUMNS} FROM board_columns WHERE team_id = ? ORDER BY position`),
    cards: db.prepare(`SELECT ${CARD_SELECT} FROM cases c JOIN citizens z ON z.id = c.citizen_id WHERE c.team_id = ?`),
    people: db.prepare(`SELECT ${PERSON_COLUMNS} FROM people`),
    person: db.prepare(`SELECT ${PERSON_COLUMNS} FROM people WHERE id = ? AND active = 1`),
    settings: db.prepare(
      `SELECT s.team_id, s.views, s.interval_seconds, s.timer_minutes, s.privacy, s.updated_at, p.initials AS updated_by_initials
       FROM wall_settings s LEFT JOIN people p ON p.id = s.updated_by WHERE s.team_id = ?`,
    ),
    saveSettings: db.prepare(
      `INSERT INTO wall_settings (team_id, views, interval_seconds, timer_minutes, privacy, updated_at, updated_by)
       VALUES (@teamId, @views, @intervalSeconds, @timerMinutes, @privacy, @at, @actor)
       ON CONFLICT (team_id) DO UPDATE SET views = excluded.views, interval_seconds = excluded.interval_seconds,
         timer_minutes = excluded.timer_minutes, privacy = excluded.privacy, updated_at = excluded.updated_at,
         updated_by = excluded.updated_by`,
    ),
    tokens: db.prepare(TOKENS_SQL),
    insertToken: db.prepare('INSERT INTO lan_tokens (token_hash, label, created_at, created_by) VALUES (?, ?, ?, ?)'),
    revokeToken: db.prepare('UPDATE lan_tokens SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL'),
    tokenExists: db.prepare('SELECT id FROM lan_tokens WHERE id = ?'),
    sessions: db.prepare(
      `SELECT s.id, s.token_id, t.label AS token_label, s.remote_address, s.user_agent, s.started_at, s.last_seen_at,
              s.requests, tm.name AS pin_team_name, s.pin_entered_at
       FROM lan_sessions s JOIN lan_tokens t ON t.id = s.token_id LEFT JOIN teams tm ON tm.id = s.pin_team_id
       ORDER BY s.id DESC LIMIT ?`,
    ),
    setPin: db.prepare(
      `INSERT INTO team_pins (team_id, salt, pin_hash, set_at, set_by) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (team_id) DO UPDATE SET salt = excluded.salt, pin_hash = excluded.pin_hash, set_at = excluded.set_at, set_by = excluded.set_by`,
    ),
    clearPin: db.prepare('DELETE FROM team_pins WHERE team_id = ?'),
    // A changed or cleared PIN ends what the old one unlocked.
    relockSessions: db.prepare('UPDATE lan_sessions SET pin_team_id = NULL, pin_entered_at = NULL WHERE pin_team_id = ?'),
  };
  const pullList = pullListHandlers(ctx).getPullList;
  const bottomLine = economyHandlers(ctx).getBottomLine;
  const plans = plansHandlers(ctx);

  /** Another feature's view for the wall; when it fails, the wall shows the rest. */
  function optional<T>(what: string, read: () => T): T | null {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof ApiFailure)) console.error(`[flowtavle] wall: ${what} unavailable:`, error);
      return null;
    }
  }

  function actor(call: CallContext): PersonRow {
    const row = call.actorId === null ? undefined : (q.person.get(call.actorId) as PersonRow | undefined);
    if (!row) throw new ApiFailure('forbidden', 'Vælg først, hvem du er.');
    return row;
  }

  /** LAN administration is for leaders at the host, never for a viewer on the network. */
  function requireLeader(call: CallContext): PersonRow {
    if (call.readOnly) throw new ApiFailure('read_only', 'LAN-deling kan kun administreres på værten.');
    const row = actor(call);
    if (row.role !== 'leader') throw new ApiFailure('forbidden', 'Kun en teamleder kan administrere LAN-deling.');
    return row;
  }

  function requireTeam(teamId: number): { id: number; name: string } {
    const team = q.team.get(teamId) as { id: number; name: string } | undefined;
    if (!team) throw new ApiFailure('not_found', 'Teamet findes ikke.', [{ field: 'teamId', message: 'Teamet findes ikke' }]);
    return team;
  }

  function settingsOf(teamId: number): WallSettings {
    const row = q.settings.get(teamId) as SettingsRow | undefined;
    if (!row) return { teamId, ...DEFAULT_WALL_SETTINGS, views: [...DEFAULT_WALL_SETTINGS.views], updatedAt: null, updatedByInitials: null };
    return {
      teamId,
      views: parseWallViews(row.views),
      intervalSeconds: row.interval_seconds,
      timerMinutes: row.timer_minutes,
      privacy: row.privacy === 1,
      updatedAt: row.updated_at,
      updatedByInitials: row.updated_by_initials,
    };
  }

  function tokenById(tokenId: number): LanToken {
    const row = (q.tokens.all() as TokenRow[]).find((t) => t.id === tokenId);
    if (!row) throw new ApiFailure('not_found', 'Adgangsnøglen findes ikke.', [{ field: 'tokenId', message: 'Findes ikke' }]);
    return toToken(row);
  }

  return {
    getWallScreen: ({ teamId, privacy: asked }, call) => {
      const team = requireTeam(teamId);
      const privacy = asked || call.readOnly === true;
      const today = ctx.today();
      const people = new Map((q.people.all() as PersonRow[]).map((r) => [r.id, toPerson(r) as Person]));
      const columns = (q.columns.all(teamId) as ColumnRow[]).map(toColumn);
      const kindOf = new Map(columns.map((c) => [c.id, c.kind]));
      const byColumn = new Map<number, WallCard[]>(columns.map((c) => [c.id, []]));
      for (const row of q.cards.all(teamId) as CardRow[]) {
        const card = toCard(row);
        byColumn.get(card.columnId)?.push(toWallCard(card, kindOf.get(card.columnId) ?? 'active', today, people, privacy));
      }
      const wallColumns: WallColumn[] = columns.map((c) => {
        const cards = wallOrder(byColumn.get(c.id) ?? [], c.kind);
        return {
          id: c.id,
          name: c.name,
          position: c.position,
          kind: c.kind,
          wipLimit: c.wipLimit,
          count: cards.length,
          blocked: cards.filter((x) => x.blocked).length,
          red: cards.filter((x) => x.deadline === 'red').length,
          ageing: cards.filter((x) => x.ageing === 'ageing' || x.ageing === 'stale').length,
          cards: cards.slice(0, WALL_CARDS_PER_COLUMN),
        };
      });
      const atRisk = columns
        .flatMap((c) => (byColumn.get(c.id) ?? []).map((card) => ({ ...card, columnName: c.name })))
        .filter((c) => c.deadline === 'red' || c.deadline === 'amber')
        .sort((a, b) => a.daysLeft! - b.daysLeft! || a.id - b.id);

      let pull: WallScreen['pullList'] = null;
      try {
        const list = pullList({ teamId }, call);
        pull = {
          total: list.items.length,
          items: list.items.slice(0, PULL_ITEMS_SHOWN).map((item): WallPullItem => ({
            position: item.position,
            caseNumber: item.caseNumber,
            kind: item.kind,
            paragraph: item.paragraph,
            classOfService: item.classOfService,
            daysToDeadline: item.daysToDeadline,
            waitingDays: item.waitingDays,
            ...(privacy ? {} : { reasons: item.reasons }),
          })),
        };
      } catch (error) {
        // The wall stays up with the views it can show; the pull list has its own page for errors.
        if (!(error instanceof ApiFailure)) console.error('[flowtavle] wall: pull list unavailable:', error);
      }
      const line = optional('bottom line', () => bottomLine({ asOf: today, teamId }, call).teams.find((t) => t.teamId === teamId) ?? null);
      const sprint = optional('sprint', (): WallSprint | null => {
        const current = currentSprint(plans.listSprints({ teamId }, call), today);
        if (!current) return null;
        const detail = plans.getSprint({ sprintId: current.id }, call);
        return { name: current.name, goal: current.goal, startDate: current.startDate, endDate: current.endDate, burnUp: detail.burnUp };
      });
      const plan = optional('plan', (): WallPlan | null => {
        const inForce = plans
          .listPlans({ teamId }, call)
          .filter((p) => p.periodStart <= today && today <= p.periodEnd)
          .sort((a, b) => b.periodStart.localeCompare(a.periodStart))[0];
        if (!inForce) return null;
        const detail = plans.getPlan({ planId: inForce.id }, call);
        return {
          title: detail.title,
          periodStart: detail.periodStart,
          periodEnd: detail.periodEnd,
          kpis: detail.goals.flatMap((g) => g.kpis.map((k) => ({
            id: k.id, goal: g.title, label: k.label, unit: k.unit, target: k.target, baseline: k.baseline, current: k.current, status: k.status, trend: k.trend,
          }))),
        };
      });
      return {
        team,
        today,
        privacy,
        columns: wallColumns,
        deadlines: atRisk.slice(0, DEADLINES_SHOWN),
        deadlinesTotal: atRisk.length,
        pullList: pull,
        bottomLine: line,
        sprint,
        plan,
      };
    },

    getWallSettings: ({ teamId }) => {
      requireTeam(teamId);
      return settingsOf(teamId);
    },

    saveWallSettings: (input, call) => {
      requireTeam(input.teamId);
      const who = actor(call);
      if (who.role !== 'leader' && who.team_id !== input.teamId) {
        throw new ApiFailure('forbidden', 'Kun teamets egne medarbejdere og ledere kan ændre teamets vægskærm.');
      }
      const before = settingsOf(input.teamId);
      const at = ctx.now().toISOString();
      q.saveSettings.run({
        teamId: input.teamId,
        views: JSON.stringify(input.views),
        intervalSeconds: input.intervalSeconds,
        timerMinutes: input.timerMinutes,
        privacy: input.privacy ? 1 : 0,
        at,
        actor: who.id,
      });
      const after = settingsOf(input.teamId);
      appendEvent(db, {
        at,
        actorId: who.id,
        entity: 'wall_settings',
        entityId: input.teamId,
        type: 'wall_settings_changed',
        from: JSON.stringify({ views: before.views, intervalSeconds: before.intervalSeconds, timerMinutes: before.timerMinutes, privacy: before.privacy }),
        to: JSON.stringify({ views: after.views, intervalSeconds: after.intervalSeconds, timerMinutes: after.timerMinutes, privacy: after.privacy }),
      });
      return after;
    },

    listLanTokens: (_input, call) => {
      requireLeader(call);
      return (q.tokens.all() as TokenRow[]).map(toToken);
    },

    createLanToken: ({ label }, call) => {
      const who = requireLeader(call);
      const token = newSecret();
      const at = ctx.now().toISOString();
      const tokenId = Number(q.insertToken.run(sha256(token), label, at, who.id).lastInsertRowid);
      appendEvent(db, { at, actorId: who.id, entity: 'lan_token', entityId: tokenId, type: 'lan_token_created', to: label });
      return { ...tokenById(tokenId), token };
    },

    revokeLanToken: ({ tokenId }, call) => {
      const who = requireLeader(call);
      if (!q.tokenExists.get(tokenId)) throw new ApiFailure('not_found', 'Adgangsnøglen findes ikke.', [{ field: 'tokenId', message: 'Findes ikke' }]);
      const at = ctx.now().toISOString();
      if (q.revokeToken.run(at, who.id, tokenId).changes === 1) {
        appendEvent(db, { at, actorId: who.id, entity: 'lan_token', entityId: tokenId, type: 'lan_token_revoked' });
      }
      return tokenById(tokenId);
    },

    listLanSessions: ({ limit }, call) => {
      requireLeader(call);
      return (q.sessions.all(limit) as {
        id: number; token_id: number; token_label: string; remote_address: string; user_agent: string | null;
        started_at: string; last_seen_at: string; requests: number; pin_team_name: string | null; pin_entered_at: string | null;
      }[]).map((r): LanSession => ({
        id: r.id,
        tokenId: r.token_id,
        tokenLabel: r.token_label,
        remoteAddress: r.remote_address,
        userAgent: r.user_agent,
        startedAt: r.started_at,
        lastSeenAt: r.last_seen_at,
        requests: r.requests,
        pinTeamName: r.pin_team_name,
        pinEnteredAt: r.pin_entered_at,
      }));
    },

    setTeamPin: ({ teamId, pin }, call) => {
      const who = requireLeader(call);
      requireTeam(teamId);
      const at = ctx.now().toISOString();
      if (pin === null || pin === '') {
        q.clearPin.run(teamId);
      } else {
        const problem = pinProblem(pin);
        if (problem) throw new ApiFailure('invalid_input', problem, [{ field: 'pin', message: problem }]);
        const salt = randomBytes(16).toString('hex');
        q.setPin.run(teamId, salt, hashPin(pin, salt), at, who.id);
      }
      q.relockSessions.run(teamId);
      // The PIN itself never reaches the log.
      appendEvent(db, { at, actorId: who.id, entity: 'team_pin', entityId: teamId, type: pin ? 'team_pin_set' : 'team_pin_cleared' });
      return { teamId, pinSet: Boolean(pin) };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The HTTP host's side of LAN sharing (electron/http/lan.ts): token checks, the session log, PINs.

export interface LanAccess {
  tokenId: number;
  sessionId: number;
  /** True until a team PIN was entered in this session. */
  readOnly: boolean;
  pinTeamId: number | null;
}

export interface LanStore {
  /** For the host itself (`serve --lan`, the CLI): no actor, so the event log records none. */
  createToken(label: string): LanToken & { token: string };
  listTokens(): LanToken[];
  /** False when the token did not exist or was revoked already. */
  revokeToken(tokenId: number): boolean;
  /** The token's id when it exists and is not revoked. */
  validToken(token: string): number | null;
  /** Logs a new session for a valid token; returns its secret (for the session cookie). */
  startSession(tokenId: number, remoteAddress: string, userAgent: string | null): { sessionId: number; secret: string };
  /** The session behind a cookie, when its token is still valid; counts the request. */
  touchSession(secret: string, tokenId: number): LanAccess | null;
  /** Checks a team PIN for a session; refuses while locked after too many wrong PINs. */
  enterPin(sessionId: number, teamId: number, pin: string): { ok: true } | { ok: false; reason: 'wrong' | 'no_pin' | 'locked'; lockedUntil?: string };
}

export function createLanStore(db: Db, now: () => Date = () => new Date()): LanStore {
  const q = {
    token: db.prepare('SELECT id FROM lan_tokens WHERE token_hash = ? AND revoked_at IS NULL'),
    insertSession: db.prepare(
      `INSERT INTO lan_sessions (token_id, session_hash, remote_address, user_agent, started_at, last_seen_at, requests)
       VALUES (?, ?, ?, ?, ?, ?, 1)`,
    ),
    session: db.prepare(
      `SELECT s.id, s.token_id, s.pin_team_id, s.pin_failures FROM lan_sessions s JOIN lan_tokens t ON t.id = s.token_id
       WHERE s.session_hash = ? AND t.revoked_at IS NULL`,
    ),
    touch: db.prepare('UPDATE lan_sessions SET last_seen_at = ?, requests = requests + 1 WHERE id = ?'),
    sessionById: db.prepare('SELECT pin_failures FROM lan_sessions WHERE id = ?'),
    pin: db.prepare('SELECT salt, pin_hash FROM team_pins WHERE team_id = ?'),
    failures: db.prepare('UPDATE lan_sessions SET pin_failures = ? WHERE id = ?'),
    unlock: db.prepare("UPDATE lan_sessions SET pin_team_id = ?, pin_entered_at = ?, pin_failures = '[]' WHERE id = ?"),
    tokens: db.prepare(TOKENS_SQL),
    insertToken: db.prepare('INSERT INTO lan_tokens (token_hash, label, created_at, created_by) VALUES (?, ?, ?, NULL)'),
    revokeToken: db.prepare('UPDATE lan_tokens SET revoked_at = ?, revoked_by = NULL WHERE id = ? AND revoked_at IS NULL'),
  };
  const listTokens = () => (q.tokens.all() as TokenRow[]).map(toToken);
  return {
    createToken(label) {
      const token = newSecret();
      const at = now().toISOString();
      const id = db.transaction(() => {
        const tokenId = Number(q.insertToken.run(sha256(token), label, at).lastInsertRowid);
        appendEvent(db, { at, actorId: null, entity: 'lan_token', entityId: tokenId, type: 'lan_token_created', to: label });
        return tokenId;
      })();
      return { ...listTokens().find((t) => t.id === id)!, token };
    },
    listTokens,
    revokeToken(tokenId) {
      const at = now().toISOString();
      return db.transaction(() => {
        if (q.revokeToken.run(at, tokenId).changes !== 1) return false;
        appendEvent(db, { at, actorId: null, entity: 'lan_token', entityId: tokenId, type: 'lan_token_revoked' });
        return true;
      })();
    },
    validToken(token) {
      const row = q.token.get(sha256(token)) as { id: number } | undefined;
      return row?.id ?? null;
    },
    startSession(tokenId, remoteAddress, userAgent) {
      const secret = newSecret();
      const at = now().toISOString();
      const sessionId = Number(q.insertSession.run(tokenId, sha256(secret), remoteAddress, userAgent?.slice(0, 300) ?? null, at, at).lastInsertRowid);
      return { sessionId, secret };
    },
    touchSession(secret, tokenId) {
      const row = q.session.get(sha256(secret)) as { id: number; token_id: number; pin_team_id: number | null } | undefined;
      // A session belongs to the token it started with; a cookie pair from two tokens is refused.
      if (!row || row.token_id !== tokenId) return null;
      q.touch.run(now().toISOString(), row.id);
      return { tokenId, sessionId: row.id, readOnly: row.pin_team_id === null, pinTeamId: row.pin_team_id };
    },
    enterPin(sessionId, teamId, pin) {
      const nowMs = now().getTime();
      const raw = (q.sessionById.get(sessionId) as { pin_failures: string } | undefined)?.pin_failures ?? '[]';
      const failures = (JSON.parse(raw) as number[]).filter((t) => typeof t === 'number');
      const locked = pinLockedUntil(failures, nowMs);
      if (locked !== null && locked > nowMs) return { ok: false, reason: 'locked', lockedUntil: new Date(locked).toISOString() };
      const stored = q.pin.get(teamId) as { salt: string; pin_hash: string } | undefined;
      if (!stored) return { ok: false, reason: 'no_pin' };
      const given = Buffer.from(hashPin(pin, stored.salt), 'hex');
      const expected = Buffer.from(stored.pin_hash, 'hex');
      if (given.length === expected.length && timingSafeEqual(given, expected)) {
        q.unlock.run(teamId, now().toISOString(), sessionId);
        return { ok: true };
      }
      const next = [...failures, nowMs].slice(-20);
      q.failures.run(JSON.stringify(next), sessionId);
      const lockedNow = pinLockedUntil(next, nowMs);
      return lockedNow !== null ? { ok: false, reason: 'locked', lockedUntil: new Date(lockedNow).toISOString() } : { ok: false, reason: 'wrong' };
    },
  };
}
