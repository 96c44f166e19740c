// Grant authority limits per role or person and paragraph; leaders edit them.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthorityLimitView } from '../../../../shared/api/methods/committee';
import { ROLES, type Role } from '../../../../shared/domain';
import { formatKroner, formatNumber, formatParagraph } from '../../../../shared/format';
import { PARAGRAPHS } from '../../../../shared/paragraphs';
import { api } from '../../api/client';
import { useCan } from '../../stores/permissions';
import { useSession } from '../../stores/session';
import { useLoaded } from '../../components/useLoaded';
import { NumberField } from '../../components/NumberField';
import { checkForm, useFieldErrors } from '../../components/formCheck';

const LIMIT_FIELDS = ['role', 'personId', 'paragraph', 'maxHoursPerWeek', 'maxYearlyCost'] as const;

export function AuthorityPanel() {
  const { t, i18n } = useTranslation('committee');
  const locale = i18n.language === 'en' ? 'en' : 'da';
  const canSave = useCan('saveAuthorityLimit');
  const canDelete = useCan('deleteAuthorityLimit');
  const limits = useLoaded<AuthorityLimitView[]>(() => api.getAuthorityLimits({}), 'limits');
  const [error, setError] = useState<string | null>(null);
  const remove = async (l: AuthorityLimitView) => {
    const r = await api.deleteAuthorityLimit({ limitId: l.id });
    if (!r.ok) setError(r.error.message);
    else limits.reload();
  };
  return (
    <>
      <section className="cm-card" aria-labelledby="cm-authority">
        <h2 id="cm-authority">{t('authority.title')}</h2>
        <p className="cm-intro">{t('authority.intro')}</p>
        {(error ?? limits.error) && <p className="field-error" role="alert">{error ?? limits.error}</p>}
        <table className="cm-table">
          <thead>
            <tr>
              <th scope="col">{t('authority.who')}</th><th scope="col">{t('authority.paragraph')}</th><th scope="col" className="num">{t('authority.hours')}</th>
              <th scope="col" className="num">{t('authority.cost')}</th><th scope="col">{t('authority.external')}</th>{canDelete && <th scope="col"><span className="visually-hidden">{t('authority.delete')}</span></th>}
            </tr>
          </thead>
          <tbody>
            {limits.data?.map((l) => (
              <tr key={l.id}>
                <td>{l.personName ?? t(`authority.roles.${l.role ?? 'caseworker'}`)}</td>
                <td>{l.paragraph === null ? t('authority.allParagraphs') : formatParagraph(l.paragraph)}</td>
                <td className="num">{l.maxHoursPerWeek === null ? t('authority.noLimit') : t('authority.hoursPerWeek', { hours: formatNumber(l.maxHoursPerWeek, l.maxHoursPerWeek % 1 ? 2 : 0, locale) })}</td>
                <td className="num">{l.maxYearlyCost === null ? t('authority.noLimit') : formatKroner(l.maxYearlyCost, locale)}</td>
                <td>{l.externalAllowed ? t('authority.yes') : t('authority.no')}</td>
                {canDelete && <td><button type="button" aria-label={t('authority.deleteNamed', { description: l.description })} onClick={() => void remove(l)}>{t('authority.delete')}</button></td>}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {canSave ? <NewLimit onSaved={limits.reload} /> : <p className="muted">{t('authority.leaderOnly')}</p>}
    </>
  );
}

function NewLimit({ onSaved }: { onSaved(): void }) {
  const { t } = useTranslation('committee');
  const people = useSession((s) => s.people);
  const [who, setWho] = useState<string>('role:caseworker');
  const [paragraph, setParagraph] = useState('');
  const [hours, setHours] = useState<number | null>(null);
  const [cost, setCost] = useState<number | null>(null);
  const [external, setExternal] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fields = useFieldErrors(LIMIT_FIELDS);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    fields.clear();
    if (!checkForm(e.currentTarget)) return;
    const [kind, value] = who.split(':') as ['role' | 'person', string];
    const r = await api.saveAuthorityLimit({
      role: kind === 'role' ? (value as Role) : null, personId: kind === 'person' ? Number(value) : null, paragraph: paragraph || null,
      maxHoursPerWeek: hours, maxYearlyCost: cost, externalAllowed: external,
    });
    if (!r.ok) setError(fields.take(r.error));
    else {
      setError(null);
      onSaved();
    }
  };
  return (
    <form className="cm-card cm-form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="cm-new-limit">
      <h2 id="cm-new-limit">{t('authority.add')}</h2>
      <div className="cm-row">
        <label className="field">{t('authority.who')}
          <select value={who} onChange={(e) => setWho(e.target.value)}>
            <optgroup label={t('authority.role')}>{ROLES.map((r) => <option key={r} value={`role:${r}`}>{t(`authority.roles.${r}`)}</option>)}</optgroup>
            <optgroup label={t('authority.person')}>{people.map((p) => <option key={p.id} value={`person:${p.id}`}>{p.name}</option>)}</optgroup>
          </select>
        </label>
        <label className="field">{t('authority.paragraph')}
          <select value={paragraph} onChange={(e) => setParagraph(e.target.value)}>
            <option value="">{t('authority.allParagraphs')}</option>
            {PARAGRAPHS.map((p) => <option key={p.code} value={p.code}>{formatParagraph(p.code)} {p.label}</option>)}
          </select>
        </label>
        <label className="field">{t('authority.hours')}<NumberField min={0} max={168} decimals={2} value={hours} onChange={setHours} placeholder={t('authority.noLimit')} error={fields.of('maxHoursPerWeek')} /></label>
        <label className="field">{t('authority.cost')}<NumberField min={0} max={1e10} decimals={2} value={cost} onChange={setCost} placeholder={t('authority.noLimit')} error={fields.of('maxYearlyCost')} /></label>
        <label className="cm-check"><input type="checkbox" checked={external} onChange={(e) => setExternal(e.target.checked)} /> {t('authority.external')}</label>
      </div>
      {error && <p className="field-error" role="alert">{error}</p>}
      <button type="submit" className="primary">{t('authority.add')}</button>
    </form>
  );
}
