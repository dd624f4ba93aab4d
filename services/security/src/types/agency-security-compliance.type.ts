import { Directive, Field, Int, ObjectType } from 'type-graphql';

@Directive('@tag(name: "agency")')
@ObjectType('AgencySecurityCompliance', { description: 'How an agency\'s own systems stand against Decree 85 and Directive 14.' })
export class AgencySecurityCompliance {
  @Field(() => Int, { description: 'Information systems the agency owns.' })
  systemsOwned!: number;

  @Field(() => Int, { description: 'With an approved security level.' })
  systemsGraded!: number;

  @Field(() => Int, { description: 'Grading dossier submitted, awaiting approval.' })
  systemsPending!: number;

  @Field(() => Int, { description: 'No grading dossier yet.' })
  systemsNotSubmitted!: number;

  @Field(() => Int, { description: 'Approved systems whose periodic inspection is overdue.' })
  inspectionsOverdue!: number;

  @Field(() => Int, { description: 'Systems with all four layers of Directive 14.' })
  fourLayerComplete!: number;

  @Field(() => Int, { description: 'Open alerts on the agency\'s systems.' })
  openAlerts!: number;
}
