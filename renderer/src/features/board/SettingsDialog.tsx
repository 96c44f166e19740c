import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board } from '../../../../shared/api/methods/board';
import { COLUMN_KINDS, type BoardColumn, type ColumnKind } from '../../../../shared/domain';
import { api } from '../../api/client';
import { useBoardStore } from './boardStore';
import { useDialogFocus } from '../../components/useDialogFocus';
import { NumberField } from '../../components/NumberField';
import { checkForm } from '../../components/formCheck';

interface Props {
  board: Board;
  totals: Map<number, number>;
  onClose(): void;
}

/** The team leader's column settings. Every change is saved at once and logged by the store. */
export default function SettingsDialog({ board, totals, onClose }: Props) {
  const { t } = useTranslation('board');
  const dialogRef = useRef<HTMLDivElement>(null);
  const load = useBoardStore((s) => s.load);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ColumnKind>('active');
  const [limit, setLimit] = useState<number | null>(null);
  useDialogFocus(dialogRef, onClose);

  const after = async (result: { ok: boolean; error?: { message: string } }) => {
    if (!result.ok) {
      setProblem(result.error?.message ?? '');
      setStatus(null);
      return false;
    }
    setProblem(null);
    setStatus(t('settings.saved'));
    await load(board.team.id);
    return true;
  };

  const add = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!checkForm(e.currentTarget)) return;
    const ok = await after(await api.addColumn({ teamId: board.team.id, name, kind, wipLimit: limit }));
    if (ok) {
      setName('');
      setLimit(null);
    }
  };

  return (
    <div className="modal-backdrop">
      <div className="modal settings-dialog" role="dialog" aria-modal="true" aria-labelledby="settings-title" ref={dialogRef}>
        <div className="modal-title-row">
          <h2 id="settings-title">{t('settings.title')}</h2>
          <button type="button" className="close" onClick={onClose} aria-label={t('settings.close')}>×</button>
        </div>
        <p className="field-help">{t('settings.intro')}</p>
        <div className="settings-messages">
          {problem && <p className="field-error" role="alert">{problem}</p>}
          {status && !problem && <p className="field-ok" role="status">{status}</p>}
        </div>
        <ol className="settings-columns">
          {board.columns.map((column, index) => (
            <ColumnRow key={`${column.id}-${column.name}-${column.kind}-${column.wipLimit}`} column={column} index={index} count={board.columns.length}
              cards={totals.get(column.id) ?? 0} onResult={after} />
          ))}
        </ol>
        <form className="settings-add" noValidate onSubmit={(e) => void add(e)}>
          <h3>{t('settings.add')}</h3>
          <label className="field">
            {t('settings.newName')}
            <input value={name} aria-required maxLength={60} onChange={(e) => setName(e.target.value)} />
          </label>
          <label className="field">
            {t('settings.kind')}
            <select value={kind} onChange={(e) => setKind(e.target.value as ColumnKind)}>
              {COLUMN_KINDS.map((k) => <option key={k} value={k}>{t(`columnKinds.${k}`)}</option>)}
            </select>
          </label>
          <label className="field">
            {t('settings.limit')}
            <NumberField min={1} max={10000} decimals={0} value={limit} placeholder={t('settings.noLimit')} onChange={setLimit} />
          </label>
          <button type="submit" className="primary">{t('settings.add')}</button>
        </form>
      </div>
    </div>
  );
}

function ColumnRow({ column, index, count, cards, onResult }: {
  column: BoardColumn; index: number; count: number; cards: number;
  onResult(result: { ok: boolean; error?: { message: string } }): Promise<boolean>;
}) {
  const { t } = useTranslation('board');
  const [name, setName] = useState(column.name);
  const [kind, setKind] = useState<ColumnKind>(column.kind);
  const [limit, setLimit] = useState<number | null>(column.wipLimit);
  const changed = name.trim() !== column.name || kind !== column.kind || limit !== column.wipLimit;
  const save = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!checkForm(e.currentTarget)) return;
    await onResult(await api.updateColumn({ columnId: column.id, name: name.trim(), kind, wipLimit: limit }));
  };
  const id = `settings-col-${column.id}`;
  return (
    <li>
      <form className="settings-row" noValidate onSubmit={(e) => void save(e)} aria-label={column.name}>
        <span className="settings-position" aria-hidden="true">{index + 1}</span>
        <label className="field">
          <span>{t('settings.name')}</span>
          <input id={`${id}-name`} value={name} aria-required maxLength={60} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('settings.kind')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as ColumnKind)}>
            {COLUMN_KINDS.map((k) => <option key={k} value={k}>{t(`columnKinds.${k}`)}</option>)}
          </select>
        </label>
        <label className="field narrow">
          <span>{t('settings.limit')}</span>
          <NumberField min={1} max={10000} decimals={0} value={limit} placeholder={t('settings.noLimit')} onChange={setLimit} />
        </label>
        <div className="settings-buttons">
          <button type="submit" disabled={!changed}>{t('settings.save')}</button>
          <button type="button" disabled={index === 0} aria-label={t('settings.up', { name: column.name })}
            onClick={() => void api.moveColumn({ columnId: column.id, toPosition: index }).then(onResult)}>←</button>
          <button type="button" disabled={index === count - 1} aria-label={t('settings.down', { name: column.name })}
            onClick={() => void api.moveColumn({ columnId: column.id, toPosition: index + 2 }).then(onResult)}>→</button>
          <button type="button" className="danger-outline" aria-label={t('settings.removeTitle', { name: column.name })}
            title={cards > 0 ? t('settings.hasCards', { count: cards }) : undefined}
            onClick={() => void api.removeColumn({ columnId: column.id }).then(onResult)}>
            {t('settings.remove')}
          </button>
        </div>
        {cards > 0 && <span className="settings-cards">{t('settings.hasCards', { count: cards })}</span>}
      </form>
    </li>
  );
}
