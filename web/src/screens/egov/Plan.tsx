import { Tile, latest } from '../../components/Tile';
import { graphql } from '../../graphql/tada';
import { useI18n } from '../../i18n/i18n';
import { useLiveQuery, useLiveSubscription } from '../../live/hooks';
import { useThrottled } from '../../live/throttle';
import { formatMillionVnd, formatNumber } from '../../lib/format';

export const Plan_TasksProjects = graphql(`
  query Plan_TasksProjects($year: Int!) {
    planBudget(year: $year) { year total investment recurring unfunded projects }
    planTasks(first: 1) { totalCount }
    planProjects(first: 30) { totalCount nodes { id no titleVi titleEn amountMillionVnd leadAgencyVi funded periodVi } }
  }
`);

/** The plan moves with the indicators it measures: their events are the signal to read it again. */
export const Plan_Changed = graphql(`subscription Plan_Changed { digitalGovernmentIndicatorChanged { code } }`);

export function Plan({ year }: { year: number }) {
  const { t, lang } = useI18n();
  const query = useLiveQuery(Plan_TasksProjects, { year });
  const refresh = useThrottled(query.refetch, 10_000);
  const stream = useLiveSubscription(Plan_Changed, {}, refresh);
  const budget = query.data?.planBudget;
  const projects = query.data?.planProjects;
  return (
    <Tile name="plan" title={t('egov.plan')} className="span-2" updatedAt={latest(query.receivedAt, stream.eventAt)} failure={query.failure} streamFailure={stream.failure} loading={!query.data}>
      <div className="figure-row">
        <p className="big-figure">
          <span>{formatNumber(lang, query.data?.planTasks.totalCount)}</span>
          <span className="big-label">{t('egov.tasks')}</span>
        </p>
        <p className="big-figure">
          <span>{formatNumber(lang, projects?.totalCount)}</span>
          <span className="big-label">{t('egov.projects')}</span>
        </p>
        {budget && (
          <dl className="pairs">
            <dt>{t('egov.budget', { year: budget.year })}</dt>
            <dd>{formatMillionVnd(lang, budget.total)}</dd>
            <dt>{t('egov.investment')}</dt>
            <dd>{formatMillionVnd(lang, budget.investment)}</dd>
            <dt>{t('egov.recurring')}</dt>
            <dd>{formatMillionVnd(lang, budget.recurring)}</dd>
            <dt>{t('egov.unfunded')}</dt>
            <dd>{formatMillionVnd(lang, budget.unfunded)}</dd>
          </dl>
        )}
      </div>
      <div className="scroll" tabIndex={0}>
        <table className="compact">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('egov.project')}</th>
              <th scope="col">{t('egov.lead')}</th>
              <th scope="col">{t('egov.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {projects?.nodes.map((project) => (
              <tr key={project.id}>
                <td>{project.no}</td>
                <td>
                  {lang === 'vi' ? project.titleVi : project.titleEn}
                  <span className="muted small"> · {project.periodVi}</span>
                </td>
                <td>{project.leadAgencyVi}</td>
                <td className="nowrap">{formatMillionVnd(lang, project.amountMillionVnd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Tile>
  );
}
