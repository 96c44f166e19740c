// The economy pages' filter bar: which team the page shows (or all of them), and the day the
// figures are known on.
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';

/** allValue is the option for the whole department; null where the user sees one team only. */
export function TeamFilter(props: { label: string; value: string; onChange(value: string): void; allValue: string | null; teams: { id: number; name: string }[]; testId?: string }) {
  const { t } = useTranslation('economy');
  return (
    <label className="field inline">
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)} data-testid={props.testId}>
        {props.allValue !== null && <option value={props.allValue}>{t('common.allTeams')}</option>}
        {props.teams.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
      </select>
    </label>
  );
}

export function AsOfFilter(props: { value: string; onChange(value: string): void }) {
  const { t } = useTranslation('economy');
  return (
    <label className="field inline">
      {t('common.asOf')}
      <DateField value={props.value} onChange={props.onChange} />
    </label>
  );
}
