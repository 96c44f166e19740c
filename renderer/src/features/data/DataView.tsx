import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../stores/permissions';
import { useSession } from '../../stores/session';
import { AuditPanel } from './AuditPanel';
import { BackupsPanel } from './BackupsPanel';
import { ExportPanel } from './ExportPanel';
import { FinanceImportPanel } from './FinanceImportPanel';
import { ImportPanel } from './ImportPanel';
import './data.css';

const ALL_TABS = ['import', 'export', 'backups', 'audit'] as const;
type Tab = (typeof ALL_TABS)[number];
/** The method each tab cannot work without: a tab is offered only to those the host lets call it. */
const TAB_REQUIRES = { import: 'previewImport', export: 'exportTable', backups: 'listBackups', audit: 'listAudit' } as const;

/** "#/data?case=2026-000123" opens the audit log of that case (a link from a card's history). */
function caseFromHash(): string | null {
  const query = location.hash.split('?')[1];
  return query ? new URLSearchParams(query).get('case') : null;
}

export default function DataView() {
  const { t } = useTranslation('data');
  const actor = useSession((s) => s.actor);
  const TABS = ALL_TABS.filter((id) => can(actor, TAB_REQUIRES[id]));
  const [linkedCase] = useState(caseFromHash);
  const [chosen, setTab] = useState<Tab>(linkedCase ? 'audit' : 'import');
  // The import tab takes two files: the case system's extract and the finance system's bookings.
  const [importKind, setImportKind] = useState<'cases' | 'finance'>('cases');
  const tab = TABS.includes(chosen) ? chosen : TABS[0] ?? 'export';
  // The WAI-ARIA tabs pattern: arrow keys, Home and End move between the tabs.
  function moveWithArrows(e: KeyboardEvent<HTMLDivElement>) {
    const index = TABS.indexOf(tab);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: TABS.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const id = TABS[(next + TABS.length) % TABS.length]!;
    setTab(id);
    document.getElementById(`data-tab-${id}`)?.focus();
  }

  return (
    <div data-feature="data" className="data-view">
      <h1>{t('title')}</h1>
      {TABS.length < ALL_TABS.length && <p className="data-note" role="note">{t('limited')}</p>}
      <div className="data-tabs" role="tablist" aria-label={t('title')} onKeyDown={moveWithArrows}>
        {TABS.map((id) => (
          <button key={id} type="button" role="tab" id={`data-tab-${id}`} aria-selected={tab === id} aria-controls={`data-panel-${id}`}
            tabIndex={tab === id ? 0 : -1} className={tab === id ? 'selected' : undefined} onClick={() => setTab(id)}>
            {t(`tabs.${id}`)}
          </button>
        ))}
      </div>
      <section role="tabpanel" id={`data-panel-${tab}`} aria-labelledby={`data-tab-${tab}`} className="data-panel">
        {tab === 'import' && (
          <>
            <fieldset className="data-import-kind">
              <legend>{t('importKind.legend')}</legend>
              {(['cases', 'finance'] as const).map((kind) => (
                <label key={kind}>
                  <input type="radio" name="import-kind" value={kind} checked={importKind === kind} onChange={() => setImportKind(kind)} />
                  {t(`importKind.${kind}`)}
                </label>
              ))}
            </fieldset>
            {importKind === 'cases' ? <ImportPanel /> : <FinanceImportPanel />}
          </>
        )}
        {tab === 'export' && <ExportPanel />}
        {tab === 'backups' && <BackupsPanel />}
        {tab === 'audit' && <AuditPanel caseNumber={linkedCase} />}
      </section>
    </div>
  );
}
