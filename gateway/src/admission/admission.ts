import type { Request, RequestHandler, Response } from 'express';
import { GraphQLError, Kind, parse, type DocumentNode, type GraphQLSchema, type OperationTypeNode } from 'graphql';
import { BoundedCache } from '../bounded-cache';
import type { Logger, Principal } from '@ioc/kit';
import type { Verifier, VerifiedCaller } from '../auth/verifier';
import { enforceLimits, measureOperation, type OperationLimits } from './limits';
import type { ContractSchemas } from '../contracts/audiences';
import type { PersistedOperations } from './persisted-operations';
import { setRateLimitHeaders, type createRateLimiter } from './rate-limit';

export interface AdmissionPolicy {
  verify: Verifier;
  limits: OperationLimits;
  maxBatch: number;
  rateLimiter: ReturnType<typeof createRateLimiter>;
  persisted: PersistedOperations;
  logger: Logger;
  /** The composed API schema once loaded: list sizes for the cost estimate. */
  schema?: () => GraphQLSchema | undefined;
  /** Each audience's contract: its callers' operations must stay inside it. */
  contracts?: ContractSchemas;
}

/** Parameters a GET may carry: query, operationName, variables, extensions, documentId. */
const getParameters = new Set(['query', 'operationName', 'variables', 'extensions', 'documentId']);

export interface OperationRequest {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  documentId?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } };
}

const callerKey = Symbol('ioc.caller');
const readOnlyKey = Symbol('ioc.readOnly');
type AdmittedRequest = Request & { [callerKey]?: Principal; [readOnlyKey]?: boolean };

/** The caller the admission step verified for this HTTP request. */
export const admittedCaller = (request: Request | undefined): Principal | undefined => (request as AdmittedRequest | undefined)?.[callerKey];

/** True when admission parsed every operation of this HTTP request and each is a query (no mutation, no subscription). */
export const admittedReadOnly = (request: Request | undefined): boolean => (request as AdmittedRequest | undefined)?.[readOnlyKey] === true;

/**
 * Parsed documents by their text: clients send the same few operations over and over, and
 * parsing was a share of every request's CPU (issue 14). Documents are only read after parsing
 * (by the limits and the contracts), never changed.
 *
 * Only documents that passed the limits and the caller's contract once are kept (`remember`,
 * called at the end of `admitOperation`): a document the limits refuse is never stored, so a
 * caller cannot fill the cache with them. Each entry is charged by its tokens, not its text: a
 * parsed document keeps every token (graphql-js links them from `loc`) and a node per token.
 * Measured with `process.memoryUsage().heapUsed` around parsing (graphql 16.12, Node 20,
 * NODE_ENV=production): 482 B per token for `{ a a a ... }` (the worst shape found), 330 for a
 * console-like operation, 242-290 for lists of values and small queries; so 512 B per token.
 * The 16 MiB budget is then about 16 MiB of heap, not 100 times that.
 */
const parsedDocuments = new BoundedCache<DocumentNode>(2000, 16 * 1024 * 1024);
const heapBytesPerToken = 512;
const cacheKey = (query: string, maxTokens: number): string => `${maxTokens}\n${query}`;

/** Tokens of a parsed document, walked once on a miss (parsing already walked them). */
function tokenCount(document: DocumentNode): number {
  let count = 0;
  for (let token = document.loc?.startToken ?? null; token; token = token.next) count++;
  return count;
}

function remember(key: string, document: DocumentNode): void {
  parsedDocuments.set(key, document, tokenCount(document) * heapBytesPerToken);
}

/** For tests: the cache's entries and the heap bytes they are charged. */
export const parseCacheState = (): { size: number; weight: number } => ({ size: parsedDocuments.size, weight: parsedDocuments.weight });

/** The type of the operation that runs (the named one, or the only one); undefined when there is none. */
function operationType(document: DocumentNode, name: string | undefined): OperationTypeNode | undefined {
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION && (!name || definition.name?.value === name)) return definition.operation;
  }
  return undefined;
}

/**
 * Everything checked before an operation reaches the query planner, the same for HTTP and
 * WebSocket: rate, persisted-only clients, and the operation's shape against the limits.
 */
export function admitOperation(policy: AdmissionPolicy, caller: VerifiedCaller, operation: OperationRequest): OperationTypeNode | undefined {
  const wait = policy.rateLimiter.take(caller.subject);
  if (wait > 0) {
    throw new GraphQLError(`rate limit exceeded for ${caller.subject}: retry in ${Math.ceil(wait / 1000)} s`, {
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: Math.ceil(wait / 1000), http: { status: 429 } },
    });
  }
  policy.persisted.admit(operation, caller.role === 'agency-client' && !policy.contracts?.introspects(operation));
  if (typeof operation.query !== 'string') return undefined; // Apollo answers a missing query itself
  const { maxTokens } = policy.limits;
  const key = cacheKey(operation.query, maxTokens);
  const cached = parsedDocuments.get(key);
  let document = cached;
  try {
    document ??= parse(operation.query, { maxTokens });
  } catch (error) {
    if (/more th(?:an|at) \d+ tokens/i.test((error as Error).message)) {
      throw new GraphQLError(`operation refused: more than ${maxTokens} tokens`, { extensions: { code: 'TOKEN_LIMIT_EXCEEDED', limit: maxTokens, http: { status: 400 } } });
    }
    return undefined; // a syntax error: Apollo reports it with its location
  }
  const variables = operation.variables && typeof operation.variables === 'object' ? (operation.variables as Record<string, unknown>) : {};
  const name = typeof operation.operationName === 'string' ? operation.operationName : undefined;
  enforceLimits(measureOperation(document, name, variables, policy.limits, policy.schema?.()), policy.limits);
  policy.contracts?.admit(caller, document);
  if (!cached) remember(key, document); // only once admitted: see parsedDocuments
  return operationType(document, name);
}

/** Express handler run before Apollo on `/graphql`. */
export function httpAdmission(policy: AdmissionPolicy): RequestHandler {
  return async (req, res, next) => {
    try {
      res.setHeader('X-Content-Type-Options', 'nosniff');
      const body = req.method === 'GET' ? getOperation(req.originalUrl) : (req.body as unknown);
      if (req.method === 'GET' && !body) return next(); // the explorer page
      const caller = await policy.verify(req.headers.authorization);
      const operations = Array.isArray(body) ? body : [body ?? {}];
      if (operations.some((operation) => !operation || typeof operation !== 'object' || Array.isArray(operation))) {
        throw new GraphQLError('every operation of a request must be a JSON object with a query', { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
      }
      if (Array.isArray(body) && body.length > policy.maxBatch) {
        throw new GraphQLError(`batch of ${body.length} operations refused: the limit is ${policy.maxBatch}`, {
          extensions: { code: 'BATCH_LIMIT_EXCEEDED', limit: policy.maxBatch, actual: body.length, http: { status: 400 } },
        });
      }
      let readOnly = true;
      try {
        for (const operation of operations as OperationRequest[]) if (admitOperation(policy, caller, operation) !== 'query') readOnly = false;
      } finally {
        setRateLimitHeaders(res, policy.rateLimiter.state(caller.subject));
      }
      // Apollo reads a GET's operation from the URL again: hand it the persisted document admitted.
      if (req.method === 'GET' && caller.role === 'agency-client') req.url = `${req.url.split('?')[0]}?${getSearch(body as OperationRequest)}`;
      (req as AdmittedRequest)[callerKey] = { subject: caller.subject, role: caller.role, agencyId: caller.agencyId, clientIp: req.ip };
      (req as AdmittedRequest)[readOnlyKey] = readOnly;
      next();
    } catch (error) {
      refuse(res, error, policy.logger);
    }
  };
}

/**
 * A GET's operation, read from the raw query string with the same parser Apollo Server uses
 * (URLSearchParams), so admission measures exactly the document that runs. Express's own parser
 * keeps only the first 1,000 parameters: anything beyond the five GraphQL ones, or a repeated
 * one, is refused instead of read two ways. Undefined without any GraphQL parameter (the
 * explorer page).
 */
export function getOperation(url: string): OperationRequest | undefined {
  const search = new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?') + 1) : '');
  const operation: Record<string, unknown> = {};
  let count = 0;
  for (const [name, value] of search) {
    if (++count > getParameters.size || !getParameters.has(name) || name in operation) {
      throw new GraphQLError(`GET refused: only one each of ${[...getParameters].join(', ')} may be sent (found "${name.slice(0, 40)}")`, {
        extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
      });
    }
    operation[name] = name === 'variables' || name === 'extensions' ? parseJson(name, value) : value;
  }
  return count ? (operation as OperationRequest) : undefined;
}

/** The inverse of `getOperation`: an operation as GET parameters. */
function getSearch(operation: OperationRequest): string {
  const search = new URLSearchParams();
  for (const name of getParameters) {
    const value = (operation as Record<string, unknown>)[name];
    if (value !== undefined) search.set(name, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return search.toString();
}

function parseJson(name: string, value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    throw new GraphQLError(`GET refused: ${name} is not valid JSON`, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
  }
}

function refuse(res: Response, error: unknown, logger: Logger): void {
  if (!(error instanceof GraphQLError)) {
    logger.error('admission failed', { error });
    res.status(500).json({ errors: [{ message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    return;
  }
  const { http, ...extensions } = error.extensions as { http?: { status?: number }; code?: string; retryAfterSeconds?: number };
  const status = http?.status ?? 400;
  if (extensions.code === 'RATE_LIMITED') res.setHeader('Retry-After', String(extensions.retryAfterSeconds ?? 1));
  if (status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
  res.status(status).json({ errors: [{ message: error.message, extensions }] });
}
