// Standup mode: the team's wall screen. Full screen over the app, sized from the viewport so it
// reads from 3 m at 1080p and 4K, never scrolls, rotates through the views the team picked, and
// shows only what the server sent after privacy redaction (db/service/wall.ts). The rules —
// urgency order, how many cards fit, keys, the timer — live in shared/wall.ts.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WallScreen } from '../../../../shared/api/methods/wall';
import { isMethodName } from '../../../../shared/api/contract';
import {
  availableWallViews, newTimer, rotationOf, stepView, timerLevel, timerRemaining, toggleTimer, formatClock,
  walkColumns, wallCommandForKey, type TimerState, type WallSettings, type WallViewId,
} from '../../../../shared/wall';
import { api, type ConnectionState } from '../../api/client';
import { useLive, useTeamRevision } from '../../stores/live';
import { useSession } from '../../stores/session';
import { PairingScreen, useDeviceStream } from './pairing';
import { BoardPanel, BottomLinePanel, CaseloadPanel, DeadlinesPanel, PlanPanel, PullListPanel, SprintPanel } from './panels';
import { SettingsDialog } from './SettingsDialog';
import { useWallUnit } from './useWallUnit';
import './wall.css';

/** The views whose feature is in this build (shared/wall.ts WALL_VIEW_SOURCES). */
const AVAILABLE = availableWallViews((m) => isMethodName(m));
/** Ageing and deadlines move at midnight even when nobody writes anything. */
const QUIET_RELOAD_MS = 5 * 60_000;

function teamFromHash(): number | null {
  const m = /[?&]team=(\d+)/.exec(location.hash);
  return m ? Number(m[1]) : null;
}

function clockTime(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/**
 * #/standup: a signed-in person sees the team they chose (or ?team=); a paired wall device sees the
 * team it was approved for and nothing else; a TV that is neither shows its pairing code.
 */
export default function StandupView() {
  const actor = useSession((s) => s.actor);
  const device = useSession((s) => s.auth?.device ?? null);
  if (actor) return <PersonStandup />;
  if (device) return <DeviceStandup teamId={device.teamId} />;
  return <PairingScreen />;
}

function PersonStandup() {
  const sessionTeam = useSession((s) => s.teamId);
  const teamId = teamFromHash() ?? sessionTeam;
  const revision = useTeamRevision(teamId);
  const connection = useLive((s) => s.connection);
  return <StandupScreen teamId={teamId} revision={revision} connection={connection} device={false} />;
}

function DeviceStandup({ teamId }: { teamId: number }) {
  const stream = useDeviceStream(teamId);
  return <StandupScreen teamId={teamId} revision={stream.revision} connection={stream.connection} device streamOpen={stream.open} />;
}

interface StandupScreenProps {
  teamId: number | null;
  revision: number;
  connection: ConnectionState;
  /** A paired wall device: read-only, no settings, nowhere to close to. */
  device: boolean;
  streamOpen?: boolean;
}

function StandupScreen({ teamId, revision, connection, device, streamOpen }: StandupScreenProps) {
  const { t } = useTranslation('wall');
  const navigate = useSession((s) => s.navigate);
  const unit = useWallUnit();

  const [settings, setSettings] = useState<WallSettings | null>(null);
  const [screen, setScreen] = useState<WallScreen | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [index, setIndex] = useState(0);
  const [paused, setPaused] = useState(false);
  const [shownAt, setShownAt] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  const [timer, setTimer] = useState<TimerState>(() => newTimer(15));
  const [walk, setWalk] = useState<number | null>(null);
  const [editing, setEditing] = useState(false);
  const [quietTick, setQuietTick] = useState(0);

  // The app's header and scrollbars give way to the wall while it is shown.
  useEffect(() => {
    document.documentElement.classList.add('wall-mode');
    return () => document.documentElement.classList.remove('wall-mode');
  }, []);

  useEffect(() => {
    if (teamId === null) return;
    let stale = false;
    void api.getWallSettings({ teamId }).then((r) => {
      if (stale) return;
      if (r.ok) {
        setSettings(r.value);
        setTimer((current) => (current.runningSince === null && current.usedMs === 0 ? newTimer(r.value.timerMinutes) : current));
      } else setError(r.error.message);
    });
    return () => {
      stale = true;
    };
  }, [teamId]);

  const privacy = settings?.privacy ?? true;
  useEffect(() => {
    if (teamId === null) return;
    let stale = false;
    void api.getWallScreen({ teamId, privacy }).then((r) => {
      if (stale) return;
      if (r.ok) {
        setScreen(r.value);
        setError(null);
      } else if (device && (r.error.code === 'unauthenticated' || r.error.code === 'forbidden')) {
        // The device was revoked or expired: back to the pairing screen.
        void useSession.getState().load();
      } else if (r.error.code !== 'internal') {
        setError(r.error.message);
      }
      // An 'internal' failure here is the host being away: keep showing the last data under the offline banner.
    });
    return () => {
      stale = true;
    };
  }, [teamId, privacy, revision, quietTick, device]);

  useEffect(() => {
    const quiet = setInterval(() => setQuietTick((n) => n + 1), QUIET_RELOAD_MS);
    const clock = setInterval(() => setNow(Date.now()), 500);
    return () => {
      clearInterval(quiet);
      clearInterval(clock);
    };
  }, []);

  const rotation = useMemo(() => rotationOf(settings?.views ?? ['board'], AVAILABLE), [settings]);
  const current: WallViewId = walk !== null ? 'board' : rotation[index % rotation.length]!;
  const intervalMs = (settings?.intervalSeconds ?? 60) * 1000;
  const walkable = useMemo(() => (screen ? walkColumns(screen.columns) : []), [screen]);

  const step = useCallback(
    (direction: 1 | -1) => {
      if (walk !== null) {
        const next = walk + direction;
        setWalk(next < 0 || next >= walkable.length ? null : next);
        return;
      }
      setIndex((i) => stepView(i % rotation.length, rotation.length, direction));
      setShownAt(Date.now());
    },
    [walk, walkable.length, rotation.length],
  );

  // Rotation: a view stays `intervalSeconds`, then the next; paused or walking, it stays.
  useEffect(() => {
    if (paused || walk !== null || editing || rotation.length < 2) return;
    if (now - shownAt >= intervalMs) step(1);
  }, [now, shownAt, intervalMs, paused, walk, editing, rotation.length, step]);

  const toggleFullscreen = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (editing || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA')) return;
      const command = wallCommandForKey(event.key);
      if (!command) return;
      event.preventDefault();
      switch (command) {
        case 'next':
          step(1);
          break;
        case 'previous':
          step(-1);
          break;
        case 'toggle_pause':
          setPaused((p) => !p);
          setShownAt(Date.now());
          break;
        case 'toggle_timer':
          setTimer((tm) => toggleTimer(tm, Date.now()));
          break;
        case 'reset_timer':
          setTimer(newTimer(settings?.timerMinutes ?? 15));
          break;
        case 'walk':
          setWalk((w) => (w === null && walkable.length > 0 ? 0 : null));
          break;
        case 'fullscreen':
          toggleFullscreen();
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editing, step, settings, walkable.length, toggleFullscreen]);

  const remaining = timerRemaining(timer, now);
  const timerRunning = timer.runningSince !== null;
  const secondsToNext = Math.max(0, Math.ceil((intervalMs - (now - shownAt)) / 1000));
  const walkColumnId = walk !== null ? walkable[walk]?.id ?? null : null;

  const style = { '--u': `${unit}px` } as React.CSSProperties;
  return (
    <div data-feature="wall"
      className="wall" style={style} data-view={current} data-privacy={screen?.privacy ? 'on' : 'off'}
      data-device={device ? 'on' : undefined} data-stream={device ? (streamOpen ? 'open' : 'closed') : undefined}
    >
      <header className="wall-bar">
        <div className="wall-title">
          <h1>{screen ? t('title', { team: screen.team.name }) : t('loading')}</h1>
          <p className="wall-subtitle">
            {walk !== null && walkable[walk]
              ? t('walking', { column: walkable[walk].name, index: walk + 1, count: walkable.length })
              : `${t(`views.${current}`)} · ${t('viewOf', { index: rotation.indexOf(current) + 1, count: rotation.length })}`}
          </p>
        </div>
        <div className="wall-status">
          <span className={`wall-privacy ${screen?.privacy === false ? 'off' : 'on'}`} role="status">
            {screen?.privacy === false ? t('privacyOff') : t('privacyOn')}
          </span>
          <span className="wall-rotation" aria-live="polite">
            {paused ? t('paused') : walk !== null || rotation.length < 2 ? '' : t('next', { seconds: secondsToNext })}
          </span>
        </div>
        <button
          type="button"
          className={`wall-timer ${timerLevel(remaining)} ${timerRunning ? 'running' : ''}`}
          onClick={() => setTimer((tm) => toggleTimer(tm, Date.now()))}
          title={t('timerTitle')}
        >
          <span className="wall-timer-label">{remaining < 0 ? t('timerOver') : t('timer')}</span>
          <span className="wall-timer-clock" data-testid="wall-timer">{formatClock(remaining)}</span>
        </button>
        <div className="wall-actions">
          <button type="button" onClick={() => setPaused((p) => !p)}>{paused ? t('buttons.resume') : t('buttons.pause')}</button>
          <button type="button" onClick={() => setWalk((w) => (w === null && walkable.length > 0 ? 0 : null))}>
            {walk === null ? t('buttons.walk') : t('buttons.stopWalk')}
          </button>
          {!device && <button type="button" onClick={() => setEditing(true)}>{t('buttons.settings')}</button>}
          <button type="button" onClick={toggleFullscreen}>{t('buttons.fullscreen')}</button>
          {!device && <button type="button" onClick={() => navigate('board')}>{t('buttons.close')}</button>}
        </div>
      </header>

      {!connection.online && (
        <div className="wall-offline" role="alert">{t('offlineSince', { time: clockTime(connection.since) })}</div>
      )}
      {error && <div className="wall-error" role="alert">{t('loadFailed', { message: error })}</div>}

      <main className="wall-stage" aria-label={t(`views.${current}`)}>
        {screen && current === 'board' && <BoardPanel screen={screen} unit={unit} walkColumnId={walkColumnId} />}
        {screen && current === 'pull_list' && <PullListPanel screen={screen} unit={unit} />}
        {screen && current === 'deadlines' && <DeadlinesPanel screen={screen} unit={unit} />}
        {screen && current === 'bottom_line' && <BottomLinePanel screen={screen} />}
        {screen && current === 'caseload' && <CaseloadPanel screen={screen} />}
        {screen && current === 'sprint_burnup' && <SprintPanel screen={screen} />}
        {screen && current === 'plan_kpis' && <PlanPanel screen={screen} />}
      </main>

      <footer className="wall-keys">{current === 'board' ? `${t('legend')} · ${t('keys')}` : t('keys')}</footer>

      {editing && !device && settings && screen && (
        <SettingsDialog
          settings={settings}
          teamName={screen.team.name}
          available={AVAILABLE}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setSettings(saved);
            setTimer((tm) => (tm.runningSince === null ? newTimer(saved.timerMinutes) : tm));
            setIndex(0);
            setShownAt(Date.now());
            setEditing(false);
          }}
        />
      )}
    </div>
  );
}
