import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, GraphQLISODateTime, ObjectType } from 'type-graphql';
import { BtsStatus } from '../enums/bts-station.enum';

@Entity({ name: 'bts_status_change' })
@ObjectType('BtsStatusChange', { description: 'A recorded change of a station\'s status (outage, recovery).' })
export class BtsStatusChange {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  @Field(() => String)
  id!: string;

  @Column({ type: 'text', name: 'station_id' })
  @Field(() => String)
  stationId!: string;

  @Column({ type: 'text', name: 'from_status' })
  @Field(() => BtsStatus)
  fromStatus!: BtsStatus;

  @Column({ type: 'text', name: 'to_status' })
  @Field(() => BtsStatus)
  toStatus!: BtsStatus;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Column({ type: 'timestamptz', name: 'changed_at' })
  @Field(() => GraphQLISODateTime)
  changedAt!: Date;
}
