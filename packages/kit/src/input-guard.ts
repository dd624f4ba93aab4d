import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, visit, type DocumentNode } from 'graphql';

/** Where the first string containing U+0000 sits in a variables object (`$name.field[2]`), if anywhere. */
export function nulCharacterPath(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = nulCharacterPath(item, `${path}[${index}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = nulCharacterPath(item, path ? `${path}.${key}` : `$${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Apollo hands every request of the same document the same parsed `DocumentNode` (its document
 * cache), so the literal check runs once per document, not once per request (bench:reads' profile:
 * ~1% of a BTS page's subgraph CPU was this visit). `null`: no literal holds a NUL.
 */
const literalVerdicts = new WeakMap<DocumentNode, string | null>();

function nulLiteralArgument(document: DocumentNode): string | undefined {
  let verdict = literalVerdicts.get(document);
  if (verdict === undefined) {
    verdict = visitNulLiteralArgument(document) ?? null;
    literalVerdicts.set(document, verdict);
  }
  return verdict ?? undefined;
}

function visitNulLiteralArgument(document: DocumentNode): string | undefined {
  let argument: string | undefined;
  let found: string | undefined;
  visit(document, {
    Argument: {
      enter(node) {
        argument = node.name.value;
      },
      leave() {
        argument = undefined;
      },
    },
    StringValue(node) {
      if (!found && node.value.includes('\u0000')) found = argument ?? 'document';
    },
  });
  return found;
}

/**
 * PostgreSQL text cannot hold U+0000: a NUL in any argument would reach the database and come
 * back as an internal error that names the driver. No argument of this graph has a use for it,
 * so it is refused up front as BAD_USER_INPUT naming the variable or argument, before any
 * resolver runs (status 200, so a gateway passes the error on as it is).
 */
export const rejectNulCharacters: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        const where = nulCharacterPath(request.variables ?? {}, '') ?? nulLiteralArgument(document);
        if (where) {
          throw new GraphQLError(`invalid argument "${where}": text must not contain the NUL character (U+0000)`, {
            extensions: { code: 'BAD_USER_INPUT', argument: where, http: { status: 200 } },
          });
        }
      },
    };
  },
};
