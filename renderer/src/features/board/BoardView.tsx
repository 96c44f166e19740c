import {
  DndContext, DragOverlay, MeasuringStrategy, useSensor, useSensors,
  type Announcements, type DragEndEvent, type DragOverEvent, type DragStartEvent,
} from '@dnd-kit/core';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  activeCardsHeld, cardMatches, groupIntoLanes, isFilterActive, laneChangeFor, type Lane, type SwimlaneMode,
} from '../../../../shared/board';
import { localToday } from '../../../../shared/dates';
import { formatNumber } from '../../../../shared/format';
import type { BoardColumn, CaseCard, Person } from '../../../../shared/domain';
import { api } from '../../api/client';
import { cardSelector, focusAfter, isTyping } from '../../components/focusAfter';
import { useLoaded } from '../../components/useLoaded';
import { onNotice } from '../../stores/live';
import { useCan } from '../../stores/permissions';
import { useSession } from '../../stores/session';
import './board.css';
import { useBoardStore } from './boardStore';
import { CardFace } from './Card';
import { Cell } from './Cell';
import { useBoardKeyboard } from './keyboardNav';
import {
  boardCollision, boardKeyboardCoordinates, KeyboardSensor, MouseAndPenSensor, pointerActivation, touchActivation, TouchSensor,
  type DropData,
} from './dnd';
import { Notice } from './Notice';
import { Toolbar } from './Toolbar';
import { useBoardPreferences } from './preferences';
import { WipDialog } from './WipDialog';

const CardDetail = lazy(() => import('./CardDetail'));
const SettingsDialog = lazy(() => import('./SettingsDialog'));

export default function BoardView() {
  const { t } = useTranslation('board');
  const teamId = useSession((s) => s.teamId);
  const canEditColumns = useCan('addColumn', teamId);
  const actor = useSession((s) => s.actor);
  const allPeople = useSession((s) => s.people);
  const today = useSession((s) => s.workspace?.today) ?? localToday();
  const board = useBoardStore((s) => s.board);
  const error = useBoardStore((s) => s.error);
  const load = useBoardStore((s) => s.load);
  const follow = useBoardStore((s) => s.follow);
  const move = useBoardStore((s) => s.move);
  const setDropTarget = useBoardStore((s) => s.setDropTarget);
  const selectedCaseId = useBoardStore((s) => s.selectedCaseId);
  const undo = useBoardStore((s) => s.undo);
  const redo = useBoardStore((s) => s.redo);
  const wipOpen = useBoardStore((s) => s.wipRequest !== null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [activeCaseId, setActiveCaseId] = useState<number | null>(null);
  const prefs = useBoardPreferences(actor?.id ?? null, teamId);
  const { filter, lanes: laneMode, collapsed } = prefs;

  // Loaded once per team, then kept current from the change notices: a move elsewhere fetches
  // only the moved card, another team's change nothing (shared/boardSync.ts).
  useEffect(() => {
    if (teamId !== null) void load(teamId);
  }, [teamId, load]);
  useEffect(() => follow(onNotice), [follow]);

  // Sprint lanes need to know which cases the current and next sprint hold.
  const sprintLanes = useLoaded(laneMode === 'sprint' && teamId !== null ? () => api.getSprintLanes({ teamId }) : null, `sprint-lanes ${teamId}`, { keepPrevious: true }).data;

  // Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) anywhere on the board, except while typing or in a dialog.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      if (isTyping(e.target) || (e.target as HTMLElement | null)?.closest?.('[role="dialog"]')) return;
      const key = e.key.toLowerCase();
      // The card the step belongs to may remount in another cell; focus follows it there.
      const { history } = useBoardStore.getState();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        const caseId = history.past.at(-1)?.caseId;
        void undo().then(() => caseId !== undefined && focusAfter(cardSelector(caseId)));
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault();
        const caseId = history.future.at(-1)?.caseId;
        void redo().then(() => caseId !== undefined && focusAfter(cardSelector(caseId)));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);

  const peopleById = useMemo(() => {
    const map = new Map<number, Person>(allPeople.map((p) => [p.id, p]));
    for (const p of board?.people ?? []) map.set(p.id, p);
    return map;
  }, [allPeople, board?.people]);

  const columns = board?.columns;
  const kindOf = useMemo(() => {
    const kinds = new Map((columns ?? []).map((c) => [c.id, c.kind]));
    return (columnId: number) => kinds.get(columnId) ?? 'queue';
  }, [columns]);

  const filtering = isFilterActive(filter);
  const visible = useMemo(() => {
    if (!board) return [];
    if (!filtering) return board.cards;
    return board.cards.filter((c) => cardMatches(c, filter, { today, actorId: actor?.id ?? null, kindOf }));
  }, [board, filter, filtering, today, actor?.id, kindOf]);

  const lanes = useMemo(() => {
    const grouped = groupIntoLanes(visible, laneMode, board?.people ?? [], sprintLanes);
    return grouped.map((lane) => {
      const byColumn = new Map<number, CaseCard[]>();
      for (const card of lane.cards) {
        const list = byColumn.get(card.columnId);
        if (list) list.push(card);
        else byColumn.set(card.columnId, [card]);
      }
      return { lane, byColumn };
    });
  }, [visible, laneMode, board?.people, sprintLanes]);

  const loaded = useMemo(() => {
    const map = new Map<number, number>();
    for (const card of board?.cards ?? []) map.set(card.columnId, (map.get(card.columnId) ?? 0) + 1);
    return map;
  }, [board?.cards]);
  // Open columns are loaded whole (their count follows this client's moves at once); a done
  // column holds only its latest closed cards, so its count is the store's.
  const totals = useMemo(() => {
    const map = new Map(loaded);
    for (const column of board?.columns ?? []) {
      if (column.kind === 'done') map.set(column.id, Math.max(board?.columnCounts[column.id] ?? 0, loaded.get(column.id) ?? 0));
    }
    return map;
  }, [loaded, board?.columns, board?.columnCounts]);
  const shownPerColumn = useMemo(() => {
    const map = new Map<number, number>();
    for (const card of visible) map.set(card.columnId, (map.get(card.columnId) ?? 0) + 1);
    return map;
  }, [visible]);

  // Announcements read the board as it is at the moment they are spoken.
  const gridRef = useRef<HTMLDivElement>(null);
  const keyboard = useBoardKeyboard(gridRef);
  const boardRef = useRef(board);
  boardRef.current = board;
  const peopleRef = useRef(peopleById);
  peopleRef.current = peopleById;
  const describe = useCallback((caseId: number) => boardRef.current?.cards.find((c) => c.id === caseId), []);
  const columnName = useCallback((columnId: number) => boardRef.current?.columns.find((c) => c.id === columnId)?.name ?? '', []);
  const laneLabel = useCallback((key: string) => {
    const [kind, value] = key.split(':');
    if (kind === 'class') return t(`translation:classes.${value}`);
    if (value === 'none') return t('lane.unassigned');
    return peopleRef.current.get(Number(value))?.name ?? t('lane.unknownPerson', { id: value });
  }, [t]);
  const caseIdOf = (id: string | number) => Number(String(id).replace(/^card:/, ''));
  const announcements: Announcements = useMemo(() => ({
    onDragStart: ({ active }) => {
      const card = describe(caseIdOf(active.id));
      return t('dnd.lifted', { card: card?.caseNumber, column: columnName(card?.columnId ?? 0) });
    },
    onDragOver: ({ active, over }) => {
      const card = describe(caseIdOf(active.id));
      const data = over?.data.current as DropData | undefined;
      if (!data) return t('dnd.notOver', { card: card?.caseNumber });
      const where = data.type === 'card'
        ? t('dnd.overCard', { card: card?.caseNumber, column: columnName(data.columnId), other: describe(data.caseId)?.caseNumber })
        : t('dnd.overColumn', { card: card?.caseNumber, column: columnName(data.columnId) });
      return data.laneKey === 'all' ? where : `${where} ${t('dnd.inLane', { lane: laneLabel(data.laneKey) })}`;
    },
    onDragEnd: ({ active, over }) => {
      const card = describe(caseIdOf(active.id));
      const data = over?.data.current as DropData | undefined;
      if (!data) return t('dnd.droppedNowhere', { card: card?.caseNumber });
      return t('dnd.dropped', { card: card?.caseNumber, column: columnName(data.columnId) });
    },
    onDragCancel: ({ active }) => {
      const card = describe(caseIdOf(active.id));
      return t('dnd.cancelled', { card: card?.caseNumber, column: columnName(card?.columnId ?? 0) });
    },
  }), [t, describe, columnName, laneLabel]);

  const sensors = useSensors(
    useSensor(MouseAndPenSensor, { activationConstraint: pointerActivation }),
    useSensor(TouchSensor, { activationConstraint: touchActivation }),
    useSensor(KeyboardSensor, {
      coordinateGetter: boardKeyboardCoordinates,
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
    }),
  );

  const onDragStart = (e: DragStartEvent) => setActiveCaseId((e.active.data.current as DropData & { caseId: number }).caseId);
  const onDragOver = (e: DragOverEvent) => {
    const data = e.over?.data.current as DropData | undefined;
    setDropTarget(!data ? null : data.type === 'card' ? data.caseId : String(e.over!.id));
  };
  const onDragEnd = (e: DragEndEvent) => {
    setDropTarget(null);
    setActiveCaseId(null);
    const data = e.over?.data.current as DropData | undefined;
    const caseId = caseIdOf(e.active.id);
    if (!data) return;
    const fromLane = (e.active.data.current as DropData).laneKey;
    void move(caseId, data.columnId, data.type === 'card' ? data.caseId : null, today, laneChangeFor(fromLane, data.laneKey) ?? undefined)
      // A card dropped in another column is a new element there: keep the keyboard on it.
      .then(() => { if (e.activatorEvent instanceof KeyboardEvent) focusAfter(cardSelector(caseId)); });
  };
  const onDragCancel = () => {
    setDropTarget(null);
    setActiveCaseId(null);
  };

  if (error && !board) return <div className="notice error" role="alert">{error}</div>;
  if (!board) return <div className="notice" aria-busy="true">{t('loadingBoard')}</div>;

  const activeCard = activeCaseId === null ? null : board.cards.find((c) => c.id === activeCaseId) ?? null;
  const activeAssignee = activeCard?.assigneeId != null ? peopleById.get(activeCard.assigneeId) : undefined;
  const gridStyle = { ['--board-columns' as string]: String(Math.max(board.columns.length, 1)) };

  return (
    <div data-feature="board" className="board-view">
      <h1 className="visually-hidden">{t('title', { team: board.team.name })}</h1>
      <Toolbar
        board={board}
        prefs={prefs}
        canEditColumns={canEditColumns}
        shown={visible.length}
        onOpenSettings={() => setSettingsOpen(true)}
      />
      {board.columns.length === 0 ? (
        <div className="notice">{t('noColumns')}</div>
      ) : (
        <DndContext
          sensors={sensors}
          collisionDetection={boardCollision}
          measuring={{ droppable: { strategy: MeasuringStrategy.WhileDragging } }}
          accessibility={{ announcements, screenReaderInstructions: { draggable: t('dnd.instructions') } }}
          onDragStart={onDragStart}
          onDragOver={onDragOver}
          onDragEnd={onDragEnd}
          onDragCancel={onDragCancel}
        >
          <div className={`board-scroll lanes-${laneMode}`}>
            <div className="board-grid" style={gridStyle} ref={gridRef} onFocus={keyboard.onFocus} onKeyDown={keyboard.onKeyDown}>
              <div className="board-headers">
                {board.columns.map((column) => (
                  <ColumnHeader key={column.id} column={column} total={totals.get(column.id) ?? 0} loaded={loaded.get(column.id) ?? 0}
                    shown={shownPerColumn.get(column.id) ?? 0} filtering={filtering} />
                ))}
              </div>
              {lanes.map(({ lane, byColumn }) => (
                <LaneRow
                  key={lane.key}
                  lane={lane}
                  mode={laneMode}
                  columns={board.columns}
                  byColumn={byColumn}
                  peopleById={peopleById}
                  allCards={board.cards}
                  today={today}
                  collapsed={collapsed.includes(lane.key)}
                  onToggle={() => prefs.toggleLane(lane.key)}
                  filtering={filtering}
                />
              ))}
            </div>
          </div>
          <DragOverlay dropAnimation={null}>
            {activeCard && (
              <div className={`card overlay cos-${activeCard.classOfService}${activeCard.blocked ? ' is-blocked' : ''}`}>
                <CardFace card={activeCard} today={today} columnKind={kindOf(activeCard.columnId)}
                  assigneeInitials={activeAssignee?.initials ?? null} assigneeName={activeAssignee?.name ?? null} />
              </div>
            )}
          </DragOverlay>
        </DndContext>
      )}
      {selectedCaseId !== null && (
        <Suspense fallback={null}>
          <CardDetail caseId={selectedCaseId} board={board} today={today} />
        </Suspense>
      )}
      {settingsOpen && (
        <Suspense fallback={null}>
          <SettingsDialog board={board} totals={totals} onClose={() => setSettingsOpen(false)} />
        </Suspense>
      )}
      {wipOpen && <WipDialog />}
      <Notice />
    </div>
  );
}

function ColumnHeader({ column, total, loaded, shown, filtering }: { column: BoardColumn; total: number; loaded: number; shown: number; filtering: boolean }) {
  const { t } = useTranslation('board');
  const loadMoreDone = useBoardStore((s) => s.loadMoreDone);
  const [loading, setLoading] = useState(false);
  const over = column.wipLimit !== null && total > column.wipLimit;
  const atLimit = column.wipLimit !== null && total === column.wipLimit;
  return (
    <div className={`column column-header kind-${column.kind}${over ? ' over-limit' : ''}`} data-column={column.name}>
      <h2>{column.name}</h2>
      <div className="column-counts">
        <span className="column-kind">{t(`columnKinds.${column.kind}`)}</span>
        {filtering && <span className="column-shown">{t('showing', { shown })}</span>}
        {column.wipLimit === null ? (
          <span className="column-count" aria-label={t('cards', { count: total })}>{formatNumber(total)}</span>
        ) : (
          <span className={`column-count wip${over ? ' over' : atLimit ? ' at' : ''}`}
            title={t('wipTitle', { count: total, limit: column.wipLimit })} aria-label={t('wipTitle', { count: total, limit: column.wipLimit })}>
            {t('wip', { count: total, limit: column.wipLimit })}
          </span>
        )}
      </div>
      {over && <div className="over-limit-banner">{t('overLimit')}</div>}
      {column.kind === 'done' && loaded < total && (
        <div className="done-more">
          <span>{t('doneShown', { loaded: formatNumber(loaded), total: formatNumber(total) })}</span>
          <button type="button" className="link-button" disabled={loading} aria-label={t('doneMoreLabel', { column: column.name })}
            onClick={() => { setLoading(true); void loadMoreDone(column.id).finally(() => setLoading(false)); }}>
            {t('doneMore')}
          </button>
        </div>
      )}
    </div>
  );
}

interface LaneRowProps {
  lane: Lane;
  mode: SwimlaneMode;
  columns: BoardColumn[];
  byColumn: Map<number, CaseCard[]>;
  peopleById: Map<number, Person>;
  allCards: CaseCard[];
  today: string;
  collapsed: boolean;
  onToggle(): void;
  filtering: boolean;
}

const NO_CARDS: CaseCard[] = [];

function LaneRow({ lane, mode, columns, byColumn, peopleById, allCards, today, collapsed, onToggle, filtering }: LaneRowProps) {
  const { t } = useTranslation('board');
  const person = lane.personId != null ? peopleById.get(lane.personId) : undefined;
  const sprintName = lane.sprintId === null ? t('lane.noSprint')
    : lane.key === 'sprint:current' ? t('lane.currentSprint', { name: lane.sprintName }) : t('lane.nextSprint', { name: lane.sprintName });
  const name = lane.kind === 'sprint' ? sprintName
    : lane.kind === 'class' ? t(`translation:classes.${lane.classOfService}`)
    : lane.kind === 'assignee' ? (lane.personId === null ? t('lane.unassigned') : person?.name ?? t('lane.unknownPerson', { id: lane.personId }))
      : '';
  let wip: { text: string; over: boolean } | null = null;
  if (lane.kind === 'assignee' && lane.personId != null) {
    const held = activeCardsHeld(lane.personId, allCards, columns);
    const limit = person?.wipLimit ?? null;
    wip = { text: limit === null ? t('lane.personWipNone', { count: held }) : t('lane.personWip', { count: held, limit }), over: limit !== null && held > limit };
  }
  const headingId = `lane-${lane.key.replace(/[^a-z0-9]/gi, '-')}`;
  return (
    <section className={`lane${collapsed ? ' collapsed' : ''}`} aria-labelledby={mode === 'none' ? undefined : headingId}
      aria-label={mode === 'none' ? t('cards', { count: lane.cards.length }) : undefined}>
      {mode !== 'none' && (
        <h2 className="lane-header" id={headingId}>
          <button type="button" aria-expanded={!collapsed} onClick={onToggle}
            title={t(collapsed ? 'lane.expand' : 'lane.collapse', { name })}>
            <span className="lane-chevron" aria-hidden="true">{collapsed ? '▸' : '▾'}</span>
            <span className={`lane-name${lane.kind === 'class' ? ` cos-text-${lane.classOfService}` : ''}`}>{name}</span>
            <span className="lane-count">{t('cards', { count: lane.cards.length })}</span>
            {wip && <span className={`lane-wip${wip.over ? ' over' : ''}`}>{wip.text}{wip.over ? ` – ${t('lane.personOver')}` : ''}</span>}
          </button>
        </h2>
      )}
      {!collapsed && (
        <div className="lane-cells">
          {columns.map((column) => (
            <Cell key={column.id} column={column} laneKey={lane.key} cards={byColumn.get(column.id) ?? NO_CARDS}
              peopleById={peopleById} today={today} fill={mode === 'none'} filtered={filtering} />
          ))}
        </div>
      )}
    </section>
  );
}
