import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/api/methods/data';
import { auditFieldLabel } from '../../../../shared/auditFields';
import { eventTypeLabel } from '../../../../shared/eventTypes';
import { formatDateTime, formatNumber } from '../../../../shared/format';
import { api } from '../../api/client';
import { ExportButton } from '../../components/ExportButton';
import { useLive } from '../../stores/live';
import { useSession } from '../../stores/session';
import { DateField } from '../../components/DateField';

const PAGE = 100;

interface Filter {
  actorId: string;
  from: string;
  to: string;
  caseNumber: string;
  type: string;
}
const EMPTY: Filter = { actorId: '', from: '', to: '', caseNumber: '', type: '' };

function toQuery(f: Filter) {
  return {
    ...(f.actorId ? { actorId: Number(f.actorId) } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(f.caseNumber.trim() ? { caseNumber: f.caseNumber.trim() } : {}),
    ...(f.type ? { type: f.type } : {}),
  };
}

export function AuditPanel({ caseNumber = null }: { caseNumber?: string | null }) {
  const { t, i18n } = useTranslation('data');
  const locale = i18n.language === 'en' ? 'en' : 'da';
  const people = useSession((s) => s.people);
  const revision = useLive((s) => s.revision);
  const initial = caseNumber ? { ...EMPTY, caseNumber } : EMPTY;
  const [draft, setDraft] = useState<Filter>(initial);
  const [filter, setFilter] = useState<Filter>(initial);
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [total, setTotal] = useState(0);
  const [types, setTypes] = useState<string[]>([]);
  const [limit, setLimit] = useState(PAGE);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let current = true;
    setLoading(true);
    void api.listAudit({ ...toQuery(filter), limit, offset: 0 }).then((e) => {
      if (!current) return;
      setLoading(false);
      if (e.ok) {
        setEntries(e.value.entries);
        setTotal(e.value.total);
        setTypes(e.value.types);
        setError(null);
      } else setError(e.error.message);
    });
    return () => {
      current = false;
    };
  }, [filter, limit, revision]);

  const fieldLabel = (field: string | null) => auditFieldLabel(field, locale);
  const columns = [
    { key: 'at', header: 'Tidspunkt' }, { key: 'actor', header: 'Hvem' }, { key: 'caseNumber', header: 'Sagsnummer' },
    { key: 'type', header: 'Hændelse' }, { key: 'field', header: 'Felt' }, { key: 'from', header: 'Fra' }, { key: 'to', header: 'Til' },
    { key: 'reason', header: 'Begrundelse' },
  ];
  const exportRows = async () => {
    const e = await api.exportTable({ table: 'audit', filter: toQuery(filter) });
    if (!e.ok) throw new Error(e.error.message);
    return e.value.rows;
  };

  return (
    <div className="data-audit">
      <h2>{t('audit.heading')}</h2>
      <p className="data-intro">{t('audit.intro')}</p>
      <form className="data-form-row" onSubmit={(e) => { e.preventDefault(); setLimit(PAGE); setFilter(draft); }}>
        <label className="data-field">
          <span>{t('audit.person')}</span>
          <select value={draft.actorId} onChange={(e) => setDraft({ ...draft, actorId: e.target.value })}>
            <option value="">{t('audit.anyone')}</option>
            {people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </label>
        <label className="data-field">
          <span>{t('audit.from')}</span>
          <DateField value={draft.from} onChange={(v) => setDraft({ ...draft, from: v })} />
        </label>
        <label className="data-field">
          <span>{t('audit.to')}</span>
          <DateField value={draft.to} onChange={(v) => setDraft({ ...draft, to: v })} />
        </label>
        <label className="data-field">
          <span>{t('audit.caseNumber')}</span>
          <input value={draft.caseNumber} maxLength={50} onChange={(e) => setDraft({ ...draft, caseNumber: e.target.value })} />
        </label>
        <label className="data-field">
          <span>{t('audit.type')}</span>
          <select value={draft.type} onChange={(e) => setDraft({ ...draft, type: e.target.value })}>
            <option value="">{t('audit.anyType')}</option>
            {types.map((type) => <option key={type} value={type}>{eventTypeLabel(type, locale)}</option>)}
          </select>
        </label>
        <button type="submit" className="primary">{t('audit.apply')}</button>
        <button type="button" onClick={() => { setDraft(EMPTY); setFilter(EMPTY); setLimit(PAGE); }}>{t('audit.reset')}</button>
      </form>
      {error && <div className="data-message error" role="alert">{error}</div>}
      <div className="data-toolbar">
        <p className="data-summary" aria-live="polite">{loading ? '…' : t('audit.total', { total: formatNumber(total) })}</p>
        <ExportButton filename="revisionslog" sheetName="Revisionslog" columns={columns} rows={exportRows} disabled={total === 0} />
      </div>
      {!loading && entries.length === 0 && <p>{t('audit.empty')}</p>}
      {entries.length > 0 && (
        <div className="data-table-wrap" tabIndex={0}>
          <table className="data-table audit">
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th><th scope="col">{t('audit.who')}</th><th scope="col">{t('audit.case')}</th>
                <th scope="col">{t('audit.what')}</th><th scope="col">{t('audit.field')}</th><th scope="col">{t('audit.fromValue')}</th>
                <th scope="col">{t('audit.toValue')}</th><th scope="col">{t('audit.why')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td className="nowrap">{formatDateTime(e.at)}</td>
                  <td>{e.actorName ?? t('audit.system')}</td>
                  <td className="nowrap">{e.caseNumber ?? ''}</td>
                  <td>{eventTypeLabel(e.type, locale)}</td>
                  <td>{fieldLabel(e.field)}</td>
                  <td className="value">{e.fromText ?? ''}</td>
                  <td className="value">{e.toText ?? ''}</td>
                  <td>{e.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {entries.length < total && <button type="button" className="data-more" onClick={() => setLimit(limit + PAGE)}>{t('audit.more')}</button>}
    </div>
  );
}
