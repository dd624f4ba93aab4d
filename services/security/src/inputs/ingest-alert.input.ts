import { Field, Float, InputType } from 'type-graphql';
import { AlertKind, AlertSource } from '../enums/alert.enum';

@InputType('IngestAlertInput', { description: 'An event from a tool other than the Wazuh and Suricata endpoints, already in our terms (docs/soc.md).' })
export class IngestAlertInput {
  @Field(() => AlertSource)
  source!: AlertSource;

  @Field(() => String, { description: 'The tool\'s own id of the event (1–200 characters): sending it again is a duplicate.' })
  sourceEventId!: string;

  @Field(() => AlertKind)
  kind!: AlertKind;

  @Field(() => String, { description: 'The tool\'s rule or check: with the asset (and the CVE) it makes the fingerprint.' })
  ruleId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { description: 'On the source\'s scale: Wazuh level 0–15, Suricata priority 1–255, else a word (low … critical) or a CVSS score.' })
  rawSeverity!: string;

  @Field(() => String, { nullable: true })
  cve?: string | null;

  @Field(() => String, { nullable: true, description: 'CVSS 3.x or 4.0 vector: the score is computed from it.' })
  cvssVector?: string | null;

  @Field(() => Float, { nullable: true, description: 'CVSS base score, when there is no vector.' })
  cvssScore?: number | null;

  @Field(() => String, { description: 'When the tool saw it: ISO 8601 with a zone.' })
  observedAt!: string;

  @Field(() => String, { nullable: true, description: 'Host name (a monitored server\'s id or host name); this or assetIp.' })
  assetName?: string | null;

  @Field(() => String, { nullable: true })
  assetIp?: string | null;

  @Field(() => [String], { nullable: true, description: 'ATT&CK technique ids (T1110).' })
  mitreTechniques?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'ATT&CK tactic ids (TA0006) or names.' })
  mitreTactics?: string[] | null;
}
