import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numericNumber } from '../columns';
import type { IndicatorComparator, IndicatorDefinition } from '../indicator';

/**
 * A 2023 target of the plan (seeds/data/indicators.json), in the schema of the subgraph whose
 * domains it belongs to; the table comes from the kit's IndicatorDefinitions migration.
 */
@Entity({ name: 'indicator_definition' })
export class IndicatorDefinitionRow {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  domain!: string;

  /** Order in the plan's table of indicators. */
  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'text', name: 'title_vi' })
  titleVi!: string;

  @Column({ type: 'text', name: 'title_en' })
  titleEn!: string;

  @Column({ type: 'text' })
  unit!: string;

  /** The 2022 value, where the plan gives one. */
  @Column({ type: 'numeric', nullable: true, transformer: numericNumber })
  baseline!: number | null;

  /** The reported measurement the baseline was taken from, with its section ("ioffice.workRecords.provinceShare (Phần I, mục I.2)"). */
  @Column({ type: 'text', name: 'baseline_source', nullable: true })
  baselineSource!: string | null;

  /** What the plan says about the 2022 situation where it gives no comparable value. */
  @Column({ type: 'text', name: 'baseline_note', nullable: true })
  baselineNote!: string | null;

  @Column({ type: 'numeric', transformer: numericNumber })
  target!: number;

  @Column({ type: 'text' })
  comparator!: IndicatorComparator;

  /** A yes/no target (target 1 = achieved), e.g. "keep the data centre operational". */
  @Column({ type: 'boolean' })
  qualitative!: boolean;

  /** The plan's section. */
  @Column({ type: 'text' })
  source!: string;
}

/** What `evaluateIndicator` needs of a stored definition. */
export function indicatorDefinitionOf(row: IndicatorDefinitionRow): IndicatorDefinition {
  return {
    code: row.code,
    titleVi: row.titleVi,
    titleEn: row.titleEn,
    unit: row.unit,
    baseline: row.baseline,
    target: row.target,
    comparator: row.comparator,
  };
}
