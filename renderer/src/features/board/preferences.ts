// How a user likes to see a board — filters, swimlanes, folded lanes — remembered per user and
// per team board on this device.
import { useCallback, useEffect, useState } from 'react';
import {
  EMPTY_FILTER, filterStorageKey, parseFilter, SWIMLANE_MODES, type BoardFilter, type SwimlaneMode,
} from '../../../../shared/board';

export interface BoardPreferences {
  filter: BoardFilter;
  lanes: SwimlaneMode;
  collapsed: string[];
  setFilter(change: Partial<BoardFilter>): void;
  clearFilter(): void;
  setLanes(mode: SwimlaneMode): void;
  toggleLane(key: string): void;
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage unavailable (private mode): the preference lasts for this session.
  }
}

interface Stored {
  filter: BoardFilter;
  lanes: SwimlaneMode;
  collapsed: string[];
}

function load(actorId: number | null, teamId: number | null): Stored {
  if (teamId === null) return { filter: { ...EMPTY_FILTER }, lanes: 'none', collapsed: [] };
  const base = filterStorageKey(actorId, teamId);
  const lanes = read(`${base}.lanes`);
  let collapsed: string[] = [];
  try {
    const raw = JSON.parse(read(`${base}.collapsed`) ?? '[]') as unknown;
    if (Array.isArray(raw)) collapsed = raw.filter((x): x is string => typeof x === 'string');
  } catch {
    collapsed = [];
  }
  return {
    filter: parseFilter(read(base)),
    lanes: SWIMLANE_MODES.includes(lanes as SwimlaneMode) ? (lanes as SwimlaneMode) : 'none',
    collapsed,
  };
}

export function useBoardPreferences(actorId: number | null, teamId: number | null): BoardPreferences {
  const [state, setState] = useState<Stored>(() => load(actorId, teamId));
  const [owner, setOwner] = useState({ actorId, teamId });
  // Another user or board: their own preferences.
  if (owner.actorId !== actorId || owner.teamId !== teamId) {
    setOwner({ actorId, teamId });
    setState(load(actorId, teamId));
  }
  useEffect(() => {
    if (teamId === null) return;
    const base = filterStorageKey(actorId, teamId);
    write(base, JSON.stringify(state.filter));
    write(`${base}.lanes`, state.lanes);
    write(`${base}.collapsed`, JSON.stringify(state.collapsed));
  }, [state, actorId, teamId]);

  const setFilter = useCallback((change: Partial<BoardFilter>) => setState((s) => ({ ...s, filter: { ...s.filter, ...change } })), []);
  const clearFilter = useCallback(() => setState((s) => ({ ...s, filter: { ...EMPTY_FILTER } })), []);
  const setLanes = useCallback((lanes: SwimlaneMode) => setState((s) => ({ ...s, lanes })), []);
  const toggleLane = useCallback(
    (key: string) => setState((s) => ({ ...s, collapsed: s.collapsed.includes(key) ? s.collapsed.filter((k) => k !== key) : [...s.collapsed, key] })),
    [],
  );
  return { ...state, setFilter, clearFilter, setLanes, toggleLane };
}
