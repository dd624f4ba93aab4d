import type { Request, RequestHandler, Response } from 'express';
import { GraphQLError, parse } from 'graphql';
import type { Logger, Principal } from '@ioc/kit';
import type { Verifier, VerifiedCaller } from '../auth/verifier';
import { enforceLimits, measureOperation, type OperationLimits } from './limits';
import type { PersistedOperations } from './persisted-operations';
import type { createRateLimiter } from './rate-limit';

export interface AdmissionPolicy {
  verify: Verifier;
  limits: OperationLimits;
  maxBatch: number;
  rateLimiter: ReturnType<typeof createRateLimiter>;
  persisted: PersistedOperations;
  logger: Logger;
}

export interface OperationRequest {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  documentId?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } };
}

const callerKey = Symbol('ioc.caller');
type AdmittedRequest = Request & { [callerKey]?: Principal };

/** The caller the admission step verified for this HTTP request. */
export const admittedCaller = (request: Request | undefined): Principal | undefined => (request as AdmittedRequest | undefined)?.[callerKey];

/**
 * Everything checked before an operation reaches the query planner, the same for HTTP and
 * WebSocket: rate, persisted-only clients, and the operation's shape against the limits.
 */
export function admitOperation(policy: AdmissionPolicy, caller: VerifiedCaller, operation: OperationRequest): void {
  const wait = policy.rateLimiter.take(caller.subject);
  if (wait > 0) {
    throw new GraphQLError(`rate limit exceeded for ${caller.subject}: retry in ${Math.ceil(wait / 1000)} s`, {
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: Math.ceil(wait / 1000), http: { status: 429 } },
    });
  }
  if (caller.role === 'agency-client') operation.query = policy.persisted.resolve(operation).body;
  if (typeof operation.query !== 'string') return; // Apollo answers a missing query itself
  let document;
  try {
    document = parse(operation.query, { maxTokens: 20_000 });
  } catch (error) {
    if (/more th(?:an|at) \d+ tokens/i.test((error as Error).message)) {
      throw new GraphQLError('operation refused: more than 20000 tokens', { extensions: { code: 'TOKEN_LIMIT_EXCEEDED', limit: 20_000, http: { status: 400 } } });
    }
    return; // a syntax error: Apollo reports it with its location
  }
  const variables = operation.variables && typeof operation.variables === 'object' ? (operation.variables as Record<string, unknown>) : {};
  const name = typeof operation.operationName === 'string' ? operation.operationName : undefined;
  enforceLimits(measureOperation(document, name, variables), policy.limits);
}

/** Express handler run before Apollo on `/graphql`. */
export function httpAdmission(policy: AdmissionPolicy): RequestHandler {
  return async (req, res, next) => {
    try {
      const body = req.method === 'GET' ? (req.query as OperationRequest) : (req.body as OperationRequest | OperationRequest[] | undefined);
      if (req.method === 'GET' && !(req.query as OperationRequest).query && !(req.query as OperationRequest).extensions) return next(); // the explorer page
      const caller = await policy.verify(req.headers.authorization);
      const operations = Array.isArray(body) ? body : [body ?? {}];
      if (Array.isArray(body) && body.length > policy.maxBatch) {
        throw new GraphQLError(`batch of ${body.length} operations refused: the limit is ${policy.maxBatch}`, {
          extensions: { code: 'BATCH_LIMIT_EXCEEDED', limit: policy.maxBatch, actual: body.length, http: { status: 400 } },
        });
      }
      for (const operation of operations) admitOperation(policy, caller, operation);
      (req as AdmittedRequest)[callerKey] = { subject: caller.subject, role: caller.role, agencyId: caller.agencyId, clientIp: req.ip };
      next();
    } catch (error) {
      refuse(res, error, policy.logger);
    }
  };
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
