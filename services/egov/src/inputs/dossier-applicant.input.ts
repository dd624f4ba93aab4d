import { Field, InputType } from 'type-graphql';

@InputType('DossierApplicantInput', { description: 'The citizen filing a dossier. Stored as given; served masked except to admins.' })
export class DossierApplicantInput {
  @Field(() => String)
  fullName!: string;

  @Field(() => String, { nullable: true, description: 'Citizen ID: 9 digits (CMND) or 12 digits (CCCD).' })
  idNumber?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;
}
