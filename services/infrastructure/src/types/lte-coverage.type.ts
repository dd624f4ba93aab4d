import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('LteCoverage', { description: 'Phủ sóng 4G: BTS and 4G coverage of a province, district or commune.' })
export class LteCoverage {
  @Field(() => Int, { description: 'Commune-level units in the area.' })
  communes!: number;

  @Field(() => Int, { description: 'Communes with at least one LTE station that is not down.' })
  communesCovered!: number;

  @Field(() => Boolean, { description: 'Every commune of the area is covered by 4G.' })
  covered!: boolean;

  @Field(() => Int)
  stations!: number;

  @Field(() => Int, { description: 'Stations with LTE (4G).' })
  lteStations!: number;

  @Field(() => Float, { nullable: true, description: 'Share of stations with LTE, in percent; null without stations.' })
  lteShare!: number | null;
}
