import { Agent, request as httpRequest } from 'node:http';
import { percentile } from './support';

/**
 * HTTP load generator, run as a child process of the benchmark so that the servers' CPU is
 * their own. `concurrency` loops send requests back to back over keep-alive connections for
 * `warmupMs` (discarded), then for `durationMs` or `maxRequests`, whichever comes first.
 *
 * A request is a sequence of stages; the calls of a stage run in parallel (to replay what a
 * gateway does for one client operation: e.g. one subgraph, then three others at once).
 */
export interface HttpCall {
  url: string;
  headers: Record<string, string>;
  /** JSON bodies, used in turn (e.g. one per district). */
  bodies: string[];
}

export interface LoadJob {
  type: 'run';
  stages: HttpCall[][];
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  maxRequests: number;
}

export interface LoadResult {
  type: 'result';
  requests: number;
  errors: number;
  firstError?: string;
  seconds: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

// The subgraphs close a keep-alive socket idle for 5 s (Node's default keepAliveTimeout). Node's
// agent reuses its free sockets last-in first-out, so at c=50 the ones at the bottom of the pile
// sit idle that long between bursts, and one picked at the instant the server closes it fails
// with "socket hang up": the direct plans' rare errors at c=50. A free socket is dropped here
// after 4 s, before the server's close, as undici (the gateway's fetch) does from the server's hint.
const agent = new Agent({ keepAlive: true, maxSockets: 512, timeout: 4_000 });

function send(call: HttpCall, body: string): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const url = new URL(call.url);
    const req = httpRequest(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...call.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          // An answer counts only when it has data and no errors.
          if (res.statusCode !== 200 || text.includes('"errors"')) resolve(`HTTP ${res.statusCode}: ${text.slice(0, 300)}`);
          else resolve(undefined);
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function run(job: LoadJob): Promise<LoadResult> {
  const turns = new Map<HttpCall, number>();
  const bodyOf = (call: HttpCall) => {
    const turn = turns.get(call) ?? 0;
    turns.set(call, turn + 1);
    return call.bodies[turn % call.bodies.length]!;
  };
  let errors = 0;
  let firstError: string | undefined;
  const once = async () => {
    for (const stage of job.stages) {
      const failures = await Promise.all(stage.map((call) => send(call, bodyOf(call)).catch((error: Error) => `request failed: ${error.message}`)));
      for (const failure of failures) {
        if (failure) {
          errors++;
          firstError ??= failure;
        }
      }
    }
  };

  const warmupEnd = performance.now() + job.warmupMs;
  await Promise.all(
    Array.from({ length: job.concurrency }, async () => {
      while (performance.now() < warmupEnd) await once();
    }),
  );
  errors = 0;
  firstError = undefined;

  const latencies = new Float64Array(job.maxRequests);
  let count = 0;
  const started = performance.now();
  const end = started + job.durationMs;
  await Promise.all(
    Array.from({ length: job.concurrency }, async () => {
      while (performance.now() < end && count < job.maxRequests) {
        const t0 = performance.now();
        await once();
        if (count < job.maxRequests) latencies[count++] = performance.now() - t0;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const sorted = latencies.subarray(0, count).sort();
  return {
    type: 'result',
    requests: count,
    errors,
    firstError,
    seconds,
    rps: count / seconds,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted[count - 1] ?? NaN,
  };
}

if (process.send) {
  process.on('message', (message: LoadJob | { type: 'stop' }) => {
    if (message.type === 'stop') process.exit(0);
    if (message.type === 'run') {
      run(message).then(
        (result) => process.send!(result),
        (error) => process.send!({ type: 'error', error: String((error as Error)?.stack ?? error) }),
      );
    }
  });
  process.on('disconnect', () => process.exit(0));
}
