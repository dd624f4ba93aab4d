import { Tile, latest } from '../../components/Tile';
import { graphql } from '../../graphql/tada';
import { useI18n } from '../../i18n/i18n';
import { useLiveQuery, useLiveSubscription } from '../../live/hooks';
import { useThrottled } from '../../live/throttle';
import { formatNumber, formatPercent } from '../../lib/format';

export const Ipv6Certificates_Counts = graphql(`
  query Ipv6Certificates_Counts {
    domains: internetDomains(first: 1) { totalCount }
    completed: internetDomains(first: 1, ipv6Status: COMPLETED) { totalCount }
    inProgress: internetDomains(first: 1, ipv6Status: IN_PROGRESS) { totalCount }
    activeCertificates: certificates(first: 1, status: ACTIVE) { totalCount }
    revokedCertificates: certificates(first: 1, status: REVOKED) { totalCount }
    organisation: certificates(first: 1, status: ACTIVE, kind: ORGANIZATION) { totalCount }
    personal: certificates(first: 1, status: ACTIVE, kind: PERSONAL) { totalCount }
  }
`);

/** Infrastructure indicators move with these figures' writes: the signal to count again. */
export const Ipv6Certificates_Changed = graphql(`subscription Ipv6Certificates_Changed { infrastructureIndicatorChanged { code } }`);

export function Ipv6Certificates() {
  const { t, lang } = useI18n();
  const query = useLiveQuery(Ipv6Certificates_Counts, {});
  const refresh = useThrottled(query.refetch, 5000);
  const stream = useLiveSubscription(Ipv6Certificates_Changed, {}, refresh);
  const data = query.data;
  const share = data && data.domains.totalCount > 0 ? (data.completed.totalCount / data.domains.totalCount) * 100 : null;
  return (
    <Tile name="ipv6-certificates" title={t('infra.ipv6')} updatedAt={latest(query.receivedAt, stream.eventAt)} failure={query.failure} streamFailure={stream.failure} loading={!data}>
      {data && (
        <>
          <p className="big-figure">
            <span>{formatPercent(lang, share)}</span>
            <span className="big-label">{t('infra.ipv6Done', { done: formatNumber(lang, data.completed.totalCount), total: formatNumber(lang, data.domains.totalCount) })}</span>
          </p>
          <div className="gauge" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={share ?? 0} aria-label={t('infra.ipv6')}>
            <span className="gauge-fill" style={{ width: `${share ?? 0}%` }} />
          </div>
          <dl className="pairs">
            <dt>{t('infra.ipv6Progress')}</dt>
            <dd>{formatNumber(lang, data.inProgress.totalCount)}</dd>
            <dt>{t('infra.certificates')}</dt>
            <dd>{formatNumber(lang, data.activeCertificates.totalCount)}</dd>
            <dt>{t('infra.certOrganisation')}</dt>
            <dd>{formatNumber(lang, data.organisation.totalCount)}</dd>
            <dt>{t('infra.certPersonal')}</dt>
            <dd>{formatNumber(lang, data.personal.totalCount)}</dd>
            <dt>{t('infra.certRevoked')}</dt>
            <dd>{formatNumber(lang, data.revokedCertificates.totalCount)}</dd>
          </dl>
        </>
      )}
    </Tile>
  );
}
