import { Tile, latest } from '../../components/Tile';
import { graphql } from '../../graphql/tada';
import { useI18n } from '../../i18n/i18n';
import { useLiveQuery, useLiveSubscription } from '../../live/hooks';
import { useThrottled } from '../../live/throttle';
import { formatNumber } from '../../lib/format';

export const Datacentre_Health = graphql(`
  query Datacentre_Health {
    province(code: "84") { code infrastructure { servers physicalServers virtualServers } }
    healthy: servers(health: HEALTHY, first: 1) { totalCount }
    warning: servers(health: WARNING, first: 1) { totalCount }
    critical: servers(health: CRITICAL, first: 1) { totalCount }
    offline: servers(health: OFFLINE, first: 1) { totalCount }
  }
`);

export const Datacentre_HealthChanged = graphql(`
  subscription Datacentre_HealthChanged { serverHealthChanged { id health } }
`);

const healths = ['healthy', 'warning', 'critical', 'offline'] as const;

export function Datacentre() {
  const { t, lang } = useI18n();
  const query = useLiveQuery(Datacentre_Health, {});
  const refresh = useThrottled(query.refetch, 2000);
  const stream = useLiveSubscription(Datacentre_HealthChanged, {}, refresh);
  const summary = query.data?.province?.infrastructure;
  const total = healths.reduce((sum, health) => sum + (query.data?.[health].totalCount ?? 0), 0);
  return (
    <Tile
      name="datacentre"
      title={t('tile.datacentre')}
      updatedAt={latest(query.receivedAt, stream.eventAt)}
      failure={query.failure}
      streamFailure={stream.failure}
      loading={!query.data}
    >
      <p className="big-figure">
        <span>{formatNumber(lang, summary?.servers)}</span>
        <span className="big-label">
          {t('dc.servers')} ({formatNumber(lang, summary?.physicalServers)} + {formatNumber(lang, summary?.virtualServers)} VM)
        </span>
      </p>
      <div className="stack-bar" role="img" aria-label={healths.map((health) => `${t(`health.${health}`)}: ${formatNumber(lang, query.data?.[health].totalCount)}`).join(', ')}>
        {healths.map((health) => (
          <span key={health} className={`health-${health}`} style={{ flexGrow: query.data?.[health].totalCount ?? 0 }} />
        ))}
      </div>
      <ul className="legend">
        {healths.map((health) => (
          <li key={health}>
            <span className={`swatch health-${health}`} aria-hidden="true" />
            {t(`health.${health}`)} <strong>{formatNumber(lang, query.data?.[health].totalCount)}</strong>
          </li>
        ))}
      </ul>
      {total === 0 && <p className="muted">{t('common.none')}</p>}
    </Tile>
  );
}
