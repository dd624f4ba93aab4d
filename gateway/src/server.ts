import { ApolloGateway } from '@apollo/gateway';
import { startGraphQLServer, type Logger, type RunningServer } from '@ioc/kit';
import { SubgraphDataSource } from './subgraph-data-source';
import { supergraphFromFile } from './supergraph-file';

// @apollo/gateway otherwise sets up a usage exporter that phones home.
process.env.APOLLO_TELEMETRY_DISABLED = '1';

export interface GatewayOptions {
  port: number;
  host?: string;
  supergraphPath: string;
  /** Overrides of the routing URLs in the supergraph, by subgraph name. */
  subgraphUrls?: Record<string, string>;
  logger: Logger;
  introspection?: boolean;
  /** Also answer GraphQL POSTs at `/`, like Apollo Router. */
  serveAtRoot?: boolean;
}

export type RunningGateway = RunningServer;

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { logger } = options;
  let loaded = false;
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphFromFile(options.supergraphPath, logger),
    buildService: ({ name, url }) => new SubgraphDataSource(name, options.subgraphUrls?.[name] ?? url ?? ''),
    logger: {
      debug: (message) => logger.debug(String(message)),
      info: (message) => logger.info(String(message)),
      warn: (message) => logger.warn(String(message)),
      error: (message) => logger.error(String(message)),
    },
  });
  gateway.onSchemaLoadOrUpdate(() => {
    loaded = true;
  });
  return startGraphQLServer({
    name: 'gateway',
    port: options.port,
    host: options.host,
    logger,
    apollo: { gateway, introspection: options.introspection ?? true },
    serveAtRoot: options.serveAtRoot,
    context: async ({ requestId }) => ({ requestId }),
    readiness: async () => {
      if (!loaded) throw new Error('supergraph not loaded');
    },
  });
}
