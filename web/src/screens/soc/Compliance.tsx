import { Tile, latest } from '../../components/Tile';
import { graphql } from '../../graphql/tada';
import { useI18n } from '../../i18n/i18n';
import { useLiveQuery, useLiveSubscription } from '../../live/hooks';
import { useThrottled } from '../../live/throttle';
import { formatNumber } from '../../lib/format';

export const Compliance_Summary = graphql(`
  query Compliance_Summary {
    province(code: "84") {
      code
      security {
        systemsTotal
        systemsGraded
        systemsPendingApproval
        systemsNotSubmitted
        systemsByLevel { level systems }
        inspectionsOverdue
        dataCentreSystems
        dataCentreSystemsFourLayer
        openIncidents
        incidentsSlaBreached
      }
    }
    due: securityProfiles(inspectionOverdue: true, first: 20) {
      totalCount
      nodes { systemId level nextInspectionDue system { nameVi nameEn } ownerAgency { nameVi nameEn } }
    }
  }
`);

export const Compliance_Changed = graphql(`subscription Compliance_Changed { securityIndicatorChanged { code } }`);

/** Grading levels, inspections due and the four-layer model (Decision 05/2017 and Directive 14). */
export function Compliance() {
  const { t, lang } = useI18n();
  const query = useLiveQuery(Compliance_Summary, {});
  const refresh = useThrottled(query.refetch, 2000);
  const stream = useLiveSubscription(Compliance_Changed, {}, refresh);
  const security = query.data?.province?.security;
  const due = query.data?.due;
  return (
    <Tile name="compliance" title={t('soc.compliance')} updatedAt={latest(query.receivedAt, stream.eventAt)} failure={query.failure} streamFailure={stream.failure} loading={!query.data}>
      {security && (
        <>
          <dl className="pairs">
            <dt>{t('soc.systemsGraded')}</dt>
            <dd>
              {formatNumber(lang, security.systemsGraded)} / {formatNumber(lang, security.systemsTotal)}
            </dd>
            <dt>{t('soc.pending')}</dt>
            <dd>{formatNumber(lang, security.systemsPendingApproval)}</dd>
            <dt>{t('soc.notSubmitted')}</dt>
            <dd>{formatNumber(lang, security.systemsNotSubmitted)}</dd>
            <dt>{t('soc.fourLayer')}</dt>
            <dd>
              {formatNumber(lang, security.dataCentreSystemsFourLayer)} / {formatNumber(lang, security.dataCentreSystems)}
            </dd>
            <dt>{t('soc.inspectionsOverdue')}</dt>
            <dd>{formatNumber(lang, security.inspectionsOverdue)}</dd>
            <dt>{t('soc.incidentsBreached')}</dt>
            <dd>{formatNumber(lang, security.incidentsSlaBreached)}</dd>
            <dt>{t('soc.incidentsOpen')}</dt>
            <dd>{formatNumber(lang, security.openIncidents)}</dd>
          </dl>
          <h3 className="small">{t('soc.byLevel')}</h3>
          <ul className="levels">
            {security.systemsByLevel.map((row) => (
              <li key={row.level}>
                <span>{t('soc.level', { level: row.level })}</span>
                <strong>{formatNumber(lang, row.systems)}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
      {due && due.nodes.length > 0 && (
        <>
          <h3 className="small">{t('soc.inspectionsDue')}</h3>
          <ul className="plain">
            {due.nodes.map((profile) => (
              <li key={profile.systemId}>
                {lang === 'vi' ? profile.system.nameVi : profile.system.nameEn} · {t('soc.level', { level: profile.level ?? '—' })}
                <span className="muted small"> · {profile.nextInspectionDue ?? '—'}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Tile>
  );
}
