import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { IndicatorComparator } from '@ioc/kit';

/** A 2023 target of the plan for this subgraph's domains, seeded from seeds/data/indicators.json. */
@Entity({ name: 'indicator_definition' })
export class IndicatorDefinitionRow {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  domain!: 'DIGITAL_ECONOMY' | 'DIGITAL_SOCIETY';

  /** Order in the plan's table. */
  @Column({ type: 'integer' })
  position!: number;

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

  @Column({ type: 'text', name: 'baseline_note', nullable: true })
  baselineNote!: string | null;

  @Column({ type: 'text' })
  source!: string;
}
