import { registerEnumType } from 'type-graphql';

export enum DossierSort {
  RECEIVED_AT_DESC = 'RECEIVED_AT_DESC',
  RECEIVED_AT_ASC = 'RECEIVED_AT_ASC',
  DUE_AT_ASC = 'DUE_AT_ASC',
  RESOLVED_AT_DESC = 'RESOLVED_AT_DESC',
}

registerEnumType(DossierSort, { name: 'DossierSort' });

export enum DossierChannel {
  ONLINE = 'ONLINE',
  IN_PERSON = 'IN_PERSON',
}

registerEnumType(DossierChannel, { name: 'DossierChannel', description: 'How a dossier was submitted (trực tuyến / trực tiếp).' });

export enum DossierStatus {
  PROCESSING = 'PROCESSING',
  RESOLVED = 'RESOLVED',
}

registerEnumType(DossierStatus, { name: 'DossierStatus', description: 'PROCESSING (đang giải quyết) or RESOLVED (đã giải quyết).' });
