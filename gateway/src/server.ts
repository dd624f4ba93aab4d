import { ApolloGateway } from '@apollo/gateway';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, printSchema, type GraphQLSchema } from 'graphql';
import { scopeOf, sizeInBytes, startGraphQLServer, type Logger, type Principal, type RunningServer } from '@ioc/kit';
import { admittedCaller, httpAdmission, type AdmissionPolicy } from './admission/admission';
import { apolloLogger } from './apollo-logger';
import { defaultLimits, type GatewayLimits } from './admission/limits';
import { mountCatalogue, PersistedOperations } from './admission/persisted-operations';
import { mountSocReports } from './reports/soc-report';
import { createRateLimiter } from './admission/rate-limit';
import { devSigningKey, mountDevSignIn } from './auth/dev-sign-in';
import { createGatewayTokenSigner } from './auth/gateway-tokens';
import { mountIngestProxy } from './ingest/ingest-proxy';
import { createVerifier, type Verifier, type VerifierConfig } from './auth/verifier';
import { ContractSchemas } from './contracts/audiences';
import { contractIntrospection } from './contracts/serve';
import { serveConsole } from './console/serve-console';
import { mountExplorer } from './explorer/explorer';
import { createGatewayMetrics, type GatewayMetrics } from './metrics';
import { shareInflight } from './inflight-sharing';
import { shareInflightOperations } from './inflight-operations';
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
  /** How callers are verified: keys to check their tokens with, or (harnesses) a verify function. */
  auth: { verifier: VerifierConfig | Verifier; gatewayTokenSecret: string };
  limits?: Partial<GatewayLimits>;
  persistedOperationsPath?: string;
  /** Introspection; off in production. */
  introspection?: boolean;
  /** The bundled GraphiQL explorer at `GET /graphql` (a browser's visit) and `/explorer`; defaults to `introspection`. */
  explorer?: boolean;
  /** `/metrics` without a token (default); otherwise it needs an admin token. */
  metricsPublic?: boolean;
  /** Events held per subscriber before a slow one is cut off. */
  subscriberQueueLimit?: number;
  /** The built console (web/dist) to serve at `/`; none when unset. */
  consoleDir?: string;
  /** Stack traces in error responses: only when a developer asks (GRAPHQL_STACK_TRACES), never by default. */
  stackTraces?: boolean;
  /** Identical subgraph reads in flight for one scope are sent once (default on; SHARE_INFLIGHT_READS). */
  shareInflightReads?: boolean;
}

export interface RunningGateway extends RunningServer {
  /** The schema a caller may see: its audience's contract (agency clients), else the whole API schema. */
  schemaFor(principal: Pick<Principal, 'role'>): GraphQLSchema | undefined;
  metrics: GatewayMetrics;
  engine: SubscriptionEngine;
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { logger } = options;
  const limits = { ...defaultLimits, ...options.limits };
  const metrics = createGatewayMetrics();
  const sharing = options.shareInflightReads === false ? undefined : shareInflight({ onShared: () => metrics.subgraphReadsShared.inc() });
  const { verifier } = options.auth;
  const verify = typeof verifier === 'function' ? verifier : createVerifier(verifier);
  const tokenFor = createGatewayTokenSigner(options.auth.gatewayTokenSecret);
  const dataSources = new Map<string, SubgraphDataSource>();
  const policy: AdmissionPolicy = {
    verify,
    limits,
    maxBatch: limits.maxBatch,
    rateLimiter: createRateLimiter(limits.ratePerMinute),
    persisted: options.persistedOperationsPath ? PersistedOperations.fromFile(options.persistedOperationsPath) : new PersistedOperations([]),
    logger,
  };
  let loaded = false;

  const gateway = new ApolloGateway({
    supergraphSdl: supergraphFromFile(options.supergraphPath, logger),
    buildService: ({ name, url }) => {
      const source = new SubgraphDataSource(name, options.subgraphUrls?.[name] ?? url ?? '', tokenFor, sharing);
      dataSources.set(name, source);
      return source;
    },
    logger: apolloLogger(logger),
  });

  // Upstream connections are per scope: they present a principal with exactly that scope's rights.
  const scopePrincipals = new Map<string, Principal>();
  const pool = new UpstreamPool({
    urlOf: (name) => dataSources.get(name)?.url,
    connectionParams: async (scope) => {
      const principal = scopePrincipals.get(scope);
      return principal ? { gatewayToken: await tokenFor({ ...principal, subject: `scope:${scope}`, clientIp: undefined }) } : {};
    },
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
  policy.schema = () => engine.schema;
  const contracts = new ContractSchemas({ introspection: options.introspection ?? true });
  policy.contracts = contracts;
  gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => {
    loaded = true;
    engine.setSupergraph(coreSupergraphSdl);
    try {
      contracts.setSupergraph(coreSupergraphSdl);
    } catch (error) {
      // The previous contracts stay in force (none before the first load: their callers are refused).
      logger.error('contracts not rebuilt from the new supergraph', { error });
    }
  });

  const contextFor = (principal: Principal, requestId: string): GatewayContext => {
    const scope = scopeOf(principal);
    scopePrincipals.set(scope, principal);
    return { requestId, principal, scope };
  };

  const server = await startGraphQLServer<GatewayContext>({
    name: 'gateway',
    port: options.port,
    host: options.host,
    logger,
    apollo: {
      gateway,
      introspection: options.introspection ?? true,
      allowBatchedHttpRequests: true,
      includeStacktraceInErrorResponses: options.stackTraces ?? false,
      // Apollo's landing page loads its explorer from the internet: ours (explorer/) is bundled.
      plugins: [subscriptionsOverWebSocketOnly, contractIntrospection(contracts), ApolloServerPluginLandingPageDisabled()],
      // Every request carries a bearer token, which no browser sends cross-site without a
      // preflight: that is the CSRF guard, so clients' plain GETs (urql's default) pass.
      csrfPrevention: { requestHeaders: ['authorization', 'x-apollo-operation-name', 'apollo-require-preflight'] },
    },
    bodyLimit: limits.bodyLimit,
    // Identical queries in flight for one scope run once (SHARE_INFLIGHT_READS, with the subgraph reads).
    admission: sharing
      ? [httpAdmission(policy), shareInflightOperations({ epoch: () => sharing.epoch, onShared: () => metrics.operationsShared.inc() })]
      : [httpAdmission(policy)],
    context: async ({ requestId, http }) => {
      const principal = admittedCaller(http);
      if (!principal) throw new GraphQLError('unauthenticated', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
      return contextFor(principal, requestId);
    },
    websocket: { options: gatewayWebSocket({ engine, policy, contextFor, caps: { perSocket: limits.subscriptionsPerSocket, perCaller: limits.subscriptionsPerCaller } }) },
    routes: (app) => {
      app.get('/metrics', async (req, res) => {
        if (options.metricsPublic === false) {
          try {
            const caller = await verify(req.headers.authorization);
            if (caller.role !== 'admin') return void res.status(403).type('text/plain').send('forbidden: /metrics needs role admin\n');
          } catch (error) {
            return void res.status(401).type('text/plain').send(`${(error as Error).message}\n`);
          }
        }
        res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
      });
      const devKey = typeof verifier === 'function' ? undefined : devSigningKey(verifier);
      if (devKey) mountDevSignIn(app, devKey);
      mountCatalogue(app, policy.persisted, verify);
      // Downloads run their GraphQL through this gateway's own /graphql, with the caller's token and the same admission.
      mountSocReports(app, () => `http://${!options.host || options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host}:${server.port}/graphql`);
      // The caller's schema as SDL (its contract for an agency client), for explorers and code generators; off with introspection.
      if (options.introspection ?? true) app.get('/schema.graphql', async (req, res) => {
        try {
          const schema = contracts.schemaFor(await verify(req.headers.authorization));
          if (!schema) return void res.status(503).type('text/plain').send('supergraph not loaded\n');
          res.type('text/plain; charset=utf-8').send(printSchema(schema));
        } catch (error) {
          res.status(401).setHeader('WWW-Authenticate', 'Bearer').type('text/plain').send(`${(error as Error).message}\n`);
        }
      });
      if (options.explorer ?? options.introspection ?? true) mountExplorer(app, logger);
      mountIngestProxy(app, { verify, tokenFor, securityUrl: () => dataSources.get('security')?.url, bodyLimit: sizeInBytes(limits.ingestBodyLimit), logger, onWrote: () => sharing?.wrote() });
      if (options.consoleDir) serveConsole(app, { dir: options.consoleDir, logger });
    },
    readiness: async () => {
      if (!loaded) throw new Error('supergraph not loaded');
    },
    onClose: async () => {
      engine.endAll({ message: 'the gateway is shutting down: subscribe again', extensions: { code: 'SHUTTING_DOWN' } });
      await pool.closeAll();
    },
  });
  return { ...server, metrics, engine, schemaFor: (principal) => contracts.schemaFor(principal) };
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
