import { registerEnumType } from 'type-graphql';

export enum ServerKind {
  PHYSICAL = 'PHYSICAL',
  VIRTUAL = 'VIRTUAL',
}

registerEnumType(ServerKind, { name: 'ServerKind', description: 'Physical host or virtual machine.' });

export enum ServerHealth {
  HEALTHY = 'HEALTHY',
  WARNING = 'WARNING',
  CRITICAL = 'CRITICAL',
  OFFLINE = 'OFFLINE',
}

registerEnumType(ServerHealth, { name: 'ServerHealth', description: 'Monitored health of a server.' });

export enum ServerStatus {
  ACTIVE = 'ACTIVE',
  RETIRED = 'RETIRED',
}

registerEnumType(ServerStatus, { name: 'ServerStatus', description: 'Lifecycle of a server: in service or retired.' });

export enum ServerSort {
  ID_ASC = 'ID_ASC',
  HOSTNAME_ASC = 'HOSTNAME_ASC',
  HEALTH_CHANGED_DESC = 'HEALTH_CHANGED_DESC',
  CPU_DESC = 'CPU_DESC',
  MEMORY_DESC = 'MEMORY_DESC',
}

registerEnumType(ServerSort, { name: 'ServerSort', description: 'Order of a server list; ties are broken by id.' });
