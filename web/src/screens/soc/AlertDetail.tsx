import { useState } from 'react';
import { useMutation } from 'urql';
import { Tile, latest } from '../../components/Tile';
import { graphql } from '../../graphql/tada';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../live/context';
import { useLiveQuery, useLiveSubscription } from '../../live/hooks';
import { useThrottled } from '../../live/throttle';
import { triagesAlerts } from '../../lib/auth';
import { formatDateTime, formatNumber } from '../../lib/format';
import { AlertQueue_Triage } from './AlertQueue';

/** One alert with what other subgraphs know of its system, server and agency. */
export const AlertDetail_Alert = graphql(`
  query AlertDetail_Alert($id: String!) {
    alert(id: $id) {
      id
      title
      description
      severity
      rawSeverity
      status
      priority
      kind
      source
      cve
      cvssScore
      occurrences
      firstSeen
      lastSeen
      acknowledgedAt
      assignee
      system { id nameVi nameEn category inDataCentre securityProfile { level approvalStatus } }
      server { id hostname ipv4 health kind }
      agency { id nameVi nameEn }
      incident { id title status slaStatus reportDueAt }
    }
  }
`);

export const AlertDetail_Updated = graphql(`
  subscription AlertDetail_Updated { alertUpdated { id status } }
`);

export function AlertDetail({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const session = useSession();
  const query = useLiveQuery(AlertDetail_Alert, { id });
  const refresh = useThrottled(query.refetch, 500);
  const stream = useLiveSubscription(AlertDetail_Updated, {}, (data) => {
    if (data.alertUpdated.id === id) refresh();
  });
  const [triageResult, triage] = useMutation(AlertQueue_Triage);
  const [message, setMessage] = useState<string>();
  const alert = query.data?.alert;
  const act = async (status: 'ACKNOWLEDGED' | 'INVESTIGATING' | 'RESOLVED' | 'FALSE_POSITIVE') => {
    setMessage(undefined);
    const result = await triage({ id, status });
    if (result.error) setMessage(result.error.graphQLErrors[0]?.message ?? result.error.message);
    else refresh();
  };
  const name = (item: { nameVi: string; nameEn: string } | null | undefined) => (item ? (lang === 'vi' ? item.nameVi : item.nameEn) : '—');
  return (
    <Tile
      name="alert-detail"
      title={t('soc.detail')}
      updatedAt={latest(query.receivedAt, stream.eventAt)}
      failure={query.failure}
      streamFailure={stream.failure}
      loading={!query.data}
    >
      {!alert ? (
        <p className="muted">{t('soc.notFound')}</p>
      ) : (
        <div className="detail" data-alert-detail={alert.id}>
          <h3 data-testid="detail-title">{alert.title}</h3>
          <p>
            <span className={`severity-pill severity-text-${alert.severity}`}>{t(`severity.${alert.severity}`)}</span>{' '}
            <strong data-testid="detail-status">{t(`alertStatus.${alert.status}`)}</strong> · P{alert.priority} · {alert.kind} · {alert.source} ({alert.rawSeverity})
          </p>
          {alert.description && <p>{alert.description}</p>}
          <dl className="pairs">
            <dt>{t('soc.system')}</dt>
            <dd>
              {name(alert.system)}
              {alert.system?.securityProfile?.level ? ` · ${t('soc.level', { level: alert.system.securityProfile.level })}` : ''}
            </dd>
            <dt>{t('soc.server')}</dt>
            <dd>{alert.server ? `${alert.server.hostname} (${alert.server.ipv4}) · ${t(`health.${alert.server.health.toLowerCase() as 'healthy'}`)}` : '—'}</dd>
            <dt>{t('soc.agency')}</dt>
            <dd>{name(alert.agency)}</dd>
            {alert.cve && (
              <>
                <dt>CVE</dt>
                <dd>
                  {alert.cve}
                  {alert.cvssScore !== null ? ` · CVSS ${formatNumber(lang, alert.cvssScore)}` : ''}
                </dd>
              </>
            )}
            <dt>{t('soc.firstSeen')}</dt>
            <dd>{formatDateTime(lang, alert.firstSeen)}</dd>
            <dt>{t('soc.lastSeen')}</dt>
            <dd>
              {formatDateTime(lang, alert.lastSeen)} · ×{formatNumber(lang, alert.occurrences)}
            </dd>
            <dt>{t('soc.assignee')}</dt>
            <dd>{alert.assignee ?? '—'}</dd>
            {alert.incident && (
              <>
                <dt>{t('soc.incident')}</dt>
                <dd>
                  {alert.incident.title} · {t(`sla.${alert.incident.slaStatus}`)}
                </dd>
              </>
            )}
          </dl>
          {triagesAlerts(session?.role) && (
            <div className="actions">
              {alert.status === 'NEW' && (
                <button type="button" className="button primary" data-action="acknowledge" disabled={triageResult.fetching} onClick={() => void act('ACKNOWLEDGED')}>
                  {t('soc.acknowledge')}
                </button>
              )}
              {(alert.status === 'NEW' || alert.status === 'ACKNOWLEDGED') && (
                <button type="button" className="button" data-action="investigate" disabled={triageResult.fetching} onClick={() => void act('INVESTIGATING')}>
                  {t('soc.investigate')}
                </button>
              )}
              {alert.status !== 'RESOLVED' && alert.status !== 'FALSE_POSITIVE' && (
                <>
                  <button type="button" className="button" data-action="resolve" disabled={triageResult.fetching} onClick={() => void act('RESOLVED')}>
                    {t('soc.resolve')}
                  </button>
                  <button type="button" className="button" data-action="false-positive" disabled={triageResult.fetching} onClick={() => void act('FALSE_POSITIVE')}>
                    {t('soc.falsePositive')}
                  </button>
                </>
              )}
            </div>
          )}
          {message && (
            <p className="notice notice-refused" role="alert">
              {message}
            </p>
          )}
        </div>
      )}
    </Tile>
  );
}
