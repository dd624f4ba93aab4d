import type { ApolloServer } from '@apollo/server';
import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  parse,
  print,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';

import { randomUUID } from 'node:crypto';
import { CloseCode } from 'graphql-ws';
import type { Principal, WebSocketContext, WebSocketOptions } from '@ioc/kit';
import { admitOperation, type AdmissionPolicy, type OperationRequest } from '../admission/admission';
import type { VerifiedCaller } from '../auth/verifier';
import { BoundedCache } from '../bounded-cache';
import type { SubscriptionEngine } from './engine';
import { notLoadedYet, toGraphQLError } from './errors';

export interface GatewayContext extends Record<string, unknown> {
  requestId: string;
  principal: Principal;
  /** Authorisation scope: callers with equal scope may share subscription work. */
  scope: string;
}

interface ConnectionState {
  caller?: VerifiedCaller;
  expiry?: NodeJS.Timeout;
  /** Subscriptions running on this socket, by operation id. */
  active: Set<string>;
}

/** A screen runs a handful; a control room may run thousands of screens under one service token. */
export interface SubscriptionCaps {
  perSocket: number;
  perCaller: number;
}
const connections = new WeakMap<object, ConnectionState>();

interface SocketExecutionContext extends GatewayContext {
  socket: WebSocketContext;
  operationId: string;
}

/**
 * graphql-ws at the gateway: subscriptions run on the subscription engine; queries and mutations
 * over the socket go through Apollo Server exactly as over HTTP.
 */
export function gatewayWebSocket(options: {
  engine: SubscriptionEngine;
  policy: AdmissionPolicy;
  contextFor: (principal: Principal, requestId: string) => GatewayContext;
  caps: SubscriptionCaps;
}): (apollo: ApolloServer<GatewayContext>) => WebSocketOptions {
  const { engine, policy, caps } = options;
  const perCaller = new Map<string, number>();
  const release = (state: ConnectionState, id: string) => {
    if (!state.active.delete(id) || !state.caller) return;
    const left = (perCaller.get(state.caller.subject) ?? 1) - 1;
    if (left > 0) perCaller.set(state.caller.subject, left);
    else perCaller.delete(state.caller.subject);
  };
  return (apollo) => ({
    // The token rides in connectionParams.authorization ("Bearer <jwt>", as over HTTP).
    onConnect: async (ctx) => {
      const socket = ctx.extra.socket;
      try {
        const raw = ctx.connectionParams?.authorization;
        const caller = await policy.verify(typeof raw === 'string' ? (/^bearer /i.test(raw) ? raw : `Bearer ${raw}`) : undefined);
        const state: ConnectionState = { caller, active: new Set() };
        const msLeft = caller.expiresAt * 1000 - Date.now();
        state.expiry = setTimeout(() => socket.close(CloseCode.Unauthorized, 'Unauthorized: token expired'), Math.max(0, Math.min(msLeft, 2 ** 31 - 1)));
        state.expiry.unref();
        socket.once('close', () => {
          clearTimeout(state.expiry);
          for (const id of [...state.active]) release(state, id);
        });
        connections.set(ctx, state);
        return true;
      } catch (error) {
        socket.close(CloseCode.Unauthorized, `Unauthorized: ${(error as Error).message.replace(/^unauthenticated: /, '')}`.slice(0, 120));
        return false;
      }
    },
    onSubscribe: async (ctx, id, payload) => {
      try {
        const caller = connections.get(ctx)?.caller;
        if (!caller) return [new GraphQLError('unauthenticated', { extensions: { code: 'UNAUTHENTICATED' } })];
        const request: OperationRequest = { ...(payload as OperationRequest) };
        admitOperation(policy, caller, request);
        const schema = engine.schema;
        if (!schema) return [notLoadedYet()];
        const { document, invalid } = checked(schema, request.query as string);
        if (invalid.length) return invalid;
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [new GraphQLError('no operation to run: name one with operationName', { extensions: { code: 'BAD_USER_INPUT' } })];
        const variables = getVariableValues(schema, operation.variableDefinitions ?? [], payload.variables ?? {});
        if (variables.errors) return variables.errors;
        if (operation.operation === 'subscription') {
          const state = connections.get(ctx)!;
          const callerCount = perCaller.get(caller.subject) ?? 0;
          if (state.active.size >= caps.perSocket || callerCount >= caps.perCaller) {
            const [limit, scope] = state.active.size >= caps.perSocket ? [caps.perSocket, 'this socket'] : [caps.perCaller, caller.subject];
            return [new GraphQLError(`subscription refused: ${scope} already has ${limit} subscriptions, the limit`, { extensions: { code: 'SUBSCRIPTION_LIMIT_EXCEEDED', limit } })];
          }
          state.active.add(id);
          perCaller.set(caller.subject, callerCount + 1);
        }
        const principal: Principal = { subject: caller.subject, role: caller.role, agencyId: caller.agencyId, clientIp: ctx.extra.request.socket.remoteAddress };
        const context = options.contextFor(principal, randomUUID());
        const args: ExecutionArgs = {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: variables.coerced,
          contextValue: { ...context, socket: ctx, operationId: id } satisfies SocketExecutionContext,
        };
        return args;
      } catch (error) {
        // graphql-ws would close the whole socket (4500) on a throw; fail only this operation.
        return [toGraphQLError(error)];
      }
    },
    onComplete: (ctx, id) => {
      const state = connections.get(ctx);
      if (state) release(state, id);
    },
    execute: async (args) => executeOverApollo(apollo, args),
    subscribe: (args) => {
      const { socket, operationId, ...context } = args.contextValue as SocketExecutionContext;
      return engine.subscribe({
        document: args.document,
        operationName: args.operationName ?? undefined,
        variables: (args.variableValues ?? {}) as Record<string, unknown>,
        scope: context.scope,
        context,
        client: { socket: socket.extra.socket, operationId },
      });
    },
  });
}

async function executeOverApollo(apollo: ApolloServer<GatewayContext>, args: ExecutionArgs): Promise<ExecutionResult> {
  const { socket: _socket, operationId: _id, ...context } = args.contextValue as SocketExecutionContext;
  const response = await apollo.executeOperation(
    { query: args.document.loc?.source.body ?? print(args.document), variables: args.variableValues as Record<string, unknown>, operationName: args.operationName ?? undefined },
    { contextValue: context },
  );
  if (response.body.kind !== 'single') return { errors: [new GraphQLError('incremental delivery is not supported over WebSocket')] };
  const { data, errors, extensions } = response.body.singleResult;
  return { data, errors: errors?.map(toGraphQLError), extensions } as ExecutionResult;
}

/** A parsed document weighs several times its text; its text is the measure the budget uses. */
const checkedDocuments = new BoundedCache<{ schema: GraphQLSchema; document: DocumentNode; invalid: readonly GraphQLError[] }>(1000, 16 * 1024 * 1024);

/**
 * Parsed and validated once per query text and schema: ten thousand screens on one subscription
 * share one document instead of holding ten thousand copies of it.
 */
function checked(schema: GraphQLSchema, query: string): { document: DocumentNode; invalid: readonly GraphQLError[] } {
  const hit = checkedDocuments.get(query);
  if (hit && hit.schema === schema) return hit;
  const document = parse(query);
  const entry = { schema, document, invalid: validate(schema, document) };
  // Refused documents are not kept: nothing subscribes to them.
  if (!entry.invalid.length) checkedDocuments.set(query, entry, query.length);
  return entry;
}
