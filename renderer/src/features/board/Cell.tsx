import { useDroppable } from '@dnd-kit/core';
import { SortableContext } from '@dnd-kit/sortable';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardColumn, CaseCard, Person } from '../../../../shared/domain';
import { useBoardStore } from './boardStore';
import { Card, CARD_GAP, cardDndId, cardHeight } from './Card';

export const cellDndId = (laneKey: string, columnId: number) => `cell:${laneKey}:${columnId}`;

// Cards never shift while another is dragged over them; a line marks the drop point instead,
// which keeps virtualised columns of thousands of cards steady.
const noShift = () => null;

interface CellProps {
  column: BoardColumn;
  laneKey: string;
  cards: CaseCard[];
  peopleById: Map<number, Person>;
  today: string;
  /** Fills the board's height (no lanes) or is capped (lanes share the screen). */
  fill: boolean;
  filtered: boolean;
}

export const Cell = memo(function Cell({ column, laneKey, cards, peopleById, today, fill, filtered }: CellProps) {
  const { t } = useTranslation('board');
  const id = cellDndId(laneKey, column.id);
  const isTarget = useBoardStore((s) => s.dropTarget === id);
  const { setNodeRef } = useDroppable({ id, data: { type: 'cell', columnId: column.id, laneKey } });
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const items = useMemo(() => cards.map((c) => cardDndId(c.id)), [cards]);
  // Columns hold thousands of cards: only the visible ones are in the DOM.
  const virtualizer = useVirtualizer({
    count: cards.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => cardHeight(cards[i]!) + CARD_GAP,
    getItemKey: (i) => cards[i]!.id,
    overscan: 6,
  });
  const total = virtualizer.getTotalSize();
  const style = fill ? undefined : { height: Math.min(Math.max(total + 16, 72), 440) };
  return (
    <div
      className={`cell column-scroll kind-${column.kind}${isTarget ? ' is-target' : ''}${fill ? ' fill' : ''}`}
      ref={(node) => {
        setNodeRef(node);
        scrollRef.current = node;
      }}
      style={style}
      data-column-id={column.id}
      data-lane={laneKey}
    >
      {cards.length === 0 ? (
        <p className="cell-empty">{filtered ? t('noMatches') : t('empty')}</p>
      ) : (
        <SortableContext id={id} items={items} strategy={noShift}>
          <ul className="cell-list" style={{ height: total }} aria-label={column.name}>
            {virtualizer.getVirtualItems().map((item) => {
              const card = cards[item.index]!;
              const assignee = card.assigneeId === null ? null : peopleById.get(card.assigneeId) ?? null;
              return (
                <li key={card.id} className="card-slot" style={{ transform: `translateY(${item.start}px)`, height: cardHeight(card) }}>
                  <Card
                    card={card}
                    laneKey={laneKey}
                    columnKind={column.kind}
                    today={today}
                    assigneeInitials={card.assigneeId === null ? null : assignee?.initials ?? '?'}
                    assigneeName={assignee?.name ?? null}
                  />
                </li>
              );
            })}
          </ul>
        </SortableContext>
      )}
    </div>
  );
});
