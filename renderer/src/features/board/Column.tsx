import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardColumn, CaseCard } from '../../../../shared/domain';
import { Card } from './Card';

const CARD_HEIGHT = 68;
const CARD_GAP = 8;

interface ColumnProps {
  column: BoardColumn;
  cards: CaseCard[];
  initialsOf: (personId: number | null) => string | null;
}

export function Column({ column, cards, initialsOf }: ColumnProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  // Columns hold thousands of cards: only the visible ones are in the DOM.
  const virtualizer = useVirtualizer({
    count: cards.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CARD_HEIGHT + CARD_GAP,
    overscan: 8,
  });
  const over = column.wipLimit !== null && cards.length > column.wipLimit;
  const atLimit = column.wipLimit !== null && cards.length === column.wipLimit;
  const headingId = `column-${column.id}-heading`;
  return (
    <section className={`column kind-${column.kind}${over ? ' over-limit' : ''}`} aria-labelledby={headingId} data-column={column.name}>
      <header className="column-header">
        <h2 id={headingId}>{column.name}</h2>
        <div className="column-counts">
          <span className="column-kind">{t(`board.columnKinds.${column.kind}`)}</span>
          {column.wipLimit === null ? (
            <span className="column-count" aria-label={t('board.cards', { count: cards.length })}>{cards.length}</span>
          ) : (
            <span
              className={`column-count wip${over ? ' over' : atLimit ? ' at' : ''}`}
              title={t('board.wipTitle', { count: cards.length, limit: column.wipLimit })}
              aria-label={t('board.wipTitle', { count: cards.length, limit: column.wipLimit })}
            >
              {t('board.wip', { count: cards.length, limit: column.wipLimit })}
            </span>
          )}
        </div>
        {over && <div className="over-limit-banner" role="status">{t('board.overLimit')}</div>}
      </header>
      <div className="column-scroll" ref={scrollRef} tabIndex={-1}>
        {cards.length === 0 ? (
          <p className="column-empty">{t('board.empty')}</p>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const card = cards[item.index]!;
              return (
                <div key={card.id} className="card-slot" style={{ transform: `translateY(${item.start}px)`, height: CARD_HEIGHT }}>
                  <Card card={card} assigneeInitials={initialsOf(card.assigneeId)} />
                </div>
              );
            })}
          </div>
        )}
      </div>
    </section>
  );
}
