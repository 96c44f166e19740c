import { useSortable } from '@dnd-kit/sortable';
import { memo, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ageingLevel, daysBlocked, daysInColumn, deadlineStatus, followUpLevel } from '../../../../shared/board';
import type { CaseCard, ColumnKind } from '../../../../shared/domain';
import { formatDate, formatParagraph } from '../../../../shared/format';
import { slots } from '../slots';
import type { CardBadgeView } from '../types';
import { useBoardStore } from './boardStore';

export const CARD_HEIGHT = 92;
export const BLOCKED_CARD_HEIGHT = 116;
export const CARD_GAP = 8;
export const cardHeight = (card: CaseCard) => (card.blocked ? BLOCKED_CARD_HEIGHT : CARD_HEIGHT);

export const cardDndId = (caseId: number) => `card:${caseId}`;

/** The badges other features put on the card (committee, service levels), in their order. */
function useFeatureBadges(card: CaseCard): CardBadgeView[] {
  // The registry's list never changes after start-up, so the hooks run in the same order every render.
  return slots().cardBadges.flatMap((b) => b.useBadge(card) ?? []);
}

interface FaceProps {
  card: CaseCard;
  assigneeInitials: string | null;
  assigneeName: string | null;
  columnKind: ColumnKind;
  today: string;
}

/** What a card shows; also the drag overlay, which must not be a draggable itself. */
export function CardFace({ card, assigneeInitials, assigneeName, columnKind, today }: FaceProps) {
  const { t } = useTranslation('board');
  const inColumn = daysInColumn(card, today);
  const ageing = ageingLevel(inColumn, columnKind);
  const deadline = deadlineStatus(card.legalDeadline, today, columnKind);
  const blockedDays = daysBlocked(card, today);
  const followUp = columnKind === 'done' ? 'none' : followUpLevel(card.nextFollowUp, today);
  const badges = useFeatureBadges(card);
  const ageingReplaced = badges.some((b) => b.replacesAgeing);
  const deadlineText = deadline.daysLeft === null ? null
    : deadline.overdue ? t('card.deadlineOverdue', { count: -deadline.daysLeft })
      : deadline.daysLeft === 0 ? t('card.deadlineToday') : t('card.deadlineIn', { count: deadline.daysLeft });
  const deadlineLong = deadline.daysLeft === null ? null
    : deadline.overdue ? t('card.deadlineOverdueLong', { date: formatDate(card.legalDeadline), count: -deadline.daysLeft })
      : t('card.deadlineLong', { date: formatDate(card.legalDeadline), count: deadline.daysLeft });
  return (
    <>
      <div className="card-row">
        <span className="card-number">{card.caseNumber}</span>
        {card.classOfService !== 'standard' && (
          <span className={`card-class cos-badge-${card.classOfService}`}>{t(`translation:classes.${card.classOfService}`)}</span>
        )}
        <span className="card-paragraph">{formatParagraph(card.paragraph)}</span>
      </div>
      <div className="card-row card-meta">
        <span className="card-citizen" title={t('card.citizen', { initials: card.citizenInitials })}>{card.citizenInitials}</span>
        <span className="card-kind">{t(`translation:kinds.${card.kind}`)}</span>
        <span className={`card-assignee${assigneeInitials ? '' : ' unassigned'}`} title={assigneeName ?? t('card.unassigned')}>
          {assigneeInitials ?? '–'}
        </span>
      </div>
      <div className="card-row card-badges">
        {badges.map((b) => (
          <span key={b.className} className={`badge ${b.className}`} data-testid={b.testId} title={t(b.long.key, b.long.values)}>
            {b.icon && <span aria-hidden="true">{b.icon} </span>}{t(b.short.key, b.short.values)}
          </span>
        ))}
        {ageing !== 'none' && !ageingReplaced && (
          <span className={`badge age-${ageing}`} title={t('card.inColumnLong', { count: inColumn })}>
            <span aria-hidden="true">◷ </span>{t('card.inColumn', { count: inColumn })}
          </span>
        )}
        {deadline.level !== 'none' && (
          <span className={`badge deadline-${deadline.level}`} title={deadlineLong ?? undefined}>{deadlineText}</span>
        )}
        {(followUp === 'due' || followUp === 'overdue') && (
          <span className={`badge follow-${followUp}`} title={t(followUp === 'overdue' ? 'card.followUpOverdue' : 'card.followUpLong', { date: formatDate(card.nextFollowUp) })}>
            {t('card.followUp', { date: formatDate(card.nextFollowUp).slice(0, 5) })}
          </span>
        )}
      </div>
      {card.blocked && (
        <div className="card-blocked" title={t('card.blockedLong', { count: blockedDays ?? 0, reason: card.blockedReason ?? '' })}>
          <strong>{t('card.blocked', { count: blockedDays ?? 0 })}</strong> {card.blockedReason}
        </div>
      )}
    </>
  );
}

/** The words a screen reader gets for a card: everything the face shows, in one sentence. */
function useCardLabel(props: FaceProps): string {
  const { t } = useTranslation('board');
  const { card, assigneeName, columnKind, today } = props;
  const badges = useFeatureBadges(card);
  const parts = [
    t('card.label', { number: card.caseNumber }),
    formatParagraph(card.paragraph),
    t(`translation:kinds.${card.kind}`),
    t('card.citizen', { initials: card.citizenInitials }),
    assigneeName ? t('card.assignee', { name: assigneeName }) : t('card.unassigned'),
    t(`translation:classes.${card.classOfService}`),
  ];
  if (columnKind !== 'done') parts.push(t('card.inColumnLong', { count: daysInColumn(card, today) }));
  const deadline = deadlineStatus(card.legalDeadline, today, columnKind);
  if (deadline.daysLeft !== null) {
    parts.push(deadline.overdue
      ? t('card.deadlineOverdueLong', { date: formatDate(card.legalDeadline), count: -deadline.daysLeft })
      : t('card.deadlineLong', { date: formatDate(card.legalDeadline), count: deadline.daysLeft }));
  }
  if (card.blocked) parts.push(t('card.blockedLong', { count: daysBlocked(card, today) ?? 0, reason: card.blockedReason ?? '' }));
  for (const b of badges) parts.push(t(b.long.key, b.long.values));
  return parts.join(', ');
}

interface CardProps extends FaceProps {
  laneKey: string;
}

export const Card = memo(function Card(props: CardProps) {
  const { card, columnKind, laneKey } = props;
  const { t } = useTranslation('board');
  // Narrow selectors: only the card under the pointer and the opened card re-render.
  const isOver = useBoardStore((s) => s.dropTarget === card.id);
  const isSelected = useBoardStore((s) => s.selectedCaseId === card.id);
  const select = useBoardStore((s) => s.select);
  const label = useCardLabel(props);
  const { attributes, listeners, setNodeRef, isDragging } = useSortable({
    id: cardDndId(card.id),
    data: { type: 'card', caseId: card.id, columnId: card.columnId, laneKey },
  });
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    // While lifted, Enter drops the card (the keyboard sensor handles it); otherwise it opens the case.
    if (e.key === 'Enter' && !e.repeat && !isDragging) {
      e.preventDefault();
      select(card.id);
      return;
    }
    listeners?.onKeyDown?.(e);
  };
  return (
    <article
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      onKeyDown={onKeyDown}
      aria-roledescription={t('dnd.roleDescription')}
      aria-current={isSelected ? 'true' : undefined}
      className={`card cos-${card.classOfService} kind-${columnKind}${card.blocked ? ' is-blocked' : ''}${isDragging ? ' is-dragging' : ''}${isOver ? ' drop-before' : ''}${isSelected ? ' is-selected' : ''}`}
      data-case-id={card.id}
      data-case-number={card.caseNumber}
      onClick={() => select(card.id)}
    >
      {/* The name comes from this sentence, which starts with the visible case number (label in name). */}
      <span className="visually-hidden">{label}</span>
      <div className="card-face" aria-hidden="true">
        <CardFace {...props} />
      </div>
    </article>
  );
});
