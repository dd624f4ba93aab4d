import { readFileSync } from 'node:fs';
import { parse, parseType, print, visit, type DirectiveNode, type ObjectTypeDefinitionNode } from 'graphql';
import type { ComposableSubgraph } from '@ioc/gateway/compose';
import { checkSchemas, knownOperations, readAcknowledgements, type Acknowledgement, type SchemaCheckReport } from '@ioc/infra/schema-check';
import { committedSubgraphs, repoRoot, supergraphPath } from '@ioc/infra/schemas';

/** Copies of the committed SDL, one subgraph's edited: what a team's change looks like to the check. */
export type SdlEdit = (sdl: string) => string;

export async function checkWith(subgraph: string, edit: SdlEdit, acknowledgements: Acknowledgement[] = readAcknowledgements(repoRoot)): Promise<SchemaCheckReport> {
  const subgraphs: ComposableSubgraph[] = committedSubgraphs().map((entry) => (entry.name === subgraph ? { ...entry, sdl: edit(entry.sdl) } : entry));
  return checkSchemas({
    subgraphs,
    baselines: [{ label: 'the committed supergraph', supergraphSdl: readFileSync(supergraphPath, 'utf8') }],
    operations: knownOperations(repoRoot),
    acknowledgements,
  });
}

/** Rewrites the fields of `type` (definitions and extensions) with `change`. */
const onFields =
  (type: string, change: (fields: NonNullable<ObjectTypeDefinitionNode['fields']>) => ObjectTypeDefinitionNode['fields']): SdlEdit =>
  (sdl) => {
    const edit = (node: ObjectTypeDefinitionNode) => (node.name.value === type && node.fields ? { ...node, fields: change(node.fields) } : undefined);
    return print(visit(parse(sdl), { ObjectTypeDefinition: edit, ObjectTypeExtension: edit as never }));
  };

/** Drops `Type.field`. */
export const withoutField = (type: string, field: string): SdlEdit => onFields(type, (fields) => fields.filter((f) => f.name.value !== field));

/** Adds a nullable String field to `type`. */
export const withField = (type: string, field: string): SdlEdit =>
  onFields(type, (fields) => [...fields, ...(parse(`type X { ${field}: String }`).definitions[0] as ObjectTypeDefinitionNode).fields!]);

/** Gives `Type.field` another type, written as in SDL (`Int!`). */
export const retyped = (type: string, field: string, to: string): SdlEdit =>
  onFields(type, (fields) => fields.map((f) => (f.name.value === field ? { ...f, type: parseType(to) } : f)));

/** Removes `@tag(name: "<tag>")` from `Type.field`. */
export const untagged = (type: string, field: string, tag = 'agency'): SdlEdit =>
  onFields(type, (fields) =>
    fields.map((f) => (f.name.value === field ? { ...f, directives: f.directives?.filter((d: DirectiveNode) => !(d.name.value === 'tag' && print(d).includes(`"${tag}"`))) } : f)),
  );
