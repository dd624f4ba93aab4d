import type { Express, Request, Response } from 'express';
import { BodyTooLargeError, callerGone, ndjsonLines, Roles, sizeInBytes, type SubgraphRouteServices } from '@ioc/kit';
import { IngestFormatError, type NormalisedAlert } from '../domain/normalised-alert';
import { SeverityFormatError } from '../domain/severity';
import { parseSuricataLine } from '../domain/suricata';
import { parseWazuhLine } from '../domain/wazuh';
import { commitBatch, loadAssetIndex } from '../stores/alert-ingest.store';
import { IngestTally } from '../domain/ingest-tally';

type LineParser = (line: string, now: Date) => { alert: NormalisedAlert } | { skipped: string };

/** Events per transaction: large enough to amortise the round trips, small enough to keep a batch's rows in memory. */
export const ingestBatchSize = 1000;
/** Longest NDJSON line: a Wazuh alert with a long full_log is a few KiB. */
export const maxIngestLineBytes = 64 * 1024;
/** Largest body the subgraph reads; the gateway enforces its own (LIMIT_INGEST_BODY) before this. */
const bodyLimit = sizeInBytes(process.env.LIMIT_INGEST_BODY ?? '256mb');

const acceptedTypes = /^(application\/(x-ndjson|ndjson|jsonl?|x-jsonlines)|text\/plain)\s*(;.*)?$/i;

/** `POST /ingest/wazuh` and `/ingest/suricata`: NDJSON streamed line by line into batched transactions (docs/soc.md). */
export function mountIngestRoutes(app: Express, services: SubgraphRouteServices): void {
  const route = (parse: LineParser, operation: string) => (req: Request, res: Response) =>
    void ingest(req, res, services, parse, operation).catch((error: unknown) => {
      services.logger.error('ingest failed', { operation, error });
      if (!res.headersSent) refuse(res, 500, `ingest failed: ${(error as Error).message}`);
    });
  app.post('/ingest/wazuh', route(parseWazuhLine, 'ingest.wazuh'));
  app.post('/ingest/suricata', route(parseSuricataLine, 'ingest.suricata'));
}

function refuse(res: Response, status: number, error: string, extra: Record<string, unknown> = {}): void {
  res.status(status).json({ error, ...extra });
}

async function ingest(req: Request, res: Response, services: SubgraphRouteServices, parse: LineParser, operation: string): Promise<void> {
  let principal;
  try {
    principal = await services.authenticate(req);
  } catch (error) {
    return refuse(res, 401, (error as Error).message);
  }
  if (!(Roles.ingest as readonly string[]).includes(principal.role)) return refuse(res, 403, `ingest needs role ingest or admin, not ${principal.role}`);
  const type = req.headers['content-type'];
  if (type && !acceptedTypes.test(type)) return refuse(res, 415, `send NDJSON (application/x-ndjson), not ${type}`);
  const encoding = req.headers['content-encoding'];
  if (encoding && encoding !== 'identity') return refuse(res, 415, `Content-Encoding ${encoding} is not supported: send the lines as they are`);
  const length = Number(req.headers['content-length']);
  if (length > bodyLimit) {
    res.setHeader('connection', 'close');
    return refuse(res, 413, new BodyTooLargeError(bodyLimit).message, { limit: bodyLimit });
  }
  const synthetic = new URL(req.originalUrl, 'http://subgraph').searchParams.get('synthetic');
  if (synthetic !== null && synthetic !== 'true' && synthetic !== 'false') return refuse(res, 400, `synthetic must be true or false, not "${synthetic.slice(0, 20)}"`);

  const tally = new IngestTally();
  const actor = { principal, operation, requestId: req.headers['x-request-id']?.toString() };
  const assets = await loadAssetIndex(services.db);
  let batch: NormalisedAlert[] = [];
  // One batch commits while the next is parsed: the database and the parser work at the same time.
  let committing: Promise<void> = Promise.resolve();
  const flush = async () => {
    const events = batch;
    batch = [];
    await committing;
    committing = commitBatch(services.db, services.bus, assets, events, actor, { synthetic: synthetic === 'true' }).then((outcome) => tally.add(outcome));
  };
  try {
    const now = new Date();
    for await (const line of ndjsonLines(req, { maxLineBytes: maxIngestLineBytes, maxBodyBytes: bodyLimit })) {
      if ('oversizedBytes' in line) {
        tally.reject(line.number, `line of ${line.oversizedBytes} bytes is longer than the ${maxIngestLineBytes} allowed`);
        continue;
      }
      try {
        const parsed = parse(line.text, now);
        if ('skipped' in parsed) tally.skip();
        else batch.push(parsed.alert);
      } catch (error) {
        if (!(error instanceof IngestFormatError || error instanceof SeverityFormatError)) throw error;
        tally.reject(line.number, error.message);
      }
      if (batch.length >= ingestBatchSize) await flush();
    }
    await flush();
    await committing;
  } catch (error) {
    await committing.catch(() => undefined);
    if (error instanceof BodyTooLargeError) {
      res.setHeader('connection', 'close');
      return refuse(res, 413, error.message, { limit: error.limit, committed: tally.summary() });
    }
    services.logger.error('ingest failed', { operation, error });
    if (callerGone(res)) return;
    return refuse(res, 500, `ingest failed after ${tally.committed} committed events: ${(error as Error).message}; re-send the body (committed events come back as duplicates)`, {
      committed: tally.summary(),
    });
  }
  res.json(tally.summary());
}
