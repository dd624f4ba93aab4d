import { Field, Float, InputType } from 'type-graphql';
import { AlertKind, AlertSource } from '../enums/alert.enum';

@InputType('RaiseAlertInput', { description: 'An alert as a tool reports it; severity is normalised from rawSeverity.' })
export class RaiseAlertInput {
  @Field(() => AlertKind)
  kind!: AlertKind;

  @Field(() => AlertSource)
  source!: AlertSource;

  @Field(() => String, { description: 'Wazuh rule level 0–15, Suricata priority 1–255 (1 is the worst), or for NCSC/SOC a word (low … critical, thấp … nghiêm trọng) or a CVSS score.' })
  rawSeverity!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Server the alert was seen on; must be monitored by the SOC.' })
  serverId?: string | null;

  @Field(() => String, { nullable: true, description: 'Information system; may be left out when the server serves exactly one system.' })
  systemId?: string | null;

  @Field(() => String, { nullable: true, description: 'The tool\'s rule or signature id (Wazuh rule.id, Suricata alert.signature_id): suppression rules match on it.' })
  ruleId?: string | null;

  @Field(() => String, { nullable: true, description: 'CVE id of a vulnerability, e.g. CVE-2021-44228.' })
  cve?: string | null;

  @Field(() => Float, { nullable: true, description: 'CVSS v3 base score 0–10.' })
  cvssScore?: number | null;

  @Field(() => String, { nullable: true, description: 'The source\'s own deduplication key; by default one is derived from source, kind, CVE or title, server and system.' })
  fingerprint?: string | null;

  @Field(() => String, { nullable: true, description: 'When the tool saw it (ISO 8601); now by default.' })
  observedAt?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Marks a generated record (a demo feed, a load test) as synthetic, like the seeds' generated ones; default false." })
  synthetic?: boolean | null;
}
