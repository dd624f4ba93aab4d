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
