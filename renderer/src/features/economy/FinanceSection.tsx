// "Bogført i økonomisystemet" on the bottom-line view (issue 16, item 8): the finance system's
// booked expenditure month by month beside the spend the grants account for, the difference,
// and the months where it is large enough that registrations may be missing in Flowtavle.
import { useTranslation } from 'react-i18next';
import type { FinanceComparison, FinanceMonth } from '../../../../shared/api/methods/finance';
import { formatDate, formatDateTime, formatKroner, formatNumber, type Locale } from '../../../../shared/format';
import { api } from '../../api/client';
import { useLoaded } from '../../components/useLoaded';
import { num, TableHead } from '../../components/TableHead';

function signed(value: number, locale: Locale): string {
  const rounded = Math.round(value);
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : '±'}${formatKroner(Math.abs(rounded), locale)}`;
}

/** The difference as a share of the grant-based spend: "+7,2 %"; none where nothing is granted. */
function share(difference: number | null, grantBased: number, locale: Locale): string {
  if (difference === null || grantBased === 0) return '–';
  const pct = (difference / Math.abs(grantBased)) * 100;
  const rounded = Math.round(pct * 10) / 10;
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : '±'}${formatNumber(Math.abs(rounded), 1, locale)} %`;
}

/** The scope's months with, department-wide, the teams marked in each. */
export function FinanceSection({ asOf, teamId, scopeName }: { asOf: string; teamId: number | null; scopeName: string }) {
  const { t, i18n } = useTranslation('economy');
  const locale: Locale = i18n.language === 'en' ? 'en' : 'da';
  const year = Number(asOf.slice(0, 4));
  const comparison = useLoaded(
    () => api.getFinanceComparison({ year, asOf, ...(teamId === null ? {} : { teamId }) }),
    `${year} ${asOf} ${teamId}`,
    { keepPrevious: true },
  );
  const c = comparison.data;
  const kr = (n: number) => formatKroner(n, locale);
  const months = t('finance.months', { returnObjects: true }) as string[];
  return (
    <section className="economy-card finance-card" aria-labelledby="finance-title" data-testid="finance-section">
      <h2 id="finance-title">{t('finance.title')} <span className="finance-scope">· {scopeName} {year}</span></h2>
      {comparison.error && <p className="field-error" role="alert">{comparison.error}</p>}
      {!c && !comparison.error && <p aria-busy="true">{t('common.loading')}</p>}
      {c && (
        <>
          <p className="field-help finance-intro">
            {t('finance.intro', { date: formatDate(c.asOf, locale), share: Math.round(c.threshold.share * 100), amount: kr(c.threshold.amount) })}
          </p>
          <p className="finance-last-import" data-testid="finance-last-import">
            {c.lastImport
              ? t('finance.lastImport', { file: c.lastImport.fileName, when: formatDateTime(c.lastImport.importedAt, locale), who: c.lastImport.importedBy ?? t('finance.system') })
              : t('finance.noImport')}
          </p>
          <div className="table-wrap">
            <table className="economy-table compact finance-table" data-testid="finance-table">
              <caption className="visually-hidden">{t('finance.caption', { scope: scopeName, year })}</caption>
              <TableHead columns={[t('finance.month'), num(t('finance.booked')), num(t('finance.grantBased')), num(t('finance.difference')), num(t('finance.share')), t('finance.remark')]} />
              <tbody>
                {c.months.map((m) => (
                  <tr key={m.month} data-month={m.month} className={rowClass(m, c)}>
                    <th scope="row">{months[m.month - 1]}</th>
                    <td className="num">{m.booked === null ? <span className="finance-not-booked">{t('finance.notBooked')}</span> : kr(m.booked)}</td>
                    <td className="num">{kr(m.grantBased)}</td>
                    <td className="num">{m.difference === null ? '–' : signed(m.difference, locale)}</td>
                    <td className="num">{share(m.difference, m.grantBased, locale)}</td>
                    <td className="remark-cell"><Remark month={m} comparison={c} /></td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('finance.total', { count: c.total.bookedMonths })}</th>
                  <td className="num">{kr(c.total.booked)}</td>
                  <td className="num">{kr(c.total.grantBased)}</td>
                  <td className="num">{signed(c.total.difference, locale)}</td>
                  <td className="num">{share(c.total.bookedMonths ? c.total.difference : null, c.total.grantBased, locale)}</td>
                  <td />
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function rowClass(m: FinanceMonth, c: FinanceComparison): string | undefined {
  if (m.attention) return 'needs-attention';
  if (c.teamId === null && c.teams.some((x) => x.months[m.month - 1]?.attention)) return 'team-needs-attention';
  return m.booked === null ? 'not-booked' : undefined;
}

function Remark({ month, comparison }: { month: FinanceMonth; comparison: FinanceComparison }) {
  const { t } = useTranslation('economy');
  // Department-wide, the teams whose own month is marked: where to look.
  const teams = comparison.teamId === null
    ? comparison.teams.flatMap((x) => {
      const attention = x.months[month.month - 1]?.attention;
      return attention ? [{ team: x.team, attention }] : [];
    })
    : [];
  if (!month.attention && teams.length === 0) return null;
  return (
    <span className="finance-remark">
      {month.attention && (
        <span className={`finance-flag flag-${month.attention}`}>
          <span aria-hidden="true">⚠ </span>{t(`finance.attention.${month.attention}`)}
        </span>
      )}
      {teams.map((x) => (
        <span key={x.team} className={`finance-team flag-${x.attention}`}>
          <span aria-hidden="true">⚠ </span>{t(`finance.teamAttention.${x.attention}`, { team: x.team })}
        </span>
      ))}
    </span>
  );
}
