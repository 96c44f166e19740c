/**
 * Where focus goes after an action, in one place: to the element the action produced (the moved,
 * restored or pulled card, the next item), else to the main region, never to <body> where a
 * keyboard or screen-reader user would have to start the page over. The target is looked up after
 * React has rendered (and retried a few frames, since a card may arrive with the board's reload).
 */
export function focusAfter(target: string | (() => HTMLElement | null | undefined), fallback = '#main', tries = 20): void {
  const find = () => (typeof target === 'string' ? document.querySelector<HTMLElement>(target) : target() ?? null);
  const attempt = (left: number) => {
    const element = find();
    if (element && element.isConnected) {
      element.focus();
      return;
    }
    if (left > 0) {
      requestAnimationFrame(() => attempt(left - 1));
      return;
    }
    // Only rescue focus that has been lost; a user who has moved on keeps where they are.
    if (document.activeElement === null || document.activeElement === document.body) {
      document.querySelector<HTMLElement>(fallback)?.focus();
    }
  };
  requestAnimationFrame(() => attempt(tries));
}

/** The card for a case, wherever the board shows it. */
export function cardSelector(caseId: number): string {
  return `.card[data-case-id="${caseId}"]`;
}

/** True when a keystroke is text going into a field, which shortcuts must leave alone. */
export function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return Boolean(element?.closest?.('input, textarea, select, [contenteditable="true"]'));
}
