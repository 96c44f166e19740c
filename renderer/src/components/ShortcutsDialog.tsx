import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isTyping } from './focusAfter';
import { useDialogFocus } from './useDialogFocus';

const SHORTCUTS: { keys: string[]; action: string }[] = [
  { keys: ['?'], action: 'shortcuts.help' },
  { keys: ['Tab'], action: 'shortcuts.skip' },
  { keys: ['↑', '↓'], action: 'shortcuts.arrowsCards' },
  { keys: ['←', '→'], action: 'shortcuts.arrowsColumns' },
  { keys: ['Enter'], action: 'shortcuts.openCard' },
  { keys: ['Mellemrum|Space'], action: 'shortcuts.pickUp' },
  { keys: ['Ctrl+Z'], action: 'shortcuts.undo' },
  { keys: ['Ctrl+Shift+Z', 'Ctrl+Y'], action: 'shortcuts.redo' },
  { keys: ['Escape'], action: 'shortcuts.escape' },
];

function Dialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  useDialogFocus(ref, onClose, closeRef);
  const keyName = (key: string) => {
    const [da, en] = key.split('|');
    return i18n.language === 'en' ? en ?? da! : da!;
  };
  return (
    <div className="modal-backdrop">
      <div className="modal shortcuts-dialog" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" aria-describedby="shortcuts-intro" ref={ref}>
        <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
        <p id="shortcuts-intro">{t('shortcuts.intro')}</p>
        <table className="shortcuts-table">
          <thead>
            <tr><th scope="col">{t('shortcuts.key')}</th><th scope="col">{t('shortcuts.action')}</th></tr>
          </thead>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.action}>
                <td>{s.keys.map((k, i) => <span key={k}>{i > 0 && ' / '}<kbd>{keyName(k)}</kbd></span>)}</td>
                <td>{t(s.action)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="modal-actions">
          <button type="button" className="primary" ref={closeRef} onClick={onClose}>{t('app.close')}</button>
        </div>
      </div>
    </div>
  );
}

/** `?` anywhere outside a field (and outside another dialog) shows every keyboard shortcut. */
export function ShortcutsDialog() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '?' || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      e.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return open ? <Dialog onClose={() => setOpen(false)} /> : null;
}
