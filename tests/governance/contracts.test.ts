import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, isObjectType, Kind, parse, validate, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { composeSupergraph } from '@ioc/gateway/compose';
import { buildContractSchema, ContractError } from '@ioc/gateway/contracts';
import { persistedOperations } from '@ioc/infra/schema-check';
import { repoRoot, subgraphSchemaPath } from '@ioc/infra/schemas';
import { subgraphs } from '@ioc/infra/subgraphs';

const agency = buildSchema(readFileSync(join(repoRoot, 'gateway/contracts/agency.graphql'), 'utf8'));
const fieldsOf = (schema: GraphQLSchema, type: string) => {
  const found = schema.getType(type);
  return isObjectType(found) ? Object.keys(found.getFields()) : [];
};

describe('the committed agency contract', () => {
  it('holds what agency clients use and nothing internal', () => {
    expect(agency.getMutationType()).toBeUndefined();
    expect(fieldsOf(agency, 'Alert')).toEqual(expect.arrayContaining(['id', 'title', 'cve', 'sequence', 'system']));
    for (const internal of ['server', 'assignee', 'fingerprint', 'synthetic']) expect(fieldsOf(agency, 'Alert')).not.toContain(internal);
    for (const dashboard of ['servers', 'province', 'alertStats', 'enterprises', 'securityAuditLog']) expect(fieldsOf(agency, 'Query')).not.toContain(dashboard);
    expect(fieldsOf(agency, 'Subscription')).toEqual(expect.arrayContaining(['alertRaised', 'alertUpdated', 'dossierReceived']));
    expect(fieldsOf(agency, 'Subscription')).not.toContain('openAlertCountsChanged');
    expect(agency.getType('Server')).toBeUndefined();
    expect(fieldsOf(agency, 'InformationSystem')).not.toContain('hosting');
  });

  it("advertises no field that a subgraph's type access refuses to agency clients", () => {
    const refused: string[] = [];
    let checked = 0;
    for (const { definition, dir } of subgraphs) {
      const access = definition.schema.typeAccess ?? {};
      for (const node of parse(readFileSync(subgraphSchemaPath(dir), 'utf8')).definitions) {
        if (node.kind !== Kind.OBJECT_TYPE_DEFINITION && node.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
        const inContract = new Set(fieldsOf(agency, node.name.value));
        for (const field of node.fields ?? []) {
          const coordinate = `${node.name.value}.${field.name.value}`;
          const rule = access[coordinate] ?? access[node.name.value];
          if (!inContract.has(field.name.value) || !rule) continue;
          checked++;
          if (!rule.includes('agency-client')) refused.push(`${definition.name}: ${coordinate}`);
        }
      }
    }
    expect(refused).toEqual([]);
    expect(checked).toBeGreaterThan(150);
  });

  it.each(persistedOperations(repoRoot).map((operation) => [operation.name, operation] as const))('persisted operation %s stays inside it', (_name, operation) => {
    expect(validate(agency, operation.document).map((error) => error.message)).toEqual([]);
  });
});

describe('cutting a contract from @tag', () => {
  const header = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@tag"])';
  const supergraph = (sdl: string) => composeSupergraph([{ name: 'a', url: 'http://a/graphql', sdl: `${header}\n${sdl}` }]);

  it('keeps tagged fields, every field of a tagged type, and only the types they reach', () => {
    const contract = buildContractSchema(
      supergraph(`
        type Query { thing(id: ID!): Thing @tag(name: "agency") secret: Secret  other: Int }
        type Thing { id: ID! @tag(name: "agency") name: String internal: String size: Size @tag(name: "agency") }
        type Size @tag(name: "agency") { width: Int height: Int }
        type Secret @tag(name: "agency") { value: String }
      `),
      'agency',
    );
    expect(fieldsOf(contract, 'Query')).toEqual(['thing']);
    expect(fieldsOf(contract, 'Thing')).toEqual(['id', 'size']);
    expect(fieldsOf(contract, 'Size')).toEqual(['height', 'width']);
    expect(contract.getType('Secret')).toBeUndefined(); // tagged, but no contract field reaches it
  });

  it('refuses a tagged field that reaches a type with no field in the contract, naming both', () => {
    const sdl = supergraph('type Query { thing: Thing @tag(name: "agency") }\ntype Thing { id: ID! name: String }');
    expect(() => buildContractSchema(sdl, 'agency')).toThrow(ContractError);
    expect(() => buildContractSchema(sdl, 'agency')).toThrow('Query.thing returns Thing, which has no field tagged "agency"');
  });
});
