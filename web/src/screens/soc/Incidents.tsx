import { Tile, latest } from '../../components/Tile';
import { graphql } from '../../graphql/tada';
import { useI18n } from '../../i18n/i18n';
import { useNow } from '../../live/clock';
import { useLiveQuery, useLiveSubscription } from '../../live/hooks';
import { useThrottled } from '../../live/throttle';
import { formatDateTime } from '../../lib/format';

export const Incidents_Open = graphql(`
  query Incidents_Open {
    incidents(first: 50) {
      totalCount
      nodes { id title severity status slaStatus slaBreached detectedAt reportDueAt reportedAt agency { id nameVi nameEn } }
    }
  }
`);

/** Incidents are opened from alerts: an alert change is the signal to look again. */
export const Incidents_AlertUpdated = graphql(`subscription Incidents_AlertUpdated { alertUpdated { id } }`);

/** Time left on the 5-day legal reporting clock, in whole hours (negative once overdue). */
export function hoursLeft(reportDueAt: string, now: number): number {
  return Math.floor((new Date(reportDueAt).getTime() - now) / 3_600_000);
}

export function Incidents() {
  const { t, lang } = useI18n();
  const now = useNow();
  const query = useLiveQuery(Incidents_Open, {});
  const refresh = useThrottled(query.refetch, 2000);
  const stream = useLiveSubscription(Incidents_AlertUpdated, {}, refresh);
  const incidents = query.data?.incidents.nodes ?? [];
  return (
    <Tile name="incidents" title={t('soc.incidents')} updatedAt={latest(query.receivedAt, stream.eventAt)} failure={query.failure} streamFailure={stream.failure} loading={!query.data}>
      {incidents.length === 0 ? (
        <p className="muted">{t('common.none')}</p>
      ) : (
        <table className="compact">
          <thead>
            <tr>
              <th scope="col">{t('soc.incident')}</th>
              <th scope="col">{t('soc.clock')}</th>
              <th scope="col">SLA</th>
            </tr>
          </thead>
          <tbody>
            {incidents.map((incident) => {
              const left = hoursLeft(incident.reportDueAt, now);
              return (
                <tr key={incident.id} data-incident-id={incident.id}>
                  <td>
                    {incident.title}
                    <span className="muted small">
                      {' '}
                      · {incident.agency ? (lang === "vi" ? incident.agency.nameVi : incident.agency.nameEn) : "—"} · {formatDateTime(lang, incident.detectedAt)}
                    </span>
                  </td>
                  <td className="nowrap">
                    {incident.reportedAt ? formatDateTime(lang, incident.reportedAt) : left >= 0 ? t('soc.hoursLeft', { n: left }) : t('soc.hoursOver', { n: -left })}
                  </td>
                  <td className={`sla sla-${incident.slaStatus}`}>{t(`sla.${incident.slaStatus}`)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Tile>
  );
}
