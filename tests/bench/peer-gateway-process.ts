import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { gatewayTokenHeader } from '@ioc/kit';

/**
 * A peer gateway for `npm run bench:all`, in its own process (its CPU and memory its own), with
 * its defaults: stock @apollo/gateway (our version) on @apollo/server's standalone server, or
 * Hive Gateway's runtime on node:http. Neither verifies callers: each sends every subgraph the
 * same static header, a gateway token the bench signed, as the comparison asks.
 * Protocol as gateway-process.ts: `{ type: 'start', config }` → `{ type: 'ready', url }`. A
 * subgraph accepts a token for 300 s at most, so `{ type: 'token', gatewayToken }` replaces it
 * (→ `{ type: 'token-set' }`): it lives in the environment, which Hive interpolates per request.
 */
export interface PeerGatewayConfig {
  kind: 'apollo' | 'hive';
  supergraphPath: string;
  gatewayToken: string;
}

const tokenVariable = 'IOC_BENCH_GATEWAY_TOKEN';

let stop: (() => Promise<void>) | undefined;

async function startApollo(config: PeerGatewayConfig): Promise<string> {
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(config.supergraphPath, 'utf8'),
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource({
        url,
        willSendRequest: ({ request }) => request.http?.headers.set(gatewayTokenHeader, process.env[tokenVariable]!),
      }),
  });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  stop = () => server.stop();
  return new URL('/graphql', url).toString();
}

async function startHive(config: PeerGatewayConfig): Promise<string> {
  const runtime = createGatewayRuntime({
    supergraph: config.supergraphPath,
    transportEntries: { '*.http': { headers: [[gatewayTokenHeader, `{env.${tokenVariable}}`]] } },
    logging: 'error',
  });
  const server: Server = createServer(runtime);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stop = async () => {
    await new Promise((resolve) => server.close(resolve));
    await runtime.dispose();
  };
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

async function exit(code = 0): Promise<never> {
  setTimeout(() => process.exit(code), 5000).unref();
  await stop?.().catch(() => undefined);
  process.exit(code);
}

if (process.send) {
  process.on('message', (message: { type: string; config?: PeerGatewayConfig; gatewayToken?: string }) => {
    if (message.type === 'stop') void exit();
    if (message.type === 'token' && message.gatewayToken) {
      process.env[tokenVariable] = message.gatewayToken;
      process.send!({ type: 'token-set' });
    }
    if (message.type === 'start' && message.config) {
      process.env[tokenVariable] = message.config.gatewayToken;
      (message.config.kind === 'apollo' ? startApollo : startHive)(message.config).then(
        (url) => process.send!({ type: 'ready', url }),
        (error) => {
          process.send!({ type: 'error', error: String((error as Error)?.stack ?? error) });
          void exit(1);
        },
      );
    }
  });
  process.on('disconnect', () => void exit());
  process.on('SIGTERM', () => void exit());
}
