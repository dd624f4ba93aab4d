import { useI18n } from '../i18n/i18n';
import { useQueryParams } from '../lib/router';
import { Indicators } from './economy/Indicators';
import { Platforms } from './economy/Platforms';
import { UnitCounts } from './economy/UnitCounts';

export default function Economy() {
  const { t } = useI18n();
  const [params] = useQueryParams();
  return (
    <div className="screen">
      <h1 className="screen-title">{t('nav.economy')}</h1>
      <div className="grid wide-grid">
        <Platforms />
        <Indicators />
        <UnitCounts code={params.get('unit') ?? '84'} />
      </div>
    </div>
  );
}
