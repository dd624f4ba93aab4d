import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The catalogue's system ids (owned by egov), so hosting links can be validated. */
@Entity({ name: 'information_system_ref' })
export class InformationSystemRef {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text', name: 'name_en' })
  nameEn!: string;

  @Column({ type: 'boolean', name: 'in_data_centre' })
  inDataCentre!: boolean;
}
