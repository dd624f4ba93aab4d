import { Field, Int, ObjectType } from 'type-graphql';
import { AlertSource } from '../enums/alert.enum';

@ObjectType('UnknownAsset', { description: 'A host the tools report that no monitored server matches: for the catalogue team to add (or explain).' })
export class UnknownAsset {
  @Field(() => String, { nullable: true, description: 'As the tool named it (Wazuh agent.name).' })
  name!: string | null;

  @Field(() => String, { nullable: true })
  ip!: string | null;

  @Field(() => Int, { description: 'Alerts on it.' })
  alerts!: number;

  @Field(() => Int, { description: 'Events folded into those alerts.' })
  occurrences!: number;

  @Field(() => [AlertSource])
  sources!: AlertSource[];

  @Field(() => String, { description: 'ISO 8601.' })
  firstSeen!: string;

  @Field(() => String, { description: 'ISO 8601.' })
  lastSeen!: string;
}
