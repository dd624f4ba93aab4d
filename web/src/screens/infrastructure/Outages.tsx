import { useState } from 'react';
import { Tile } from '../../components/Tile';
import { graphql, type ResultOf } from '../../graphql/tada';
import { useI18n } from '../../i18n/i18n';
import { prependCapped } from '../../live/capped';
import { useLiveSubscription } from '../../live/hooks';
import { formatDateTime } from '../../lib/format';

export const Outages_StatusChanged = graphql(`
  subscription Outages_StatusChanged {
    btsStatusChanged { id fromStatus toStatus reason changedAt station { id name operator { shortName } commune { name } district { name } } }
  }
`);

type Change = ResultOf<typeof Outages_StatusChanged>['btsStatusChanged'];
const outageLimit = 30;

/** BTS going down, degraded or back up, as they happen (the last 30 kept). */
export function Outages() {
  const { t, lang } = useI18n();
  const [changes, setChanges] = useState<Change[]>([]);
  const stream = useLiveSubscription(Outages_StatusChanged, {}, (data) => setChanges((list) => prependCapped(list, data.btsStatusChanged, outageLimit)));
  return (
    <Tile name="outages" title={t('infra.outages')} updatedAt={stream.eventAt} streamFailure={stream.failure}>
      {changes.length === 0 ? (
        <p className="muted">{t('infra.noOutages')}</p>
      ) : (
        <ol className="plain" aria-live="polite">
          {changes.map((change) => (
            <li key={change.id}>
              <span className={`bts-${change.toStatus}`}>{t(`btsStatus.${change.toStatus}`)}</span> · {change.station.name} ({change.station.operator.shortName}) · {change.station.commune.name}, {change.station.district.name}
              <span className="muted small"> · {formatDateTime(lang, change.changedAt)}{change.reason ? ` · ${change.reason}` : ''}</span>
            </li>
          ))}
        </ol>
      )}
    </Tile>
  );
}
