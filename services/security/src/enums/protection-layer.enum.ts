import { registerEnumType } from 'type-graphql';
import { ProtectionLayerKind } from '../domain/protection-layer';

export { ProtectionLayerKind };

registerEnumType(ProtectionLayerKind, {
  name: 'ProtectionLayerKind',
  description: 'Directive 14\'s layers: 1 the agency\'s on-site force, 2 professional monitoring (the SOC), 3 independent inspection, 4 connection to the NCSC.',
});
