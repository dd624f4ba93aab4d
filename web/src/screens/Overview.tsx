import { useI18n } from '../i18n/i18n';
import { AlertTicker } from './overview/AlertTicker';
import { BtsMap } from './overview/BtsMap';
import { Datacentre } from './overview/Datacentre';
import { DossiersToday } from './overview/DossiersToday';
import { OnlineShare } from './overview/OnlineShare';
import { Scorecard } from './overview/Scorecard';

/** The wall: the scorecard and the live state of each domain, one tile each. */
export function Overview() {
  const { t } = useI18n();
  return (
    <div className="screen">
      <h1 className="screen-title">{t('overview.title')}</h1>
      <div className="grid overview-grid">
        <Scorecard />
        <AlertTicker />
        <BtsMap />
        <Datacentre />
        <DossiersToday />
        <OnlineShare />
      </div>
    </div>
  );
}
