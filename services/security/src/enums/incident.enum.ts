import { registerEnumType } from 'type-graphql';
import { IncidentSlaStatus } from '../domain/sla';

export { IncidentSlaStatus };

export enum IncidentStatus {
  OPEN = 'OPEN',
  CONTAINED = 'CONTAINED',
  CLOSED = 'CLOSED',
}

registerEnumType(IncidentStatus, { name: 'IncidentStatus', description: 'OPEN (being handled), CONTAINED, CLOSED.' });
registerEnumType(IncidentSlaStatus, { name: 'IncidentSlaStatus', description: 'The 5-day reporting clock of an incident.' });
