import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { IndicatorComparator, IndicatorDefinition as KitDefinition } from '@ioc/kit';

/** A 2023 target of the plan for the SECURITY domain (seeded from seeds/data/indicators.json). */
@Entity({ name: 'indicator_definition' })
export class IndicatorDefinition {
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

  @Column({ type: 'text' })
  source!: string;
}

export function toKitDefinition(row: IndicatorDefinition): KitDefinition {
  return { code: row.code, titleVi: row.titleVi, titleEn: row.titleEn, unit: row.unit, baseline: row.baseline, target: row.target, comparator: row.comparator };
}
