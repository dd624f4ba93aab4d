import type { ApolloServerPlugin } from '@apollo/server';
import { execute, GraphQLError, Kind, parse, validate, type DocumentNode, type GraphQLSchema, type SelectionSetNode } from 'graphql';
import type { GatewayContext } from '../subscriptions/websocket';
import type { ContractSchemas } from './audiences';

/**
 * Refuses an operation that leaves the caller's contract, naming the field: run by admission for
 * HTTP and WebSocket alike, after the limits (which bound what validation costs).
 */
export function refuseOutsideContract(contract: GraphQLSchema, document: DocumentNode, audience: string): void {
  const errors = validate(contract, document);
  if (!errors.length) return;
  throw new GraphQLError(`outside the "${audience}" contract: ${errors.map((error) => error.message).join(' ')}`, {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', contract: audience, http: { status: 400 } },
  });
}

/** `{ __schema … }`, `{ __type(name:) … }`: an operation that reads only the schema. */
export function isIntrospectionOnly(query: string): boolean {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: 5000 });
  } catch {
    return false;
  }
  const fragments = new Map(document.definitions.flatMap((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition.selectionSet] as const] : [])));
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  const onlyMeta = (set: SelectionSetNode, seen: Set<string>): boolean =>
    set.selections.every((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value.startsWith('__');
      if (selection.kind === Kind.INLINE_FRAGMENT) return onlyMeta(selection.selectionSet, seen);
      const fragment = fragments.get(selection.name.value);
      if (!fragment || seen.has(selection.name.value)) return false;
      return onlyMeta(fragment, new Set([...seen, selection.name.value]));
    });
  return operations.length > 0 && operations.every((operation) => operation.operation === 'query' && onlyMeta(operation.selectionSet, new Set()));
}

/**
 * Introspection answers from the caller's contract: an agency client's explorer and code
 * generator see only what the agency may use. Other callers get Apollo's own answer.
 */
export function contractIntrospection(schemas: ContractSchemas): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const contract = schemas.contractFor(contextValue.principal);
      if (!contract) return {};
      return {
        async responseForOperation({ document, request, response, contextValue: context }) {
          if (!document || !request.query || !isIntrospectionOnly(request.query)) return null;
          const result = await execute({ schema: contract, document, variableValues: request.variables, operationName: request.operationName, contextValue: context });
          return { http: response.http, body: { kind: 'single', singleResult: { data: result.data as Record<string, unknown> | null | undefined, errors: result.errors?.map((error) => error.toJSON()) } } };
        },
      };
    },
  };
}
