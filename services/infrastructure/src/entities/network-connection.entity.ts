import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import { UnitLevel } from '../enums/administrative-unit.enum';
import { NetworkConnectionStatus, NetworkSector } from '../enums/network-connection.enum';

@Entity({ name: 'network_connection' })
@ObjectType('NetworkConnection', {
  description: 'Kết nối mạng truyền số liệu chuyên dùng: one agency\'s link to the specialised data network.',
})
export class NetworkConnection {
  @PrimaryColumn({ type: 'text', name: 'agency_id' })
  @Field(() => String)
  agencyId!: string;

  @Column({ type: 'text', name: 'agency_name' })
  @Field(() => String)
  agencyName!: string;

  @Column({ type: 'text' })
  @Field(() => NetworkSector)
  sector!: NetworkSector;

  @Column({ type: 'text' })
  @Field(() => UnitLevel)
  level!: UnitLevel;

  @Column({ type: 'text', name: 'unit_code' })
  @Field(() => String, { description: 'GSO code of the agency\'s unit (84 for provincial agencies).' })
  unitCode!: string;

  @Column({ type: 'text', name: 'district_code', nullable: true })
  @Field(() => String, { nullable: true })
  districtCode!: string | null;

  @Column({ type: 'text', name: 'search_name' })
  searchName!: string;

  @Column({ type: 'text' })
  @Field(() => NetworkConnectionStatus)
  status!: NetworkConnectionStatus;

  @Column({ type: 'integer', name: 'bandwidth_mbps' })
  @Field(() => Int)
  bandwidthMbps!: number;

  @Column({ type: 'date', name: 'connected_on' })
  @Field(() => String)
  connectedOn!: string;

  @Column({ type: 'boolean' })
  @Field(() => Boolean)
  synthetic!: boolean;
}
