import { useMemo } from 'react';
import { EChart, chartColours, type ChartOption } from '../../components/EChart';
import { Tile, latest } from '../../components/Tile';
import { UnitTrail } from '../../components/UnitTrail';
import { graphql } from '../../graphql/tada';
import { useI18n } from '../../i18n/i18n';
import { useLiveQuery, useLiveSubscription } from '../../live/hooks';
import { useThrottled } from '../../live/throttle';
import { formatNumber, formatPercent } from '../../lib/format';
import { Link } from '../../lib/router';

export const DossiersByUnit_Statistics = graphql(`
  query DossiersByUnit_Statistics($code: String!, $year: Int!) {
    administrativeUnit(code: $code) { code name level parent { code name parent { code name } } }
    dossierStatistics(parentCode: $code, year: $year) {
      unitCode
      unit { code nameWithType level }
      received
      online
      inPerson
      resolved
      resolvedOnTime
      overdue
      onlineShare
      onTimeShare
    }
  }
`);

export const DossiersByUnit_Received = graphql(`subscription DossiersByUnit_Received { dossierReceived { id } }`);
export const DossiersByUnit_Resolved = graphql(`subscription DossiersByUnit_Resolved { dossierResolved { id } }`);

/** Dossiers of the unit's subdivisions for a year: received by channel, on-time and online shares. */
export function DossiersByUnit({ code, year, themeKey }: { code: string; year: number; themeKey: string }) {
  const { t, lang } = useI18n();
  const query = useLiveQuery(DossiersByUnit_Statistics, { code, year });
  const refresh = useThrottled(query.refetch, 5000);
  const received = useLiveSubscription(DossiersByUnit_Received, {}, refresh);
  const resolved = useLiveSubscription(DossiersByUnit_Resolved, {}, refresh);
  const rows = query.data?.dossierStatistics ?? [];
  const unit = query.data?.administrativeUnit;
  const option = useMemo<ChartOption>(() => {
    const colours = chartColours();
    return {
      color: colours.series,
      textStyle: { color: colours.text, fontFamily: 'Be Vietnam Pro, sans-serif' },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, textStyle: { color: colours.text } },
      grid: { left: 60, right: 16, top: 36, bottom: 90 },
      xAxis: { type: 'category', data: rows.map((row) => row.unit?.nameWithType ?? row.unitCode), axisLabel: { color: colours.text, rotate: 30 }, axisLine: { lineStyle: { color: colours.border } } },
      yAxis: { type: 'value', axisLabel: { color: colours.muted, formatter: (value: number) => formatNumber(lang, value, 0) }, splitLine: { lineStyle: { color: colours.border } } },
      series: [
        { type: 'bar', name: t('dossiers.online'), stack: 'channel', data: rows.map((row) => row.online) },
        { type: 'bar', name: t('egov.inPerson'), stack: 'channel', data: rows.map((row) => row.inPerson) },
      ],
    };
  }, [rows, lang, t, themeKey]);
  return (
    <Tile name="dossiers-by-unit" title={t('egov.byUnit', { year })} className="span-2" updatedAt={latest(query.receivedAt, received.eventAt, resolved.eventAt)} failure={query.failure} streamFailure={received.failure ?? resolved.failure} loading={!query.data}>
      {unit && <UnitTrail unit={unit} screen="/egov" />}
      {rows.length === 0 ? (
        <p className="muted">{t('common.none')}</p>
      ) : (
        <>
          <EChart option={option} label={t('egov.byUnit', { year })} />
          <div className="scroll" tabIndex={0}>
            <table className="compact">
              <thead>
                <tr>
                  <th scope="col">{t('common.unit')}</th>
                  <th scope="col">{t('dossiers.received')}</th>
                  <th scope="col">{t('egov.onlineShare')}</th>
                  <th scope="col">{t('egov.onTime')}</th>
                  <th scope="col">{t('egov.overdue')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.unitCode}>
                    <td>{row.unit && row.unit.level !== 'COMMUNE' ? <Link to={`/egov?unit=${row.unitCode}&year=${year}`}>{row.unit.nameWithType}</Link> : (row.unit?.nameWithType ?? row.unitCode)}</td>
                    <td>{formatNumber(lang, row.received)}</td>
                    <td>{formatPercent(lang, row.onlineShare)}</td>
                    <td>{formatPercent(lang, row.onTimeShare)}</td>
                    <td>{formatNumber(lang, row.overdue)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Tile>
  );
}
