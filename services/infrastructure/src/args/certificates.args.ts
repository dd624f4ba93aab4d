import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '@ioc/kit';
import { UnitLevel } from '../enums/administrative-unit.enum';
import { CertificateKind, CertificateMedium, CertificateStatus } from '../enums/certificate.enum';

@ArgsType()
export class AgencyCertificatesArgs extends PageArgs {
  @Field(() => CertificateStatus, { nullable: true })
  status?: CertificateStatus | null;

  @Field(() => CertificateKind, { nullable: true })
  kind?: CertificateKind | null;

  @Field(() => CertificateMedium, { nullable: true })
  medium?: CertificateMedium | null;

  @Field(() => String, { nullable: true, description: 'Issued on or after this ISO date.' })
  issuedFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'Issued on or before this ISO date.' })
  issuedTo?: string | null;
}

@ArgsType()
export class CertificatesArgs extends AgencyCertificatesArgs {
  @Field(() => String, { nullable: true })
  agencyId?: string | null;

  @Field(() => UnitLevel, { nullable: true, description: 'Level of the holding agency.' })
  level?: UnitLevel | null;
}
