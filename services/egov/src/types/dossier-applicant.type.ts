import { Directive, Field, ObjectType } from 'type-graphql';

/** The citizen who filed a dossier: personal data, masked for every role but admin. */
@Directive('@tag(name: "agency")')
@ObjectType('DossierApplicant', { description: 'The applicant of a dossier. Personal data: masked ("Nguyễn V. A**", "*********234", "09******78") except for admins.' })
export class DossierApplicant {
  @Field(() => String)
  fullName!: string;

  @Field(() => String, { nullable: true, description: 'Citizen ID (CMND 9 digits or CCCD 12 digits).' })
  idNumber!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;
}
