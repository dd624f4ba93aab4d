import { Field, ObjectType } from 'type-graphql';
import { ProtectionLayerKind } from '../enums/protection-layer.enum';

@ObjectType('ProtectionLayer', { description: 'One of the four layers of Directive 14 for a system: in place or not, and the evidence recorded for it.' })
export class ProtectionLayer {
  @Field(() => ProtectionLayerKind)
  layer!: ProtectionLayerKind;

  @Field(() => Boolean)
  inPlace!: boolean;

  @Field(() => String, { nullable: true, description: 'What shows it (a contract, a decision, a report); null when none was recorded.' })
  evidence!: string | null;

  @Field(() => String, { nullable: true, description: 'Date of the evidence (ISO date).' })
  evidencedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Who recorded it.' })
  recordedBy!: string | null;
}
