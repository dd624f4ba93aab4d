import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, createLogger, logLevel, parseEnv } from '@ioc/kit';
import { readDevSecrets, signDevToken } from '@ioc/gateway/dev-keys';
import { feedCatalogue } from '@ioc/seeds/feed-catalogue';
import { parseDuration } from './cli-args';
import { runFeed } from './feed';

/** `npm run feed -- --rate N --seed S --once --duration D [--concurrency C] [--any-hour]`: the province's working day through the gateway. */
const envSchema = z.object({
  FEED_URL: z.url().default(`http://127.0.0.1:${process.env.PORT || 4000}/graphql`),
  FEED_TOKEN: z.string().min(20).optional(),
  DATA_DIR: z.string().default(join(import.meta.dirname, '..', '..', '.data')),
  LOG_LEVEL: logLevel,
  NODE_ENV: z.string().optional(),
});
const flagSchema = z.object({
  rate: z.coerce.number().positive().max(20_000).default(0.2),
  seed: z.coerce.number().int().min(0).default(() => Date.now() % 2 ** 31),
  once: z.boolean().default(false),
  duration: z.string().transform(parseDuration).optional(),
  concurrency: z.coerce.number().int().min(1).max(512).optional(),
  'any-hour': z.boolean().default(false),
});

try {
  const env = parseEnv(envSchema);
  const { values } = parseArgs({
    options: { rate: { type: 'string' }, seed: { type: 'string' }, once: { type: 'boolean' }, duration: { type: 'string' }, concurrency: { type: 'string' }, 'any-hour': { type: 'boolean' } },
    strict: true,
  });
  const parsed = flagSchema.safeParse(values);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`));
  const flags = parsed.data;
  const logger = createLogger('feed', env.LOG_LEVEL);
  const token = tokenSource(env);
  const abort = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => abort.abort());
  logger.info('feed starting', { url: env.FEED_URL, seed: flags.seed, rate: flags.rate, once: flags.once });
  const report = await runFeed({
    url: env.FEED_URL,
    token,
    catalogue: feedCatalogue(),
    seed: flags.seed,
    rate: flags.rate,
    once: flags.once,
    durationMs: flags.duration,
    anyHour: flags['any-hour'],
    concurrency: flags.concurrency ?? Math.max(1, Math.min(16, Math.ceil(flags.rate / 50))),
    logger,
    signal: abort.signal,
  });
  process.stdout.write(`${JSON.stringify({ feed: 'report', seed: flags.seed, ...report })}\n`);
  process.exit(flags.once && report.dropped > 0 ? 1 : 0);
} catch (error) {
  process.stderr.write(`feed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}

/** FEED_TOKEN as given, or in the embedded default a dev `ingest` token re-signed every minute, long before its 10 minutes run out. */
function tokenSource(env: z.infer<typeof envSchema>): () => Promise<string> {
  if (env.FEED_TOKEN) return async () => env.FEED_TOKEN!;
  if (env.NODE_ENV === 'production') throw new ConfigError(['FEED_TOKEN: required in production (an ingest token from the identity provider)']);
  const secrets = readDevSecrets(join(env.DATA_DIR, 'dev-secrets.json'));
  if (!secrets) throw new ConfigError([`FEED_TOKEN: not set and no dev keys in ${env.DATA_DIR} (run npm start once, or give FEED_TOKEN)`]);
  return () => signDevToken(secrets, 'ingest', { ttlSeconds: 600 });
}
