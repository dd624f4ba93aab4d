import autocannon from 'autocannon';
import type { LoadResult } from './http-load';

/**
 * autocannon as a child process of `npm run bench:all`, for routes that are one POST per client
 * operation (the gateways, and a single subgraph): `connections` keep-alive connections send the
 * bodies in turn for `warmupMs` (discarded), then for `durationMs`. An answer counts as an error
 * unless it is a 200 with no `"errors"` in it. Replies in http-load's LoadResult shape.
 */
export interface AutocannonJob {
  type: 'run';
  url: string;
  headers: Record<string, string>;
  bodies: string[];
  connections: number;
  warmupMs: number;
  durationMs: number;
}

async function run(job: AutocannonJob, durationMs: number): Promise<LoadResult> {
  let errors = 0;
  let firstError: string | undefined;
  const result = await autocannon({
    url: job.url,
    method: 'POST',
    connections: job.connections,
    duration: durationMs / 1000,
    headers: { 'content-type': 'application/json', ...job.headers },
    requests: job.bodies.map((body) => ({
      body,
      onResponse: (status: number, text: string) => {
        if (status !== 200 || text.includes('"errors"')) {
          errors++;
          firstError ??= `HTTP ${status}: ${text.slice(0, 300)}`;
        }
      },
    })),
  });
  const requests = result.requests.total;
  const socketErrors = result.errors + result.timeouts;
  if (socketErrors && !firstError) firstError = `${result.errors} socket errors, ${result.timeouts} timeouts`;
  const seconds = result.duration;
  return {
    type: 'result',
    requests,
    errors: errors + socketErrors,
    firstError,
    seconds,
    rps: requests / seconds,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
  };
}

if (process.send) {
  process.on('message', (message: AutocannonJob | { type: 'stop' }) => {
    if (message.type === 'stop') process.exit(0);
    if (message.type === 'run') {
      (async () => {
        if (message.warmupMs > 0) await run(message, message.warmupMs);
        return run(message, message.durationMs);
      })().then(
        (result) => process.send!(result),
        (error) => process.send!({ type: 'error', error: String((error as Error)?.stack ?? error) }),
      );
    }
  });
  process.on('disconnect', () => process.exit(0));
}
