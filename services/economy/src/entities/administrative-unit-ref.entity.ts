import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Local reference copy of the GSO administrative codes (AdministrativeUnit is owned by egov):
 * lets this subgraph validate `communeCode`/`districtCode` arguments and roll communes up to
 * districts without calling another service. Not exposed in GraphQL.
 */
@Entity({ name: 'unit_ref' })
export class AdministrativeUnitRef {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  level!: 'PROVINCE' | 'DISTRICT' | 'COMMUNE';

  @Column({ type: 'text', name: 'parent_code', nullable: true })
  parentCode!: string | null;

  @Column({ type: 'text', name: 'district_code', nullable: true })
  districtCode!: string | null;
}
