import { useState } from 'react';
import { Tile, latest } from '../../components/Tile';
import { graphql, readFragment } from '../../graphql/tada';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { useLiveQuery, useLiveSubscription } from '../../live/hooks';
import { formatNumber } from '../../lib/format';
import { IndicatorFields, withIndicator, type IndicatorValue } from '../overview/indicators';

export const EconomyIndicators_Province = graphql(
  `
  query EconomyIndicators_Province {
    province(code: "84") {
      code
      digitalEconomy { indicators { ...IndicatorFields } }
      digitalSociety { indicators { ...IndicatorFields } }
    }
  }
`,
  [IndicatorFields],
);

export const EconomyIndicators_Changed = graphql(`subscription EconomyIndicators_Changed { economyIndicatorChanged { ...IndicatorFields } }`, [IndicatorFields]);

/** The plan's economy and society indicators with their targets. */
export function Indicators() {
  const { t, lang } = useI18n();
  const query = useLiveQuery(EconomyIndicators_Province, {});
  const [changed, setChanged] = useState<ReadonlyMap<string, IndicatorValue>>(new Map());
  const stream = useLiveSubscription(EconomyIndicators_Changed, {}, (data) => setChanged((current) => withIndicator(current, readFragment(IndicatorFields, data.economyIndicatorChanged))));
  const province = query.data?.province;
  const groups: Array<[MessageKey, IndicatorValue[]]> = [
    ['domain.digitalEconomy', (province?.digitalEconomy?.indicators ?? []).map((item) => readFragment(IndicatorFields, item))],
    ['domain.digitalSociety', (province?.digitalSociety?.indicators ?? []).map((item) => readFragment(IndicatorFields, item))],
  ];
  return (
    <Tile name="economy-indicators" title={t('economy.indicators')} updatedAt={latest(query.receivedAt, stream.eventAt)} failure={query.failure} streamFailure={stream.failure} loading={!query.data}>
      {groups.map(([title, indicators]) => (
        <div key={title}>
          <h3 className="small">{t(title)}</h3>
          <ul className="indicator-list wrap">
            {indicators.map((fromQuery) => {
              const indicator = changed.get(fromQuery.code) ?? fromQuery;
              return (
                <li key={indicator.code} className={`indicator status-${indicator.status}`}>
                  <span className="indicator-title">{lang === 'vi' ? indicator.titleVi : indicator.titleEn}</span>
                  <span className="indicator-figures">
                    <strong>{formatNumber(lang, indicator.actual)}</strong>
                    <span className="muted"> / {formatNumber(lang, indicator.target)}</span>
                  </span>
                  <span className="status-text">{t(`status.${indicator.status}`)}</span>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </Tile>
  );
}
