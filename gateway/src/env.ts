import { join } from 'node:path';
import { z } from 'zod';
import { ConfigError, logLevel, parseEnv, port } from '@ioc/kit';
import { defaultLimits as limit, type GatewayLimits } from './admission/limits';
import { readDevSecrets } from './auth/dev-keys';
import type { VerifierConfig } from './auth/verifier';

const subgraphUrlVariable = /^SUBGRAPH_([A-Z0-9_]+)_URL$/;
const flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');
const secret = z.string().min(32, 'must be at least 32 characters');

export const gatewayEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: port(4000),
  SUPERGRAPH_PATH: z.string().default(join(import.meta.dirname, '..', 'supergraph.graphql')),
  PERSISTED_OPERATIONS_PATH: z.string().default(join(import.meta.dirname, '..', 'persisted-operations.json')),
  /** The built console served at `/`; empty serves none. */
  CONSOLE_DIR: z.string().default(join(import.meta.dirname, '..', '..', 'web', 'dist')),
  LOG_LEVEL: logLevel,
  /** Keys for callers' tokens: exactly one of these (or the dev secrets of the embedded default). */
  AUTH_JWKS_FILE: z.string().optional(),
  AUTH_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
  AUTH_SECRET: secret.optional(),
  AUTH_DEV_SECRETS_FILE: z.string().optional(),
  AUTH_ISSUER: z.string().optional(),
  AUTH_AUDIENCE: z.string().default('ioc-graph'),
  AUTH_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  /** Longest lifetime (exp - iat) of a caller's token: control-room screens renew daily. */
  AUTH_MAX_TOKEN_LIFETIME_SECONDS: z.coerce.number().int().positive().default(86_400),
  GATEWAY_TOKEN_SECRET: secret.optional(),
  INTROSPECTION: flag.optional(),
  /** The bundled GraphiQL explorer at /graphql; follows INTROSPECTION unless set. */
  EXPLORER: flag.optional(),
  METRICS_PUBLIC: flag.default(true),
  /** Stack traces in error responses, for a developer debugging; off unless asked for. */
  GRAPHQL_STACK_TRACES: flag.default(false),
  /** Identical subgraph reads in flight for one scope are sent once. */
  SHARE_INFLIGHT_READS: flag.default(true),
  LIMIT_DEPTH: z.coerce.number().int().positive().default(limit.maxDepth),
  LIMIT_ALIASES: z.coerce.number().int().nonnegative().default(limit.maxAliases),
  LIMIT_ROOT_FIELDS: z.coerce.number().int().positive().default(limit.maxRootFields),
  LIMIT_COST: z.coerce.number().int().positive().default(limit.maxCost),
  LIMIT_SELECTIONS: z.coerce.number().int().positive().default(limit.maxSelections),
  LIMIT_FRAGMENTS: z.coerce.number().int().nonnegative().default(limit.maxFragments),
  LIMIT_FIELD_REPEATS: z.coerce.number().int().positive().default(limit.maxFieldRepeats),
  LIMIT_TOKENS: z.coerce.number().int().positive().default(limit.maxTokens),
  LIMIT_SUBSCRIPTIONS_PER_SOCKET: z.coerce.number().int().positive().default(limit.subscriptionsPerSocket),
  LIMIT_SUBSCRIPTIONS_PER_CALLER: z.coerce.number().int().positive().default(limit.subscriptionsPerCaller),
  LIMIT_BATCH: z.coerce.number().int().positive().default(limit.maxBatch),
  LIMIT_BODY: z.string().regex(/^\d+(b|kb|mb)$/i, 'like 1mb or 500kb').default(limit.bodyLimit),
  LIMIT_INGEST_BODY: z.string().regex(/^\d+(b|kb|mb)$/i, 'like 256mb or 500kb').default(limit.ingestBodyLimit),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(limit.ratePerMinute),
});

export interface GatewayConfig {
  env: z.infer<typeof gatewayEnvSchema>;
  subgraphUrls: Record<string, string>;
  verifier: VerifierConfig;
  gatewayTokenSecret: string;
  limits: GatewayLimits;
  introspection: boolean;
  explorer: boolean;
}

/**
 * The gateway's whole configuration. `SUBGRAPH_<NAME>_URL` overrides a routing URL. In
 * production it refuses dev keys or a missing key source, and says which.
 */
export function readGatewayConfig(source: Record<string, string | undefined> = process.env): GatewayConfig {
  const urlSchema = z.object(
    Object.fromEntries(
      Object.keys(source)
        .filter((key) => subgraphUrlVariable.test(key))
        .map((key) => [key, z.url({ protocol: /^https?$/ })]),
    ),
  );
  const parsed = parseEnv(gatewayEnvSchema.extend(urlSchema.shape), source) as Record<string, unknown>;
  const env = parsed as z.infer<typeof gatewayEnvSchema>;
  const subgraphUrls: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    const name = subgraphUrlVariable.exec(key)?.[1];
    if (name && typeof value === 'string') subgraphUrls[name.toLowerCase()] = value;
  }

  const production = env.NODE_ENV === 'production';
  const problems: string[] = [];
  const sources = [env.AUTH_JWKS_FILE, env.AUTH_JWKS_URL, env.AUTH_SECRET, env.AUTH_DEV_SECRETS_FILE].filter(Boolean);
  if (sources.length !== 1) {
    problems.push(`AUTH: configure exactly one of AUTH_JWKS_FILE, AUTH_JWKS_URL, AUTH_SECRET${production ? '' : ', AUTH_DEV_SECRETS_FILE'} (found ${sources.length})`);
  }
  if (production && env.AUTH_DEV_SECRETS_FILE) problems.push('AUTH_DEV_SECRETS_FILE: dev keys are refused in production');
  const dev = env.AUTH_DEV_SECRETS_FILE ? readDevSecrets(env.AUTH_DEV_SECRETS_FILE) : undefined;
  if (env.AUTH_DEV_SECRETS_FILE && !dev) problems.push(`AUTH_DEV_SECRETS_FILE: ${env.AUTH_DEV_SECRETS_FILE} does not exist`);
  if (!dev && !env.AUTH_ISSUER && sources.length === 1) problems.push('AUTH_ISSUER: required with AUTH_JWKS_FILE, AUTH_JWKS_URL or AUTH_SECRET');
  const gatewayTokenSecret = env.GATEWAY_TOKEN_SECRET ?? dev?.gatewayTokenSecret;
  if (!gatewayTokenSecret) problems.push('GATEWAY_TOKEN_SECRET: required (shared with the subgraphs)');
  if (problems.length) throw new ConfigError(problems);

  const keys: VerifierConfig['keys'] = dev
    ? { kind: 'secret', secret: dev.authSecret, dev: true }
    : env.AUTH_JWKS_FILE
      ? { kind: 'jwks-file', path: env.AUTH_JWKS_FILE }
      : env.AUTH_JWKS_URL
        ? { kind: 'jwks-url', url: env.AUTH_JWKS_URL }
        : { kind: 'secret', secret: env.AUTH_SECRET!, dev: false };
  return {
    env,
    subgraphUrls,
    verifier: { keys, issuer: dev?.issuer ?? env.AUTH_ISSUER!, audience: dev?.audience ?? env.AUTH_AUDIENCE, clockSkew: env.AUTH_CLOCK_SKEW_SECONDS, maxLifetime: env.AUTH_MAX_TOKEN_LIFETIME_SECONDS },
    gatewayTokenSecret: gatewayTokenSecret!,
    limits: {
      maxDepth: env.LIMIT_DEPTH,
      maxAliases: env.LIMIT_ALIASES,
      maxRootFields: env.LIMIT_ROOT_FIELDS,
      maxCost: env.LIMIT_COST,
      maxSelections: env.LIMIT_SELECTIONS,
      maxFragments: env.LIMIT_FRAGMENTS,
      maxFieldRepeats: env.LIMIT_FIELD_REPEATS,
      maxTokens: env.LIMIT_TOKENS,
      maxBatch: env.LIMIT_BATCH,
      bodyLimit: env.LIMIT_BODY,
      ingestBodyLimit: env.LIMIT_INGEST_BODY,
      ratePerMinute: env.RATE_LIMIT_PER_MINUTE,
      subscriptionsPerSocket: env.LIMIT_SUBSCRIPTIONS_PER_SOCKET,
      subscriptionsPerCaller: env.LIMIT_SUBSCRIPTIONS_PER_CALLER,
    },
    introspection: env.INTROSPECTION ?? !production,
    explorer: env.EXPLORER ?? env.INTROSPECTION ?? !production,
  };
}
