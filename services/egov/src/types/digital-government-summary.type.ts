import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('DigitalGovernmentSummary', { description: 'Chính quyền số: the e-government domain at a glance.' })
export class DigitalGovernmentSummary {
  @Field(() => String)
  provinceCode!: string;

  @Field(() => Int, { description: 'District-level units currently valid.' })
  districts!: number;

  @Field(() => Int, { description: 'Commune-level units currently valid.' })
  communes!: number;

  @Field(() => Int)
  agencies!: number;

  @Field(() => Int, { description: 'Information systems in the provincial catalogue.' })
  informationSystems!: number;

  @Field(() => Int, { description: 'Administrative procedures published.' })
  procedures!: number;

  @Field(() => Int)
  onlineServices!: number;

  @Field(() => Int)
  onlineServicesLevel3!: number;

  @Field(() => Int)
  onlineServicesLevel4!: number;

  @Field(() => Int, { description: 'Online services integrated with the National Public Service Portal.' })
  onlineServicesOnNationalPortal!: number;

  @Field(() => Int, { description: 'Dossiers still processing past their deadline, now.' })
  overdueDossiers!: number;

  @Field(() => Int, { description: 'Feedback not yet answered.' })
  openFeedback!: number;

  @Field(() => Int, { description: 'Tasks of the current plan (2023).' })
  planTasks!: number;
}
