import { request as httpRequest, type IncomingMessage } from 'node:http';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Express, Request, Response } from 'express';
import { BodyTooLargeError, callerGone, Roles, type Logger } from '@ioc/kit';
import type { GatewayTokenSigner } from '../auth/gateway-tokens';
import type { Verifier } from '../auth/verifier';

/** The tools whose output the security subgraph reads (docs/soc.md). */
export const ingestSources = ['wazuh', 'suricata'] as const;

export interface IngestProxyOptions {
  verify: Verifier;
  tokenFor: GatewayTokenSigner;
  /** The security subgraph's GraphQL URL, once the supergraph is loaded. */
  securityUrl: () => string | undefined;
  /** Largest body in bytes. */
  bodyLimit: number;
  logger: Logger;
  /** The subgraph answered (after its commits): reads shared from now on must not be older (`InflightSharing.wrote`). */
  onWrote?: () => void;
}

/** Counts bytes as they pass and fails the stream once there are more than `limit`. */
class ByteLimit extends Transform {
  private seen = 0;
  constructor(private readonly limit: number) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.limit) done(new BodyTooLargeError(this.limit));
    else done(null, chunk);
  }
}

const refuse = (res: Response, status: number, error: string, extra: Record<string, unknown> = {}) => void res.status(status).json({ error, ...extra });

/**
 * `POST /ingest/wazuh` and `/ingest/suricata`: the caller's JWT is checked here (role ingest or
 * admin), then the body streams to the security subgraph with the gateway's signed token, never
 * held whole; the subgraph's answer (sent after its commits) streams back as it is.
 */
export function mountIngestProxy(app: Express, options: IngestProxyOptions): void {
  for (const source of ingestSources) {
    app.post(`/ingest/${source}`, (req, res) => {
      forward(req, res, source, options).catch((error: unknown) => {
        options.logger.error('ingest proxy failed', { source, error });
        if (!res.headersSent) refuse(res, 502, `ingest failed: ${(error as Error).message}`);
        else res.destroy();
      });
    });
  }
}

async function forward(req: Request, res: Response, source: string, options: IngestProxyOptions): Promise<void> {
  let caller;
  try {
    caller = await options.verify(req.headers.authorization);
  } catch (error) {
    return refuse(res, 401, (error as Error).message);
  }
  if (!(Roles.ingest as readonly string[]).includes(caller.role)) return refuse(res, 403, `POST /ingest/${source} needs role ingest or admin, not ${caller.role}`);
  if (Number(req.headers['content-length']) > options.bodyLimit) {
    res.setHeader('connection', 'close');
    return refuse(res, 413, new BodyTooLargeError(options.bodyLimit).message, { limit: options.bodyLimit });
  }
  const graphqlUrl = options.securityUrl();
  if (!graphqlUrl) return refuse(res, 503, 'the security subgraph is not known yet (supergraph not loaded)');
  const target = new URL(`/ingest/${source}`, graphqlUrl);
  // The one query parameter of the contract (docs/soc.md): a demo feed's or load test's alerts.
  const synthetic = new URL(req.originalUrl, 'http://gateway').searchParams.get('synthetic');
  if (synthetic !== null) target.searchParams.set('synthetic', synthetic);
  const token = await options.tokenFor({ subject: caller.subject, role: caller.role, agencyId: caller.agencyId, clientIp: req.ip });
  const headers: Record<string, string> = { 'ioc-gateway-token': token };
  for (const name of ['content-type', 'content-encoding', 'x-request-id']) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }

  const upstream = httpRequest(target, { method: 'POST', headers });
  const answered = new Promise<IncomingMessage>((resolve, reject) => {
    upstream.once('response', resolve);
    upstream.once('error', reject);
  });
  // The subgraph may answer before the body ends (a refusal, a 413): stop sending then.
  answered.catch(() => undefined);
  const limit = new ByteLimit(options.bodyLimit);
  const sending = pipeline(req, limit, upstream).catch((error: unknown) => error);
  const outcome = await Promise.race([answered.then((response) => ({ response })), sending.then((error) => ({ error }))]);
  if ('error' in outcome && outcome.error) {
    upstream.destroy();
    if (outcome.error instanceof BodyTooLargeError) {
      res.setHeader('connection', 'close');
      return refuse(res, 413, outcome.error.message, { limit: outcome.error.limit });
    }
    if (callerGone(res)) return;
    return refuse(res, 503, `the security subgraph did not take the body: ${(outcome.error as Error).message ?? String(outcome.error)}`);
  }
  let response: IncomingMessage;
  try {
    response = 'response' in outcome ? outcome.response : await answered;
  } catch (error) {
    return refuse(res, 503, `the security subgraph is unavailable: ${(error as Error).message}`);
  }
  options.onWrote?.();
  res.status(response.statusCode ?? 502);
  const type = response.headers['content-type'];
  if (type) res.setHeader('content-type', type);
  await pipeline(response, res);
}
