import { registerEnumType } from 'type-graphql';
import { SeverityScale } from '../domain/normalised-alert';

export { SeverityScale };

registerEnumType(SeverityScale, {
  name: 'SeverityScale',
  description: 'The scale of a raw severity: WAZUH_LEVEL 0–15 (15 the worst), SURICATA_PRIORITY 1–255 (1 the worst), CVSS 0.0–10.0, WORD (low … critical).',
});
