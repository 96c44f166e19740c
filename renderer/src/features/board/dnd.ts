// Drag and drop wiring for the board: sensors, where a card lands, and how the arrow keys move a
// lifted card between columns and lanes. The rules of a move (limits, events) are the store's.
import {
  KeyboardCode, KeyboardSensor, PointerSensor, pointerWithin, rectIntersection, TouchSensor,
  type Collision, type CollisionDetection, type DroppableContainer, type KeyboardCoordinateGetter,
} from '@dnd-kit/core';
import type { PointerEvent as ReactPointerEvent } from 'react';

export interface CardDragData { type: 'card'; caseId: number; columnId: number; laneKey: string }
export interface CellDropData { type: 'cell'; columnId: number; laneKey: string }
export type DropData = CardDragData | CellDropData;

const dataOf = (container: DroppableContainer | undefined) => container?.data.current as DropData | undefined;

/** Mouse and pen start a drag after 5 px, so a click still opens the card. Touch has its own sensor. */
export class MouseAndPenSensor extends PointerSensor {
  static override activators = [
    {
      eventName: 'onPointerDown' as const,
      handler: ({ nativeEvent }: ReactPointerEvent) => nativeEvent.pointerType !== 'touch' && nativeEvent.isPrimary && nativeEvent.button === 0,
    },
  ];
}

/** A finger must rest on a card briefly, so swiping still scrolls the column. */
export const touchActivation = { delay: 220, tolerance: 8 };
export const pointerActivation = { distance: 5 };
export { KeyboardSensor, TouchSensor };

function ofType(collisions: Collision[], type: DropData['type'], activeId: string | number): Collision[] {
  return collisions.filter((c) => c.id !== activeId && dataOf(c.data?.droppableContainer as DroppableContainer)?.type === type);
}

/**
 * The cell under the pointer (or the lifted card) decides the column; within it, the card under
 * the pointer decides the place. Cards scrolled out of sight in another lane can still have
 * rectangles under the pointer, so only cards of the chosen cell count.
 */
export const boardCollision: CollisionDetection = (args) => {
  const hits = args.pointerCoordinates ? pointerWithin(args) : rectIntersection(args);
  const cell = ofType(hits, 'cell', args.active.id)[0];
  if (!cell) return [];
  const cellData = dataOf(cell.data?.droppableContainer as DroppableContainer) as CellDropData;
  const card = ofType(hits, 'card', args.active.id).find((c) => {
    const d = dataOf(c.data?.droppableContainer as DroppableContainer);
    return d?.columnId === cellData.columnId && d.laneKey === cellData.laneKey;
  });
  return [card ?? cell];
};

/**
 * Arrow keys for a lifted card: left/right to the neighbouring column in the same lane, up/down
 * to the card above or below, and past the last card into the next lane.
 */
export const boardKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  const { active, collisionRect, droppableRects, droppableContainers, over } = context;
  const code = event.code;
  if (code !== KeyboardCode.Left && code !== KeyboardCode.Right && code !== KeyboardCode.Up && code !== KeyboardCode.Down) return undefined;
  event.preventDefault();
  if (!active || !collisionRect) return undefined;
  const here = dataOf(over ? droppableContainers.get(over.id) : undefined) ?? (active.data.current as DropData);
  const centerX = collisionRect.left + collisionRect.width / 2;
  const candidates: { id: string | number; data: DropData; rect: { left: number; top: number; width: number; height: number } }[] = [];
  for (const container of droppableContainers.getEnabled()) {
    const rect = droppableRects.get(container.id);
    const data = dataOf(container);
    if (!rect || !data || container.id === active.id) continue;
    candidates.push({ id: container.id, data, rect });
  }
  if (code === KeyboardCode.Left || code === KeyboardCode.Right) {
    const cells = candidates
      .filter((c) => c.data.type === 'cell' && c.data.laneKey === here.laneKey)
      .filter((c) => (code === KeyboardCode.Right ? c.rect.left + c.rect.width / 2 > centerX + 10 : c.rect.left + c.rect.width / 2 < centerX - 10))
      .sort((a, b) => Math.abs(a.rect.left - collisionRect.left) - Math.abs(b.rect.left - collisionRect.left));
    const cell = cells[0];
    if (!cell) return undefined;
    // Land on the first card of the column if it has one, so the card goes to the top.
    const first = candidates
      .filter((c) => c.data.type === 'card' && c.data.columnId === cell.data.columnId && c.data.laneKey === cell.data.laneKey && c.rect.top >= cell.rect.top - 1)
      .sort((a, b) => a.rect.top - b.rect.top)[0];
    return first ? { x: first.rect.left, y: first.rect.top } : { x: cell.rect.left + 4, y: cell.rect.top + 4 };
  }
  const down = code === KeyboardCode.Down;
  const sameColumn = candidates.filter((c) => c.data.columnId === here.columnId);
  const cardsHere = sameColumn
    .filter((c) => c.data.type === 'card' && c.data.laneKey === here.laneKey)
    .filter((c) => (down ? c.rect.top > collisionRect.top + 4 : c.rect.top < collisionRect.top - 4))
    .sort((a, b) => (down ? a.rect.top - b.rect.top : b.rect.top - a.rect.top));
  if (cardsHere[0]) return { x: cardsHere[0].rect.left, y: cardsHere[0].rect.top };
  // Below the last card of the cell: the bottom of the column, before moving on to the next lane.
  const overRect = over && here.type === 'card' ? droppableRects.get(over.id) : undefined;
  if (down && overRect) return { x: overRect.left, y: overRect.top + overRect.height + 8 };
  const lanes = sameColumn
    .filter((c) => c.data.type === 'cell' && c.data.laneKey !== here.laneKey)
    .filter((c) => (down ? c.rect.top > collisionRect.top : c.rect.top < collisionRect.top))
    .sort((a, b) => (down ? a.rect.top - b.rect.top : b.rect.top - a.rect.top));
  const lane = lanes[0];
  return lane ? { x: lane.rect.left + 4, y: lane.rect.top + 4 } : undefined;
};
