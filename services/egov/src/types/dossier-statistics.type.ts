import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';

/** Dossier counts of one administrative unit for one year (received in that year). */
@Directive('@tag(name: "agency")')
@ObjectType('DossierStatistics', { description: 'Dossiers received in a year in one unit, by channel and outcome.' })
export class DossierStatistics {
  @Field(() => String)
  unitCode!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => Int)
  received!: number;

  @Field(() => Int)
  online!: number;

  @Field(() => Int)
  inPerson!: number;

  @Field(() => Int)
  resolved!: number;

  @Field(() => Int, { description: 'Resolved by the statutory deadline.' })
  resolvedOnTime!: number;

  @Field(() => Int)
  processing!: number;

  @Field(() => Int, { description: 'Still processing past the deadline.' })
  overdue!: number;

  @Field(() => Float, { nullable: true, description: 'Online share of received, percent (2 decimals); null without dossiers.' })
  onlineShare!: number | null;

  @Field(() => Float, { nullable: true, description: 'On-time share of resolved, percent (2 decimals).' })
  onTimeShare!: number | null;
}
