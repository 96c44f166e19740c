import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseCard } from '../../../../shared/domain';
import { formatParagraph } from '../../../../shared/format';

interface CardProps {
  card: CaseCard;
  assigneeInitials: string | null;
}

export const Card = memo(function Card({ card, assigneeInitials }: CardProps) {
  const { t } = useTranslation();
  return (
    <article className={`card cos-${card.classOfService}`} data-case-number={card.caseNumber} aria-label={card.caseNumber}>
      <div className="card-row">
        <span className="card-number">{card.caseNumber}</span>
        <span className="card-paragraph">{formatParagraph(card.paragraph)}</span>
      </div>
      <div className="card-row card-meta">
        <span className="card-citizen" title={t('board.citizen', { defaultValue: 'Borger' })}>
          {card.citizenInitials}
        </span>
        <span className="card-kind">{t(`kinds.${card.kind}`)}</span>
        <span className={`card-assignee${assigneeInitials ? '' : ' unassigned'}`}>
          {assigneeInitials ?? '–'}
        </span>
      </div>
    </article>
  );
});
