import { registerEnumType } from 'type-graphql';
import { SuppressionTarget } from '../domain/suppression';

export { SuppressionTarget };

registerEnumType(SuppressionTarget, {
  name: 'SuppressionTarget',
  description: 'What a suppression rule mutes: a Wazuh rule id, a Suricata signature id, or a CVE (from any source).',
});
