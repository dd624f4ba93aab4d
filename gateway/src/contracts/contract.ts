import { Supergraph } from '@apollo/federation-internals';
import {
  buildASTSchema,
  GraphQLSchema,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  Kind,
  lexicographicSortSchema,
  parse,
  printSchema,
  validateSchema,
  type DirectiveNode,
  type DefinitionNode,
  type GraphQLNamedType,
  type GraphQLType,
} from 'graphql';

/**
 * Contracts: one API schema per audience, cut from the composed graph by `@tag`, the way
 * Apollo's contracts and Hive's do. The rules (docs/subgraph-guide.md, "Contracts"):
 * - an object or interface field is in the contract when it or its type carries the tag;
 * - a root field is in only when tagged; a type is in only when an included field reaches it
 *   (arguments, input types and enums a field uses come whole);
 * - enums are kept whole (type-graphql cannot tag enum values);
 * - a field that reaches an object type with no field in the contract is an error naming both,
 *   so a tag cannot silently hand out an empty type.
 * Tagging fields rather than whole types keeps a contract stable: a new field stays internal
 * until a team tags it on purpose.
 */
export class ContractError extends Error {
  constructor(
    readonly tag: string,
    readonly messages: string[],
  ) {
    super(`contract "${tag}" cannot be built:\n${messages.map((m) => `  - ${m}`).join('\n')}`);
    this.name = 'ContractError';
  }
}

/** Tags on each type (`Type`) and field (`Type.field`) of a supergraph. */
export function tagsOf(supergraphSdl: string): Map<string, Set<string>> {
  const tags = new Map<string, Set<string>>();
  const add = (coordinate: string, directives: readonly DirectiveNode[] | undefined) => {
    for (const directive of directives ?? []) {
      if (directive.name.value !== 'tag') continue;
      const name = directive.arguments?.find((argument) => argument.name.value === 'name')?.value;
      if (name?.kind !== Kind.STRING) continue;
      if (!tags.has(coordinate)) tags.set(coordinate, new Set());
      tags.get(coordinate)!.add(name.value);
    }
  };
  for (const definition of parse(supergraphSdl).definitions) {
    if (!('name' in definition) || !definition.name || !('directives' in definition)) continue;
    const typeName = definition.name.value;
    add(typeName, definition.directives);
    if ('fields' in definition) for (const field of definition.fields ?? []) add(`${typeName}.${field.name.value}`, field.directives);
  }
  return tags;
}

/** The API schema of the supergraph (what every caller but a contract's audience sees). */
export const apiSchemaOf = (supergraphSdl: string): GraphQLSchema => Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();

/** The contract of `tag`, as a graphql-js schema sorted like the committed SDL. */
export function buildContractSchema(supergraphSdl: string, tag: string): GraphQLSchema {
  const api = apiSchemaOf(supergraphSdl);
  const tags = tagsOf(supergraphSdl);
  const tagged = (coordinate: string) => tags.get(coordinate)?.has(tag) ?? false;
  const roots = new Set([api.getQueryType(), api.getMutationType(), api.getSubscriptionType()].filter(Boolean).map((type) => type!.name));
  const includedField = (typeName: string, field: string) => tagged(`${typeName}.${field}`) || (!roots.has(typeName) && tagged(typeName));

  const kept = new Map<string, Set<string> | 'whole'>();
  const problems: string[] = [];
  const pending: Array<{ type: GraphQLNamedType; from: string }> = [];
  const reach = (type: GraphQLType, from: string) => pending.push({ type: namedOf(type), from });
  for (const root of roots) reach(api.getType(root)!, 'schema');

  while (pending.length) {
    const { type, from } = pending.pop()!;
    if (kept.has(type.name)) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      const fields = Object.values(type.getFields()).filter((field) => includedField(type.name, field.name));
      if (!fields.length) {
        if (!roots.has(type.name)) problems.push(`${from} returns ${type.name}, which has no field tagged "${tag}": tag the fields clients may read, or untag ${from}`);
        continue;
      }
      kept.set(type.name, new Set(fields.map((field) => field.name)));
      for (const field of fields) {
        reach(field.type, `${type.name}.${field.name}`);
        for (const argument of field.args) reach(argument.type, `${type.name}.${field.name}(${argument.name}:)`);
      }
      for (const implemented of isObjectType(type) ? type.getInterfaces() : []) reach(implemented, type.name);
    } else if (isUnionType(type)) {
      kept.set(type.name, 'whole');
      for (const member of type.getTypes()) reach(member, type.name);
    } else if (isInputObjectType(type)) {
      kept.set(type.name, 'whole');
      for (const field of Object.values(type.getFields())) reach(field.type, `${type.name}.${field.name}`);
    } else {
      kept.set(type.name, 'whole'); // scalars and enums
    }
  }
  if (problems.length) throw new ContractError(tag, problems);

  const definitions = parse(printSchema(api)).definitions.flatMap((definition): DefinitionNode[] => {
    if (definition.kind === Kind.SCHEMA_DEFINITION) {
      const operationTypes = definition.operationTypes.filter((operation) => kept.has(operation.type.name.value));
      return [{ ...definition, operationTypes }];
    }
    if (!('name' in definition) || !definition.name) return [definition];
    const keep = kept.get(definition.name.value);
    if (!keep) return [];
    if (keep === 'whole' || !('fields' in definition)) return [definition];
    const interfaces = 'interfaces' in definition ? definition.interfaces?.filter((named) => kept.has(named.name.value)) : undefined;
    return [{ ...definition, interfaces, fields: definition.fields?.filter((field) => keep.has(field.name.value)) } as DefinitionNode];
  });
  const schema = buildASTSchema({ kind: Kind.DOCUMENT, definitions }, { assumeValidSDL: true });
  const errors = validateSchema(schema);
  if (errors.length) throw new ContractError(tag, errors.map((error) => error.message));
  return lexicographicSortSchema(schema);
}

/** The contract as committed (`gateway/contracts/<name>.graphql`). */
export const printContract = (schema: GraphQLSchema): string => printSchema(schema) + '\n';

function namedOf(type: GraphQLType): GraphQLNamedType {
  let current = type;
  while (isListType(current) || isNonNullType(current)) current = current.ofType;
  return current as GraphQLNamedType;
}
