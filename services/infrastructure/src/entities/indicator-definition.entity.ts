import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { IndicatorComparator } from '@ioc/kit';

/** A 2023 target of the plan in the INFRASTRUCTURE domain (seeded from seeds/data/indicators.json). */
@Entity({ name: 'indicator_definition' })
export class IndicatorDefinitionRow {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  domain!: string;

  @Column({ type: 'text', name: 'title_vi' })
  titleVi!: string;

  @Column({ type: 'text', name: 'title_en' })
  titleEn!: string;

  @Column({ type: 'text' })
  unit!: string;

  @Column({ type: 'double precision', nullable: true })
  baseline!: number | null;

  @Column({ type: 'double precision' })
  target!: number;

  @Column({ type: 'text' })
  comparator!: IndicatorComparator;

  @Column({ type: 'boolean' })
  qualitative!: boolean;

  @Column({ type: 'text' })
  source!: string;
}
