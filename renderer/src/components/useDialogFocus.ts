import { useEffect, type RefObject } from 'react';
import { cardSelector, focusAfter } from './focusAfter';

/**
 * Modal focus handling: focus moves into the dialog, Tab stays inside it, Escape closes it, and
 * focus returns to whatever had it before (usually the card), so keyboard users do not get lost.
 * If the board's reload has replaced that card meanwhile, to the same case's new card; else
 * focusAfter's rescue to the main region.
 */
export function useDialogFocus(dialog: RefObject<HTMLElement | null>, onClose: () => void, initial?: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const node = dialog.current;
    (initial?.current ?? node?.querySelector<HTMLElement>('button, input, select, textarea, [tabindex]'))?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (!node) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        onClose();
        return;
      }
      if (e.key !== 'Tab') return;
      const focusable = [...node.querySelectorAll<HTMLElement>('button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex="0"]')];
      if (focusable.length === 0) return;
      const first = focusable[0]!;
      const last = focusable[focusable.length - 1]!;
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      const caseId = previous?.closest('[data-case-id]')?.getAttribute('data-case-id');
      focusAfter(() => (previous?.isConnected ? previous : caseId ? document.querySelector<HTMLElement>(cardSelector(Number(caseId))) : null));
    };
    // The dialog mounts once per request; re-running on every onClose identity would steal focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
