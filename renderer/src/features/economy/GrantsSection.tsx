// The grants of a case in the card detail panel: takst, unit, extent, yearly cost, provider,
// internal/external, takst category and next follow-up, with editing and a "what if" preview of
// the change's effect on the yearly cost and the team's bottom line before anything is saved.
import { Suspense, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProviderType, TakstUnit } from '../../../../shared/domain';
import { PROVIDER_TYPES, TAKST_UNITS } from '../../../../shared/domain';
import type { GrantView } from '../../../../shared/api/methods/economy';
import type { GrantFields, GrantPreview } from '../../../../shared/api/methods/grantFields';
import type { SupportGoal } from '../../../../shared/economics';
import { formatExportNumber } from '../../../../shared/importExport';
import { parseAmount } from '../../../../shared/money';
import { formatDate, formatKroner, formatNumber, formatParagraph, type Locale } from '../../../../shared/format';
import { localToday } from '../../../../shared/dates';
import { catalogueTakstFor, grantPlausibility } from '../../../../shared/grantPlausibility';
import { isMessageKey, renderMessage } from '../../../../shared/messages';
import { PARAGRAPHS, paragraphInfo } from '../../../../shared/paragraphs';
import { api } from '../../api/client';
import { DateField } from '../../components/DateField';
import { useDraftAnswer } from '../../components/useDraftAnswer';
import { useLoaded } from '../../components/useLoaded';
import { useCan } from '../../stores/permissions';
import { takeGrantEditorRequest } from '../../stores/grantEditorRequest';
import { useSession } from '../../stores/session';
import { slots } from '../slots';
import type { CaseDetailSectionProps } from '../types';
import './economy.css';

type Mode = { kind: 'list' } | { kind: 'new' } | { kind: 'edit'; grant: GrantView } | { kind: 'end'; grant: GrantView };

/** The case detail's grants section (a slot of the board's case detail). */
export default function GrantsSection({ caseId, grants, onChanged }: CaseDetailSectionProps) {
  const { t, i18n } = useTranslation('economy');
  const { t: tCommittee } = useTranslation('committee');
  const locale = i18n.language === 'en' ? 'en' : 'da';
  const today = useSession((s) => s.workspace?.today ?? '');
  // The panel's grants change after every save; they key the reload of the richer view here.
  const grantsKey = grants.map((g) => `${g.id}:${g.takst}:${g.quantity}:${g.endDate}`).join(',');
  const economy = useLoaded(() => api.getCaseEconomy({ caseId }), `${caseId} ${grantsKey}`, { keepPrevious: true });
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [message, setMessage] = useState<string | null>(null);
  // The secretariat reads grants; caseworkers and leaders make them.
  const canGrant = useCan('createGrant');
  const headingId = useId();

  useEffect(() => setMode({ kind: 'list' }), [caseId]);
  // "Ændres inden for rammen" on a follow-up item opens this case's grant in the editor.
  const loadedGrants = economy.data?.grants;
  useEffect(() => {
    if (!loadedGrants) return;
    const requested = takeGrantEditorRequest(loadedGrants.map((g) => g.id));
    const grant = loadedGrants.find((g) => g.id === requested);
    if (grant) setMode({ kind: 'edit', grant });
  }, [loadedGrants]);

  const saved = (meetingDate?: string | null) => done(meetingDate === undefined ? t('grants.saved')
    : meetingDate === null ? tCommittee('grants.awaitingSaved') : tCommittee('grants.awaitingMeeting', { date: formatDate(meetingDate, locale) }));

  const done = (text: string) => {
    setMode({ kind: 'list' });
    setMessage(text);
    economy.reload();
    onChanged();
  };

  const list = economy.data?.grants ?? [];
  return (
    <section data-feature="economy" className="detail-section grants-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('grants.title')}</h3>
      {economy.error && <p className="field-error" role="alert">{economy.error}</p>}
      {economy.data && list.length === 0 && <p>{t('grants.none')}</p>}
      <ul className="grant-list">
        {list.map((g) => (
          <li key={g.id} className={`grant-item${g.activeToday ? '' : ' grant-inactive'}`} data-grant-id={g.id}>
            <div className="grant-head">
              <strong>{formatParagraph(g.paragraph)} {g.service}</strong>
              {g.endDate !== null && g.endDate < today && <span className="grant-badge">{t('grants.ended')}</span>}
              {g.startDate > today && <span className="grant-badge">{t('grants.future')}</span>}
            </div>
            <dl className="grant-facts">
              <div><dt>{t('grants.takst')}</dt><dd>{formatNumber(g.takst, g.takst % 1 === 0 ? 0 : 2, locale)} {t(`unitsPer.${g.takstUnit}`)}</dd></div>
              <div><dt>{t('grants.quantity')}</dt><dd>{quantityText(g, t, locale)}</dd></div>
              <div><dt>{t('grants.yearlyCost')}</dt><dd className="grant-yearly">{formatKroner(g.yearlyCost, locale)}</dd></div>
              <div><dt>{t('grants.provider')}</dt><dd>{g.provider}</dd></div>
              <div><dt>{t('grants.providerType')}</dt><dd className={`provider-${g.providerType}`}>{t(`providerTypes.${g.providerType}`)}</dd></div>
              <div><dt>{t('grants.category')}</dt><dd>{g.category?.label ?? t('common.none')}</dd></div>
              <div><dt>{t('grants.period')}</dt><dd>{formatDate(g.startDate, locale)} – {g.endDate ? formatDate(g.endDate, locale) : t('grants.open')}</dd></div>
              <div>
                <dt>{t('grants.nextFollowUp')}</dt>
                <dd>
                  {g.nextFollowUp ? formatDate(g.nextFollowUp, locale) : t('common.none')}
                  {g.followUpMonths !== null && <> ({t('grants.followUpEvery', { count: g.followUpMonths })})</>}
                </dd>
              </div>
            </dl>
            {mode.kind === 'list' && canGrant && (
              <div className="form-actions">
                <button type="button" onClick={() => { setMessage(null); setMode({ kind: 'edit', grant: g }); }} aria-label={t('grants.editNamed', { service: g.service })}>
                  {t('grants.edit')}
                </button>
                {(g.endDate === null || g.endDate > today) && (
                  <button type="button" onClick={() => { setMessage(null); setMode({ kind: 'end', grant: g }); }} aria-label={t('grants.endNamed', { service: g.service })}>
                    {t('grants.end')}
                  </button>
                )}
              </div>
            )}
            {mode.kind === 'edit' && mode.grant.id === g.id && (
              <GrantForm caseId={caseId} grant={g} today={today} onCancel={() => setMode({ kind: 'list' })} onSaved={saved} />
            )}
            {mode.kind === 'end' && mode.grant.id === g.id && (
              <EndGrantForm grant={g} today={today} onCancel={() => setMode({ kind: 'list' })} onSaved={() => done(t('grants.endedSaved'))} />
            )}
          </li>
        ))}
      </ul>
      {mode.kind === 'new' && (
        <GrantForm caseId={caseId} grant={null} paragraph={economy.data?.paragraph} today={today} onCancel={() => setMode({ kind: 'list' })} onSaved={saved} />
      )}
      <div className="form-actions">
        {mode.kind === 'list' && canGrant && (
          <button type="button" onClick={() => { setMessage(null); setMode({ kind: 'new' }); }}>{t('grants.add')}</button>
        )}
        {message && <span className="field-ok" role="status">{message}</span>}
      </div>
      {slots().grantSections.map(({ id, component: Part }) => (
        <Suspense key={id} fallback={null}><Part caseId={caseId} /></Suspense>
      ))}
    </section>
  );
}

type T = (key: string, options?: Record<string, unknown>) => string;

function quantityText(g: Pick<GrantView, 'takstUnit' | 'quantity'>, t: T, locale: 'da' | 'en'): string {
  const n = formatNumber(g.quantity, g.quantity % 1 === 0 ? 0 : 2, locale);
  return g.takstUnit === 'hour' ? `${n} ${locale === 'da' ? 't/uge' : 'h/week'}` : `${n} × ${t(`units.${g.takstUnit}`)}`;
}

interface Draft {
  paragraph: string;
  service: string;
  provider: string;
  providerType: ProviderType;
  takst: string;
  takstUnit: TakstUnit;
  quantity: string;
  startDate: string;
  endDate: string;
  followUpMonths: string;
  supportGoal: SupportGoal | '';
}

function draftOf(grant: GrantView | null, paragraph: string | undefined, today: string): Draft {
  if (!grant) {
    return {
      paragraph: paragraph ?? '85', service: '', provider: '', providerType: 'internal', takst: '', takstUnit: 'hour',
      quantity: '1', startDate: today, endDate: '', followUpMonths: String(paragraphInfo(paragraph ?? '85')?.followUpMonths ?? ''), supportGoal: '',
    };
  }
  return {
    paragraph: grant.paragraph, service: grant.service, provider: grant.provider, providerType: grant.providerType,
    takst: formatExportNumber(grant.takst), takstUnit: grant.takstUnit, quantity: String(grant.quantity), startDate: grant.startDate,
    endDate: grant.endDate ?? '', followUpMonths: grant.followUpMonths === null ? '' : String(grant.followUpMonths),
    supportGoal: grant.supportGoal ?? '',
  };
}

/** The draft as the API takes it, or null while a field is still incomplete. */
function fieldsOf(d: Draft): GrantFields | null {
  const checked = checkDraft(d, 'da', null, false, d.startDate);
  return Object.keys(checked.errors).length === 0 ? checked.fields : null;
}

type FieldName = 'service' | 'provider' | 'takst' | 'quantity' | 'startDate' | 'endDate' | 'followUpMonths';

/** The draft read field by field: the grant when it parses, and each field's reason in the UI language. */
function checkDraft(d: Draft, locale: Locale, catalogueTakst: number | null, confirmHighTakst: boolean, storedStartDate: string | null) {
  const errors: Partial<Record<FieldName, { message: string; key?: string }>> = {};
  const say = (field: FieldName, key: string, da: string, en: string) => { errors[field] = { key, message: locale === 'en' ? en : da }; };
  // One parser for every money field (issue 16): 2.150,00, 2150 and 2 150,5 all work; a negative
  // takst is read so that the plausibility rule can say why it is refused.
  const parsedTakst = parseAmount(d.takst, { allowNegative: true });
  if (!parsedTakst.ok) say('takst', 'takst', parsedTakst.message, d.takst.trim() === '' ? 'Enter an amount, e.g. 2,150.00.' : `"${d.takst.trim()}" is not an amount. Write e.g. 2,150.00 or 2150.`);
  const quantity = parseQuantity(d.quantity);
  if (quantity === null) say('quantity', 'quantity', 'Skriv et tal, fx 7,5.', 'Enter a number, e.g. 7.5.');
  const months = d.followUpMonths.trim() === '' ? null : Number(d.followUpMonths);
  if (months !== null && (!Number.isInteger(months) || months < 1 || months > 60)) say('followUpMonths', 'months', 'Skriv et helt antal måneder fra 1 til 60.', 'Enter whole months from 1 to 60.');
  if (!d.service.trim()) say('service', 'service', 'Skriv ydelsen.', 'Enter the service.');
  if (!d.provider.trim()) say('provider', 'provider', 'Skriv leverandøren.', 'Enter the provider.');
  if (!d.startDate) say('startDate', 'startDate', 'Skriv en startdato.', 'Enter a start date.');
  const fields: GrantFields = {
    paragraph: d.paragraph, service: d.service.trim(), provider: d.provider.trim(), providerType: d.providerType,
    takst: parsedTakst.ok ? parsedTakst.kroner : 0, takstUnit: d.takstUnit, quantity: quantity ?? 0, startDate: d.startDate,
    endDate: d.endDate || null, followUpMonths: months, supportGoal: d.supportGoal || null,
  };
  if (d.startDate) {
    for (const e of grantPlausibility(fields, { today: localToday(), catalogueTakst, confirmHighTakst, storedStartDate })) {
      const field = e.field as FieldName;
      if (errors[field]) continue;
      errors[field] = { key: e.key ?? e.field, message: e.key && isMessageKey(e.key) ? renderMessage(e.key, e.params, locale) : e.message };
    }
  }
  return { fields, errors };
}

/** Hours or a multiplier as a Danish or English decimal: 7,5 and 7.5 both work. */
function parseQuantity(text: string): number | null {
  const t = text.trim().replace(/\s/g, '');
  if (!/^\d+([.,]\d+)?$/.test(t)) return null;
  return Number(t.replace(',', '.'));
}

function GrantForm({ caseId, grant, paragraph, today, onCancel, onSaved }: {
  caseId: number; grant: GrantView | null; paragraph?: string; today: string; onCancel(): void;
  /** The meeting's date (or null) when the grant went to the committee instead of being saved. */
  onSaved(awaitingMeetingDate?: string | null): void;
}) {
  const { t, i18n } = useTranslation('economy');
  const locale = i18n.language === 'en' ? 'en' : 'da';
  const [draft, setDraft] = useState<Draft>(() => draftOf(grant, paragraph, today));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The catalogue's prices are those in force on the start date.
  const catalogueDate = draft.startDate || today;
  const catalogue = useLoaded(() => api.getTakstCatalogue({ date: catalogueDate }), catalogueDate, { keepPrevious: true }).data?.entries ?? [];
  const titleId = useId();
  const fields = useMemo(() => fieldsOf(draft), [draft]);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const { preview, error: previewError } = usePreview(caseId, grant?.id, fields);
  const fromCatalogue = (key: string) => {
    const entry = catalogue.find((e) => `${e.serviceId}:${e.providerId}` === key);
    if (!entry) return;
    setDraft((d) => ({
      ...d, paragraph: entry.paragraph, service: entry.service, provider: entry.provider, providerType: entry.providerType,
      takstUnit: entry.unit, takst: entry.takst === null ? d.takst : formatExportNumber(entry.takst),
    }));
  };

  // The catalogue's takst for the grant's service in its unit: its provider's, else the highest.
  const catalogueTakst = catalogueTakstFor(
    catalogue.flatMap((e) => (e.service === draft.service.trim() && e.unit === draft.takstUnit && e.takst !== null ? [{ provider: e.provider, takst: e.takst }] : [])),
    draft.provider.trim(),
  );
  const [confirmHigh, setConfirmHigh] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Partial<Record<FieldName, string>>>({});
  const checked = checkDraft(draft, locale, catalogueTakst, confirmHigh, grant?.startDate ?? null);
  const shown: Partial<Record<FieldName, string>> = { ...serverErrors };
  if (attempted) for (const [f, e] of Object.entries(checked.errors)) shown[f as FieldName] = e.message;
  const askHigh = attempted && !confirmHigh && checked.errors.takst?.key === 'grants.takstHigh';
  const errorIds = useId();
  const fieldProps = (f: FieldName) => ({
    'aria-invalid': shown[f] ? true : undefined,
    'aria-describedby': shown[f] ? `${errorIds}-${f}` : undefined,
  });
  const fieldError = (f: FieldName) => shown[f] ? <span className="field-error" id={`${errorIds}-${f}`}>{shown[f]}</span> : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setAttempted(true);
    setServerErrors({});
    setError(null);
    // The same rules the server runs: refused here at the field, before anything is sent.
    if (Object.keys(checked.errors).length > 0) return;
    setBusy(true);
    const confirm = confirmHigh ? { confirmHighTakst: true } : {};
    const result = grant
      ? await api.updateGrant({ grantId: grant.id, grant: checked.fields, ...(reason.trim() ? { reason: reason.trim() } : {}), ...confirm })
      : await api.createGrant({ caseId, grant: checked.fields, ...confirm });
    setBusy(false);
    if (!result.ok) {
      const atFields: Partial<Record<FieldName, string>> = {};
      const elsewhere: string[] = [];
      for (const f of result.error.fields ?? []) {
        const name = f.field.replace(/^grant\./, '') as FieldName;
        if (f.field.startsWith('grant.')) atFields[name] = f.message;
        else elsewhere.push(f.message);
      }
      setServerErrors(atFields);
      setError(elsewhere.length ? elsewhere.join('; ') : result.error.message);
      return;
    }
    if ('awaitingCommittee' in result.value) onSaved(result.value.meeting?.date ?? null);
    else onSaved();
  };

  const relevant = catalogue.filter((e) => e.paragraph === draft.paragraph);
  const shownCatalogue = relevant.length ? relevant : catalogue;
  return (
    <form className="grant-form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby={titleId}>
      <h4 id={titleId}>{grant ? t('grants.formTitleEdit') : t('grants.formTitleNew')}</h4>
      {shownCatalogue.length > 0 && (
        <label className="field span-2">
          {t('grants.fromCatalogue')}
          <select value="" onChange={(e) => fromCatalogue(e.target.value)}>
            <option value="">{t('grants.chooseCatalogue')}</option>
            {shownCatalogue.map((e) => (
              <option key={`${e.serviceId}:${e.providerId}`} value={`${e.serviceId}:${e.providerId}`}>
                {formatParagraph(e.paragraph)} {e.service} – {e.provider}{e.takst !== null ? ` – ${formatNumber(e.takst, 2, locale)} ${t(`unitsPer.${e.unit}`)}` : ''}
              </option>
            ))}
          </select>
          <span className="field-help">{t('grants.catalogueHelp')}</span>
        </label>
      )}
      <label className="field">
        {t('grants.paragraph')}
        <select value={draft.paragraph} onChange={(e) => set('paragraph', e.target.value)}>
          {PARAGRAPHS.map((p) => <option key={p.code} value={p.code}>{formatParagraph(p.code)} {p.label}</option>)}
        </select>
      </label>
      <label className="field">
        {t('grants.service')}
        <input type="text" value={draft.service} aria-required maxLength={200} {...fieldProps('service')} onChange={(e) => set('service', e.target.value)} />
        {fieldError('service')}
      </label>
      <label className="field">
        {t('grants.provider')}
        <input type="text" value={draft.provider} aria-required maxLength={200} {...fieldProps('provider')} onChange={(e) => set('provider', e.target.value)} />
        {fieldError('provider')}
      </label>
      <label className="field">
        {t('grants.providerType')}
        <select value={draft.providerType} onChange={(e) => set('providerType', e.target.value as ProviderType)}>
          {PROVIDER_TYPES.map((p) => <option key={p} value={p}>{t(`providerTypes.${p}`)}</option>)}
        </select>
      </label>
      <label className="field">
        {t('grants.takst')} ({t(`unitsPer.${draft.takstUnit}`)})
        <input type="text" inputMode="decimal" value={draft.takst} aria-required {...fieldProps('takst')} onChange={(e) => { set('takst', e.target.value); setConfirmHigh(false); }} />
        {fieldError('takst')}
        {askHigh && (
          <button type="button" className="confirm-high-takst" onClick={() => setConfirmHigh(true)}>{t('grants.confirmHighTakst')}</button>
        )}
      </label>
      <label className="field">
        {t('grants.unit')}
        <select value={draft.takstUnit} onChange={(e) => set('takstUnit', e.target.value as TakstUnit)}>
          {TAKST_UNITS.map((u) => <option key={u} value={u}>{t(`units.${u}`)}</option>)}
        </select>
      </label>
      <label className="field">
        {draft.takstUnit === 'hour' ? t('quantity.hour') : t('quantity.other')}
        <input type="text" inputMode="decimal" value={draft.quantity} aria-required {...fieldProps('quantity')} onChange={(e) => set('quantity', e.target.value)} />
        {fieldError('quantity')}
      </label>
      <label className="field">
        {t('grants.supportGoal')}
        <select value={draft.supportGoal} onChange={(e) => set('supportGoal', e.target.value as SupportGoal | '')}>
          <option value="">{t('grants.noGoal')}</option>
          <option value="developing">{t('goals.developing')}</option>
          <option value="maintaining">{t('goals.maintaining')}</option>
        </select>
      </label>
      <label className="field">
        {t('grants.startDate')}
        <DateField value={draft.startDate} required {...fieldProps('startDate')} onChange={(v) => set('startDate', v)} />
        {fieldError('startDate')}
      </label>
      <label className="field">
        {t('grants.endDate')}
        <DateField value={draft.endDate} {...fieldProps('endDate')} onChange={(v) => set('endDate', v)} />
        {fieldError('endDate')}
      </label>
      <label className="field">
        {t('grants.followUpMonths')}
        <input type="text" inputMode="numeric" value={draft.followUpMonths} {...fieldProps('followUpMonths')} onChange={(e) => set('followUpMonths', e.target.value)} />
        {fieldError('followUpMonths')}
      </label>
      {grant && (
        <label className="field">
          {t('grants.reason')}
          <input type="text" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
        </label>
      )}
      <WhatIf preview={preview} followUpMonths={draft.followUpMonths} onUseFollowUp={(months) => set('followUpMonths', String(months))} />
      {slots().grantDraftNotes.map(({ id, component: Note }) => (
        <Suspense key={id} fallback={null}><Note caseId={caseId} {...(grant ? { grantId: grant.id } : {})} fields={fields} /></Suspense>
      ))}
      {(error ?? previewError) && <p className="field-error span-2" role="alert">{error ?? previewError}</p>}
      <div className="form-actions span-2">
        <button type="button" onClick={onCancel}>{t('grants.cancel')}</button>
        <button type="submit" className="primary" disabled={busy}>{t('grants.save')}</button>
      </div>
    </form>
  );
}

function EndGrantForm({ grant, today, onCancel, onSaved }: { grant: GrantView; today: string; onCancel(): void; onSaved(): void }) {
  const { t } = useTranslation('economy');
  const [endDate, setEndDate] = useState(grant.startDate > today ? grant.startDate : today);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const fields = useMemo((): GrantFields | null => (endDate && endDate >= grant.startDate ? {
    paragraph: grant.paragraph, service: grant.service, provider: grant.provider, providerType: grant.providerType,
    takst: grant.takst, takstUnit: grant.takstUnit, quantity: grant.quantity, startDate: grant.startDate, endDate,
    followUpMonths: grant.followUpMonths, supportGoal: grant.supportGoal,
  } : null), [grant, endDate]);
  const { preview } = usePreview(grant.caseId, grant.id, fields);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await api.endGrant({ grantId: grant.id, endDate, ...(reason.trim() ? { reason: reason.trim() } : {}) });
    if (!result.ok) setError(result.error.message);
    else onSaved();
  };
  return (
    <form className="grant-form" onSubmit={(e) => void submit(e)} aria-labelledby={titleId}>
      <h4 id={titleId}>{t('grants.end')}</h4>
      <label className="field">
        {t('grants.endDateLabel')}
        <DateField value={endDate} min={grant.startDate} required onChange={setEndDate} />
      </label>
      <label className="field">
        {t('grants.reason')}
        <input type="text" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
      </label>
      <WhatIf preview={preview} />
      {error && <p className="field-error span-2" role="alert">{error}</p>}
      <div className="form-actions span-2">
        <button type="button" onClick={onCancel}>{t('grants.cancel')}</button>
        <button type="submit" className="primary">{t('grants.endConfirm')}</button>
      </div>
    </form>
  );
}

/** "What if": asks the store what the draft would do, a moment after the typing stops. */
function usePreview(caseId: number, grantId: number | undefined, fields: GrantFields | null) {
  const { answer: preview, error } = useDraftAnswer(
    fields ? () => api.previewGrant({ caseId, ...(grantId !== undefined ? { grantId } : {}), grant: fields }) : null,
    JSON.stringify([caseId, grantId, fields]),
  );
  return { preview, error };
}

function WhatIf({ preview, followUpMonths, onUseFollowUp }: { preview: GrantPreview | null; followUpMonths?: string; onUseFollowUp?(months: number): void }) {
  const { t, i18n } = useTranslation('economy');
  const locale = i18n.language === 'en' ? 'en' : 'da';
  const kr = (n: number) => formatKroner(n, locale);
  const signed = (n: number) => `${n > 0 ? '+' : ''}${kr(n)}`;
  return (
    <div className="what-if span-2" aria-live="polite">
      <h5>{t('grants.whatIf')}</h5>
      {preview ? (
        <ul>
          <li>
            {preview.yearlyBefore === null
              ? t('grants.yearlyNew', { after: kr(preview.yearlyAfter ?? 0) })
              : t('grants.yearlyChange', { before: kr(preview.yearlyBefore), after: kr(preview.yearlyAfter ?? 0) })}
          </li>
          <li>{t('grants.forecastChange', { year: preview.year, effect: signed(preview.forecastEffect) })}</li>
          <li className={`what-if-line status-${preview.statusAfter}`} data-testid="what-if-bottom-line">
            {t('grants.bottomLineChange', { before: kr(preview.bottomLineBefore), after: kr(preview.bottomLineAfter) })}
            {' '}({t(`status.${preview.statusAfter}`)})
          </li>
          {preview.category && <li>{t('grants.categoryIs', { category: preview.category.label })}</li>}
          {onUseFollowUp && preview.suggestedFollowUpMonths !== null && String(preview.suggestedFollowUpMonths) !== followUpMonths && (
            <li>
              {t('grants.suggestedFollowUp', { count: preview.suggestedFollowUpMonths })}{' '}
              <button type="button" className="link" onClick={() => onUseFollowUp(preview.suggestedFollowUpMonths!)}>{t('grants.useSuggestion')}</button>
            </li>
          )}
        </ul>
      ) : (
        <p className="field-help">{t('common.none')}</p>
      )}
    </div>
  );
}
