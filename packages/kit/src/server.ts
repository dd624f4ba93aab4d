import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerOptions, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type Request, type RequestHandler } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Context as WsContext, ServerOptions as WsServerOptions } from 'graphql-ws';
import { useServer, type Extra as WsExtra } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Logger } from './logger';

export interface RequestInfo {
  requestId: string;
  headers: IncomingHttpHeaders;
  /** graphql-ws `connectionParams`, for socket requests. */
  connectionParams?: Record<string, unknown>;
  /** The HTTP request, after the `admission` handlers ran. */
  http?: Request;
}

export interface GraphQLHttpServerOptions<TContext extends BaseContext> {
  name: string;
  port: number;
  host?: string;
  logger: Logger;
  /** `schema` for a subgraph, `gateway` for the gateway. */
  apollo: ApolloServerOptions<TContext>;
  context: (request: RequestInfo) => Promise<TContext>;
  /**
   * Serve graphql-ws on the same port and path: either execute against a schema, or take full
   * control of the protocol (the gateway's subscription engine does).
   */
  websocket?: { schema: GraphQLSchema } | { options: (apollo: ApolloServer<TContext>) => WebSocketOptions };
  /** `GET /readyz` succeeds when this resolves. */
  readiness?: () => Promise<void>;
  /** Extra routes (metrics, static assets) mounted before GraphQL. */
  routes?: (app: Express) => void;
  /** Released after the server has drained: database pools, event buses. */
  onClose?: () => Promise<void>;
  /** Largest JSON body, like `1mb` or `500kb` (default 1mb). */
  bodyLimit?: string;
  /** Largest WebSocket message in bytes; default: the body limit. Bigger ones close the socket (1009) before anything reads them. */
  websocketMaxPayload?: number;
  /** Run on every GraphQL HTTP request before Apollo: authentication, limits, rate limiting. */
  admission?: RequestHandler[];
  /**
   * Express's `ETag` on responses (default true): a SHA-1 of every body. Only a GET with
   * `If-None-Match` can use it; a subgraph, answering the gateway's POSTs only, turns it off.
   */
  etag?: boolean;
}

export type WebSocketContext = WsContext<Record<string, unknown>, WsExtra>;
export type WebSocketOptions = WsServerOptions<Record<string, unknown>, WsExtra>;

/** What a graphql-ws connection tells about its caller. */
export function socketRequestInfo(ctx: WebSocketContext): RequestInfo {
  return { requestId: randomUUID(), headers: ctx.extra.request.headers, connectionParams: ctx.connectionParams ?? undefined };
}

export interface RunningServer {
  url: string;
  port: number;
  httpServer: Server;
  close(): Promise<void>;
}

export const graphqlPath = '/graphql';

const defaultBodyLimit = '1mb';
const sizeUnits: Record<string, number> = { b: 1, kb: 1024, mb: 1024 * 1024 };

/** `1mb`, `500kb`, `800b` (express's units, 1024-based) in bytes. */
export function sizeInBytes(size: string): number {
  const match = /^(\d+)(b|kb|mb)$/i.exec(size);
  if (!match) throw new Error(`size "${size}" is not like 1mb, 500kb or 800b`);
  return Number(match[1]) * sizeUnits[match[2]!.toLowerCase()]!;
}

/** One port: GraphQL over HTTP and graphql-ws at `/graphql`, `/healthz`, `/readyz`. */
export async function startGraphQLServer<TContext extends BaseContext>(
  options: GraphQLHttpServerOptions<TContext>,
): Promise<RunningServer> {
  const { logger } = options;
  const app = express();
  app.disable('x-powered-by');
  if (options.etag === false) app.set('etag', false);
  const httpServer = createServer(app);

  const apollo = new ApolloServer<TContext>({
    ...options.apollo,
    // Signals are exitOnSignals' (kit signals.ts), which calls close(). Apollo's own SIGTERM
    // handler (on outside NODE_ENV=test) stopped the server first, so close()'s apollo.stop()
    // waited on a stop already in progress and never returned: a process holding a PostgreSQL
    // LISTEN connection (any subgraph once its event caches subscribed) hung until killed.
    stopOnTerminationSignals: false,
    plugins: [
      ...(options.apollo.plugins ?? []),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      requestLogPlugin(logger),
    ],
  } as ApolloServerOptions<TContext>);
  await apollo.start();

  let wsServer: WebSocketServer | undefined;
  let wsCleanup: { dispose(): void | Promise<void> } | undefined;
  const { websocket } = options;
  if (websocket) {
    // ws would otherwise buffer 100 MiB messages, before graphql-ws sees a connection_init or its token.
    const maxPayload = options.websocketMaxPayload ?? sizeInBytes(options.bodyLimit ?? defaultBodyLimit);
    wsServer = new WebSocketServer({ server: httpServer, path: graphqlPath, maxPayload });
    const wsOptions: WebSocketOptions =
      'schema' in websocket
        ? { schema: websocket.schema, context: (ctx) => options.context(socketRequestInfo(ctx)) as Promise<Record<string, unknown>> }
        : websocket.options(apollo);
    wsCleanup = useServer(wsOptions, wsServer);
    // graphql-ws prints every socket error to stderr with a stack: one line per oversized message
    // would let anyone fill the logs. ws has already closed such a socket with its code (1009).
    wsServer.on('connection', (socket) => {
      socket.removeAllListeners('error');
      socket.on('error', (error: Error & { code?: string }) => logger.warn('websocket closed on a protocol error', { code: error.code ?? null, reason: error.message }));
    });
  }

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', service: options.name });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await options.readiness?.();
      res.json({ status: 'ready', service: options.name });
    } catch (error) {
      res.status(503).json({ status: 'unavailable', service: options.name, reason: (error as Error).message });
    }
  });
  options.routes?.(app);
  app.use(
    graphqlPath,
    express.json({ limit: options.bodyLimit ?? defaultBodyLimit }),
    ...(options.admission ?? []),
    expressMiddleware(apollo, {
      context: async ({ req }) => options.context({ requestId: randomUUID(), headers: req.headers, http: req }),
    }),
  );
  app.use(jsonBodyErrors);

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://localhost:${port}${graphqlPath}`;
  logger.info('listening', { url, websocket: Boolean(wsServer) });

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      logger.info('shutting down: draining requests and sockets');
      for (const socket of wsServer?.clients ?? []) socket.close(1001, 'server shutting down');
      await wsCleanup?.dispose();
      wsServer?.close();
      await apollo.stop();
      await options.onClose?.();
      logger.info('stopped');
    })());
  return { url, port, httpServer, close };
}

/** Body-parser failures (too large, not JSON) answered as GraphQL errors with the right status. */
function jsonBodyErrors(error: { type?: string; status?: number; limit?: number; message?: string }, _req: Request, res: express.Response, next: express.NextFunction) {
  if (error?.type === 'entity.too.large') {
    res.status(413).json({ errors: [{ message: `request body too large: the limit is ${error.limit} bytes`, extensions: { code: 'PAYLOAD_TOO_LARGE', limit: error.limit } }] });
    return;
  }
  if (error?.type === 'entity.parse.failed') {
    res.status(400).json({ errors: [{ message: `request body is not valid JSON: ${error.message}`, extensions: { code: 'BAD_REQUEST' } }] });
    return;
  }
  next(error);
}

function requestLogPlugin(logger: Logger): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ request, errors }) {
          const fields = {
            operation: request.operationName ?? null,
            durationMs: Math.round((performance.now() - started) * 10) / 10,
            errors: errors?.length ?? 0,
          };
          if (errors?.length) logger.warn('request failed', { ...fields, first: errors[0]?.message });
          else logger.debug('request', fields);
        },
      };
    },
  };
}
