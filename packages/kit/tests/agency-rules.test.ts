import { buildSchema, graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { applyAgencyRules } from '../src/auth/type-access';
import type { Principal } from '../src/auth/principal';

const rows = [
  { id: 'd1', agencyId: 'STP', note: 'mine' },
  { id: 'd2', agencyId: 'SYT', note: 'theirs' },
];

function schemaWithRules() {
  const schema = buildSchema('type Dossier { id: String! note: String! } type Query { dossiers: [Dossier!]! dossier(id: String!): Dossier }');
  const query = schema.getQueryType()!.getFields();
  query.dossiers!.resolve = () => rows;
  query.dossier!.resolve = (_root, args: { id: string }) => rows.find((row) => row.id === args.id);
  applyAgencyRules(schema, { Dossier: (dossier: (typeof rows)[number]) => dossier.agencyId });
  return schema;
}

const run = (principal: Partial<Principal>, source: string) => graphql({ schema: schemaWithRules(), source, contextValue: { principal } });

describe('applyAgencyRules', () => {
  it("refuses an agency client every field of another agency's row, naming the field, on any path", async () => {
    const own = await run({ role: 'agency-client', agencyId: 'STP' }, '{ dossier(id: "d1") { id note } }');
    expect(own).toEqual({ data: { dossier: { id: 'd1', note: 'mine' } } });
    const other = await run({ role: 'agency-client', agencyId: 'STP' }, '{ dossiers { note } }');
    expect(other.errors?.map((error) => [error.message, error.path?.join('.')])).toEqual([
      [expect.stringContaining('Dossier.note'), 'dossiers.1.note'],
    ]);
  });

  it('leaves other roles untouched', async () => {
    expect(await run({ role: 'ioc-viewer' }, '{ dossiers { note } }')).toEqual({ data: { dossiers: [{ note: 'mine' }, { note: 'theirs' }] } });
  });

  it('names a rule for a type the schema lacks', () => {
    const schema = buildSchema('type Query { ok: Boolean }');
    expect(() => applyAgencyRules(schema, { Dosier: () => null })).toThrow(/no object type Dosier/);
  });
});
