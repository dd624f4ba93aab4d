import { ApolloGateway } from '@apollo/gateway';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { startGraphQLServer, type Logger, type RequestInfo, type RunningServer } from '@ioc/kit';
import { createGatewayMetrics, type GatewayMetrics } from './metrics';
import { SubgraphDataSource } from './subgraph-data-source';
import { SubscriptionEngine } from './subscriptions/engine';
import { UpstreamPool } from './subscriptions/upstream';
import { gatewayWebSocket, type GatewayContext } from './subscriptions/websocket';
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
  /** Events held per subscriber before a slow one is cut off. */
  subscriberQueueLimit?: number;
}

export interface RunningGateway extends RunningServer {
  metrics: GatewayMetrics;
  engine: SubscriptionEngine;
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { logger } = options;
  const metrics = createGatewayMetrics();
  const dataSources = new Map<string, SubgraphDataSource>();
  let loaded = false;

  const gateway = new ApolloGateway({
    supergraphSdl: supergraphFromFile(options.supergraphPath, logger),
    buildService: ({ name, url }) => {
      const source = new SubgraphDataSource(name, options.subgraphUrls?.[name] ?? url ?? '');
      dataSources.set(name, source);
      return source;
    },
    logger: {
      debug: (message) => logger.debug(String(message)),
      info: (message) => logger.info(String(message)),
      warn: (message) => logger.warn(String(message)),
      error: (message) => logger.error(String(message)),
    },
  });

  const pool = new UpstreamPool({
    urlOf: (name) => dataSources.get(name)?.url,
    connectionParams: () => ({}),
    metrics,
    logger: logger.child({ component: 'subscriptions' }),
  });
  const engine = new SubscriptionEngine({
    pool,
    dataSources: () => Object.fromEntries(dataSources),
    metrics,
    logger: logger.child({ component: 'subscriptions' }),
    clientQueueLimit: options.subscriberQueueLimit,
  });
  gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => {
    loaded = true;
    engine.setSupergraph(coreSupergraphSdl);
  });

  const context = async ({ requestId }: RequestInfo): Promise<GatewayContext> => ({ requestId, scope: 'public' });

  const server = await startGraphQLServer<GatewayContext>({
    name: 'gateway',
    port: options.port,
    host: options.host,
    logger,
    apollo: { gateway, introspection: options.introspection ?? true, plugins: [subscriptionsOverWebSocketOnly] },
    serveAtRoot: options.serveAtRoot,
    context,
    websocket: { options: gatewayWebSocket({ engine, context, logger }) },
    routes: (app) => {
      app.get('/metrics', async (_req, res) => {
        res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
      });
    },
    readiness: async () => {
      if (!loaded) throw new Error('supergraph not loaded');
    },
    onClose: async () => {
      engine.endAll({ message: 'the gateway is shutting down: subscribe again', extensions: { code: 'SHUTTING_DOWN' } });
      await pool.closeAll();
    },
  });
  return { ...server, metrics, engine };
}

/** A subscription over HTTP gets a clear 400 instead of the gateway executor's 500. */
const subscriptionsOverWebSocketOnly: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation === 'subscription') {
          throw new GraphQLError('subscriptions are served over WebSocket (graphql-transport-ws) at /graphql', {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        }
      },
    };
  },
};
