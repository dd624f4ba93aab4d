import { join } from 'node:path';
import { z } from 'zod';
import { createLogger, exitOnSignals, logLevel, openServiceDatabase, parseEnv, port, postgresUrl, redactUrl, reportFatal } from '@ioc/kit';
import { seedAll } from '@ioc/seeds';
import { ensureDevSecrets } from '@ioc/gateway/dev-keys';
import { ensureConsoleBuilt } from './console-build';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres';
import { repoRoot } from './schemas';
import { subgraphs } from './subgraphs';
import { watchSubgraphSchema } from './schema/watch';
import { createSupervisor, forceStopAfterMs } from './supervisor';

const startEnvSchema = z.object({
  DATABASE_URL: postgresUrl.optional(),
  EMBEDDED_PG_PORT: port(54329),
  DATA_DIR: z.string().default(join(repoRoot, '.data')),
  PORT: port(4000),
  /** Added to every subgraph's default port (4101–4104), to run a second copy beside the first. */
  SUBGRAPH_PORT_OFFSET: z.coerce.number().int().min(0).max(60000).default(0),
  SEED_PROFILE: z.enum(['full', 'small']).default('full'),
  LOG_LEVEL: logLevel,
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  GATEWAY_TOKEN_SECRET: z.string().min(32).optional(),
  AUTH_JWKS_FILE: z.string().optional(),
  AUTH_JWKS_URL: z.string().optional(),
  AUTH_SECRET: z.string().optional(),
  /** The live feed (feed/): on by default with dev keys (the embedded default), off otherwise unless `on` (then it needs FEED_TOKEN). */
  FEED: z.enum(['on', 'off']).optional(),
  /** Set by `npm run dev:subgraph -- <name>`: that subgraph runs in watch mode and its schema recomposes on change. */
  WATCH_SUBGRAPH: z.enum(subgraphs.map(({ definition }) => definition.name) as [string, ...string[]]).optional(),
});

/** Where `npm start` keeps the embedded default's dev keys; `npm run token` reads them there too. */
const devSecretsPath = (dataDir: string) => join(dataDir, 'dev-secrets.json');

/** `npm start`: database, migrations, seeds, the four subgraphs and the gateway. */
async function main(): Promise<void> {
  const started = performance.now();
  const env = parseEnv(startEnvSchema);
  const logger = createLogger('ioc-graph', env.LOG_LEVEL);
  const supervisor = createSupervisor(logger);
  let embedded: EmbeddedDatabase | undefined;

  exitOnSignals(async () => {
    logger.info('stopping ioc-graph');
    await supervisor.stopAll();
    await embedded?.stop();
    logger.info('stopped');
    // Each child has its own deadline, and the supervisor kills one that overruns it: clients,
    // then services, then the database.
  }, logger, { deadlineMs: 2 * forceStopAfterMs + 10_000 });

  try {
    await startEverything();
  } catch (error) {
    // Leave nothing running behind a failed start: services first, then the database.
    await supervisor.stopAll();
    await embedded?.stop();
    throw error;
  }

  async function startEverything(): Promise<void> {
    ensureConsoleBuilt((message) => logger.info(message));
    let databaseUrl = env.DATABASE_URL;
    if (!databaseUrl) {
      embedded = await startEmbeddedPostgres({ dir: join(env.DATA_DIR, 'postgres'), port: env.EMBEDDED_PG_PORT, logger });
      await embedded.ensureDatabase('ioc');
      databaseUrl = embedded.url('ioc');
      logger.info(embedded.initialised ? 'embedded PostgreSQL created' : 'embedded PostgreSQL reused', { dataDir: env.DATA_DIR });
    }
    logger.info('database', { url: redactUrl(databaseUrl) });

    // Dev users and keys exist only without configured ones, and never in production.
    const configuredAuth = env.AUTH_JWKS_FILE || env.AUTH_JWKS_URL || env.AUTH_SECRET;
    const devSecrets = !configuredAuth && env.NODE_ENV !== 'production' ? ensureDevSecrets(devSecretsPath(env.DATA_DIR)) : undefined;
    const gatewayTokenSecret = env.GATEWAY_TOKEN_SECRET ?? devSecrets?.gatewayTokenSecret;
    if (!gatewayTokenSecret) throw new Error('GATEWAY_TOKEN_SECRET is required when authentication keys are configured');

    for (const { definition } of subgraphs) {
      const db = await openServiceDatabase({ url: databaseUrl, schema: definition.dbSchema, entities: definition.entities, migrations: definition.migrations });
      await db.destroy();
    }
    await seedAll({ databaseUrl, profile: env.SEED_PROFILE, logger });

    const subgraphUrls: Record<string, string> = {};
    await Promise.all(
      subgraphs.map(async ({ definition, dir }) => {
        const subgraphPort = definition.defaultPort + env.SUBGRAPH_PORT_OFFSET;
        const base = `http://localhost:${subgraphPort}`;
        subgraphUrls[`SUBGRAPH_${definition.name.toUpperCase()}_URL`] = `${base}/graphql`;
        await supervisor.start({
          name: definition.name,
          entry: join(repoRoot, dir, 'src', 'index.ts'),
          env: { PORT: String(subgraphPort), DATABASE_URL: databaseUrl, LOG_LEVEL: env.LOG_LEVEL, GATEWAY_TOKEN_SECRET: gatewayTokenSecret },
          port: subgraphPort,
          readyUrl: `${base}/readyz`,
          watch: definition.name === env.WATCH_SUBGRAPH,
        });
      }),
    );
    await supervisor.start({
      name: 'gateway',
      entry: join(repoRoot, 'gateway', 'src', 'index.ts'),
      env: {
        PORT: String(env.PORT),
        LOG_LEVEL: env.LOG_LEVEL,
        GATEWAY_TOKEN_SECRET: gatewayTokenSecret,
        ...(devSecrets ? { AUTH_DEV_SECRETS_FILE: devSecretsPath(env.DATA_DIR) } : {}),
        ...subgraphUrls,
      },
      port: env.PORT,
      readyUrl: `http://localhost:${env.PORT}/readyz`,
    });

    const watched = subgraphs.find(({ definition }) => definition.name === env.WATCH_SUBGRAPH);
    if (watched) watchSubgraphSchema({ name: watched.definition.name, dir: watched.dir, logger });

    const feedOn = env.FEED ? env.FEED === 'on' : devSecrets !== undefined;
    if (feedOn) {
      await supervisor.start({
        name: 'feed',
        entry: join(repoRoot, 'feed', 'src', 'cli.ts'),
        env: { FEED_URL: `http://127.0.0.1:${env.PORT}/graphql`, DATA_DIR: env.DATA_DIR, LOG_LEVEL: env.LOG_LEVEL },
      });
    }

    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      [
        '',
        `ioc-graph is ready in ${seconds} s`,
        `  console                     http://localhost:${env.PORT}/`,
        `  GraphQL (HTTP + WebSocket)  http://localhost:${env.PORT}/graphql`,
        `  health                      http://localhost:${env.PORT}/healthz`,
        devSecrets
          ? `  a token                     npm run token -- ioc-viewer   (roles: ioc-viewer, soc-analyst, agency-client <agency>, ingest, admin)`
          : '  auth                        configured keys',
        `  subgraphs                   ${subgraphs.map(({ definition }) => `${definition.name}:${definition.defaultPort + env.SUBGRAPH_PORT_OFFSET}`).join('  ')}`,
        `  live feed                   ${feedOn ? 'on, a trickle (FEED=off turns it off; load test: npm run feed -- --rate 1000)' : 'off (FEED=on to start it)'}`,
        `  database                    ${embedded ? `embedded, data in ${env.DATA_DIR}` : redactUrl(databaseUrl)}`,
        'Press Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
  }
}

main().catch((error) => reportFatal('ioc-graph', error));
