import type { ApolloServer } from '@apollo/server';
import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  parse,
  print,
  validate,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql';

import { socketRequestInfo, type Logger, type RequestInfo, type WebSocketContext, type WebSocketOptions } from '@ioc/kit';
import { toGraphQLError, type SubscriptionEngine } from './engine';

export interface GatewayContext extends Record<string, unknown> {
  requestId: string;
  /** Authorisation scope: callers with equal scope may share subscription work. */
  scope: string;
}

/** Close code for a client that could not keep up with its events. */
export const slowClientCloseCode = 4499;

interface SocketExecutionContext extends GatewayContext {
  socket: WebSocketContext;
}

/**
 * graphql-ws at the gateway: subscriptions run on the subscription engine; queries and mutations
 * over the socket go through Apollo Server exactly as over HTTP.
 */
export function gatewayWebSocket(options: {
  engine: SubscriptionEngine;
  context: (request: RequestInfo) => Promise<GatewayContext>;
  logger: Logger;
}): (apollo: ApolloServer<GatewayContext>) => WebSocketOptions {
  const { engine, logger } = options;
  return (apollo) => ({
    onSubscribe: async (ctx, _id, payload) => {
      try {
        const schema = engine.schema;
        if (!schema) return [new GraphQLError('the gateway has not loaded its supergraph yet', { extensions: { code: 'SERVICE_UNAVAILABLE' } })];
        const document = parse(payload.query);
        const invalid = validate(schema, document);
        if (invalid.length) return invalid;
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [new GraphQLError('no operation to run: name one with operationName', { extensions: { code: 'BAD_USER_INPUT' } })];
        const variables = getVariableValues(schema, operation.variableDefinitions ?? [], payload.variables ?? {});
        if (variables.errors) return variables.errors;
        const context = await options.context(socketRequestInfo(ctx));
        const args: ExecutionArgs = {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: variables.coerced,
          contextValue: { ...context, socket: ctx } satisfies SocketExecutionContext,
        };
        return args;
      } catch (error) {
        // graphql-ws would close the whole socket (4500) on a throw; fail only this operation.
        return [toGraphQLError(error)];
      }
    },
    execute: async (args) => executeOverApollo(apollo, args),
    subscribe: (args) => {
      const { socket, ...context } = args.contextValue as SocketExecutionContext;
      return engine.subscribe({
        document: args.document,
        operationName: args.operationName ?? undefined,
        variables: (args.variableValues ?? {}) as Record<string, unknown>,
        scope: context.scope,
        context,
        onSlowClient: (reason) => {
          logger.warn('closing a slow subscriber', { reason, requestId: context.requestId });
          socket.extra.socket.close(slowClientCloseCode, reason);
        },
      });
    },
  });
}

async function executeOverApollo(apollo: ApolloServer<GatewayContext>, args: ExecutionArgs): Promise<ExecutionResult> {
  const { socket: _socket, ...context } = args.contextValue as SocketExecutionContext;
  const response = await apollo.executeOperation(
    { query: args.document.loc?.source.body ?? print(args.document), variables: args.variableValues as Record<string, unknown>, operationName: args.operationName ?? undefined },
    { contextValue: context },
  );
  if (response.body.kind !== 'single') return { errors: [new GraphQLError('incremental delivery is not supported over WebSocket')] };
  const { data, errors, extensions } = response.body.singleResult;
  return { data, errors: errors?.map(toGraphQLError), extensions } as ExecutionResult;
}
