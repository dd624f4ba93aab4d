import { registerEnumType } from 'type-graphql';

export enum OperatorKind {
  TELECOM = 'TELECOM',
  CABLE_TV = 'CABLE_TV',
}
registerEnumType(OperatorKind, { name: 'OperatorKind', description: 'Telecommunications service provider or cable-TV operator.' });

export enum OperatorService {
  MOBILE = 'MOBILE',
  FIXED_BROADBAND = 'FIXED_BROADBAND',
  CABLE_TV = 'CABLE_TV',
}
registerEnumType(OperatorService, { name: 'OperatorService', description: 'A service line an operator offers in the province.' });

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

export enum NetworkSector {
  PARTY = 'PARTY',
  STATE = 'STATE',
}
registerEnumType(NetworkSector, { name: 'NetworkSector', description: 'Party agency or state agency.' });

export enum NetworkConnectionStatus {
  CONNECTED = 'CONNECTED',
  DISCONNECTED = 'DISCONNECTED',
}
registerEnumType(NetworkConnectionStatus, { name: 'NetworkConnectionStatus' });

export enum CertificateKind {
  ORGANIZATION = 'ORGANIZATION',
  PERSONAL = 'PERSONAL',
}
registerEnumType(CertificateKind, { name: 'CertificateKind', description: 'Certificate of an organisation (its seal) or of a person.' });

export enum CertificateMedium {
  USB_TOKEN = 'USB_TOKEN',
  SIM_PKI = 'SIM_PKI',
}
registerEnumType(CertificateMedium, { name: 'CertificateMedium', description: 'Where the private key lives.' });

export enum CertificateStatus {
  ACTIVE = 'ACTIVE',
  REVOKED = 'REVOKED',
}
registerEnumType(CertificateStatus, { name: 'CertificateStatus' });

export enum PostalPointKind {
  POST_OFFICE = 'POST_OFFICE',
  COMMUNE_POST_CULTURE = 'COMMUNE_POST_CULTURE',
  OTHER = 'OTHER',
}
registerEnumType(PostalPointKind, {
  name: 'PostalPointKind',
  description: 'Bưu cục, điểm Bưu điện - Văn hóa xã, or another service point (collection point).',
});

export enum Ipv6Status {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
}
registerEnumType(Ipv6Status, { name: 'Ipv6Status', description: 'Migration to IPv6 under Plan 46/KH-UBND (2022–2025).' });

/** Same name and values as egov's `UnitLevel`, so the two definitions compose as one enum. */
export enum UnitLevel {
  PROVINCE = 'PROVINCE',
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
}
registerEnumType(UnitLevel, { name: 'UnitLevel', description: 'Tier of the administrative hierarchy (cấp tỉnh / huyện / xã).' });
