import type { BaseContext } from '@apollo/server';
import type { Express, Request } from 'express';
import { ApolloServerPluginInlineTrace } from '@apollo/server/plugin/inlineTrace';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { CloseCode } from 'graphql-ws';
import type { DataSource, MixedList } from 'typeorm';
import { openServiceDatabase, pingDatabase } from './database';
import { parseEnv, subgraphEnvSchema } from './env';
import type { EventBus } from './event-bus/event-bus';
import { checkEventBusConfig, createEventBus, type EventBusConfig } from './event-bus/event-bus-config';
import { eventBusPubSub } from './event-bus/pubsub';
import { createLogger, type Logger } from './logger';
import { LoaderRegistry } from './references';
import { buildFederatedSchema, type FederatedSchema, type FederatedSchemaOptions } from './schema';
import { startGraphQLServer, type RunningServer } from './server';
import { exitOnSignals } from './signals';
import { reportFatal } from './fatal';
import { rejectNulCharacters } from './input-guard';
import { roleAuthChecker } from './auth/auth-checker';
import { gatewayTokenHeader, gatewayTokenParam, verifyGatewayToken } from './auth/gateway-token';
import type { Principal } from './auth/principal';
import { socketRequestInfo, type RequestInfo } from './server';

/** What every resolver of every subgraph receives. */
export interface SubgraphContext extends BaseContext {
  requestId: string;
  logger: Logger;
  loaders: LoaderRegistry;
  db: DataSource;
  bus: EventBus;
  /** The caller, as the gateway vouched for it. */
  principal: Principal;
}

/** A subgraph is data: its name, its tables and its resolvers. The kit does the rest. */
export interface SubgraphDefinition {
  name: string;
  /** PostgreSQL schema holding the service's tables and migration history. */
  dbSchema: string;
  defaultPort: number;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
  schema: Omit<FederatedSchemaOptions, 'pubSub' | 'authChecker'>;
  /** HTTP endpoints beside GraphQL (a streaming ingest), mounted before it; they get no body parser. */
  routes?: (app: Express, services: SubgraphRouteServices) => void;
  /** Work the process does beside serving (an outbox's delivery worker): started once it listens, stopped before the database closes. */
  background?: (services: SubgraphBackgroundServices) => SubgraphBackground;
}

export interface SubgraphBackgroundServices {
  db: DataSource;
  bus: EventBus;
  logger: Logger;
}

export interface SubgraphBackground {
  /** Finishes or abandons the work in hand; the database is still open. */
  stop(): Promise<void>;
}

/** What a route of a subgraph works with: the same database, bus and caller check as its resolvers. */
export interface SubgraphRouteServices {
  db: DataSource;
  bus: EventBus;
  logger: Logger;
  /** The caller the gateway vouched for (its `ioc-gateway-token` header); rejects as for GraphQL. */
  authenticate(request: Request): Promise<Principal>;
}

export function defineSubgraph(definition: SubgraphDefinition): SubgraphDefinition {
  return definition;
}

/** With a bus, `@Subscription`s are live; without one (printing SDL) they refuse to run. */
export function buildSubgraphSchemaOf(definition: SubgraphDefinition, bus?: EventBus): Promise<FederatedSchema> {
  return buildFederatedSchema({ ...definition.schema, pubSub: bus && eventBusPubSub(bus), authChecker: roleAuthChecker });
}

export interface StartSubgraphOptions {
  port: number;
  host?: string;
  databaseUrl: string;
  /** Shared with the gateway: requests without its signed token are refused with 401. */
  gatewayTokenSecret: string;
  /** Longest gateway token lifetime accepted (`exp - iat`), in seconds; default 300. */
  gatewayTokenMaxLifetimeSeconds?: number;
  logger?: Logger;
  /** Sees every SQL statement (tests count queries with it). */
  logQueries?: (sql: string) => void;
  /** Default: PostgreSQL LISTEN/NOTIFY on `databaseUrl`. */
  eventBus?: EventBusConfig;
}

export interface RunningSubgraph extends RunningServer {
  db: DataSource;
  bus: EventBus;
}

export async function startSubgraph(definition: SubgraphDefinition, options: StartSubgraphOptions): Promise<RunningSubgraph> {
  const logger = options.logger ?? createLogger(definition.name);
  if (!options.gatewayTokenSecret) {
    throw new Error('startSubgraph needs gatewayTokenSecret (tests: testGatewaySecret and asCaller() from @ioc/kit/testing)');
  }
  const busConfig = options.eventBus ?? { kind: 'postgres' };
  checkEventBusConfig(busConfig);
  const db = await openServiceDatabase({
    url: options.databaseUrl,
    schema: definition.dbSchema,
    entities: definition.entities,
    migrations: definition.migrations,
    logQueries: options.logQueries,
  });
  const bus = createEventBus(busConfig, options.databaseUrl, logger.child({ component: 'event-bus' }));
  let background: SubgraphBackground | undefined;
  try {
    const { schema } = await buildSubgraphSchemaOf(definition, bus);
    const context = async ({ requestId, headers, connectionParams }: RequestInfo): Promise<SubgraphContext> => {
      const token = connectionParams ? connectionParams[gatewayTokenParam] : headers[gatewayTokenHeader];
      const principal = await verifyGatewayToken(typeof token === 'string' ? token : undefined, options.gatewayTokenSecret, options.gatewayTokenMaxLifetimeSeconds);
      return { requestId, logger: logger.child({ requestId }), loaders: new LoaderRegistry(), db, bus, principal };
    };
    const server = await startGraphQLServer<SubgraphContext>({
      name: definition.name,
      port: options.port,
      host: options.host,
      logger,
      // Inline traces (ftv1) let the gateway report per-field timings, as the subgraph spec expects.
      // Cache-control hints are not used (no @cacheControl, the gateway ignores them): Apollo's
      // default plugin would still wrap every field of every request (bench:reads' profile: ~5% of
      // a BTS page's subgraph CPU).
      apollo: { schema, introspection: true, plugins: [ApolloServerPluginInlineTrace(), ApolloServerPluginCacheControlDisabled(), rejectNulCharacters] },
      websocket: {
        options: () => ({
          schema,
          // A socket that did not come through the gateway is closed before any operation.
          onConnect: async (ctx) => {
            try {
              await context(socketRequestInfo(ctx));
              return true;
            } catch (error) {
              ctx.extra.socket.close(CloseCode.Unauthorized, `Unauthorized: ${(error as Error).message}`.slice(0, 120));
              return false;
            }
          },
          context: (ctx) => context(socketRequestInfo(ctx)) as Promise<never>,
        }),
      },
      context,
      // The gateway sends POSTs only: an ETag (a SHA-1 of every answer, ~0.6% of a BTS page's CPU) serves nobody.
      etag: false,
      readiness: () => pingDatabase(db),
      routes: definition.routes && ((app) => definition.routes!(app, { db, bus, logger, authenticate: async (request) => (await context({ requestId: '', headers: request.headers })).principal })),
      onClose: async () => {
        await background?.stop();
        await bus.close();
        await db.destroy();
      },
    });
    background = definition.background?.({ db, bus, logger: logger.child({ component: 'background' }) });
    return { ...server, db, bus };
  } catch (error) {
    await bus.close();
    await db.destroy();
    throw error;
  }
}

/** What `<entry> migrate` reads: the database only (a migration job holds no gateway secret). */
const migrateEnvSchema = subgraphEnvSchema.pick({ DATABASE_URL: true, LOG_LEVEL: true });

/**
 * Applies the subgraph's pending migrations and returns: the job that runs before a new version
 * starts (replicas would otherwise race to apply them as they start).
 */
export async function migrateSubgraph(definition: SubgraphDefinition): Promise<void> {
  const env = parseEnv(migrateEnvSchema);
  const logger = createLogger(definition.name, env.LOG_LEVEL);
  const db = await openServiceDatabase({ url: env.DATABASE_URL, schema: definition.dbSchema, entities: definition.entities, migrations: definition.migrations });
  const applied = await db.query(`SELECT count(*)::int AS count FROM "${definition.dbSchema}".migrations`);
  await db.destroy();
  logger.info('migrations up to date', { schema: definition.dbSchema, applied: (applied as Array<{ count: number }>)[0]?.count });
}

/**
 * The body of a subgraph's `index.ts`: read the environment, start, stop cleanly on signals;
 * with the argument `migrate`, apply pending migrations and exit instead.
 */
export async function runSubgraph(definition: SubgraphDefinition): Promise<void> {
  try {
    if (process.argv[2] === 'migrate') return await migrateSubgraph(definition);
    const env = parseEnv(subgraphEnvSchema.extend({ PORT: subgraphEnvSchema.shape.PORT.default(definition.defaultPort) }));
    const logger = createLogger(definition.name, env.LOG_LEVEL);
    const server = await startSubgraph(definition, {
      port: env.PORT,
      host: env.HOST,
      databaseUrl: env.DATABASE_URL,
      gatewayTokenSecret: env.GATEWAY_TOKEN_SECRET,
      gatewayTokenMaxLifetimeSeconds: env.GATEWAY_TOKEN_MAX_LIFETIME_SECONDS,
      eventBus: { kind: env.EVENT_BUS, url: env.EVENT_BUS_URL },
      logger,
    });
    exitOnSignals(server.close, logger);
  } catch (error) {
    reportFatal(definition.name, error);
  }
}
