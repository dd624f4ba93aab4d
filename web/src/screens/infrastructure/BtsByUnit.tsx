import { Tile, latest } from '../../components/Tile';
import { DistrictMap } from '../../components/DistrictMap';
import { UnitTrail } from '../../components/UnitTrail';
import { graphql } from '../../graphql/tada';
import { useI18n } from '../../i18n/i18n';
import { useLiveQuery, useLiveSubscription } from '../../live/hooks';
import { useThrottled } from '../../live/throttle';
import { formatNumber, formatPercent } from '../../lib/format';
import { navigate } from '../../lib/router';
import { availability, btsCell } from '../overview/BtsMap';

export const BtsByUnit_Unit = graphql(`
  query BtsByUnit_Unit($code: String!) {
    administrativeUnit(code: $code) {
      code
      name
      nameWithType
      level
      parent { code name parent { code name } }
      all: btsStations(first: 1) { totalCount }
      lte: btsStations(first: 1, technology: LTE) { totalCount }
      nr: btsStations(first: 1, technology: NR) { totalCount }
      down: btsStations(first: 1, status: DOWN) { totalCount }
      children {
        code
        name
        nameWithType
        children { code }
        all: btsStations(first: 1) { totalCount }
        down: btsStations(first: 1, status: DOWN) { totalCount }
      }
      stations: btsStations(first: 100, sort: ID_ASC) {
        nodes { id name status technologies operator { id shortName } commune { name } }
      }
    }
  }
`);

export const BtsByUnit_StatusChanged = graphql(`
  subscription BtsByUnit_StatusChanged { btsStatusChanged { id toStatus station { id districtCode communeCode } } }
`);

/** BTS of the unit in the URL (province → district → commune), its subdivisions on the schematic map. */
export function BtsByUnit({ code }: { code: string }) {
  const { t, lang } = useI18n();
  const query = useLiveQuery(BtsByUnit_Unit, { code });
  const refresh = useThrottled(query.refetch, 2000);
  const stream = useLiveSubscription(BtsByUnit_StatusChanged, {}, (data) => {
    const station = data.btsStatusChanged.station;
    if (code === '84' || station.districtCode === code || station.communeCode === code) refresh();
  });
  const unit = query.data?.administrativeUnit;
  return (
    <Tile name="bts-units" title={t('infra.bts')} className="span-2" updatedAt={latest(query.receivedAt, stream.eventAt)} failure={query.failure} streamFailure={stream.failure} loading={!query.data}>
      {!unit ? (
        <p className="muted">{t('common.none')}</p>
      ) : (
        <>
          <UnitTrail unit={unit} screen="/infrastructure" />
          <div className="figure-row">
            <p className="big-figure">
              <span>{formatNumber(lang, unit.all.totalCount)}</span>
              <span className="big-label">{t('bts.total')}</span>
            </p>
            <p className="big-figure">
              <span>{formatPercent(lang, availability(unit.all.totalCount, unit.down.totalCount))}</span>
              <span className="big-label">{t('bts.availability')}</span>
            </p>
            <p className="big-figure">
              <span>{formatNumber(lang, unit.lte.totalCount)}</span>
              <span className="big-label">4G LTE</span>
            </p>
            <p className="big-figure">
              <span>{formatNumber(lang, unit.nr.totalCount)}</span>
              <span className="big-label">5G NR</span>
            </p>
          </div>
          {unit.children.length > 0 && (
            <DistrictMap
              label={t('infra.bts')}
              districts={unit.children.map((child) => btsCell(lang, child))}
              onSelect={(child) => navigate(`/infrastructure?unit=${child}`)}
            />
          )}
          {unit.level === 'COMMUNE' && (
            <table className="compact">
              <thead>
                <tr>
                  <th scope="col">{t('infra.station')}</th>
                  <th scope="col">{t('infra.operator')}</th>
                  <th scope="col">{t('infra.technology')}</th>
                  <th scope="col">{t('soc.status')}</th>
                </tr>
              </thead>
              <tbody>
                {unit.stations.nodes.map((station) => (
                  <tr key={station.id}>
                    <td>{station.name}</td>
                    <td>{station.operator.shortName}</td>
                    <td>{station.technologies.join(', ')}</td>
                    <td className={`bts-${station.status}`}>{t(`btsStatus.${station.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </Tile>
  );
}
