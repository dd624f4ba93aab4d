import { registerEnumType } from 'type-graphql';

export enum Ipv6Status {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
}

registerEnumType(Ipv6Status, { name: 'Ipv6Status', description: 'Migration to IPv6 under Plan 46/KH-UBND (2022–2025).' });
