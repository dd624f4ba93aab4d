import { createHash } from 'node:crypto';
import { buildOperationContext } from '@apollo/gateway';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner, type FetchNode, type PlanNode, type QueryPlan } from '@apollo/query-planner';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { Kind, print, visit, type ASTNode, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { BoundedCache } from '../bounded-cache';

export interface SubscriptionPlan {
  /** The fetch that opens the subscription on the owning subgraph. */
  primary: FetchNode;
  /**
   * Variables that can change how an event is completed: all but those used only as arguments
   * of the root subscription field (which choose events, not what is fetched for them).
   */
  completionVariables: string[];
  /** Entity fetches that complete each event from the other subgraphs. */
  rest?: PlanNode;
  operationContext: ReturnType<typeof buildOperationContext>;
}

/**
 * The supergraph as the subscription engine needs it: @apollo/gateway keeps its own planner
 * private, so we build one from the same SDL (plans cached by operation hash).
 */
export class SupergraphPlanner {
  readonly supergraph: Supergraph;
  readonly supergraphSchema: GraphQLSchema;
  readonly apiSchema: ReturnType<Supergraph['apiSchema']>;
  readonly schema: GraphQLSchema;
  private readonly planner: QueryPlanner;
  /** Weighed by the printed document (a plan holds a few copies of it). */
  private readonly plans = new BoundedCache<SubscriptionPlan>(1000, 16 * 1024 * 1024);

  constructor(readonly supergraphSdl: string) {
    this.supergraph = Supergraph.build(supergraphSdl);
    this.supergraphSchema = this.supergraph.schema.toGraphQLJSSchema();
    this.apiSchema = this.supergraph.apiSchema();
    this.schema = this.apiSchema.toGraphQLJSSchema();
    this.planner = new QueryPlanner(this.supergraph);
  }

  plan(document: DocumentNode, operationName: string | undefined): SubscriptionPlan {
    const printed = print(document);
    const key = createHash('sha256').update(printed).update('\0').update(operationName ?? '').digest('hex');
    const cached = this.plans.get(key);
    if (cached) return cached;
    const operation = operationFromDocument(this.apiSchema, document, { operationName });
    const queryPlan: QueryPlan = this.planner.buildQueryPlan(operation);
    const node = queryPlan.node;
    if (!node || node.kind !== 'Subscription') throw new Error('not a subscription operation');
    const plan: SubscriptionPlan = {
      primary: node.primary,
      completionVariables: variablesBeyondRootArguments(document, operationName),
      rest: node.rest,
      operationContext: buildOperationContext({ schema: this.schema, operationDocument: document, operationName }),
    };
    this.plans.set(key, plan, printed.length);
    return plan;
  }
}

/** Variables referenced anywhere in the operation except inside the root field's arguments. */
export function variablesBeyondRootArguments(document: DocumentNode, operationName: string | undefined): string[] {
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION && (!operationName || definition.name?.value === operationName),
  );
  const rootFields = new Set<ASTNode>(operation?.selectionSet.selections.filter((selection) => selection.kind === Kind.FIELD) ?? []);
  const used = new Set<string>();
  visit(document, {
    VariableDefinition: () => false,
    Variable(node, _key, _parent, _path, ancestors) {
      const inRootArguments = ancestors.some((ancestor, i) => rootFields.has(ancestor as ASTNode) && ancestors[i + 1] === (ancestor as FieldNode).arguments);
      if (!inRootArguments) used.add(node.name.value);
    },
  });
  return [...used].sort();
}
