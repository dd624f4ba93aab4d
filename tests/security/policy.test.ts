import { describe, expect, it } from 'vitest';
import { buildSchema, graphqlSync, type GraphQLSchema } from 'graphql';
import { agencyScopeOf, anyCaller, applyTypeAccess, assertAgencyAccess, auditChanges, nulCharacterPath, ownRowOrNull, Roles, seesPersonalData, withheld, type Principal } from '@ioc/kit';
import { maskIdNumber, personalData } from '@ioc/egov/personal-data';

const caller = (role: Principal['role'], agencyId?: string): Principal => ({ subject: `t-${role}`, role, agencyId });

describe('agency scope', () => {
  it('confines agency clients to their agency and nobody else', () => {
    expect(agencyScopeOf(caller('agency-client', 'STTTT'))).toBe('STTTT');
    expect(agencyScopeOf(caller('agency-client'))).toBe('');
    for (const role of ['ioc-viewer', 'soc-analyst', 'ingest', 'admin'] as const) expect(agencyScopeOf(caller(role, 'STTTT'))).toBeUndefined();
  });

  it('refuses another agency\'s record, a record of no agency, and an agency client without an agency', () => {
    expect(() => assertAgencyAccess(caller('agency-client', 'STTTT'), 'Query.alert', 'STTTT')).not.toThrow();
    expect(() => assertAgencyAccess(caller('agency-client', 'STTTT'), 'Query.alert', 'SYT')).toThrow(
      "forbidden: Query.alert is limited to the caller's own agency (STTTT): this record belongs to another agency",
    );
    expect(() => assertAgencyAccess(caller('agency-client', 'STTTT'), 'Incident.title', null)).toThrow(/forbidden: Incident\.title/);
    expect(() => assertAgencyAccess(caller('agency-client'), 'Query.dossier', '')).toThrow(/forbidden: Query\.dossier/);
    expect(() => assertAgencyAccess(caller('soc-analyst'), 'Query.alert', 'SYT')).not.toThrow();
  });

  it('a record looked up by id: null for an agency client when another agency owns it (as for an unknown id)', () => {
    const row = { id: 'A1' };
    expect(ownRowOrNull(caller('agency-client', 'STTTT'), row, 'STTTT')).toBe(row);
    expect(ownRowOrNull(caller('agency-client', 'STTTT'), row, 'SYT')).toBeNull();
    expect(ownRowOrNull(caller('agency-client', 'STTTT'), row, null)).toBeNull();
    expect(ownRowOrNull(caller('agency-client'), row, '')).toBeNull();
    expect(ownRowOrNull(caller('agency-client', 'STTTT'), null, 'STTTT')).toBeNull();
    for (const role of ['ioc-viewer', 'soc-analyst', 'ingest', 'admin'] as const) expect(ownRowOrNull(caller(role), row, 'SYT')).toBe(row);
  });

  it('role groups: only analysts and admins triage, only admins approve, ingest reads no SOC detail', () => {
    expect(Roles.socWrite).toEqual(['soc-analyst', 'admin']);
    expect(Roles.admin).toEqual(['admin']);
    expect(Roles.socDetail).not.toContain('ioc-viewer');
    expect(Roles.socDetail).not.toContain('ingest');
    expect(Roles.dashboard).not.toContain('agency-client');
  });
});

describe('personal data', () => {
  it('is clear for admins only', () => {
    expect(seesPersonalData(caller('admin'))).toBe(true);
    for (const role of ['ioc-viewer', 'soc-analyst', 'agency-client', 'ingest'] as const) expect(seesPersonalData(caller(role))).toBe(false);
    expect(seesPersonalData(undefined)).toBe(false);
  });

  it('masks names, citizen IDs and phones', () => {
    expect(maskIdNumber('084203001234')).toBe('*********234');
    expect(maskIdNumber('331234567')).toBe('******567');
    expect(personalData.name(caller('soc-analyst'), 'Nguyễn Văn An')).toBe('Nguyễn V. A**');
    expect(personalData.name(caller('admin'), 'Nguyễn Văn An')).toBe('Nguyễn Văn An');
    expect(personalData.phone(caller('agency-client', 'X'), '0912345678')).toBe('09******78');
    expect(personalData.idNumber(caller('ioc-viewer'), null)).toBeNull();
  });
});

describe('audit changes', () => {
  it('keeps only the fields that changed, values as JSON', () => {
    const at = new Date('2024-05-01T01:02:03Z');
    expect(auditChanges({ before: { status: 'NEW', assignee: null, title: 'x' }, after: { status: 'ACKNOWLEDGED', assignee: 'an', title: 'x', acknowledgedAt: at } })).toEqual({
      status: { before: 'NEW', after: 'ACKNOWLEDGED' },
      assignee: { before: null, after: 'an' },
      acknowledgedAt: { before: null, after: '2024-05-01T01:02:03.000Z' },
    });
  });

  it('records every set field of a creation, and withholds personal values', () => {
    expect(auditChanges({ after: { title: 't', citizenName: 'Kim Sô', citizenPhone: null }, personal: ['citizenName', 'citizenPhone'] })).toEqual({
      title: { before: null, after: 't' },
      citizenName: { before: null, after: withheld },
    });
  });

  it('limits the comparison to the fields named', () => {
    expect(auditChanges({ before: { a: 1, b: 1 }, after: { a: 2, b: 2 }, fields: ['b'] })).toEqual({ b: { before: 1, after: 2 } });
  });
});

describe('NUL characters', () => {
  it('are found anywhere in the variables, with their path', () => {
    expect(nulCharacterPath({ input: { list: ['ok', 'n\u0000'] } }, '')).toBe('$input.list[1]');
    expect(nulCharacterPath({ search: 'fine', first: 5 }, '')).toBeUndefined();
  });
});

describe('type access', () => {
  const schema = () =>
    buildSchema(`type Query { server: Server } type Server { id: String hostname: String } type Extra { x: Int }`);
  const run = (built: GraphQLSchema, role: Principal['role']) =>
    graphqlSync({ schema: built, source: '{ server { id hostname } }', rootValue: { server: { id: 's1', hostname: 'vm-042' } }, contextValue: { principal: caller(role) } });

  it('refuses a type\'s fields outside its roles, naming the field; a field rule overrides the type\'s', () => {
    const built = schema();
    applyTypeAccess(built, { Server: Roles.dashboard, 'Server.id': [...Roles.dashboard, 'ingest'], Extra: anyCaller });
    expect(run(built, 'ioc-viewer').data).toEqual({ server: { id: 's1', hostname: 'vm-042' } });
    const ingest = run(built, 'ingest');
    expect(ingest.data).toEqual({ server: { id: 's1', hostname: null } });
    expect(ingest.errors?.map((error) => error.message)).toEqual(['forbidden: Server.hostname needs role ioc-viewer or soc-analyst or admin (caller is ingest)']);
    expect(run(built, 'agency-client').errors).toHaveLength(2);
  });

  it('refuses to build with a type left out or a rule for something the schema lacks', () => {
    expect(() => applyTypeAccess(schema(), { Server: anyCaller })).toThrow(/no rule for Extra\.x/);
    expect(() => applyTypeAccess(schema(), { Server: anyCaller, Extra: anyCaller, 'Server.ip': anyCaller })).toThrow(/rules for what the schema lacks: Server\.ip/);
  });
});
