import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { badInput, parseInstant, recordAudit, Roles, type SubgraphContext, withTransaction } from '@ioc/kit';
import { Incident } from '../entities/incident.entity';
import { CreateIncidentInput } from '../inputs/create-incident.input';
import { incidentTransitionProblem } from '../domain/incident';
import { IncidentStatus } from '../enums/incident.enum';
import { addToIncident, announceIncident, auditedIncidentFields, lockIncident, openIncident, removeFromIncident } from '../stores/incident.store';
import { bulkIds } from '../stores/triage.store';

/** Opening, regrouping, moving and reporting incidents: analysts and admins. Each publishes incident.changed. */
@Resolver(() => Incident)
@Authorized(...Roles.socWrite)
export class IncidentMutationResolver {
  @Mutation(() => Incident, {
    description: 'Opens an incident from a selection of alerts (all or nothing): severity the worst of theirs unless given, detection their earliest first sighting, the 5-day reporting clock and the SLA deadlines of its severity.',
  })
  async createIncident(@Arg('input', () => CreateIncidentInput) input: CreateIncidentInput, @Ctx() ctx: SubgraphContext): Promise<Incident> {
    const title = input.title.trim();
    if (!title || title.length > 300) throw badInput('input.title', 'must be 1–300 characters');
    const alertIds = bulkIds(input.alertIds, 'input.alertIds');
    return withTransaction(ctx.db, (tx) => openIncident(tx, ctx, { title, alertIds, severity: input.severity }));
  }

  @Mutation(() => Incident, { description: 'Adds alerts to an incident that is not closed (all or nothing); an earlier or worse alert brings its deadlines forward.' })
  async addAlertsToIncident(@Arg('id', () => String) id: string, @Arg('alertIds', () => [String]) alertIds: string[], @Ctx() ctx: SubgraphContext): Promise<Incident> {
    const ids = bulkIds(alertIds, 'alertIds');
    return withTransaction(ctx.db, (tx) => addToIncident(tx, ctx, id, ids));
  }

  @Mutation(() => Incident, { description: 'Takes alerts out of an incident that is not closed (all or nothing); its last alert stays.' })
  async removeAlertsFromIncident(@Arg('id', () => String) id: string, @Arg('alertIds', () => [String]) alertIds: string[], @Ctx() ctx: SubgraphContext): Promise<Incident> {
    const ids = bulkIds(alertIds, 'alertIds');
    return withTransaction(ctx.db, (tx) => removeFromIncident(tx, ctx, id, ids));
  }

  @Mutation(() => Incident, { description: 'Moves an incident OPEN → CONTAINED → CLOSED (or closes it from OPEN); containing stamps containedAt, closing closedAt.' })
  async updateIncident(@Arg('id', () => String) id: string, @Arg('status', () => IncidentStatus) status: IncidentStatus, @Ctx() ctx: SubgraphContext): Promise<Incident> {
    return withTransaction(ctx.db, async (tx) => {
      const incident = await lockIncident(tx, id);
      const problem = incidentTransitionProblem(id, incident.status, status);
      if (problem) throw badInput('status', problem);
      if (status === incident.status) return incident;
      await tx.query(
        `UPDATE incident SET status = $2,
                contained_at = CASE WHEN $2 <> 'OPEN' THEN COALESCE(contained_at, now()) ELSE contained_at END,
                closed_at = CASE WHEN $2 = 'CLOSED' THEN now() ELSE NULL END
          WHERE id = $1`,
        [id, status],
      );
      const after = await announceIncident(tx, ctx, id);
      await recordAudit(tx, ctx, { operation: 'updateIncident', targetType: 'Incident', targetIds: [id], before: incident, after, fields: auditedIncidentFields });
      return after;
    });
  }

  @Mutation(() => Incident, { description: 'Records that the incident was reported to the competent authority (once), which stops its 5-day clock.' })
  async reportIncident(
    @Arg('id', () => String) id: string,
    @Arg('reportedAt', () => String, { nullable: true, description: 'When it was reported (ISO 8601); now by default. Not before detection, not in the future.' }) reportedAt: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Incident> {
    const at = reportedAt ? parseInstant(reportedAt, 'reportedAt') : new Date();
    if (at.getTime() > Date.now() + 60_000) throw badInput('reportedAt', 'is in the future');
    return withTransaction(ctx.db, async (tx) => {
      const incident = await lockIncident(tx, id);
      if (incident.reportedAt) throw badInput('id', `incident ${id} was already reported at ${incident.reportedAt}`);
      if (at < new Date(incident.detectedAt)) throw badInput('reportedAt', `is before the incident was detected (${incident.detectedAt})`);
      await tx.query('UPDATE incident SET reported_at = $2 WHERE id = $1', [id, at]);
      const after = await announceIncident(tx, ctx, id);
      await recordAudit(tx, ctx, { operation: 'reportIncident', targetType: 'Incident', targetIds: [id], before: incident, after, fields: auditedIncidentFields });
      return after;
    });
  }
}
