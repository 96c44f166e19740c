import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseCard } from '../../../../shared/domain';
import { useLive } from '../../stores/live';
import { useSession } from '../../stores/session';
import { useBoardStore } from './boardStore';
import { Column } from './Column';

export default function BoardView() {
  const { t } = useTranslation();
  const teamId = useSession((s) => s.teamId);
  const people = useSession((s) => s.people);
  const revision = useLive((s) => s.revision);
  const { board, error, load } = useBoardStore();

  useEffect(() => {
    if (teamId !== null) void load(teamId);
  }, [teamId, revision, load]);

  const initials = useMemo(() => new Map(people.map((p) => [p.id, p.initials])), [people]);
  const cardsByColumn = useMemo(() => {
    const map = new Map<number, CaseCard[]>();
    for (const card of board?.cards ?? []) {
      const list = map.get(card.columnId);
      if (list) list.push(card);
      else map.set(card.columnId, [card]);
    }
    return map;
  }, [board]);
  const initialsOf = useMemo(() => (id: number | null) => (id === null ? null : initials.get(id) ?? '?'), [initials]);

  if (error) return <div className="notice error" role="alert">{error}</div>;
  if (!board) return <div className="notice" aria-busy="true">{t('app.loading')}</div>;
  if (board.columns.length === 0) return <div className="notice">{t('board.noColumns')}</div>;

  return (
    <div className="board-view">
      <h1 className="visually-hidden">{t('board.title', { team: board.team.name })}</h1>
      <div className="board" role="list" aria-label={t('board.title', { team: board.team.name })}>
        {board.columns.map((column) => (
          <div role="listitem" key={column.id} className="board-lane">
            <Column column={column} cards={cardsByColumn.get(column.id) ?? []} initialsOf={initialsOf} />
          </div>
        ))}
      </div>
    </div>
  );
}
