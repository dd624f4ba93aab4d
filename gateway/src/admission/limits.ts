import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxRootFields: number;
  maxCost: number;
}

export interface OperationMeasure {
  depth: number;
  aliases: number;
  rootFields: number;
  cost: number;
}

/** Page size assumed when `first` comes from a variable that was not given. */
const defaultListSize = 50;

/**
 * Measures an operation before anything runs: selection depth, aliases, root fields and an
 * estimated cost where each field costs 1 times the page sizes (`first`) of the lists above it.
 * Fragments are expanded; a fragment cycle (invalid anyway) stops expansion.
 */
export function measureOperation(document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
  }
  const operation = operationName ? operations.find((op) => op.name?.value === operationName) : operations[0];
  if (!operation) return { depth: 0, aliases: 0, rootFields: 0, cost: 0 };

  let aliases = 0;
  const pageSize = (value: ValueNode | undefined): number => {
    if (!value) return 1;
    if (value.kind === Kind.INT) return Number(value.value);
    if (value.kind === Kind.VARIABLE) {
      const given = variables[value.name.value];
      return typeof given === 'number' ? given : defaultListSize;
    }
    return 1;
  };
  const walk = (set: SelectionSetNode, depth: number, multiplier: number, seen: Set<string>): { depth: number; cost: number; fields: number } => {
    let deepest = depth;
    let cost = 0;
    let fields = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        fields++;
        if (selection.alias) aliases++;
        if (selection.name.value.startsWith('__')) continue;
        cost += multiplier;
        if (selection.selectionSet) {
          const first = selection.arguments?.find((arg) => arg.name.value === 'first' || arg.name.value === 'limit');
          const size = first ? pageSize(first.value) : 1;
          const child = walk(selection.selectionSet, depth + 1, multiplier * Math.max(1, size), seen);
          deepest = Math.max(deepest, child.depth);
          cost += child.cost;
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const child = walk(selection.selectionSet, depth, multiplier, seen);
        deepest = Math.max(deepest, child.depth);
        cost += child.cost;
        fields += child.fields;
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || seen.has(name)) continue;
        const child = walk(fragment.selectionSet, depth, multiplier, new Set([...seen, name]));
        deepest = Math.max(deepest, child.depth);
        cost += child.cost;
        fields += child.fields;
      }
    }
    return { depth: deepest, cost, fields };
  };
  const root = walk(operation.selectionSet, 1, 1, new Set());
  return { depth: root.depth, aliases, rootFields: root.fields, cost: root.cost };
}

export function enforceLimits(measure: OperationMeasure, limits: OperationLimits): void {
  const checks: Array<[keyof OperationMeasure, number, string, string]> = [
    ['depth', limits.maxDepth, 'DEPTH_LIMIT_EXCEEDED', 'selection depth'],
    ['aliases', limits.maxAliases, 'ALIAS_LIMIT_EXCEEDED', 'aliases'],
    ['rootFields', limits.maxRootFields, 'ROOT_FIELD_LIMIT_EXCEEDED', 'root fields'],
    ['cost', limits.maxCost, 'COST_LIMIT_EXCEEDED', 'estimated cost'],
  ];
  for (const [key, limit, code, label] of checks) {
    if (measure[key] > limit) {
      throw new GraphQLError(`operation refused: ${label} ${measure[key]} exceeds the limit of ${limit}`, {
        extensions: { code, limit, actual: measure[key], http: { status: 400 } },
      });
    }
  }
}
