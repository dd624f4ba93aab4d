import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Principal } from '@ioc/kit';
import { apiSchemaOf, buildContractSchema } from './contract';
import { isIntrospectionOnly, refuseOutsideContract } from './serve';

/**
 * Who sees which contract. Each audience is a tag in the subgraphs' SDL and a committed file
 * `gateway/contracts/<audience>.graphql` (`npm run schemas` writes it, a test fails when it is stale).
 */
export const contracts = { agency: { tag: 'agency', roles: ['agency-client'] } } as const;
export type Audience = keyof typeof contracts;

export const audienceOf = (principal: Pick<Principal, 'role'>): Audience | undefined =>
  (Object.keys(contracts) as Audience[]).find((audience) => (contracts[audience].roles as readonly string[]).includes(principal.role));

/**
 * The schema each caller may see and use, rebuilt on every supergraph load.
 *
 * For the explorer and other tools: `RunningGateway.schemaFor(principal)` (from `startGateway`)
 * returns this, and `GET /schema.graphql` with the caller's bearer token answers its SDL
 * (the agency contract for agency clients, the whole API schema for the other roles).
 */
export class ContractSchemas {
  private api: GraphQLSchema | undefined;
  private readonly byAudience = new Map<Audience, GraphQLSchema>();

  /** `introspection`: whether callers may read the schema (an audience then reads its contract). */
  constructor(private readonly options: { introspection: boolean }) {}

  setSupergraph(supergraphSdl: string): void {
    const api = apiSchemaOf(supergraphSdl);
    const built = new Map<Audience, GraphQLSchema>();
    for (const audience of Object.keys(contracts) as Audience[]) built.set(audience, buildContractSchema(supergraphSdl, contracts[audience].tag));
    this.api = api;
    this.byAudience.clear();
    for (const [audience, schema] of built) this.byAudience.set(audience, schema);
  }

  /** The caller's contract; the whole API schema for a caller of no audience; undefined before the first load. */
  schemaFor(principal: Pick<Principal, 'role'>): GraphQLSchema | undefined {
    const audience = audienceOf(principal);
    return audience ? this.byAudience.get(audience) : this.api;
  }

  /**
   * Only the audience's contract: undefined for callers who see the whole graph. Fails closed:
   * a caller of an audience whose contract is not loaded is refused, never given the whole graph.
   */
  contractFor(principal: Pick<Principal, 'role'>): GraphQLSchema | undefined {
    const audience = audienceOf(principal);
    if (!audience) return undefined;
    const contract = this.byAudience.get(audience);
    if (!contract) throw new GraphQLError(`the "${audience}" contract is not loaded yet: retry shortly`, { extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } } });
    return contract;
  }

  /** Admission: refuses an operation outside the caller's contract, naming the field. */
  admit(principal: Pick<Principal, 'role'>, document: DocumentNode): void {
    const contract = this.contractFor(principal);
    if (contract) refuseOutsideContract(contract, document, audienceOf(principal)!);
  }

  /** Whether a persisted-only caller may send this text anyway: introspection (of its contract) where introspection is on. */
  introspects(operation: { query?: unknown }): boolean {
    return this.options.introspection && typeof operation.query === 'string' && isIntrospectionOnly(operation.query);
  }
}
