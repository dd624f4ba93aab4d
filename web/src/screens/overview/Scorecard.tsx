import { Tile, latest } from '../../components/Tile';
import { graphql, type ResultOf } from '../../graphql/tada';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { useLiveQuery, useLiveSubscription } from '../../live/hooks';
import { formatNumber } from '../../lib/format';
import { IndicatorFields, type IndicatorValue, withIndicator } from './indicators';
import { readFragment } from '../../graphql/tada';
import { useState } from 'react';

export const Scorecard_Province = graphql(
  `
  query Scorecard_Province {
    province(code: "84") {
      code
      digitalGovernment { indicators { ...IndicatorFields } }
      infrastructure { indicators { ...IndicatorFields } }
      security { indicators { ...IndicatorFields } }
      digitalEconomy { indicators { ...IndicatorFields } }
      digitalSociety { indicators { ...IndicatorFields } }
    }
  }
`,
  [IndicatorFields],
);

export const Scorecard_GovernmentChanged = graphql(`subscription Scorecard_GovernmentChanged { digitalGovernmentIndicatorChanged { ...IndicatorFields } }`, [IndicatorFields]);
export const Scorecard_InfrastructureChanged = graphql(`subscription Scorecard_InfrastructureChanged { infrastructureIndicatorChanged { ...IndicatorFields } }`, [IndicatorFields]);
export const Scorecard_SecurityChanged = graphql(`subscription Scorecard_SecurityChanged { securityIndicatorChanged { ...IndicatorFields } }`, [IndicatorFields]);
export const Scorecard_EconomyChanged = graphql(`subscription Scorecard_EconomyChanged { economyIndicatorChanged { ...IndicatorFields } }`, [IndicatorFields]);

type Province = NonNullable<ResultOf<typeof Scorecard_Province>['province']>;
const domains = ['digitalGovernment', 'infrastructure', 'security', 'digitalEconomy', 'digitalSociety'] as const;
type Domain = (typeof domains)[number];

/** The 2023 scorecard: every domain's indicators, actual against target, coloured by status. */
export function Scorecard() {
  const { t, lang } = useI18n();
  const query = useLiveQuery(Scorecard_Province, {});
  // Events carry the indicator's value now; they override the query's answer by code.
  const [changed, setChanged] = useState<ReadonlyMap<string, IndicatorValue>>(new Map());
  const apply = (indicator: IndicatorValue) => setChanged((current) => withIndicator(current, indicator));
  const streams = [
    useLiveSubscription(Scorecard_GovernmentChanged, {}, (data) => apply(readFragment(IndicatorFields, data.digitalGovernmentIndicatorChanged))),
    useLiveSubscription(Scorecard_InfrastructureChanged, {}, (data) => apply(readFragment(IndicatorFields, data.infrastructureIndicatorChanged))),
    useLiveSubscription(Scorecard_SecurityChanged, {}, (data) => apply(readFragment(IndicatorFields, data.securityIndicatorChanged))),
    useLiveSubscription(Scorecard_EconomyChanged, {}, (data) => apply(readFragment(IndicatorFields, data.economyIndicatorChanged))),
  ];
  const province: Province | null | undefined = query.data?.province;
  const rows = (domain: Domain): IndicatorValue[] =>
    (province?.[domain]?.indicators ?? []).map((item) => {
      const indicator = readFragment(IndicatorFields, item);
      return changed.get(indicator.code) ?? indicator;
    });
  return (
    <Tile
      name="scorecard"
      title={t('tile.scorecard')}
      className="span-2 tall"
      updatedAt={latest(query.receivedAt, ...streams.map((stream) => stream.eventAt))}
      failure={query.failure}
      streamFailure={streams.find((stream) => stream.failure)?.failure}
      loading={!query.data}
    >
      <div className="scorecard">
        {domains.map((domain) => {
          const indicators = rows(domain);
          return (
            <div key={domain} className="scorecard-domain">
              <h3>
                {t(`domain.${domain}` as MessageKey)}{' '}
                <span className="muted small">
                  {indicators.filter((row) => row.status === 'ON_TRACK').length}/{indicators.length}
                </span>
              </h3>
              <ul className="indicator-list">
                {indicators.map((indicator) => (
                  <li key={indicator.code} className={`indicator status-${indicator.status}`} title={`${lang === "vi" ? indicator.titleVi : indicator.titleEn} — ${t(`status.${indicator.status}`)}`}>
                    <span className="indicator-title">{lang === 'vi' ? indicator.titleVi : indicator.titleEn}</span>
                    <span className="indicator-figures">
                      <strong>{formatNumber(lang, indicator.actual)}</strong>
                      <span className="muted"> / {formatNumber(lang, indicator.target)}{indicator.unit === '%' ? ' %' : ''}</span>
                    </span>
                    <span className="status-badge">{t(`status.${indicator.status}`)}</span>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
    </Tile>
  );
}
