import { createLogger, exitOnSignals, reportFatal } from '@ioc/kit';
import { readGatewayConfig } from './env';
import { startGateway } from './server';

try {
  const config = readGatewayConfig();
  const { env } = config;
  const logger = createLogger('gateway', env.LOG_LEVEL);
  const gateway = await startGateway({
    port: env.PORT,
    host: env.HOST,
    supergraphPath: env.SUPERGRAPH_PATH,
    persistedOperationsPath: env.PERSISTED_OPERATIONS_PATH,
    subgraphUrls: config.subgraphUrls,
    auth: { verifier: config.verifier, gatewayTokenSecret: config.gatewayTokenSecret },
    limits: config.limits,
    introspection: config.introspection,
    explorer: config.explorer,
    metricsPublic: env.METRICS_PUBLIC,
    stackTraces: env.GRAPHQL_STACK_TRACES,
    shareInflightReads: env.SHARE_INFLIGHT_READS,
    consoleDir: env.CONSOLE_DIR || undefined,
    logger,
  });
  exitOnSignals(gateway.close, logger);
} catch (error) {
  reportFatal('gateway', error);
}
