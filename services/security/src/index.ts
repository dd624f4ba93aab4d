import { reportFatal, runSubgraph } from '@ioc/kit';
import { securityEnv } from './env';
import { securitySubgraph } from './subgraph';

// The service's own settings (SLA policy, webhooks) are checked before anything starts: a bad value names its variable.
try {
  securityEnv();
} catch (error) {
  reportFatal(securitySubgraph.name, error);
}
await runSubgraph(securitySubgraph);
