import { join } from 'node:path';
import { z } from 'zod';
import { logLevel, parseEnv, port } from '@ioc/kit';

const subgraphUrlVariable = /^SUBGRAPH_([A-Z0-9_]+)_URL$/;

export const gatewayEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: port(4000),
  SUPERGRAPH_PATH: z.string().default(join(import.meta.dirname, '..', 'supergraph.graphql')),
  LOG_LEVEL: logLevel,
});

export interface GatewayEnv extends z.infer<typeof gatewayEnvSchema> {
  subgraphUrls: Record<string, string>;
}

/** `SUBGRAPH_<NAME>_URL` overrides a subgraph's routing URL from the supergraph. */
export function readGatewayEnv(source: Record<string, string | undefined> = process.env): GatewayEnv {
  const urlSchema = z.object(
    Object.fromEntries(
      Object.keys(source)
        .filter((key) => subgraphUrlVariable.test(key))
        .map((key) => [key, z.url({ protocol: /^https?$/ })]),
    ),
  );
  const parsed = parseEnv(gatewayEnvSchema.extend(urlSchema.shape), source) as Record<string, unknown>;
  const subgraphUrls: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    const name = subgraphUrlVariable.exec(key)?.[1];
    if (name && typeof value === 'string') subgraphUrls[name.toLowerCase()] = value;
  }
  return { ...(parsed as z.infer<typeof gatewayEnvSchema>), subgraphUrls };
}
