import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportProfile, ImportResult } from '../../../../shared/api/methods/data';
import { formatNumber } from '../../../../shared/format';
import {
  CANONICAL_COLUMNS, checkExtractRows, normaliseHeader, parseCsv,
  type CanonicalColumn, type ColumnMapping, type ImportError, type ImportProgress,
} from '../../../../shared/import';
import { isXlsx, rowsToCsv, workbookRows } from '../../../../shared/importSheet';
import { api } from '../../api/client';
import { useCan } from '../../stores/permissions';
import { decodeText, MAX_BASE64_CHARS, MAX_FILE_BYTES, pause, textToBase64, toBase64 } from './files';
import { DataMessage, FileField, ImportErrors, ImportIntro } from './importParts';
import { TransferProgress, type TransferStep } from './TransferProgress';

const DELIMITER_LABEL: Record<string, string> = { ';': 'semikolon', ',': 'komma', '\t': 'tabulator' };

/** The chosen extract, read: the cells the checks go through and the bytes the host is sent. */
interface SourceFile {
  name: string;
  kind: 'csv' | 'xlsx';
  /** Base64 for the host: the file itself, or a workbook's first sheet as CSV. */
  content: string;
  rows: string[][];
  delimiter: ';' | ',' | '\t';
  problem: string | null;
}

/** One reading or checking of a file; the user's Annullér, a new file or a new mapping ends it. */
interface Run {
  cancelled: boolean;
}

const CANCELLED = Symbol('cancelled');

export function ImportPanel() {
  const { t } = useTranslation('data');
  const steward = useCan('runImport');
  const [file, setFile] = useState<SourceFile | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [profiles, setProfiles] = useState<ImportProfile[]>([]);
  const [profileId, setProfileId] = useState<number | null>(null);
  const [profileName, setProfileName] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [step, setStep] = useState<TransferStep | null>(null);
  const [running, setRunning] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [importErrors, setImportErrors] = useState<ImportError[] | null>(null);
  // A new input after an import, so choosing the same file again (tomorrow's extract) is noticed.
  const [inputKey, setInputKey] = useState(0);
  // Opens by itself when the file's columns need mapping, and then stays as the user leaves it.
  const [mappingOpen, setMappingOpen] = useState(false);
  const runRef = useRef<Run | null>(null);

  /** Starts a run, ending the one before it. */
  function begin(): Run {
    if (runRef.current) runRef.current.cancelled = true;
    const run = { cancelled: false };
    runRef.current = run;
    return run;
  }

  /** Shows where the run is and gives the browser a turn to paint it and to hear Annullér. */
  async function advance(run: Run, progress: ImportProgress | { phase: 'open' }) {
    if (run.cancelled) throw CANCELLED;
    setStep({ label: t(`transfer.phases.${progress.phase}`), done: 'done' in progress ? progress.done : undefined, total: 'total' in progress ? progress.total : undefined });
    await pause();
    if (run.cancelled) throw CANCELLED;
  }

  function cancel() {
    if (runRef.current) runRef.current.cancelled = true;
    runRef.current = null;
    setStep(null);
    setFile(null);
    setPreview(null);
    setImportErrors(null);
    setInputKey((k) => k + 1);
    setMessage({ kind: 'ok', text: t('transfer.cancelled') });
  }

  const loadProfiles = () => void api.listImportProfiles({}).then((e) => e.ok && setProfiles(e.value));
  useEffect(loadProfiles, []);

  // The file's rows are checked here first, in steps the bar shows and Annullér can stop; then
  // the host checks them again against the store (a dry run) and says what the import would do.
  useEffect(() => {
    if (!file) return;
    const run = begin();
    void (async () => {
      try {
        const steps = checkExtractRows(file.rows, file.delimiter, file.problem, mapping);
        for (let next = steps.next(); !next.done; next = steps.next()) await advance(run, next.value);
        await advance(run, { phase: 'compare' });
        const envelope = await api.previewImport({ fileName: file.name, contentBase64: file.content, mapping });
        if (run.cancelled) return;
        setStep(null);
        if (envelope.ok) {
          setPreview(envelope.value);
          setMessage(null);
          if (envelope.value.errors.some((e) => e.row === 1)) setMappingOpen(true);
        } else {
          setPreview(null);
          setMessage({ kind: 'error', text: envelope.error.message });
        }
      } catch (error) {
        if (error !== CANCELLED) throw error;
      }
    })();
    return () => {
      run.cancelled = true;
    };
    // begin and advance are this render's; the run depends on the file and the mapping alone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [file, mapping]);

  async function chooseFile(list: FileList | null) {
    const chosen = list?.[0];
    setMessage(null);
    setImportErrors(null);
    setPreview(null);
    setFile(null);
    if (!chosen) return;
    if (chosen.size > MAX_FILE_BYTES) {
      setMessage({ kind: 'error', text: t('import.tooLarge') });
      return;
    }
    if (chosen.size === 0) {
      setMessage({ kind: 'error', text: t('import.readFailed', { message: 'filen er tom' }) });
      return;
    }
    const run = begin();
    try {
      await advance(run, { phase: 'open' });
      const bytes = new Uint8Array(await chosen.arrayBuffer());
      if (isXlsx(bytes, chosen.name)) {
        // exceljs is a large chunk: loaded when a workbook is chosen, never with the view.
        const { default: ExcelJS } = await import('exceljs');
        const read = await workbookRows(new ExcelJS.Workbook(), bytes, (progress) => advance(run, progress));
        if (run.cancelled) return;
        if ('problem' in read) {
          setStep(null);
          setImportErrors([read.problem]);
          return;
        }
        const content = textToBase64(rowsToCsv(read.rows));
        if (content.length > MAX_BASE64_CHARS) {
          // A workbook is compressed: its cells as CSV can outgrow what the host takes in one call.
          setStep(null);
          setMessage({ kind: 'error', text: t('transfer.sheetTooLarge') });
          return;
        }
        setFile({ name: chosen.name, kind: 'xlsx', content, rows: read.rows, delimiter: ';', problem: null });
      } else {
        const { rows, delimiter, problem } = parseCsv(decodeText(bytes));
        if (run.cancelled) return;
        setFile({ name: chosen.name, kind: 'csv', content: toBase64(bytes.buffer), rows, delimiter, problem });
      }
    } catch (error) {
      if (error === CANCELLED) return;
      setStep(null);
      setMessage({ kind: 'error', text: t('import.readFailed', { message: (error as Error).message }) });
    }
  }

  function chooseProfile(value: string) {
    const id = value === '' ? null : Number(value);
    setProfileId(id);
    const profile = profiles.find((p) => p.id === id);
    setMapping(profile ? { ...profile.mapping } : {});
    setProfileName(profile?.name ?? '');
  }

  function mapColumn(column: CanonicalColumn, header: string) {
    setMapping((m) => {
      const next = { ...m };
      if (header === '') delete next[column];
      else next[column] = header;
      return next;
    });
  }

  async function saveProfile() {
    const envelope = await api.saveImportProfile({ name: profileName, mapping });
    if (envelope.ok) {
      setProfileId(envelope.value.id);
      setMessage({ kind: 'ok', text: t('import.saved', { name: envelope.value.name }) });
      loadProfiles();
    } else setMessage({ kind: 'error', text: envelope.error.message });
  }

  async function deleteProfile() {
    if (profileId === null) return;
    const envelope = await api.deleteImportProfile({ id: profileId });
    if (envelope.ok) {
      chooseProfile('');
      loadProfiles();
    } else setMessage({ kind: 'error', text: envelope.error.message });
  }

  async function runImport() {
    if (!file) return;
    begin();
    setRunning(true);
    setMessage(null);
    setImportErrors(null);
    setStep({ label: t('transfer.phases.write') });
    const envelope = await api.runImport({ fileName: file.name, contentBase64: file.content, mapping });
    setRunning(false);
    setStep(null);
    if (envelope.ok) {
      const r: ImportResult = envelope.value;
      setMessage({ kind: 'ok', text: t('import.done', { inserted: formatNumber(r.inserted), updated: formatNumber(r.updated), unchanged: formatNumber(r.unchanged) }) });
      setFile(null);
      setPreview(null);
      setInputKey((k) => k + 1);
    } else {
      setMessage({ kind: 'error', text: envelope.error.message });
      const details = envelope.error.details as { errors?: ImportError[] } | undefined;
      if (details?.errors) setImportErrors(details.errors);
    }
  }

  const headers = preview?.headers ?? [];
  // Which file column each canonical column uses now: the mapped one, else the one of the same name.
  const autoFound = useMemo(() => new Set((preview?.headers ?? []).map(normaliseHeader)), [preview?.headers]);
  const errors = importErrors ?? preview?.errors ?? [];
  const totalErrors = importErrors ? importErrors.length : preview?.totalErrors ?? 0;

  return (
    <div className="data-import">
      <ImportIntro heading={t('import.heading')} intro={t('transfer.importIntro')} refusal={steward ? null : t('import.onlyStewards')} />

      <div className="data-form-row">
        <FileField
          key={inputKey} label={t('transfer.file')} onChoose={(files) => void chooseFile(files)} disabled={running}
          accept=".csv,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        />
        <label className="data-field">
          <span>{t('import.profile')}</span>
          <select value={profileId ?? ''} onChange={(e) => chooseProfile(e.target.value)}>
            <option value="">{t('import.profileNone')}</option>
            {profiles.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </label>
      </div>

      <DataMessage message={message} />
      {step && <TransferProgress step={step} onCancel={cancel} cannotCancel={running ? t('transfer.cannotCancel') : null} />}

      {preview && file && (
        <>
          <p className="data-summary">
            <strong>{file.name}</strong>: {file.kind === 'xlsx'
              ? t('transfer.xlsxSummary', { rows: formatNumber(preview.rows) })
              : t('import.summary', { rows: formatNumber(preview.rows), encoding: preview.encoding.toUpperCase(), delimiter: DELIMITER_LABEL[preview.delimiter] ?? preview.delimiter })}
          </p>

          {preview.result && (
            <div className="data-counts" aria-label={t('import.heading')}>
              <div><span className="count">{formatNumber(preview.result.inserted)}</span><span>{t('import.wouldInsert')}</span></div>
              <div><span className="count">{formatNumber(preview.result.updated)}</span><span>{t('import.wouldUpdate')}</span></div>
              <div><span className="count">{formatNumber(preview.result.unchanged)}</span><span>{t('import.wouldKeep')}</span></div>
            </div>
          )}
          {preview.result && preview.result.newTeams.length > 0 && <p>{t('import.newTeams', { names: preview.result.newTeams.join(', ') })}</p>}
          {preview.result && preview.result.newCaseworkers.length > 0 && <p>{t('import.newCaseworkers', { names: preview.result.newCaseworkers.join(', ') })}</p>}

          {preview.ok && (
            <button type="button" className="primary data-run" disabled={!steward || running} onClick={() => void runImport()}>
              {running ? t('import.running') : t('import.run', { count: formatNumber(preview.result?.cases ?? 0) })}
            </button>
          )}

          <section className="data-mapping" aria-labelledby="data-mapping-toggle">
            <h3 className="data-disclosure">
              <button type="button" id="data-mapping-toggle" aria-expanded={mappingOpen} aria-controls="data-mapping-body" onClick={() => setMappingOpen(!mappingOpen)}>
                <span aria-hidden="true">{mappingOpen ? '▾' : '▸'}</span> {t('import.mappingHeading')}
              </button>
            </h3>
            {mappingOpen && (
              <div id="data-mapping-body">
                <p>{t('import.mappingIntro')}</p>
                <div className="data-mapping-grid">
                  {CANONICAL_COLUMNS.map((column) => (
                    <label key={column} className="data-field">
                      <span><code>{column}</code></span>
                      <select value={mapping[column] ?? ''} onChange={(e) => mapColumn(column, e.target.value)}>
                        <option value="">{autoFound.has(column) ? t('import.auto') : t('import.absent')}</option>
                        {headers.map((h, i) => <option key={`${h}-${i}`} value={h}>{h}</option>)}
                      </select>
                    </label>
                  ))}
                </div>
                <div className="data-form-row">
                  <label className="data-field">
                    <span>{t('import.saveProfile')}</span>
                    <input value={profileName} maxLength={80} onChange={(e) => setProfileName(e.target.value)} aria-label={t('import.profileName')} />
                  </label>
                  <button type="button" disabled={!steward || profileName.trim() === ''} onClick={() => void saveProfile()}>{t('import.save')}</button>
                  {profileId !== null && <button type="button" disabled={!steward} onClick={() => void deleteProfile()}>{t('import.deleteProfile')}</button>}
                </div>
              </div>
            )}
          </section>

          {preview.sample.length > 0 && (
            <details className="data-sample">
              <summary>{t('import.sample')}</summary>
              <div className="data-table-wrap" tabIndex={0}>
                <table className="data-table">
                  <thead><tr>{preview.headers.map((h, i) => <th key={i} scope="col">{h}</th>)}</tr></thead>
                  <tbody>{preview.sample.map((row, r) => <tr key={r}>{row.map((cell, c) => <td key={c}>{cell}</td>)}</tr>)}</tbody>
                </table>
              </div>
            </details>
          )}
        </>
      )}

      {errors.length > 0 && (
        <ImportErrors id="import-errors-heading" heading={t('import.errorsHeading', { count: totalErrors })} errors={errors} total={totalErrors} />
      )}
    </div>
  );
}
