import { useI18n } from '../i18n/i18n';

export default function Economy() {
  const { t } = useI18n();
  return (
    <div className="screen">
      <h1 className="screen-title">{t('nav.economy')}</h1>
      <p className="muted">{t('screen.comingSoon')}</p>
    </div>
  );
}
