import { useI18n } from '../i18n/i18n';
import { useQueryParams } from '../lib/router';
import { BtsByUnit } from './infrastructure/BtsByUnit';
import { Ipv6Certificates } from './infrastructure/Ipv6Certificates';
import { Outages } from './infrastructure/Outages';
import { Servers } from './infrastructure/Servers';

export default function Infrastructure() {
  const { t } = useI18n();
  const [params] = useQueryParams();
  return (
    <div className="screen">
      <h1 className="screen-title">{t('nav.infrastructure')}</h1>
      <div className="grid wide-grid">
        <BtsByUnit code={params.get('unit') ?? '84'} />
        <Outages />
        <Servers />
        <Ipv6Certificates />
      </div>
    </div>
  );
}
