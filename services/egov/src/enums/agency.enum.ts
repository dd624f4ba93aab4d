import { registerEnumType } from 'type-graphql';

export enum AgencyKind {
  DEPARTMENT = 'DEPARTMENT',
  PARTY = 'PARTY',
  PEOPLES_COMMITTEE = 'PEOPLES_COMMITTEE',
}

registerEnumType(AgencyKind, {
  name: 'AgencyKind',
  description: "DEPARTMENT: provincial department or agency (sở, ban, ngành); PARTY: Party agency or mass organisation; PEOPLES_COMMITTEE: a district's or commune's People's Committee.",
});
