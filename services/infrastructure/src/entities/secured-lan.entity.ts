import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { UnitLevel } from '../enums/administrative-unit.enum';
import { NetworkSector } from '../enums/network-connection.enum';

@Entity({ name: 'secured_lan' })
@ObjectType('SecuredLan', { description: 'Hệ thống bảo mật mạng LAN: an agency LAN with a security appliance installed.' })
export class SecuredLan {
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
  @Field(() => String)
  unitCode!: string;

  @Column({ type: 'text', name: 'district_code', nullable: true })
  @Field(() => String, { nullable: true })
  districtCode!: string | null;

  @Column({ type: 'text', name: 'search_name' })
  searchName!: string;

  @Column({ type: 'text' })
  @Field(() => String)
  appliance!: string;

  @Column({ type: 'date', name: 'installed_on' })
  @Field(() => String)
  installedOn!: string;

  @Column({ type: 'boolean' })
  @Field(() => Boolean)
  synthetic!: boolean;
}
