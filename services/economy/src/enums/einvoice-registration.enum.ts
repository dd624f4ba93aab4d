import { registerEnumType } from 'type-graphql';

export enum TaxpayerKind {
  ENTERPRISE = 'ENTERPRISE',
  HOUSEHOLD_BUSINESS = 'HOUSEHOLD_BUSINESS',
  ORGANISATION = 'ORGANISATION',
}

registerEnumType(TaxpayerKind, { name: 'TaxpayerKind', description: 'Doanh nghiệp, hộ kinh doanh, tổ chức.' });
