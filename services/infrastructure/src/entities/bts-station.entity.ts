import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, Float, GraphQLISODateTime, ObjectType } from 'type-graphql';
import { BtsStatus, RadioTechnology } from '../enums/bts-station.enum';

@Entity({ name: 'bts_station' })
@ObjectType('BtsStation', { description: 'Trạm BTS: a mobile base station of one operator in one commune.' })
@Directive('@key(fields: "id")')
export class BtsStation {
  @PrimaryColumn({ type: 'text' })
  @Field(() => String)
  id!: string;

  @Column({ type: 'text' })
  @Field(() => String)
  name!: string;

  @Column({ type: 'text', name: 'operator_id' })
  @Field(() => String)
  operatorId!: string;

  @Column({ type: 'text', name: 'commune_code' })
  @Field(() => String, { description: 'GSO code of the commune the station stands in.' })
  communeCode!: string;

  @Column({ type: 'text', name: 'district_code' })
  @Field(() => String, { description: 'GSO code of the district of that commune.' })
  districtCode!: string;

  @Column({ type: 'text', array: true })
  @Field(() => [RadioTechnology])
  technologies!: RadioTechnology[];

  @Column({ type: 'double precision' })
  @Field(() => Float)
  latitude!: number;

  @Column({ type: 'double precision' })
  @Field(() => Float)
  longitude!: number;

  @Column({ type: 'text' })
  @Field(() => BtsStatus)
  status!: BtsStatus;

  @Column({ type: 'timestamptz', name: 'status_changed_at' })
  @Field(() => GraphQLISODateTime)
  statusChangedAt!: Date;

  @Column({ type: 'date', name: 'commissioned_on' })
  @Field(() => String, { description: 'ISO date the station went on air.' })
  commissionedOn!: string;

  @Column({ type: 'text', name: 'search_name' })
  searchName!: string;

  @Column({ type: 'boolean' })
  @Field(() => Boolean, { description: 'Generated: the plan gives only totals for stations.' })
  synthetic!: boolean;
}
