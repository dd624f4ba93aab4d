import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numericNumber } from '../support/columns';

/** A 2023 target of the plan measured by this domain (seeded from seeds/data/indicators.json). */
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

  @Column({ type: 'numeric', nullable: true, transformer: numericNumber })
  baseline!: number | null;

  @Column({ type: 'text', name: 'baseline_source', nullable: true })
  baselineSource!: string | null;

  @Column({ type: 'numeric', transformer: numericNumber })
  target!: number;

  @Column({ type: 'text' })
  comparator!: string;

  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'integer' })
  position!: number;
}
