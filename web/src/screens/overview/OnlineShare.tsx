import { useState } from 'react';
import { Tile, latest } from '../../components/Tile';
import { graphql, readFragment } from '../../graphql/tada';
import { useI18n } from '../../i18n/i18n';
import { useLiveQuery, useLiveSubscription } from '../../live/hooks';
import { formatPercent } from '../../lib/format';
import { IndicatorFields, type IndicatorValue } from './indicators';

export const OnlineShare_Indicator = graphql(
  `
  query OnlineShare_Indicator {
    province(code: "84") { code digitalGovernment { indicator(code: "dossiersOnlineShare") { ...IndicatorFields } } }
  }
`,
  [IndicatorFields],
);

export const OnlineShare_Changed = graphql(
  `subscription OnlineShare_Changed { digitalGovernmentIndicatorChanged(domain: "DIGITAL_GOVERNMENT") { ...IndicatorFields } }`,
  [IndicatorFields],
);

/** The online share of dossiers against the plan's 50% target, as a gauge bar with the target marked. */
export function OnlineShare() {
  const { t, lang } = useI18n();
  const query = useLiveQuery(OnlineShare_Indicator, {});
  const [changed, setChanged] = useState<IndicatorValue>();
  const stream = useLiveSubscription(OnlineShare_Changed, {}, (data) => {
    const indicator = readFragment(IndicatorFields, data.digitalGovernmentIndicatorChanged);
    if (indicator.code === 'dossiersOnlineShare') setChanged(indicator);
  });
  const fromQuery = query.data?.province?.digitalGovernment?.indicator;
  const indicator = changed ?? (fromQuery ? readFragment(IndicatorFields, fromQuery) : undefined);
  const actual = indicator?.actual ?? null;
  const target = indicator?.target ?? 50;
  return (
    <Tile
      name="online-share"
      title={t('tile.online-share')}
      updatedAt={latest(query.receivedAt, stream.eventAt)}
      failure={query.failure}
      streamFailure={stream.failure}
      loading={!query.data}
    >
      <p className={`big-figure status-${indicator?.status ?? 'NO_DATA'}`}>
        <span>{formatPercent(lang, actual)}</span>
        <span className="big-label">{t('online.target', { target: formatPercent(lang, target, 0) })}</span>
      </p>
      <div className="gauge" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={actual ?? 0} aria-label={t('tile.online-share')}>
        <span className="gauge-fill" style={{ width: `${Math.min(100, Math.max(0, actual ?? 0))}%` }} />
        <span className="gauge-target" style={{ left: `${target}%` }} aria-hidden="true" />
      </div>
      {indicator && <p className="status-badge-line">{t(`status.${indicator.status}`)}</p>}
    </Tile>
  );
}
