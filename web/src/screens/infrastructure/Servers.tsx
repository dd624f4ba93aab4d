import { Tile, latest } from '../../components/Tile';
import { graphql } from '../../graphql/tada';
import { useI18n } from '../../i18n/i18n';
import { useLiveQuery, useLiveSubscription } from '../../live/hooks';
import { useThrottled } from '../../live/throttle';
import { formatNumber } from '../../lib/format';
import { useQueryParams } from '../../lib/router';

export const Servers_List = graphql(`
  query Servers_List($health: ServerHealth) {
    servers(first: 100, health: $health, sort: ID_ASC) {
      totalCount
      nodes { id hostname kind health cpuCores memoryGb openAlertCount hostedSystems { id nameVi nameEn } }
    }
  }
`);

export const Servers_HealthChanged = graphql(`subscription Servers_HealthChanged { serverHealthChanged { id health } }`);

const healths = ['HEALTHY', 'WARNING', 'CRITICAL', 'OFFLINE'] as const;

/** Servers of the data centre with what they host; health filter in `?health=`. */
export function Servers() {
  const { t, lang } = useI18n();
  const [params, setParams] = useQueryParams();
  const health = healths.find((value) => value === params.get('health'));
  const query = useLiveQuery(Servers_List, { health });
  const refresh = useThrottled(query.refetch, 2000);
  const stream = useLiveSubscription(Servers_HealthChanged, {}, refresh);
  const servers = query.data?.servers;
  return (
    <Tile name="servers" title={t('infra.servers')} className="span-2" updatedAt={latest(query.receivedAt, stream.eventAt)} failure={query.failure} streamFailure={stream.failure} loading={!query.data}>
      <div className="filters">
        <label>
          {t('infra.health')}
          <select value={health ?? ''} onChange={(event) => setParams({ health: event.target.value || null })}>
            <option value="">{t('common.all')}</option>
            {healths.map((value) => (
              <option key={value} value={value}>
                {t(`health.${value.toLowerCase() as 'healthy'}`)}
              </option>
            ))}
          </select>
        </label>
        <span className="muted small">{t('common.count', { n: formatNumber(lang, servers?.totalCount) })}</span>
      </div>
      <div className="scroll" tabIndex={0}>
        <table className="compact">
          <thead>
            <tr>
              <th scope="col">{t('soc.server')}</th>
              <th scope="col">{t('infra.health')}</th>
              <th scope="col">{t('infra.resources')}</th>
              <th scope="col">{t('infra.hosted')}</th>
              <th scope="col">{t('alerts.open')}</th>
            </tr>
          </thead>
          <tbody>
            {servers?.nodes.map((server) => (
              <tr key={server.id} data-server-id={server.id}>
                <td>
                  {server.hostname} <span className="muted small">{server.kind === 'VIRTUAL' ? 'VM' : t('infra.physical')}</span>
                </td>
                <td className={`health-text-${server.health}`}>{t(`health.${server.health.toLowerCase() as 'healthy'}`)}</td>
                <td className="nowrap">
                  {formatNumber(lang, server.cpuCores)} vCPU · {formatNumber(lang, server.memoryGb)} GB
                </td>
                <td>{server.hostedSystems.map((system) => (lang === 'vi' ? system.nameVi : system.nameEn)).join('; ') || '—'}</td>
                <td>{formatNumber(lang, server.openAlertCount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Tile>
  );
}
