import { registerEnumType } from 'type-graphql';
import { AlertSeverity, AlertSource } from '../domain/severity';
import { AlertKind } from '../domain/normalised-alert';
import { AlertStatus } from '../domain/workflow';

export { AlertKind, AlertSeverity, AlertSource, AlertStatus };

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
