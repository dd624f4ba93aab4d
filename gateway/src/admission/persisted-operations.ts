import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Express } from 'express';
import type { Verifier } from '../auth/verifier';
import {
  GraphQLError,
  Kind,
  parse,
  print,
  visit,
  type DocumentNode,
  type FieldNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** One agreed operation as the catalogue (`GET /persisted-operations`) publishes it. */
export interface PersistedOperation {
  name: string;
  kind: 'query' | 'subscription';
  /** sha256 of `body`, hex: what `documentId` and `extensions.persistedQuery.sha256Hash` name. */
  hash: string;
  body: string;
  variables: Array<{ name: string; type: string; required: boolean }>;
  description?: string;
}

/** The request fields the allow-list reads and rewrites. */
export interface PersistedRequest {
  query?: unknown;
  documentId?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown; version?: unknown } };
}

/**
 * Codes of the allow-list's refusals. Only an unknown hash is `PERSISTED_QUERY_NOT_FOUND`, with
 * Apollo's message, because APQ clients (Apollo Client, urql) answer exactly that by sending the
 * text: the other two must not make them retry.
 */
export const persistedCodes = {
  notFound: 'PERSISTED_QUERY_NOT_FOUND',
  notAllowed: 'PERSISTED_QUERY_NOT_ALLOWED',
  hashMismatch: 'PERSISTED_QUERY_HASH_MISMATCH',
} as const;

const hashPattern = /^(?:sha256:)?([0-9a-f]{64})$/i;

/**
 * The allow-list: operations agreed with other agencies. A client names one by the sha256 of its
 * stored text or of the text its library prints (graphql-js `print`, with or without the
 * `__typename` fields Apollo Client's and urql's caches add), or sends a text that is one of them
 * up to formatting and `__typename`. What runs is the text the client's hash or text stands for,
 * so a client's cache gets the `__typename` it asked for.
 */
export class PersistedOperations {
  readonly operations: PersistedOperation[] = [];
  /** Every accepted hash → the text it stands for. */
  private readonly byHash = new Map<string, string>();
  /** Canonical form (printed, without `__typename`) → the operation. */
  private readonly byCanonical = new Map<string, PersistedOperation>();
  /** A text longer than this cannot be a variant of an agreed one: refused without parsing. */
  private readonly longest: number;

  constructor(operations: Array<{ name: string; body: string; description?: string }>) {
    let longest = 0;
    for (const { name, body, description } of operations) {
      const document = parse(body);
      const definition = singleOperation(document, name);
      const operation: PersistedOperation = {
        name,
        kind: definition.operation === 'subscription' ? 'subscription' : 'query',
        hash: sha256(body),
        body,
        variables: (definition.variableDefinitions ?? []).map((variable) => ({
          name: variable.variable.name.value,
          type: print(variable.type),
          required: variable.type.kind === Kind.NON_NULL_TYPE && !variable.defaultValue,
        })),
        ...(description ? { description } : {}),
      };
      this.operations.push(operation);
      for (const text of [body, print(document), print(withTypenames(document))]) {
        this.byHash.set(sha256(text), text);
        longest = Math.max(longest, text.length);
      }
      this.byCanonical.set(canonical(document), operation);
    }
    this.longest = longest;
  }

  static fromFile(path: string): PersistedOperations {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as { operations: Array<{ name: string; body: string; description?: string }> };
    return new PersistedOperations(manifest.operations);
  }

  get size(): number {
    return this.operations.length;
  }

  /**
   * The text an agency client's request runs; refuses anything else with its own code. Unknown
   * hash with no text: NOT_FOUND (send the text). A text whose sha256 is not the hash sent:
   * HASH_MISMATCH. A text that is no agreed operation: NOT_ALLOWED.
   */
  resolve(request: PersistedRequest): string {
    const named = requestedHash(request);
    const text = typeof request.query === 'string' && request.query !== '' ? request.query : undefined;
    if (text === undefined) {
      if (named === undefined) {
        throw refusal(persistedCodes.notAllowed, 'this client may only run persisted operations: send documentId or extensions.persistedQuery.sha256Hash (see GET /persisted-operations)');
      }
      const known = this.byHash.get(named);
      if (!known) throw refusal(persistedCodes.notFound, 'PersistedQueryNotFound', { hash: named, detail: `no persisted operation has the hash ${named}: send its text with it, or see GET /persisted-operations` });
      return known;
    }
    if (named !== undefined && sha256(text) !== named) {
      throw refusal(persistedCodes.hashMismatch, `the query sent does not match its hash: sha256 of the text is ${sha256(text)}, the request names ${named}`, { hash: named });
    }
    if (this.byHash.has(sha256(text)) || this.canonicalMatch(text)) return text;
    throw refusal(persistedCodes.notAllowed, 'this document is not a persisted operation: agency clients may only run the operations of GET /persisted-operations');
  }

  /**
   * Resolves an agency client's request in place (the document to run in `query`, the hash
   * fields dropped so Apollo's own APQ does not look again). Every caller's `persistedQuery`
   * extension must carry version 1, as the APQ protocol says.
   */
  admit(request: PersistedRequest, allowListOnly: boolean): void {
    const extension = request.extensions?.persistedQuery;
    if (extension !== undefined && (typeof extension !== 'object' || extension === null || extension.version !== 1)) {
      throw new GraphQLError('extensions.persistedQuery.version: required, and must be 1 (the only version of the persisted-query protocol)', {
        extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
      });
    }
    if (!allowListOnly) return;
    request.query = this.resolve(request);
    delete request.documentId;
    if (request.extensions) delete request.extensions.persistedQuery;
  }

  private canonicalMatch(text: string): boolean {
    if (text.length > this.longest * 4) return false;
    try {
      return this.byCanonical.has(canonical(parse(text, { maxTokens: 5_000 })));
    } catch {
      return false; // not even GraphQL: not an agreed operation
    }
  }
}

/** The hash a request names, bare lower-case hex; `sha256:` prefixes (documentId's convention) accepted. */
function requestedHash(request: PersistedRequest): string | undefined {
  const given = request.extensions?.persistedQuery?.sha256Hash ?? request.documentId;
  if (given === undefined) return undefined;
  const match = typeof given === 'string' ? hashPattern.exec(given) : null;
  if (!match) {
    throw new GraphQLError('documentId / extensions.persistedQuery.sha256Hash: must be a sha256 in hex (64 characters), optionally prefixed "sha256:"', {
      extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
    });
  }
  return match[1]!.toLowerCase();
}

function refusal(code: string, message: string, details: Record<string, string> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details, http: { status: 400 } } });
}

function singleOperation(document: DocumentNode, name: string): OperationDefinitionNode {
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  const [operation] = operations;
  if (operations.length !== 1 || !operation || operation.name?.value !== name || operation.operation === 'mutation') {
    throw new Error(`persisted operation ${name}: must be one query or subscription named ${name}`);
  }
  return operation;
}

const typename: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };
const isTypename = (selection: SelectionSetNode['selections'][number]) => selection.kind === Kind.FIELD && selection.name.value === '__typename' && !selection.alias;

/** What Apollo Client's and urql's caches send: `__typename` last in every selection set below the root. */
function withTypenames(document: DocumentNode): DocumentNode {
  return visit(document, {
    SelectionSet: {
      leave(node, _key, parent) {
        if (parent && !Array.isArray(parent) && (parent as { kind?: string }).kind === Kind.OPERATION_DEFINITION) return undefined;
        return node.selections.some(isTypename) ? undefined : { ...node, selections: [...node.selections, typename] };
      },
    },
  });
}

/** The printed document without unaliased `__typename`: equal for texts that ask the same. */
function canonical(document: DocumentNode): string {
  return print(visit(document, { Field: { enter: (node) => (node.name.value === '__typename' && !node.alias ? null : undefined) } }));
}

/**
 * `GET /persisted-operations`: the catalogue (name, kind, hash, documentId, body, variables),
 * for any caller with a valid token: agency developers need not read this repository.
 */
export function mountCatalogue(app: Express, persisted: PersistedOperations, verify: Verifier): void {
  app.get('/persisted-operations', async (req, res) => {
    try {
      await verify(req.headers.authorization);
    } catch (error) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      return void res.status(401).json({ errors: [{ message: (error as Error).message, extensions: { code: 'UNAUTHENTICATED' } }] });
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.json({ operations: persisted.operations.map((operation) => ({ ...operation, documentId: `sha256:${operation.hash}` })) });
  });
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
