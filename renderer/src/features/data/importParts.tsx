// What the case-system import and the finance import have in common: the file chooser, reading
// the chosen file for the host, and the table of row-level errors the host refused it with.
import { useTranslation } from 'react-i18next';
import type { ImportError } from '../../../../shared/import';
import { MAX_FILE_BYTES, toBase64 } from './files';

export type ChosenFile = { name: string; content: string };

/** Reads a chosen file as base64, or says in the user's words why it cannot be sent. */
export function useReadFile(emptyMessage: string): (chosen: File) => Promise<{ file: ChosenFile } | { error: string }> {
  const { t } = useTranslation('data');
  return async (chosen) => {
    if (chosen.size > MAX_FILE_BYTES) return { error: t('import.tooLarge') };
    try {
      const content = chosen.size === 0 ? '' : toBase64(await chosen.arrayBuffer());
      if (content === '') return { error: t('import.readFailed', { message: emptyMessage }) };
      return { file: { name: chosen.name, content } };
    } catch (error) {
      return { error: t('import.readFailed', { message: (error as Error).message }) };
    }
  };
}

/** The panels give it a new key after an import, so that choosing the same file again is noticed. */
export function FileField(props: { onChoose(files: FileList | null): void; label?: string; accept?: string; disabled?: boolean }) {
  const { t } = useTranslation('data');
  return (
    <label className="data-field">
      <span>{props.label ?? t('import.file')}</span>
      <input type="file" accept={props.accept ?? '.csv,text/csv,text/plain'} disabled={props.disabled} onChange={(e) => props.onChoose(e.target.files)} />
    </label>
  );
}

/** The panel's heading and what it does, with why the user cannot run it when they may not. */
export function ImportIntro(props: { heading: string; intro: string; refusal: string | null }) {
  return (
    <>
      <h2>{props.heading}</h2>
      <p className="data-intro">{props.intro}</p>
      {props.refusal !== null && <p className="data-note" role="note">{props.refusal}</p>}
    </>
  );
}

export function DataMessage({ message }: { message: { kind: 'ok' | 'error'; text: string } | null }) {
  return message && <div className={`data-message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</div>;
}

/** The first errors the host found, with how many there were in all. */
export function ImportErrors(props: { id: string; heading: string; errors: ImportError[]; total: number }) {
  const { t } = useTranslation('data');
  const { errors, total } = props;
  return (
    <section className="data-errors" aria-labelledby={props.id}>
      <h3 id={props.id}>{props.heading}</h3>
      {total > errors.length && <p>{t('import.errorsMore', { shown: errors.length, count: total })}</p>}
      <div className="data-table-wrap" tabIndex={0}>
        <table className="data-table">
          <thead><tr><th scope="col">{t('import.row')}</th><th scope="col">{t('import.column')}</th><th scope="col">{t('import.value')}</th><th scope="col">{t('import.reason')}</th></tr></thead>
          <tbody>
            {errors.map((e, i) => (
              <tr key={i}><td className="num">{e.row}</td><td>{e.column}</td><td><code>{e.value}</code></td><td>{e.reason}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
