import { GraphQLError, type ExecutionResult, type GraphQLFormattedError } from 'graphql';

/**
 * graphql-ws serialises results with each error's `toJSON()`, and raw Errors would come out
 * as `{}`: whatever failed, clients receive a GraphQLError with its message and code.
 */
export function toGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (error instanceof Error) return new GraphQLError(error.message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  const formatted = error as Partial<GraphQLFormattedError> | undefined;
  if (formatted && typeof formatted.message === 'string') {
    return new GraphQLError(formatted.message, { path: formatted.path, extensions: formatted.extensions });
  }
  return new GraphQLError(String(error), { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}

export const errorResult = (errors: readonly unknown[]): ExecutionResult => ({ errors: errors.map(toGraphQLError) });

/** A subscription before the first supergraph: the socket's admission and the engine refuse it alike. */
export const notLoadedYet = () => new GraphQLError('the gateway has not loaded its supergraph yet', { extensions: { code: 'SERVICE_UNAVAILABLE' } });
