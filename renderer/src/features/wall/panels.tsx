// The views the wall rotates through. They draw only what getWallScreen sent; in privacy mode
// that is case numbers, paragraphs and caseworker initials, nothing else about a person.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WallColumn, WallScreen } from '../../../../shared/api/methods/wall';
import { daysBetween } from '../../../../shared/dates';
import { formatDate, formatMillions, formatNumber, formatParagraph } from '../../../../shared/format';
import { formatKpiValue } from '../../../../shared/plans';
import { cardsThatFit, walkOrder, type WallCard } from '../../../../shared/wall';
import { useHeight } from './useWallUnit';

// Heights in wall units (see wall.css: .wall-card, .wall-cards gap, .wall-more, .wall-row).
const CARD_U = 3.4;
const GAP_U = 0.3;
const MORE_U = 1.5;
/** A done column is a count and the latest few cards: the standup is about the work still open. */
const DONE_SHOWN = 3;
// A row is 2.1em at 1.2u type.
const ROW_U = 2.1 * 1.2;
const ROW_GAP_U = 0.25;

/** The one status a card shows: blocked, then deadline, then time in the column. `short` for board cards. */
function CardStatus({ card, short = false }: { card: WallCard; short?: boolean }) {
  const { t } = useTranslation('wall');
  if (card.blocked) {
    const text = card.daysBlocked === null ? t('blockedNoDays') : t('blocked', { days: card.daysBlocked });
    return <span className="wall-tag blocked">{card.blockedReason ? `${text}: ${card.blockedReason}` : text}</span>;
  }
  if (card.deadline === 'red' || card.deadline === 'amber') {
    const days = card.daysLeft ?? 0;
    const text = short
      ? days < 0 ? t('card.overdue', { days: -days }) : days === 0 ? t('card.today') : t('card.deadlineIn', { days })
      : days < 0 ? t('overdue', { days: -days }) : days === 0 ? t('deadlineToday') : t('deadlineIn', { days });
    return <span className={`wall-tag deadline-${card.deadline}`}>{text}</span>;
  }
  if (card.ageing === 'ageing' || card.ageing === 'stale' || card.ageing === 'warm') {
    const text = short ? t('card.stood', { days: card.daysInColumn }) : t('inColumn', { days: card.daysInColumn });
    return <span className={`wall-tag ageing-${card.ageing}`}>{text}</span>;
  }
  return null;
}

/**
 * Two lines: case number and caseworker initials, then paragraph and status. A blocked card gives
 * its second line to how long it has been blocked (the paragraph does not fit beside it); a done
 * card has no status, so its initials move down and the case number gets the whole first line.
 */
/** The wall screen's own service-level marks (a paired device reaches no other method). */
const ServiceLevels = createContext<ReadonlyMap<number, { workingDays: number; limit: number }>>(new Map());

function Card({ card, done }: { card: WallCard; done: boolean }) {
  const { t } = useTranslation('wall');
  const sle = useContext(ServiceLevels).get(card.id);
  const level = card.blocked ? 'blocked' : card.deadline === 'red' ? 'red' : card.deadline === 'amber' ? 'amber'
    : card.ageing === 'stale' || card.ageing === 'ageing' ? 'ageing' : 'calm';
  const initials = card.assigneeInitials
    ? <span className="wall-initials">{card.assigneeName ?? card.assigneeInitials}</span>
    : <span className="wall-initials none" aria-label={t('unassigned')}>{t('unassignedShort')}</span>;
  return (
    <li className={`wall-card level-${level}${sle ? ' sle-over' : ''}`} data-case={card.caseNumber}
      title={sle ? t('flow:analytics.board.overSle', { days: sle.workingDays, limit: sle.limit }) : undefined}>
      <div className="wall-card-line">
        <span className="wall-case">{card.caseNumber}</span>
        {card.citizenInitials && <span className="wall-citizen">{card.citizenInitials}</span>}
        {!done && initials}
      </div>
      <div className="wall-card-line">
        {!card.blocked && <span className="wall-paragraph">{formatParagraph(card.paragraph)}</span>}
        {done ? initials : <CardStatus card={card} short />}
      </div>
    </li>
  );
}

function Column({ column, unit, walking, dimmed }: { column: WallColumn; unit: number; walking: boolean; dimmed: boolean }) {
  const { t } = useTranslation('wall');
  // Each column measures its own body: a header may need a second line for its facts.
  const [bodyRef, bodyHeight] = useHeight<HTMLDivElement>();
  const done = column.kind === 'done';
  const cards = walking ? walkOrder(column.cards) : column.cards;
  const fit = cardsThatFit(column.count, bodyHeight, CARD_U * unit, GAP_U * unit, MORE_U * unit);
  const shown = cards.slice(0, Math.min(fit.shown, cards.length, done ? DONE_SHOWN : Number.POSITIVE_INFINITY));
  const hidden = column.count - shown.length;
  const over = column.wipLimit !== null && column.count > column.wipLimit;
  return (
    <section className={`wall-column kind-${column.kind} ${walking ? 'walking' : ''} ${dimmed ? 'dimmed' : ''}`} data-column={column.name} aria-current={walking ? 'step' : undefined}>
      <header className="wall-column-head">
        <h2>{column.name}</h2>
        <p className="wall-column-count">
          <span className={over ? 'over' : ''}>
            {column.wipLimit === null ? column.count : t('wip', { count: column.count, limit: column.wipLimit })}
          </span>
          {over && <span className="wall-over">{t('overWip')}</span>}
        </p>
        {!done && (column.blocked > 0 || column.red > 0) && (
          <p className="wall-column-facts">
            {column.blocked > 0 && <span className="wall-fact blocked">{t('factBlocked', { count: column.blocked })}</span>}
            {column.red > 0 && <span className="wall-fact red">{t('factRed', { count: column.red })}</span>}
          </p>
        )}
      </header>
      <div className="wall-column-body" ref={bodyRef}>
        <ol className="wall-cards">
          {shown.map((c) => <Card key={c.id} card={c} done={done} />)}
          {column.count === 0 && <li className="wall-empty">{t('noCards')}</li>}
        </ol>
        {hidden > 0 && <p className="wall-more">{t('more', { count: hidden })}</p>}
      </div>
    </section>
  );
}

export function BoardPanel({ screen, unit, walkColumnId }: { screen: WallScreen; unit: number; walkColumnId: number | null }) {
  // A done column is as wide as its case numbers, no wider: the open columns get the screen.
  const template = screen.columns.map((c) => (c.kind === 'done' ? 'fit-content(calc(var(--u) * 11))' : 'minmax(0, 1fr)')).join(' ');
  const marks = useMemo(() => new Map((screen.serviceLevels ?? []).map((m) => [m.caseId, m])), [screen.serviceLevels]);
  return (
    <ServiceLevels.Provider value={marks}>
      <div className="wall-board" style={{ gridTemplateColumns: template }}>
        {screen.columns.map((column) => (
          <Column key={column.id} column={column} unit={unit}
            walking={walkColumnId === column.id} dimmed={walkColumnId !== null && walkColumnId !== column.id} />
        ))}
      </div>
    </ServiceLevels.Provider>
  );
}

/** As many of the rows as the panel's height holds, and "n more" for the rest of `total`. */
function FittedRows<T>({ items, total, unit, more, children }: {
  items: readonly T[]; total: number; unit: number; more(hidden: number): string; children(item: T): ReactNode;
}) {
  const [ref, height] = useHeight<HTMLDivElement>();
  const fit = cardsThatFit(total, height, ROW_U * unit, ROW_GAP_U * unit, MORE_U * unit);
  const shown = items.slice(0, fit.shown);
  const hidden = total - shown.length;
  return (
    <div className="wall-list" ref={ref}>
      <ol className="wall-rows">{shown.map(children)}</ol>
      {hidden > 0 && <p className="wall-more">{more(hidden)}</p>}
    </div>
  );
}

export function PullListPanel({ screen, unit }: { screen: WallScreen; unit: number }) {
  const { t } = useTranslation('wall');
  const list = screen.pullList;
  if (!list) return <p className="wall-message">{t('pull.unavailable')}</p>;
  if (list.items.length === 0) return <p className="wall-message">{t('pull.empty')}</p>;
  return (
    <FittedRows items={list.items} total={list.total} unit={unit} more={(count) => t('pull.more', { count })}>
      {(item) => {
          const days = item.daysToDeadline;
          const deadline = days === null ? t('pull.noDeadline') : days < 0 ? t('overdue', { days: -days }) : days === 0 ? t('deadlineToday') : t('deadlineIn', { days });
          const level = days === null ? 'none' : days <= 7 ? 'red' : days <= 14 ? 'amber' : 'ok';
          return (
            <li key={item.position} className="wall-row">
              <span className="wall-rank">{item.position}</span>
              <span className="wall-case">{item.caseNumber}</span>
              <span className="wall-paragraph">{formatParagraph(item.paragraph)}</span>
              <span className="wall-kind">{t(`kinds.${item.kind}`, { defaultValue: item.kind })}</span>
              <span className={`wall-tag deadline-${level}`}>{deadline}</span>
              <span className="wall-waiting">{t('pull.waiting', { days: item.waitingDays })}</span>
            </li>
          );
      }}
    </FittedRows>
  );
}

export function DeadlinesPanel({ screen, unit }: { screen: WallScreen; unit: number }) {
  const { t } = useTranslation('wall');
  if (screen.deadlinesTotal === 0) return <p className="wall-message">{t('deadlines.empty')}</p>;
  return (
    <FittedRows items={screen.deadlines} total={screen.deadlinesTotal} unit={unit} more={(count) => t('deadlines.more', { count })}>
      {(card) => (
          <li key={card.id} className={`wall-row level-${card.deadline}`}>
            <CardStatus card={{ ...card, blocked: false }} />
            <span className="wall-case">{card.caseNumber}</span>
            <span className="wall-paragraph">{formatParagraph(card.paragraph)}</span>
            <span className="wall-kind">{card.columnName}</span>
            <span className="wall-initials">{card.assigneeName ?? card.assigneeInitials ?? t('unassigned')}</span>
            <span className="wall-waiting">{card.blocked ? (card.daysBlocked === null ? t('blockedNoDays') : t('blocked', { days: card.daysBlocked })) : ''}</span>
          </li>
      )}
    </FittedRows>
  );
}

export function BottomLinePanel({ screen }: { screen: WallScreen }) {
  const { t } = useTranslation('wall');
  const line = screen.bottomLine;
  if (!line) return <p className="wall-message">{t('bottom.unavailable')}</p>;
  const tiles: [string, number][] = [
    [t('bottom.budget'), line.budget],
    [t('bottom.spent'), line.spent],
    [t('bottom.committed'), line.committed],
    [t('bottom.forecast'), line.forecast],
  ];
  return (
    <div className="wall-bottom">
      <h2>{t('bottom.year', { year: screen.today.slice(0, 4), date: formatDate(screen.today) })}</h2>
      <div className="wall-tiles">
        {tiles.map(([label, amount]) => (
          <div key={label} className="wall-tile">
            <span className="wall-tile-label">{label}</span>
            <span className="wall-tile-value">{formatMillions(amount)}</span>
          </div>
        ))}
      </div>
      <div className={`wall-line status-${line.status}`}>
        <span className="wall-tile-label">{t('bottom.line')}</span>
        <span className="wall-line-value">{formatMillions(line.bottomLine)}</span>
        <span className="wall-line-status">{t(`bottom.status.${line.status}`)}</span>
      </div>
    </div>
  );
}

/** The team's caseload: the weighted figure with the unweighted count beside it, per paragraph (team totals only). */
export function CaseloadPanel({ screen }: { screen: WallScreen }) {
  const { t } = useTranslation('wall');
  const load = screen.caseload;
  if (!load) return <p className="wall-message">{t('caseload.unavailable')}</p>;
  const shown = load.byParagraph.slice(0, 6);
  const widest = Math.max(1, ...shown.map((p) => p.weighted));
  return (
    <div className="wall-bottom wall-caseload">
      <h2>{t('caseload.title', { date: formatDate(screen.today) })}</h2>
      <div className="wall-tiles wall-tiles-3">
        <div className="wall-tile wall-tile-main">
          <span className="wall-tile-label">{t('caseload.weighted')}</span>
          <span className="wall-tile-value" data-testid="wall-caseload-weighted">{formatNumber(load.weighted, 1)}</span>
        </div>
        <div className="wall-tile">
          <span className="wall-tile-label">{t('caseload.cases')}</span>
          <span className="wall-tile-value" data-testid="wall-caseload-cases">{formatNumber(load.cases)}</span>
        </div>
        <div className="wall-tile">
          <span className="wall-tile-label">{t('caseload.ofNorm')}</span>
          <span className="wall-tile-value">{load.percentOfNorm === null ? '–' : `${formatNumber(Math.round(load.percentOfNorm))} %`}</span>
          <span className="wall-tile-note">{load.norm ? t('caseload.norm', { norm: formatNumber(load.norm) }) : t('caseload.noNorm')}</span>
        </div>
      </div>
      <p className="wall-caseload-facts">
        {t('caseload.facts', { caseworkers: formatNumber(load.caseworkers), over: formatNumber(load.overNorm), unassigned: formatNumber(load.unassigned) })}
      </p>
      <ol className="wall-caseload-paragraphs">
        {shown.map((p) => (
          <li key={p.paragraph}>
            <span className="wall-paragraph">{formatParagraph(p.paragraph)}</span>
            <span className="wall-caseload-bar" aria-hidden="true"><span style={{ width: `${(100 * p.weighted) / widest}%` }} /></span>
            <span className="wall-caseload-value">{formatNumber(p.weighted, 1)}</span>
            <span className="wall-caseload-count">{t('caseload.perParagraph', { cases: formatNumber(p.cases), weight: formatNumber(p.weight, 1) })}</span>
          </li>
        ))}
      </ol>
      {load.byParagraph.length > shown.length && <p className="wall-more">{t('caseload.more', { count: load.byParagraph.length - shown.length })}</p>}
    </div>
  );
}

/** Burn-up as plain SVG: committed against done per day, the sprint's remaining days left empty. */
export function SprintPanel({ screen }: { screen: WallScreen }) {
  const { t } = useTranslation('wall');
  const sprint = screen.sprint;
  if (!sprint) return <p className="wall-message">{t('sprint.none')}</p>;
  const points = sprint.burnUp;
  const days = Math.max(1, daysBetween(sprint.startDate, sprint.endDate));
  const top = Math.max(1, ...points.map((p) => p.committed));
  const x = (day: string) => (daysBetween(sprint.startDate, day) / days) * 1000;
  const y = (n: number) => 400 - (n / top) * 380;
  const line = (pick: (p: (typeof points)[number]) => number) => points.map((p) => `${x(p.day).toFixed(1)},${y(pick(p)).toFixed(1)}`).join(' ');
  const last = points.at(-1);
  return (
    <div className="wall-sprint">
      <h2>{sprint.name}: {sprint.goal}</h2>
      <p className="wall-sprint-facts">
        {t('sprint.period', { from: formatDate(sprint.startDate), to: formatDate(sprint.endDate) })}
        {last && <> · <strong>{t('sprint.done', { done: last.done, committed: last.committed })}</strong></>}
      </p>
      <svg className="wall-burnup" viewBox="-10 -10 1020 420" preserveAspectRatio="none" role="img"
        aria-label={last ? t('sprint.done', { done: last.done, committed: last.committed }) : sprint.name}>
        <line x1="0" y1="400" x2="1000" y2="400" className="axis" />
        <polyline points={line((p) => p.committed)} className="committed" />
        <polyline points={line((p) => p.done)} className="done" />
      </svg>
      <p className="wall-legend"><span className="key committed" /> {t('sprint.committed')} <span className="key done" /> {t('sprint.doneLine')}</p>
    </div>
  );
}

export function PlanPanel({ screen }: { screen: WallScreen }) {
  const { t } = useTranslation('wall');
  const plan = screen.plan;
  if (!plan || plan.kpis.length === 0) return <p className="wall-message">{t('plan.none')}</p>;
  return (
    <div className="wall-plan">
      <h2>{plan.title}</h2>
      <ul className="wall-kpis">
        {plan.kpis.slice(0, 9).map((k) => (
          <li key={k.id} className={`wall-kpi status-${k.status}`}>
            <span className="wall-kpi-label">{k.label}</span>
            <span className="wall-kpi-value">{formatKpiValue(k.current, k.unit)}</span>
            {k.caseload && (
              <span className="wall-kpi-detail">{t('plan.caseload', { weighted: formatNumber(k.caseload.weighted, 1), cases: formatNumber(k.caseload.cases) })}</span>
            )}
            <span className="wall-kpi-target">{t('plan.target', { target: formatKpiValue(k.target, k.unit) })} · <strong>{t(`plan.status.${k.status}`)}</strong></span>
          </li>
        ))}
      </ul>
      {plan.kpis.length > 9 && <p className="wall-more">{t('plan.more', { count: plan.kpis.length - 9 })}</p>}
    </div>
  );
}
