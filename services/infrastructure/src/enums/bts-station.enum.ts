import { registerEnumType } from 'type-graphql';

export enum RadioTechnology {
  GSM = 'GSM',
  UMTS = 'UMTS',
  LTE = 'LTE',
  NR = 'NR',
}

registerEnumType(RadioTechnology, {
  name: 'RadioTechnology',
  description: 'Radio access technology of a BTS: GSM (2G), UMTS (3G), LTE (4G), NR (5G).',
});

export enum BtsStatus {
  UP = 'UP',
  DOWN = 'DOWN',
  DEGRADED = 'DEGRADED',
}

registerEnumType(BtsStatus, { name: 'BtsStatus', description: 'Operational state of a BTS station.' });

export enum BtsStationSort {
  ID_ASC = 'ID_ASC',
  NAME_ASC = 'NAME_ASC',
  NAME_DESC = 'NAME_DESC',
  STATUS_CHANGED_DESC = 'STATUS_CHANGED_DESC',
  COMMISSIONED_DESC = 'COMMISSIONED_DESC',
}

registerEnumType(BtsStationSort, { name: 'BtsStationSort', description: 'Order of a BTS list; ties are broken by id.' });
