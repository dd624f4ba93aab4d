import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { AlertKind, AlertSeverity, AlertSource, AlertStatus } from '../enums/alert.enum';
import { SeverityScale } from '../enums/ingest.enum';
import { bigintString, isoTimestamp } from '@ioc/kit';

/** A security alert from the SOC's tools or the national centre, deduplicated by fingerprint. */
@Entity({ name: 'alert' })
@ObjectType('Alert', { description: 'Cảnh báo: a security alert on a server and information system, deduplicated by fingerprint.' })
@Directive('@key(fields: "id")')
export class Alert {
  @Directive('@tag(name: "agency")')
  @PrimaryColumn({ type: 'text', insert: false, update: false })
  @Field(() => String)
  id!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'bigint', insert: false, update: false, transformer: bigintString })
  @Field(() => String, { description: 'Insertion order (a bigserial as a decimal string): a resume cursor for feeds; compare numerically.' })
  sequence!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text' })
  @Field(() => AlertKind)
  kind!: AlertKind;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text' })
  @Field(() => String)
  title!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  description!: string | null;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'CVE id of a vulnerability alert.' })
  cve!: string | null;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'double precision', name: 'cvss_score', nullable: true })
  @Field(() => Float, { nullable: true, description: 'CVSS v3 base score of a vulnerability alert.' })
  cvssScore!: number | null;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text' })
  @Field(() => AlertSeverity, { description: 'Normalised severity.' })
  severity!: AlertSeverity;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text', name: 'raw_severity' })
  @Field(() => String, { description: 'Severity as the source gave it: Wazuh level 0–15, Suricata priority (1 is the worst), NCSC/SOC word or CVSS.' })
  rawSeverity!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text' })
  @Field(() => AlertSource)
  source!: AlertSource;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Deduplication key: a repeat of an open alert\'s fingerprint bumps its occurrences.' })
  fingerprint!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'integer' })
  @Field(() => Int)
  occurrences!: number;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'timestamptz', name: 'first_seen', transformer: isoTimestamp })
  @Field(() => String, { description: 'ISO 8601 timestamp.' })
  firstSeen!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'timestamptz', name: 'last_seen', transformer: isoTimestamp })
  @Field(() => String, { description: 'ISO 8601 timestamp.' })
  lastSeen!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text' })
  @Field(() => AlertStatus)
  status!: AlertStatus;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Analyst handling the alert.' })
  assignee!: string | null;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'integer' })
  @Field(() => Int, { description: 'Severity weight (LOW 1 … CRITICAL 4) × the system\'s security level (approved, or proposed while pending; 1 when none): 1–20.' })
  priority!: number;

  @Column({ type: 'text', name: 'server_id', nullable: true })
  serverId!: string | null;

  /** Null for an alert on a host no monitored server matched (see `unknownAssets`). */
  @Column({ type: 'text', name: 'system_id', nullable: true })
  systemId!: string | null;

  @Column({ type: 'text', name: 'agency_id', nullable: true })
  agencyId!: string | null;

  @Column({ type: 'text', name: 'rule_id', nullable: true })
  @Field(() => String, { nullable: true, description: 'The tool\'s rule: Wazuh rule.id, Suricata alert.signature_id.' })
  ruleId!: string | null;

  @Column({ type: 'text', name: 'severity_scale', nullable: true })
  @Field(() => SeverityScale, { nullable: true, description: 'The scale rawSeverity is on (ingested alerts).' })
  severityScale!: SeverityScale | null;

  @Column({ type: 'text', name: 'cvss_vector', nullable: true })
  @Field(() => String, { nullable: true, description: 'CVSS vector of a vulnerability; cvssScore is computed from it.' })
  cvssVector!: string | null;

  @Column({ type: 'text', name: 'mitre_techniques', array: true })
  @Field(() => [String], { description: 'MITRE ATT&CK technique ids (T1110, T1059.001) from Wazuh rule.mitre or Suricata signature metadata.' })
  mitreTechniques!: string[];

  @Column({ type: 'text', name: 'mitre_tactics', array: true })
  @Field(() => [String], { description: 'MITRE ATT&CK tactic ids (TA0006).' })
  mitreTactics!: string[];

  @Column({ type: 'text', name: 'asset_name', nullable: true })
  @Field(() => String, { nullable: true, description: 'The host as the tool named it (Wazuh agent.name).' })
  assetName!: string | null;

  @Column({ type: 'text', name: 'asset_ip', nullable: true })
  @Field(() => String, { nullable: true, description: 'The host\'s address as the tool gave it (Wazuh agent.ip, the monitored end of a Suricata flow).' })
  assetIp!: string | null;

  @Column({ type: 'text', name: 'incident_id', nullable: true })
  incidentId!: string | null;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'timestamptz', name: 'acknowledged_at', nullable: true, transformer: isoTimestamp })
  @Field(() => String, { nullable: true })
  acknowledgedAt!: string | null;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'timestamptz', name: 'closed_at', nullable: true, transformer: isoTimestamp })
  @Field(() => String, { nullable: true, description: 'When it was resolved or closed as a false positive.' })
  closedAt!: string | null;

  @Column({ type: 'boolean' })
  @Field(() => Boolean, { description: 'True for generated 2022 alerts (the plan gives only the counts).' })
  synthetic!: boolean;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'timestamptz', name: 'updated_at', transformer: isoTimestamp })
  @Field(() => String)
  updatedAt!: string;
}
