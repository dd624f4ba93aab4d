import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxRootFields: number;
  maxCost: number;
  /** Field selections once every fragment is expanded: bounds graphql-js validation, whose overlap rule is quadratic. */
  maxSelections: number;
  /** Fragment definitions, and fragment spreads written in the document. */
  maxFragments: number;
  /**
   * Times one response name may be written in one selection set. graphql-js merges repeats
   * pairwise (a thousand nested repeats take seconds to validate); no client needs to repeat.
   */
  maxFieldRepeats: number;
  /** Lexical tokens the parser reads before it gives up: bounds parsing like the body limit bounds reading. */
  maxTokens: number;
}

/**
 * Every limit's default, written once: the env model and the gateway's options both start here.
 * The known operations (console, persisted, graphql-js's introspection query) stay well inside
 * them: a test measures each against these numbers.
 */
export interface GatewayLimits extends OperationLimits {
  maxBatch: number;
  /** Request body size, as body-parser reads it (`1mb`, `500kb`). */
  bodyLimit: string;
  /** Body of `POST /ingest/*` (streamed, never held whole): a day of a busy Wazuh manager's alerts.json. */
  ingestBodyLimit: string;
  ratePerMinute: number;
  subscriptionsPerSocket: number;
  subscriptionsPerCaller: number;
}

export const defaultLimits: Readonly<GatewayLimits> = {
  maxDepth: 12,
  maxAliases: 30,
  maxRootFields: 20,
  maxCost: 50_000,
  maxSelections: 500,
  maxFragments: 30,
  maxFieldRepeats: 1,
  maxTokens: 10_000,
  maxBatch: 10,
  bodyLimit: '1mb',
  ingestBodyLimit: '256mb',
  ratePerMinute: 1200,
  subscriptionsPerSocket: 100,
  subscriptionsPerCaller: 10_000,
};

export interface OperationMeasure {
  depth: number;
  aliases: number;
  rootFields: number;
  cost: number;
  selections: number;
  /** Depth below `__schema`/`__type`, held to its own limit. */
  introspectionDepth: number;
  /** `__schema` selections, fragments expanded: each one answers the whole schema. */
  schemaSelections: number;
}

/** Introspection's depth limit: graphql-js's own introspection query (its TypeRef fragment) is 15 deep. */
export const maxIntrospectionDepth = 16;

/**
 * `__schema` selections per operation. One answers the whole schema, and every client that
 * introspects (GraphiQL, codegen, Apollo's tools) asks once; twenty aliased copies cost the
 * gateway 71 ms of CPU to answer while every other limit held.
 */
export const maxSchemaSelections = 1;

/** Items assumed for a list field that declares no page size (`first`). */
export const undeclaredListSize = 100;

/** What one selection set costs, relative to where it is used; fragments are summarised once. */
interface Summary {
  /** Levels below the selection set's own level. */
  depth: number;
  aliases: number;
  fields: number;
  /** Cost at multiplier 1; a use at multiplier m costs m times this. */
  cost: number;
  introspectionDepth: number;
  schemaSelections: number;
}

const empty: Summary = { depth: 0, aliases: 0, fields: 0, cost: 0, introspectionDepth: 0, schemaSelections: 0 };

function refuse(label: string, code: string, actual: number, limit: number): never {
  throw new GraphQLError(`operation refused: ${label} ${actual} exceeds the limit of ${limit}`, {
    extensions: { code, limit, actual, http: { status: 400 } },
  });
}

/**
 * Measures an operation before graphql-js validates or plans it, in time linear in the document:
 * every fragment is summarised once (memoised), so a chain of fragments each spreading the next
 * twice costs one pass, and its expanded size is a number, checked against `maxSelections`.
 *
 * Cost: each field costs 1 times the page sizes of the lists above it. A page size is the `first`
 * (or `limit`) argument: its literal, the variable's value, the variable's declared default, or
 * the argument's default in the schema; a list field without such an argument counts
 * `undeclaredListSize` items, except `nodes`/`edges` of a connection, which its `first` sized.
 * Inside introspection (`__schema`, `__type`) lists count one item (the schema is small and
 * fixed) but aliases, depth and fields count as anywhere else.
 */
export function measureOperation(
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>,
  limits: OperationLimits,
  schema?: GraphQLSchema,
): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  let spreads = 0;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
  }
  if (fragments.size > limits.maxFragments) refuse('fragment definitions', 'FRAGMENT_LIMIT_EXCEEDED', fragments.size, limits.maxFragments);
  const operation = operationName ? operations.find((op) => op.name?.value === operationName) : operations[0];
  if (!operation) return { depth: 0, aliases: 0, rootFields: 0, cost: 0, selections: 0, introspectionDepth: 0, schemaSelections: 0 };

  const variableDefaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) variableDefaults.set(definition.variable.name.value, definition.defaultValue);
  }
  const intValue = (value: ValueNode | undefined): number | undefined => {
    if (!value) return undefined;
    if (value.kind === Kind.INT) return Number(value.value);
    if (value.kind === Kind.VARIABLE) {
      const given = variables[value.name.value];
      if (typeof given === 'number') return given;
      return intValue(variableDefaults.get(value.name.value));
    }
    return undefined;
  };
  const pageSize = (node: { arguments?: readonly { name: { value: string }; value: ValueNode }[] }, field: GraphQLField<unknown, unknown> | undefined, parent: GraphQLNamedType | undefined, introspection: boolean): number => {
    const argument = node.arguments?.find((arg) => arg.name.value === 'first' || arg.name.value === 'limit');
    const given = intValue(argument?.value);
    if (given !== undefined) return Math.max(1, given);
    if (!field || introspection) return 1;
    const declared = field.args.find((arg) => arg.name === 'first' || arg.name === 'limit');
    if (declared) return typeof declared.defaultValue === 'number' ? declared.defaultValue : undeclaredListSize;
    if (!isListType(getNullableType(field.type))) return 1;
    const sizedByConnection = parent?.name.endsWith('Connection') && (field.name === 'nodes' || field.name === 'edges');
    return sizedByConnection ? 1 : undeclaredListSize;
  };
  const fieldOf = (parent: GraphQLNamedType | undefined, name: string): GraphQLField<unknown, unknown> | undefined => {
    if (!schema) return undefined;
    if (name === '__schema') return schema.getQueryType() === parent ? ({ name, args: [], type: schema.getType('__Schema') } as unknown as GraphQLField<unknown, unknown>) : undefined;
    if (name === '__type') return { name, args: [], type: schema.getType('__Type') } as unknown as GraphQLField<unknown, unknown>;
    return parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
  };
  const typeNamed = (name: string | undefined, fallback: GraphQLNamedType | undefined) => (name && schema ? schema.getType(name) : fallback);

  const summaries = new Map<string, Summary>();
  const inProgress = new Set<string>();
  const fragmentSummary = (name: string, introspection: boolean): Summary => {
    const key = `${introspection ? 'i' : 'o'}:${name}`;
    const known = summaries.get(key);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment || inProgress.has(key)) return empty; // unknown or cyclic: validation refuses it
    inProgress.add(key);
    const summary = summarise(fragment.selectionSet, typeNamed(fragment.typeCondition.name.value, undefined), introspection);
    inProgress.delete(key);
    summaries.set(key, summary);
    return summary;
  };
  const summarise = (set: SelectionSetNode, parent: GraphQLNamedType | undefined, introspection: boolean): Summary => {
    let depth = 0;
    let aliases = 0;
    let fields = 0;
    let cost = 0;
    let introspectionDepth = 0;
    let schemaSelections = 0;
    const written = new Map<string, number>();
    for (const selection of set.selections) {
      let child: Summary;
      let level = 0;
      if (selection.kind === Kind.FIELD) {
        fields++;
        if (selection.alias) aliases++;
        const name = selection.name.value;
        const responseName = selection.alias?.value ?? name;
        const repeats = (written.get(responseName) ?? 0) + 1;
        if (repeats > limits.maxFieldRepeats) refuse(`field "${responseName}" repeated in one selection set: occurrences`, 'FIELD_REPEAT_LIMIT_EXCEEDED', repeats, limits.maxFieldRepeats);
        written.set(responseName, repeats);
        if (name === '__typename') continue;
        if (name === '__schema') schemaSelections++;
        const entry = !introspection && (name === '__schema' || name === '__type');
        const inner = introspection || entry;
        const field = fieldOf(parent, name);
        cost += 1;
        if (!selection.selectionSet) continue;
        const size = pageSize(selection, field, parent, inner);
        const below = summarise(selection.selectionSet, field ? getNamedType(field.type) : undefined, inner);
        child = entry ? { ...below, depth: 0, introspectionDepth: below.depth + 1, cost: below.cost * size } : { ...below, cost: below.cost * size };
        level = entry ? 0 : 1;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        child = summarise(selection.selectionSet, typeNamed(selection.typeCondition?.name.value, parent), introspection);
      } else {
        spreads++;
        if (spreads > limits.maxFragments) refuse('fragment spreads', 'FRAGMENT_LIMIT_EXCEEDED', spreads, limits.maxFragments);
        child = fragmentSummary(selection.name.value, introspection);
      }
      depth = Math.max(depth, child.depth + level);
      introspectionDepth = Math.max(introspectionDepth, child.introspectionDepth + level);
      aliases += child.aliases;
      fields += child.fields;
      cost += child.cost;
      schemaSelections += child.schemaSelections;
    }
    return { depth, aliases, fields, cost, introspectionDepth, schemaSelections };
  };
  const root = summarise(operation.selectionSet, schema ? (schema.getRootType(operation.operation) ?? undefined) : undefined, false);
  const rootFields = countRootFields(operation.selectionSet, fragments, new Set());
  return { depth: root.depth + 1, aliases: root.aliases, rootFields, cost: root.cost, selections: root.fields, introspectionDepth: root.introspectionDepth + 1, schemaSelections: root.schemaSelections };
}

/** Root fields, through fragments at the root; fragments are few (capped) and the root is shallow. */
function countRootFields(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen: Set<string>): number {
  let count = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) count++;
    else if (selection.kind === Kind.INLINE_FRAGMENT) count += countRootFields(selection.selectionSet, fragments, seen);
    else {
      const fragment = fragments.get(selection.name.value);
      if (!fragment || seen.has(fragment.name.value)) continue;
      seen.add(fragment.name.value);
      count += countRootFields(fragment.selectionSet, fragments, seen);
    }
  }
  return count;
}

export function enforceLimits(measure: OperationMeasure, limits: OperationLimits): void {
  const checks: Array<[keyof OperationMeasure, number, string, string]> = [
    ['selections', limits.maxSelections, 'SELECTION_LIMIT_EXCEEDED', 'field selections (fragments expanded)'],
    ['depth', limits.maxDepth, 'DEPTH_LIMIT_EXCEEDED', 'selection depth'],
    ['introspectionDepth', maxIntrospectionDepth, 'DEPTH_LIMIT_EXCEEDED', 'introspection depth'],
    ['schemaSelections', maxSchemaSelections, 'INTROSPECTION_LIMIT_EXCEEDED', '`__schema` selections'],
    ['aliases', limits.maxAliases, 'ALIAS_LIMIT_EXCEEDED', 'aliases'],
    ['rootFields', limits.maxRootFields, 'ROOT_FIELD_LIMIT_EXCEEDED', 'root fields'],
    ['cost', limits.maxCost, 'COST_LIMIT_EXCEEDED', 'estimated cost'],
  ];
  for (const [key, limit, code, label] of checks) {
    if (measure[key] > limit) refuse(label, code, measure[key], limit);
  }
}
