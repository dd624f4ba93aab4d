import { useI18n } from '../i18n/i18n';

export default function Soc({ selectedId }: { selectedId?: string | undefined }) {
  const { t } = useI18n();
  return (
    <div className="screen" data-selected={selectedId}>
      <h1 className="screen-title">{t('nav.soc')}</h1>
      <p className="muted">{t('screen.comingSoon')}</p>
    </div>
  );
}
