import { registerEnumType } from 'type-graphql';

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
