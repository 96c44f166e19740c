import { useEffect, useLayoutEffect, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';

/**
 * Roving tabindex over the board: the whole board is ONE tab stop (the current card: the last one
 * focused, else the first), so Tab goes past the board in one step and arrows go between cards:
 * ↑/↓ within a column (and on into the next lane's cell of that column), ←/→ to the nearest card at
 * the same height in the neighbouring column that has cards. A lifted card (Space) is moved by the
 * drag-and-drop keyboard sensor instead, so arrows are left to it while a card is lifted.
 */
const CARD = '.card[data-case-id]';

function cards(grid: HTMLElement): HTMLElement[] {
  return [...grid.querySelectorAll<HTMLElement>(CARD)];
}

function centreY(element: HTMLElement): number {
  const r = element.getBoundingClientRect();
  return r.top + r.height / 2;
}

function makeCurrent(grid: HTMLElement, current: HTMLElement | null): void {
  const all = cards(grid);
  const chosen = current && all.includes(current) ? current : all[0] ?? null;
  for (const card of all) {
    card.tabIndex = card === chosen ? 0 : -1;
    if (card === chosen) card.setAttribute('data-skip-target', '');
    else card.removeAttribute('data-skip-target');
  }
}

/** The cell order of the board: lanes top to bottom, columns left to right. */
function cellsOf(grid: HTMLElement): HTMLElement[][] {
  const byLane = new Map<string, HTMLElement[]>();
  for (const cell of grid.querySelectorAll<HTMLElement>('.cell[data-column-id]')) {
    const lane = cell.dataset.lane ?? '';
    byLane.set(lane, [...(byLane.get(lane) ?? []), cell]);
  }
  return [...byLane.values()];
}

export function neighbour(grid: HTMLElement, from: HTMLElement, key: string): HTMLElement | null {
  const cell = from.closest<HTMLElement>('.cell[data-column-id]');
  if (!cell) return null;
  const lanes = cellsOf(grid);
  const laneIndex = lanes.findIndex((l) => l.includes(cell));
  const lane = lanes[laneIndex] ?? [];
  const columnIndex = lane.indexOf(cell);
  const inCell = (c: HTMLElement) => [...c.querySelectorAll<HTMLElement>(CARD)];
  if (key === 'ArrowUp' || key === 'ArrowDown') {
    const own = inCell(cell);
    const next = own[own.indexOf(from) + (key === 'ArrowDown' ? 1 : -1)];
    if (next) return next;
    // Past the end of the cell: on to the same column in the next lane that has cards.
    const step = key === 'ArrowDown' ? 1 : -1;
    for (let l = laneIndex + step; l >= 0 && l < lanes.length; l += step) {
      const there = inCell(lanes[l]![columnIndex] ?? lanes[l]![0]!);
      if (there.length) return key === 'ArrowDown' ? there[0]! : there[there.length - 1]!;
    }
    return null;
  }
  const step = key === 'ArrowRight' ? 1 : -1;
  const y = centreY(from);
  for (let c = columnIndex + step; c >= 0 && c < lane.length; c += step) {
    const there = inCell(lane[c]!);
    if (there.length === 0) continue;
    return there.reduce((best, card) => (Math.abs(centreY(card) - y) < Math.abs(centreY(best) - y) ? card : best));
  }
  return null;
}

/** Handlers for the board grid, plus the one-tab-stop upkeep after every render. */
export function useBoardKeyboard(grid: RefObject<HTMLElement | null>): { onFocus: (e: FocusEvent) => void; onKeyDown: (e: KeyboardEvent) => void } {
  // Every render may add or remove cards: keep exactly one of them in the tab order.
  useLayoutEffect(() => {
    const node = grid.current;
    if (node) makeCurrent(node, node.querySelector<HTMLElement>(`${CARD}[data-skip-target]`));
  });
  // Cells render their (virtualised) cards on their own, without a board render: follow the DOM.
  useEffect(() => {
    const node = grid.current;
    if (!node) return;
    const observer = new MutationObserver(() => makeCurrent(node, node.querySelector<HTMLElement>(`${CARD}[data-skip-target]`)));
    observer.observe(node, { childList: true, subtree: true });
    return () => observer.disconnect();
  });
  const onFocus = (e: FocusEvent) => {
    const card = (e.target as HTMLElement).closest<HTMLElement>(CARD);
    if (card && grid.current) makeCurrent(grid.current, card);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const node = grid.current;
    if (!node || !['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].includes(e.key)) return;
    if (e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
    const card = (e.target as HTMLElement).closest<HTMLElement>(CARD);
    if (!card || node.querySelector('.card.is-dragging')) return;
    const next = neighbour(node, card, e.key);
    e.preventDefault();
    if (next) {
      next.focus();
      next.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  };
  return { onFocus, onKeyDown };
}
