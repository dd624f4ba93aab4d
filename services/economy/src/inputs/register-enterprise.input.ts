import { Field, InputType, Int } from 'type-graphql';
import { EnterpriseSector, IctActivity, LegalForm } from '../enums/enterprise.enum';

@InputType('RegisterEnterpriseOnPlatformInput', {
  description: 'Puts an enterprise on travinhtrade.vn. A known tax code needs nothing else; a new one also needs name, legalForm, sector and communeCode.',
})
export class RegisterEnterpriseOnPlatformInput {
  @Field(() => String)
  taxCode!: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => LegalForm, { nullable: true })
  legalForm?: LegalForm | null;

  @Field(() => EnterpriseSector, { nullable: true })
  sector?: EnterpriseSector | null;

  @Field(() => IctActivity, { nullable: true, description: 'Required when sector is ICT.' })
  ictActivity?: IctActivity | null;

  @Field(() => String, { nullable: true, description: 'GSO code of the commune of the head office.' })
  communeCode?: string | null;

  @Field(() => Int, { nullable: true })
  employees?: number | null;

  @Field(() => String, { nullable: true, description: 'ISO date; today when omitted. Not in the future.' })
  joinedOn?: string | null;
}
