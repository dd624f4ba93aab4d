import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { GraphQLError } from 'graphql';

export interface PersistedOperation {
  id: string;
  name: string;
  body: string;
}

/** The allow-list: operations agreed with other agencies, by the sha256 of their text. */
export class PersistedOperations {
  private readonly byId = new Map<string, PersistedOperation>();

  constructor(operations: Array<{ name: string; body: string }>) {
    for (const { name, body } of operations) {
      const id = sha256(body);
      this.byId.set(id, { id, name, body });
    }
  }

  static fromFile(path: string): PersistedOperations {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as { operations: Array<{ name: string; body: string }> };
    return new PersistedOperations(manifest.operations);
  }

  get size(): number {
    return this.byId.size;
  }

  /**
   * The document to run for a request that must use the allow-list: named by
   * `extensions.persistedQuery.sha256Hash` (Apollo's convention) or `documentId`; a `query`
   * sent along must be that same text.
   */
  resolve(request: { query?: unknown; documentId?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } }): PersistedOperation {
    const id = request.extensions?.persistedQuery?.sha256Hash ?? request.documentId;
    const operation = typeof id === 'string' ? this.byId.get(id) : undefined;
    if (!operation) {
      throw new GraphQLError(
        typeof id === 'string'
          ? `persisted operation ${id} is not in the allow-list`
          : 'this client may only run persisted operations: send extensions.persistedQuery.sha256Hash',
        { extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 400 } } },
      );
    }
    if (typeof request.query === 'string' && request.query !== operation.body) {
      throw new GraphQLError('the query sent does not match the persisted operation it names', {
        extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 400 } },
      });
    }
    return operation;
  }
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
