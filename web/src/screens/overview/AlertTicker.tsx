import { useRef, useState } from 'react';
import { Tile, latest } from '../../components/Tile';
import { graphql, type ResultOf } from '../../graphql/tada';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../live/context';
import { prependCapped, maxSequence } from '../../live/capped';
import { useLiveQuery, useLiveSubscription } from '../../live/hooks';
import { useThrottled } from '../../live/throttle';
import { readsAlertDetails } from '../../lib/auth';
import { formatDateTime, formatNumber } from '../../lib/format';
import { Link } from '../../lib/router';

export const AlertTicker_Counts = graphql(`
  query AlertTicker_Counts {
    open: alerts(open: true, first: 1) { totalCount }
    critical: alerts(open: true, severity: CRITICAL, first: 1) { totalCount }
    high: alerts(open: true, severity: HIGH, first: 1) { totalCount }
    medium: alerts(open: true, severity: MEDIUM, first: 1) { totalCount }
    low: alerts(open: true, severity: LOW, first: 1) { totalCount }
  }
`);

/** Analysts and admins: the alerts themselves, resumed from the last sequence seen. */
export const AlertTicker_Raised = graphql(`
  subscription AlertTicker_Raised($after: String) {
    alertRaised(after: $after) { id sequence title severity status firstSeen system { id nameVi nameEn } }
  }
`);

/** A triage change moves the counts; the event alone is enough to count again. */
export const AlertTicker_UpdatedSignal = graphql(`
  subscription AlertTicker_UpdatedSignal { alertUpdated { __typename } }
`);

type RaisedAlert = ResultOf<typeof AlertTicker_Raised>['alertRaised'];
const severities = ['critical', 'high', 'medium', 'low'] as const;
const tickerLimit = 8;

export function AlertTicker() {
  const { t, lang } = useI18n();
  const session = useSession();
  const details = readsAlertDetails(session?.role);
  const counts = useLiveQuery(AlertTicker_Counts, {});
  const refresh = useThrottled(counts.refetch, 1000);
  const [recent, setRecent] = useState<RaisedAlert[]>([]);
  const lastSequence = useRef<string>(undefined);

  const raised = useLiveSubscription(
    AlertTicker_Raised,
    {},
    (data) => {
      lastSequence.current = maxSequence(lastSequence.current, data.alertRaised.sequence);
      setRecent((list) => prependCapped(list, data.alertRaised, tickerLimit));
      refresh();
    },
    { pause: !details, resume: () => lastSequence.current },
  );
  // The graph offers no alert stream to roles without detail rights (alertRaised and alertUpdated
  // are refused to them): their counts are asked again on every reconnect and age visibly.
  const updated = useLiveSubscription(AlertTicker_UpdatedSignal, {}, refresh, { pause: !details });

  return (
    <Tile
      name="alert-ticker"
      title={t('tile.alert-ticker')}
      className="tall"
      updatedAt={latest(counts.receivedAt, raised.eventAt, updated.eventAt)}
      failure={counts.failure}
      streamFailure={raised.failure ?? updated.failure}
      loading={!counts.data}
    >
      <p className="big-figure">
        <span data-testid="open-alerts-count">{formatNumber(lang, counts.data?.open.totalCount)}</span>
        <span className="big-label">{t('alerts.open')}</span>
      </p>
      <ul className="severity-counts">
        {severities.map((severity) => (
          <li key={severity} className={`severity severity-${severity.toUpperCase()}`}>
            <span className="severity-name">{t(`severity.${severity.toUpperCase() as 'HIGH'}`)}</span>
            <strong>{formatNumber(lang, counts.data?.[severity].totalCount)}</strong>
          </li>
        ))}
      </ul>
      {details ? (
        <>
          <h3 className="small">{t('alerts.latest')}</h3>
          {recent.length === 0 ? (
            <p className="muted">{t('alerts.none')}</p>
          ) : (
            <ol className="ticker" aria-live="polite">
              {recent.map((alert) => (
                <li key={alert.id} className={`severity-${alert.severity}`}>
                  <span className="severity-pill">{t(`severity.${alert.severity}`)}</span>
                  <Link to={`/soc/alerts/${encodeURIComponent(alert.id)}`} className="ticker-title">
                    {alert.title}
                  </Link>
                  <span className="muted small">
                    {lang === "vi" ? alert.system.nameVi : alert.system.nameEn} · {formatDateTime(lang, alert.firstSeen)}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </>
      ) : (
        <p className="muted small">{t('alerts.countsOnly')}</p>
      )}
    </Tile>
  );
}
