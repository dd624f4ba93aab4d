import { Column, Entity, PrimaryColumn } from 'typeorm';
import { isoTimestamp } from '@ioc/kit';
import { ProtectionLayerKind } from '../domain/protection-layer';

/** The last evidence recorded for one layer of one system (the flag itself lives on the profile). */
@Entity({ name: 'protection_layer_evidence' })
export class ProtectionLayerEvidence {
  @PrimaryColumn({ type: 'text', name: 'system_id' })
  systemId!: string;

  @PrimaryColumn({ type: 'text' })
  layer!: ProtectionLayerKind;

  @Column({ type: 'boolean', name: 'in_place' })
  inPlace!: boolean;

  @Column({ type: 'text' })
  evidence!: string;

  @Column({ type: 'date', name: 'evidenced_on' })
  evidencedOn!: string;

  @Column({ type: 'text', name: 'recorded_by' })
  recordedBy!: string;

  @Column({ type: 'timestamptz', name: 'recorded_at', insert: false, update: false, transformer: isoTimestamp })
  recordedAt!: string;
}
