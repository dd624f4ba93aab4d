import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { UnitLevel } from '../enums/administrative-unit.enum';

/**
 * This service's copy of the administrative units it places rows in (GSO codes, owned by egov):
 * enough to validate codes, expand a district to its communes and know which communes are rural.
 */
@Entity({ name: 'administrative_unit_ref' })
export class AdministrativeUnitRef {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', name: 'name_with_type' })
  nameWithType!: string;

  @Column({ type: 'text' })
  level!: UnitLevel;

  @Column({ type: 'text', name: 'parent_code', nullable: true })
  parentCode!: string | null;

  @Column({ type: 'text', name: 'district_code', nullable: true })
  districtCode!: string | null;

  @Column({ type: 'boolean' })
  rural!: boolean;

  @Column({ type: 'boolean' })
  fibre!: boolean;

  @Column({ type: 'text', name: 'search_name' })
  searchName!: string;
}
