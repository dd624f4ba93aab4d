import { useRef, useState } from 'react';
import { Tile, latest } from '../../components/Tile';
import { graphql, type ResultOf } from '../../graphql/tada';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../live/context';
import { prependCapped, maxSequence } from '../../live/capped';
import { useLiveQuery, useLiveSubscription } from '../../live/hooks';
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

/** Every dashboard role: the open counts again after each alert raised, repeated or triaged. */
export const AlertTicker_CountsChanged = graphql(`
  subscription AlertTicker_CountsChanged { openAlertCountsChanged { open critical high medium low } }
`);

type RaisedAlert = ResultOf<typeof AlertTicker_Raised>['alertRaised'];
type OpenCounts = ResultOf<typeof AlertTicker_CountsChanged>['openAlertCountsChanged'];
const severities = ['critical', 'high', 'medium', 'low'] as const;
const tickerLimit = 8;

export function AlertTicker() {
  const { t, lang } = useI18n();
  const session = useSession();
  const details = readsAlertDetails(session?.role);
  const counts = useLiveQuery(AlertTicker_Counts, {});
  const [liveCounts, setLiveCounts] = useState<OpenCounts>();
  const [recent, setRecent] = useState<RaisedAlert[]>([]);
  const lastSequence = useRef<string>(undefined);

  const raised = useLiveSubscription(
    AlertTicker_Raised,
    {},
    (data) => {
      lastSequence.current = maxSequence(lastSequence.current, data.alertRaised.sequence);
      setRecent((list) => prependCapped(list, data.alertRaised, tickerLimit));
    },
    { pause: !details, resume: () => lastSequence.current },
  );
  const updated = useLiveSubscription(AlertTicker_CountsChanged, {}, (data) => setLiveCounts(data.openAlertCountsChanged));
  // A reconnect asks the counts again; until the next event the query's answer is the newest.
  const shown = (key: keyof OpenCounts) =>
    liveCounts && (updated.eventAt ?? 0) >= (counts.receivedAt ?? 0) ? liveCounts[key] : counts.data?.[key].totalCount;

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
        <span data-testid="open-alerts-count">{formatNumber(lang, shown('open'))}</span>
        <span className="big-label">{t('alerts.open')}</span>
      </p>
      <ul className="severity-counts">
        {severities.map((severity) => (
          <li key={severity} className={`severity severity-${severity.toUpperCase()}`}>
            <span className="severity-name">{t(`severity.${severity.toUpperCase() as 'HIGH'}`)}</span>
            <strong>{formatNumber(lang, shown(severity))}</strong>
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
                    {alert.system ? (lang === "vi" ? alert.system.nameVi : alert.system.nameEn) : "—"} · {formatDateTime(lang, alert.firstSeen)}
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
