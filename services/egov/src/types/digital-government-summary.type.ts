import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('DigitalGovernmentSummary', { description: 'Chính quyền số: the e-government domain at a glance.' })
export class DigitalGovernmentSummary {
  @Field(() => String)
  provinceCode!: string;

  @Field(() => Int, { description: 'District-level units currently valid.' })
  districts!: number;

  @Field(() => Int, { description: 'Commune-level units currently valid.' })
  communes!: number;
}
