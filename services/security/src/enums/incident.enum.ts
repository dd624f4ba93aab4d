import { registerEnumType } from 'type-graphql';
import { IncidentStatus } from '../domain/incident';
import { IncidentSlaStatus } from '../domain/sla';

export { IncidentSlaStatus, IncidentStatus };

registerEnumType(IncidentStatus, { name: 'IncidentStatus', description: 'OPEN (being handled), CONTAINED, CLOSED.' });
registerEnumType(IncidentSlaStatus, { name: 'IncidentSlaStatus', description: 'The 5-day reporting clock of an incident.' });
