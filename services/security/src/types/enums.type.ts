import { registerEnumType } from 'type-graphql';
import { GradingApprovalAuthority, GradingApprovalStatus } from '../domain/grading';
import { AlertSeverity, AlertSource } from '../domain/severity';
import { IncidentSlaStatus } from '../domain/sla';
import { AlertStatus } from '../domain/workflow';

export { AlertSeverity, AlertSource, AlertStatus, GradingApprovalAuthority, GradingApprovalStatus, IncidentSlaStatus };

export enum AlertKind {
  VULNERABILITY = 'VULNERABILITY',
  MALWARE = 'MALWARE',
  INTRUSION = 'INTRUSION',
}

export enum IncidentStatus {
  OPEN = 'OPEN',
  CONTAINED = 'CONTAINED',
  CLOSED = 'CLOSED',
}

export enum AlertOrder {
  LAST_SEEN_DESC = 'LAST_SEEN_DESC',
  FIRST_SEEN_DESC = 'FIRST_SEEN_DESC',
  PRIORITY_DESC = 'PRIORITY_DESC',
  SEQUENCE_ASC = 'SEQUENCE_ASC',
}

registerEnumType(AlertKind, {
  name: 'AlertKind',
  description: 'What an alert is about: a vulnerability (lỗ hổng), malware (mã độc) or an intrusion attempt seen on the network.',
});
registerEnumType(AlertSeverity, { name: 'AlertSeverity', description: 'Severity normalised from the source scale (the raw value is kept beside it).' });
registerEnumType(AlertSource, {
  name: 'AlertSource',
  description: 'NCSC (national monitoring centre feed), SOC (the provincial SOC and its scanners), WAZUH (host agents), SURICATA (network IDS).',
});
registerEnumType(AlertStatus, {
  name: 'AlertStatus',
  description: 'Triage workflow: NEW → ACKNOWLEDGED → INVESTIGATING → RESOLVED / FALSE_POSITIVE (false positive from any open step; resolve from ACKNOWLEDGED).',
});
registerEnumType(AlertOrder, {
  name: 'AlertOrder',
  description: 'Sort order of an alert list; ties are broken by sequence. SEQUENCE_ASC is insertion order (resume cursors).',
});
registerEnumType(GradingApprovalStatus, { name: 'GradingApprovalStatus', description: 'Where a system\'s security-level dossier (hồ sơ đề xuất cấp độ) stands.' });
registerEnumType(GradingApprovalAuthority, {
  name: 'GradingApprovalAuthority',
  description: 'Who approves the level under Decree 85/2016: levels 1–2 the owner\'s IT unit, 3 the owner, 4–5 the owner after the ministry appraises.',
});
registerEnumType(IncidentStatus, { name: 'IncidentStatus', description: 'OPEN (being handled), CONTAINED, CLOSED.' });
registerEnumType(IncidentSlaStatus, { name: 'IncidentSlaStatus', description: 'The 5-day reporting clock of an incident.' });
