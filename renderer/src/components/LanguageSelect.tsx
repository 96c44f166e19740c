// The choice between Danish and English, in the header and on the sign-in page; remembered.
import { useTranslation } from 'react-i18next';
import { rememberLocale, type AppLocale } from '../i18n';

export function LanguageSelect({ className }: { className: string }) {
  const { t, i18n } = useTranslation();
  const locale: AppLocale = i18n.language === 'en' ? 'en' : 'da';
  return (
    <label className={className}>
      <span className="visually-hidden">{t('app.language')}</span>
      <select value={locale} onChange={(e) => rememberLocale(e.target.value as AppLocale)} aria-label={t('app.language')}>
        <option value="da">Dansk</option>
        <option value="en">English</option>
      </select>
    </label>
  );
}
