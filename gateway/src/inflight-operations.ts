import type { RequestHandler, Response } from 'express';
import { scopeOf } from '@ioc/kit';
import { admittedCaller, admittedReadOnly } from './admission/admission';

interface Answer {
  status: number;
  headers: Array<[string, string]>;
  body: Buffer;
}

/**
 * The leader's headers a follower gets too: what Apollo says about the answer itself. Not the
 * per-request ones (rate-limit state, set for each caller by admission; length, ETag, Date).
 */
const answerHeaders = ['content-type', 'cache-control', 'vary'];

export interface OperationSharingOptions {
  /**
   * Moves on whenever a write has gone through this gateway process (`InflightSharing.epoch`): a
   * request that arrives after a write through this gateway never joins an execution that began
   * before it (a write through another gateway replica does not move this epoch).
   */
  epoch: () => number;
  /** A request was answered by an identical one already executing. */
  onShared?: () => void;
}

/**
 * Identical read-only operations in flight at the same moment, for the same caller scope, are
 * executed once: the first (the leader) runs through Apollo as usual; the ones that arrive while
 * it runs wait for its answer and get the same bytes, without planning, executing or serialising
 * again. This is the subgraph-read sharing (`inflight-sharing.ts`) one level up: with many
 * screens showing the same dashboard, the gateway's own work per screen (merging the subgraphs'
 * answers, building and serialising the result) was most of its CPU, and on a loaded event loop
 * that CPU, not the subgraphs, was what every request waited for.
 *
 * What it shares, and so what a caller can get, is what it would have got had it been a moment
 * earlier — never an answer older than the moment the request arrived started its execution:
 * - only requests admission parsed completely whose every operation is a query, POSTed as JSON
 *   (never a simple request: the CSRF rule Apollo applies lets every such request through);
 * - keyed by the whole body (documents, operation names, variables, persisted hashes), the caller's
 *   scope (role, and agency for agency clients: contracts included) and the Accept header (the
 *   response's media type follows it), and the write epoch: nothing is shared across scopes;
 * - nothing is kept once the leader has answered (no cache); a leader that streams its answer
 *   (incremental delivery) or goes away without one sends its followers through Apollo themselves.
 * The rate limit, authentication and the operation limits are applied to every request before
 * it may join (admission runs first).
 */
export function shareInflightOperations({ epoch, onShared }: OperationSharingOptions): RequestHandler {
  const inflight = new Map<string, Promise<Answer | undefined>>();
  return (req, res, next) => {
    const caller = admittedCaller(req);
    if (req.method !== 'POST' || !caller || !admittedReadOnly(req) || !req.is('application/json')) return next();
    const key = `${epoch()}\n${scopeOf(caller)}\n${req.headers.accept ?? ''}\n${JSON.stringify(req.body)}`;
    const running = inflight.get(key);
    if (running) {
      void running.then((answer) => {
        if (!answer) return next();
        onShared?.();
        for (const [name, value] of answer.headers) res.setHeader(name, value);
        res.status(answer.status).end(answer.body);
      });
      return;
    }
    const answered = capture(res);
    inflight.set(key, answered);
    void answered.then(() => {
      if (inflight.get(key) === answered) inflight.delete(key);
    });
    next();
  };
}

/** The leader's answer as it leaves: a single complete body, or undefined (streamed, or never sent). */
function capture(res: Response): Promise<Answer | undefined> {
  return new Promise((resolve) => {
    let streamed = false;
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    res.write = ((...args: Parameters<Response['write']>) => {
      streamed = true;
      return write(...args);
    }) as Response['write'];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (!streamed && (typeof chunk === 'string' || Buffer.isBuffer(chunk))) {
        const headers = answerHeaders.flatMap((name): Array<[string, string]> => {
          const value = res.getHeader(name);
          return value === undefined ? [] : [[name, String(value)]];
        });
        resolve({ status: res.statusCode, headers, body: Buffer.from(chunk) });
      } else resolve(undefined);
      return (end as (...args: unknown[]) => Response)(chunk, ...rest);
    }) as Response['end'];
    res.once('close', () => resolve(undefined));
  });
}
