import { createLogger, exitOnSignals, reportFatal } from '@ioc/kit';
import { readGatewayEnv } from './env';
import { startGateway } from './server';

try {
  const env = readGatewayEnv();
  const logger = createLogger('gateway', env.LOG_LEVEL);
  const gateway = await startGateway({
    port: env.PORT,
    host: env.HOST,
    supergraphPath: env.SUPERGRAPH_PATH,
    subgraphUrls: env.subgraphUrls,
    logger,
  });
  exitOnSignals(gateway.close, logger);
} catch (error) {
  reportFatal('gateway', error);
}
