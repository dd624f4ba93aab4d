import { z } from 'zod';

/** Thrown when the environment does not satisfy a process's env model; lists every problem at once. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses `source` (default `process.env`) against a zod object schema. Empty strings count as
 * unset so that `FOO=` in a shell behaves like no FOO at all.
 */
export function parseEnv<S extends z.ZodObject>(
  schema: S,
  source: Record<string, string | undefined> = process.env,
): z.infer<S> {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`),
  );
}

export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

export const logLevel = z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info');

export const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must be a postgres:// or postgresql:// URL');

/** The variables choosing a subgraph's event bus; PostgreSQL LISTEN/NOTIFY unless told otherwise. */
export const eventBusEnvShape = {
  /** postgres: LISTEN/NOTIFY on DATABASE_URL (no other server); redis or nats: the broker at EVENT_BUS_URL. */
  EVENT_BUS: z.enum(['postgres', 'redis', 'nats']).default('postgres'),
  EVENT_BUS_URL: z.url().optional(),
};

/** The variables every subgraph process reads. */
export const subgraphEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: port(0),
  DATABASE_URL: postgresUrl,
  /** Shared with the gateway, which signs every request it forwards. */
  GATEWAY_TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters'),
  /** Gateway tokens living longer than this (`exp - iat`) are refused; the gateway signs for 120 s. */
  GATEWAY_TOKEN_MAX_LIFETIME_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
  LOG_LEVEL: logLevel,
  ...eventBusEnvShape,
});
export type SubgraphEnv = z.infer<typeof subgraphEnvSchema>;
