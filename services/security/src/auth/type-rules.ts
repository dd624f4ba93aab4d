import { protectType, Roles } from '@ioc/kit';
import { Alert } from '../entities/alert.entity';
import { Incident } from '../entities/incident.entity';
import { SecurityProfile } from '../entities/security-profile.entity';

/**
 * Who may read the fields of the security subgraph's records, whatever path reaches them (a
 * list, `_entities`, a subscription, a nested field). docs/security.md explains the choices:
 * - alert and incident details are need-to-know: analysts, admins, and an agency client for its
 *   own agency's records. Viewers get counts (`totalCount`, `alertStats`, the summary), not rows.
 *   A tool that raised an alert may read back its id.
 * - security profiles (grading, inspections, four layers) are a compliance dashboard: viewers too.
 * Agency clients reaching another agency's record get FORBIDDEN naming the field.
 */
protectType(Alert, 'Alert', {
  roles: Roles.socDetail,
  fields: { id: [...Roles.socDetail, 'ingest'] },
  agencyOf: (alert) => alert.agencyId,
});

protectType(Incident, 'Incident', { roles: Roles.socDetail, agencyOf: (incident) => incident.agencyId });

protectType(SecurityProfile, 'SecurityProfile', { roles: Roles.agencyScoped, agencyOf: (profile) => profile.ownerAgencyId });
