import { Tile, latest } from '../../components/Tile';
import { availabilityTone, DistrictMap, type DistrictCell } from '../../components/DistrictMap';
import { graphql } from '../../graphql/tada';
import { useI18n } from '../../i18n/i18n';
import { useLiveQuery, useLiveSubscription } from '../../live/hooks';
import { useThrottled } from '../../live/throttle';
import { formatNumber, formatPercent, type Lang } from '../../lib/format';
import { navigate } from '../../lib/router';

export const BtsMap_Districts = graphql(`
  query BtsMap_Districts {
    province(code: "84") { code infrastructure { btsStations btsDown } }
    administrativeUnit(code: "84") {
      code
      children {
        code
        name
        nameWithType
        children { code }
        all: btsStations(first: 1) { totalCount }
        down: btsStations(first: 1, status: DOWN) { totalCount }
      }
    }
  }
`);

export const BtsMap_StatusChanged = graphql(`
  subscription BtsMap_StatusChanged { btsStatusChanged { id toStatus station { id districtCode } } }
`);

/** Share of a unit's stations that are not down (a degraded station still serves). */
export function availability(all: number, down: number): number | null {
  return all === 0 ? null : ((all - down) / all) * 100;
}

interface UnitStations {
  code: string;
  nameWithType: string;
  children: readonly unknown[];
  all: { totalCount: number };
  down: { totalCount: number };
}

/** A unit's cell on the schematic map: its BTS availability, coloured by threshold. */
export function btsCell(lang: Lang, unit: UnitStations): DistrictCell {
  const share = availability(unit.all.totalCount, unit.down.totalCount);
  return {
    code: unit.code,
    name: unit.nameWithType,
    communes: unit.children.length,
    value: share,
    caption: `${formatPercent(lang, share)} · ${formatNumber(lang, unit.all.totalCount)}`,
    tone: availabilityTone(share),
  };
}

export function BtsMap() {
  const { t, lang } = useI18n();
  const query = useLiveQuery(BtsMap_Districts, {});
  const refresh = useThrottled(query.refetch, 2000);
  const stream = useLiveSubscription(BtsMap_StatusChanged, {}, refresh);
  const districts = query.data?.administrativeUnit?.children ?? [];
  const summary = query.data?.province?.infrastructure;
  return (
    <Tile
      name="bts-map"
      title={t('tile.bts-map')}
      className="tall"
      updatedAt={latest(query.receivedAt, stream.eventAt)}
      failure={query.failure}
      streamFailure={stream.failure}
      loading={!query.data}
    >
      <div className="figure-row">
        <p className="big-figure">
          <span data-testid="bts-total">{formatNumber(lang, summary?.btsStations)}</span>
          <span className="big-label">{t('bts.total')}</span>
        </p>
        <p className="big-figure bad">
          <span>{formatNumber(lang, summary?.btsDown)}</span>
          <span className="big-label">{t('bts.down')}</span>
        </p>
      </div>
      <DistrictMap
        label={t('tile.bts-map')}
        districts={districts.map((district) => btsCell(lang, district))}
        onSelect={(code) => navigate(`/infrastructure?unit=${code}`)}
      />
    </Tile>
  );
}
