import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board } from '../../../../shared/api/methods/board';
import { BLOCKED_FILTERS, DEADLINE_FILTERS, isFilterActive, SWIMLANE_MODES, type SwimlaneMode } from '../../../../shared/board';
import { formatNumber, formatParagraph } from '../../../../shared/format';
import { useBoardStore } from './boardStore';
import type { BoardPreferences } from './preferences';

interface ToolbarProps {
  board: Board;
  prefs: BoardPreferences;
  /** May the person change the team's columns (the settings dialog)? */
  canEditColumns: boolean;
  shown: number;
  onOpenSettings(): void;
}

const BLOCKED_LABEL = { all: 'toolbar.blockedAll', blocked: 'toolbar.blockedOnly', not_blocked: 'toolbar.notBlocked' } as const;
const DEADLINE_LABEL = { all: 'toolbar.deadlineAll', at_risk: 'toolbar.deadlineAtRisk', red: 'toolbar.deadlineRed' } as const;
const LANES_LABEL = { none: 'toolbar.lanesNone', class: 'toolbar.lanesClass', assignee: 'toolbar.lanesAssignee', sprint: 'toolbar.lanesSprint' } as const;

export function Toolbar({ board, prefs, canEditColumns, shown, onOpenSettings }: ToolbarProps) {
  const { t } = useTranslation('board');
  const { filter, setFilter } = prefs;
  const undoLabel = useBoardStore((s) => s.history.past.at(-1)?.label ?? null);
  const redoLabel = useBoardStore((s) => s.history.future.at(-1)?.label ?? null);
  const undo = useBoardStore((s) => s.undo);
  const redo = useBoardStore((s) => s.redo);
  const paragraphs = useMemo(() => [...new Set(board.cards.map((c) => c.paragraph))].sort((a, b) => parseFloat(a) - parseFloat(b) || a.localeCompare(b)), [board.cards]);
  const caseworkers = board.people;
  const assigneeValue = filter.assignee === null ? '' : String(filter.assignee);

  return (
    <div className="board-toolbar">
      <form className="board-filters" role="search" aria-label={t('toolbar.label')} onSubmit={(e) => e.preventDefault()}>
        <label className="filter-search">
          <span className="visually-hidden">{t('toolbar.searchLabel')}</span>
          <input type="search" value={filter.text} placeholder={t('toolbar.search')} maxLength={100}
            onChange={(e) => setFilter({ text: e.target.value })} />
        </label>
        <label className="filter-field">
          <span className="visually-hidden">{t('toolbar.caseworker')}</span>
          <select value={assigneeValue} disabled={filter.mine} aria-label={t('toolbar.caseworker')}
            onChange={(e) => setFilter({ assignee: e.target.value === '' ? null : e.target.value === 'unassigned' ? 'unassigned' : Number(e.target.value) })}>
            <option value="">{t('toolbar.allCaseworkers')}</option>
            <option value="unassigned">{t('toolbar.unassigned')}</option>
            {caseworkers.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </label>
        <label className="filter-field">
          <span className="visually-hidden">{t('toolbar.paragraph')}</span>
          <select value={filter.paragraph ?? ''} aria-label={t('toolbar.paragraph')}
            onChange={(e) => setFilter({ paragraph: e.target.value === '' ? null : e.target.value })}>
            <option value="">{t('toolbar.allParagraphs')}</option>
            {paragraphs.map((p) => <option key={p} value={p}>{formatParagraph(p)}</option>)}
          </select>
        </label>
        <label className="filter-field">
          <span className="visually-hidden">{t('toolbar.blocked')}</span>
          <select value={filter.blocked} aria-label={t('toolbar.blocked')}
            onChange={(e) => setFilter({ blocked: e.target.value as (typeof BLOCKED_FILTERS)[number] })}>
            {BLOCKED_FILTERS.map((b) => <option key={b} value={b}>{t(BLOCKED_LABEL[b])}</option>)}
          </select>
        </label>
        <label className="filter-field">
          <span className="visually-hidden">{t('toolbar.deadline')}</span>
          <select value={filter.deadline} aria-label={t('toolbar.deadline')}
            onChange={(e) => setFilter({ deadline: e.target.value as (typeof DEADLINE_FILTERS)[number] })}>
            {DEADLINE_FILTERS.map((d) => <option key={d} value={d}>{t(DEADLINE_LABEL[d])}</option>)}
          </select>
        </label>
        <button type="button" className={`toggle${filter.mine ? ' on' : ''}`} aria-pressed={filter.mine}
          onClick={() => setFilter({ mine: !filter.mine })}>
          {t('toolbar.mine')}
        </button>
        {isFilterActive(filter) && (
          <button type="button" className="link-button" onClick={prefs.clearFilter}>{t('toolbar.clear')}</button>
        )}
        <span className="filter-count" aria-live="polite">
          {/* Out of every card on the board, the done column's unloaded ones too. */}
          {t('toolbar.matches', { shown: formatNumber(shown), total: formatNumber(Math.max(board.cards.length, Object.values(board.columnCounts).reduce((a, b) => a + b, 0))) })}
        </span>
      </form>
      <div className="board-actions">
        <label className="filter-field">
          <span className="toolbar-label">{t('toolbar.lanes')}</span>
          <select value={prefs.lanes} onChange={(e) => prefs.setLanes(e.target.value as SwimlaneMode)}>
            {SWIMLANE_MODES.map((m) => <option key={m} value={m}>{t(LANES_LABEL[m])}</option>)}
          </select>
        </label>
        <button type="button" onClick={() => void undo()} disabled={undoLabel === null}
          title={undoLabel === null ? t('toolbar.nothingToUndo') : t('toolbar.undoTitle', { label: undoLabel })}>
          <span aria-hidden="true">↶ </span>{t('toolbar.undo')}
        </button>
        <button type="button" onClick={() => void redo()} disabled={redoLabel === null}
          title={redoLabel === null ? t('toolbar.nothingToRedo') : t('toolbar.redoTitle', { label: redoLabel })}>
          <span aria-hidden="true">↷ </span>{t('toolbar.redo')}
        </button>
        {canEditColumns && (
          <button type="button" onClick={onOpenSettings}><span aria-hidden="true">⚙ </span>{t('toolbar.settings')}</button>
        )}
      </div>
    </div>
  );
}
