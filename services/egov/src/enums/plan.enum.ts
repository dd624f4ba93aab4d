import { registerEnumType } from 'type-graphql';

export enum AgencyRole {
  LEAD = 'LEAD',
  CO_OPERATING = 'CO_OPERATING',
  ANY = 'ANY',
}

registerEnumType(AgencyRole, { name: 'AgencyRole', description: 'Role of an agency in a plan task.' });

export enum DeadlineKind {
  REGULAR = 'REGULAR',
  YEAR_2023 = 'YEAR_2023',
  FROM_2023_ONWARDS = '2023_ONWARDS',
  OTHER = 'OTHER',
}

registerEnumType(DeadlineKind, {
  name: 'DeadlineKind',
  description: 'REGULAR (thường xuyên), YEAR_2023 (năm 2023), FROM_2023_ONWARDS (2023 and following years), OTHER.',
});

export enum FundingType {
  INVESTMENT = 'INVESTMENT',
  RECURRING = 'RECURRING',
}

registerEnumType(FundingType, { name: 'FundingType', description: 'INVESTMENT (vốn đầu tư) or RECURRING (vốn sự nghiệp).' });
