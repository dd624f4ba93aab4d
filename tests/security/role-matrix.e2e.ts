import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildSubgraphSchemaOf, Roles, roles, type Role } from '@ioc/kit';
import { subgraphs } from '@ioc/infra/subgraphs';
import { startStack, type Stack } from '../support/stack';
import { gatewayHeaders, post, snapshot, sql } from './support';

/**
 * The role × capability matrix of docs/security.md, checked field by field on every subgraph:
 * each root query and mutation is refused (FORBIDDEN naming it) exactly for the roles outside its
 * group, and reaches its resolver for the others. A new root field fails this test until it is
 * placed in the matrix, so nothing becomes readable by accident.
 */

type Group = keyof typeof Roles | 'anyCaller';

const matrix: Record<string, Record<string, Group>> = {
  egov: {
    'Query.administrativeProcedure': 'anyCaller',
    'Query.administrativeProcedures': 'anyCaller',
    'Query.administrativeUnit': 'anyCaller',
    'Query.administrativeUnits': 'anyCaller',
    'Query.agencies': 'anyCaller',
    'Query.agency': 'anyCaller',
    'Query.onlineService': 'anyCaller',
    'Query.onlineServices': 'anyCaller',
    'Query.informationSystem': 'agencyScoped',
    'Query.informationSystems': 'agencyScoped',
    'Query.dossier': 'agencyScoped',
    'Query.dossiers': 'agencyScoped',
    'Query.dossierStatistics': 'agencyScoped',
    'Query.feedback': 'agencyScoped',
    'Query.feedbackItem': 'agencyScoped',
    'Query.province': 'dashboard',
    'Query.planBudget': 'dashboard',
    'Query.planProjects': 'dashboard',
    'Query.planTasks': 'dashboard',
    'Query.egovAuditLog': 'admin',
    'Mutation.receiveDossier': 'ingest',
    'Mutation.resolveDossier': 'ingest',
    'Mutation.receiveFeedback': 'ingest',
    'Mutation.receiveDossiers': 'ingest',
    'Mutation.resolveDossiers': 'ingest',
    'Mutation.receiveFeedbacks': 'ingest',
  },
  infrastructure: {
    'Query.btsStation': 'dashboard',
    'Query.btsStations': 'dashboard',
    'Query.certificates': 'dashboard',
    'Query.internetDomains': 'dashboard',
    'Query.networkConnections': 'dashboard',
    'Query.postalPoints': 'dashboard',
    'Query.securedLans': 'dashboard',
    'Query.server': 'dashboard',
    'Query.servers': 'dashboard',
    'Query.serversAddedByIngest': 'ingest',
    'Query.telecomOperator': 'dashboard',
    'Query.telecomOperators': 'dashboard',
    'Query.infrastructureAuditLog': 'admin',
    'Mutation.setBtsStatus': 'ingest',
    'Mutation.setServerHealth': 'ingest',
    'Mutation.setBtsStatuses': 'ingest',
    'Mutation.setServersHealth': 'ingest',
    'Mutation.addServer': 'ingest',
    'Mutation.retireServer': 'ingest',
  },
  security: {
    'Query.alerts': 'agencyScoped',
    'Query.incidents': 'agencyScoped',
    'Query.securityProfile': 'agencyScoped',
    'Query.securityProfiles': 'agencyScoped',
    'Query.alert': 'socDetail',
    'Query.incident': 'socDetail',
    'Query.alertStats': 'dashboard',
    'Query.securityAuditLog': 'admin',
    'Mutation.raiseAlert': 'alertRaise',
    'Mutation.ingestAlerts': 'ingest',
    'Query.unknownAssets': 'socWrite',
    'Mutation.updateAlert': 'socWrite',
    'Mutation.approveSecurityLevel': 'admin',
    'Query.suppressionRules': 'socWrite',
    'Query.webhookDeliveries': 'socWrite',
    'Query.socReport': 'socWrite',
    'Mutation.muteAlerts': 'socWrite',
    'Mutation.unmuteAlerts': 'socWrite',
    'Mutation.updateAlerts': 'socWrite',
    'Mutation.commentAlert': 'socWrite',
    'Mutation.createIncident': 'socWrite',
    'Mutation.addAlertsToIncident': 'socWrite',
    'Mutation.removeAlertsFromIncident': 'socWrite',
    'Mutation.updateIncident': 'socWrite',
    'Mutation.reportIncident': 'socWrite',
    'Mutation.retryWebhookDelivery': 'socWrite',
    'Mutation.recordProtectionLayer': 'admin',
    'Mutation.recordInspection': 'admin',
  },
  economy: {
    'Query.communityTeam': 'dashboard',
    'Query.communityTeams': 'dashboard',
    'Query.ecommerceProduct': 'dashboard',
    'Query.ecommerceProducts': 'dashboard',
    'Query.einvoiceRegistrations': 'dashboard',
    'Query.enterprise': 'dashboard',
    'Query.enterprises': 'dashboard',
    'Query.measurement': 'dashboard',
    'Query.measurements': 'dashboard',
    'Query.ocopProduct': 'dashboard',
    'Query.ocopProducts': 'dashboard',
    'Query.economyAuditLog': 'admin',
    'Mutation.recordMeasurement': 'ingest',
    'Mutation.registerEnterpriseOnPlatform': 'admin',
    'Mutation.listProductOnPlatform': 'admin',
  },
};

const allowed = (group: Group): readonly Role[] => (group === 'anyCaller' ? roles : Roles[group]);

/** A syntactically valid value for a required argument: enough to get past validation to the resolver. */
function literal(type: GraphQLInputType): string {
  if (isNonNullType(type)) return literal(type.ofType);
  if (isListType(type)) return `[${literal(type.ofType)}]`;
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((field) => isNonNullType(field.type) && field.defaultValue === undefined);
    return `{ ${fields.map((field) => `${field.name}: ${literal(field.type)}`).join(', ')} }`;
  }
  const name = getNamedType(type).name;
  if (name === 'Int') return '1';
  if (name === 'Float') return '1.5';
  if (name === 'Boolean') return 'true';
  if (name === 'ID') return '"1"';
  return '"x"';
}

function operation(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const args = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined).map((arg) => `${arg.name}: ${literal(arg.type)}`);
  const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
  return `${kind} { ${field.name}${args.length ? `(${args.join(', ')})` : ''}${selection} }`;
}

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ adminUrl: inject('postgresAdminUrl') });
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

describe.each(subgraphs.map(({ definition }) => [definition.name, definition] as const))('%s: every root field against every role', (name, definition) => {
  it('has every root query and mutation in the matrix, and only those', async () => {
    const { schema } = await buildSubgraphSchemaOf(definition);
    const fields = [schema.getQueryType(), schema.getMutationType()]
      .filter((type): type is GraphQLObjectType => Boolean(type))
      .flatMap((type) => Object.keys(type.getFields()).filter((field) => !field.startsWith('_')).map((field) => `${type.name}.${field}`));
    expect(fields.sort()).toEqual(Object.keys(matrix[name]!).sort());
  });

  it('declares an @Authorized rule on every root query, mutation and subscription (at least "an authenticated caller")', () => {
    const storage = getMetadataStorage();
    const resolvers: readonly unknown[] = definition.schema.resolvers;
    const guarded = (target: unknown, method: string) =>
      storage.authorizedFields.some((field) => field.target === target && field.fieldName === method) ||
      storage.authorizedResolver.some((resolver) => resolver.target === target);
    const unguarded = [...storage.queries, ...storage.mutations, ...storage.subscriptions]
      .filter((handler) => resolvers.includes(handler.target) && !guarded(handler.target, handler.methodName))
      .map((handler) => handler.schemaName);
    expect(unguarded).toEqual([]);
  });

  it('refuses exactly the roles outside each field\'s group, naming the field; writes nothing', async () => {
    const { schema } = await buildSubgraphSchemaOf(definition);
    const url = stack.subgraphs.get(name)!.url;
    const before = await snapshot(stack.database.url);
    const problems: string[] = [];
    for (const [key, group] of Object.entries(matrix[name]!)) {
      const [typeName, fieldName] = key.split('.') as ['Query' | 'Mutation', string];
      const type = typeName === 'Query' ? schema.getQueryType()! : schema.getMutationType()!;
      const document = operation(typeName === 'Query' ? 'query' : 'mutation', type.getFields()[fieldName]!);
      for (const role of roles) {
        const headers = await gatewayHeaders(stack.secrets.gatewayTokenSecret, { role, agencyId: role === 'agency-client' ? 'STTTT' : undefined });
        const result = await post(url, { query: document }, headers);
        // A role refusal, not a row refusal (an agency client asking for a record of another agency is refused too, for that reason).
        const refusal = result.body.errors?.find((error) => error.message.startsWith(`forbidden: ${key} needs role `));
        const expected = allowed(group).includes(role);
        if (expected && refusal) problems.push(`${role} refused ${key}: ${refusal.message}`);
        if (!expected) {
          if (!refusal) problems.push(`${role} not refused ${key}: ${JSON.stringify(result.body).slice(0, 200)}`);
          else if (refusal.extensions?.code !== 'FORBIDDEN' || !refusal.message.endsWith(`(caller is ${role})`)) problems.push(`${key} for ${role}: ${refusal.message}`);
        }
        if (result.status !== 200) problems.push(`${key} for ${role}: HTTP ${result.status}`);
        if (result.body.errors?.some((error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR')) problems.push(`${key} for ${role}: ${JSON.stringify(result.body.errors)}`);
      }
    }
    expect(problems).toEqual([]);
    expect(await snapshot(stack.database.url)).toEqual(before);
  });
});

/**
 * The same matrix for types reached by nested paths: each case reads one field of a real record
 * through `_entities` (the path another subgraph's field takes) as every role. An agency client
 * asks as the record's own agency, so only the role rule can refuse it.
 */
const typeMatrix: Array<{ subgraph: string; type: string; key: string; id: string; field: string; group: Group | readonly Role[]; agency?: string }> = [
  { subgraph: 'infrastructure', type: 'Server', key: 'id', id: "SELECT id FROM infrastructure.server ORDER BY id LIMIT 1", field: 'hostname', group: 'dashboard' },
  { subgraph: 'infrastructure', type: 'Server', key: 'id', id: "SELECT id FROM infrastructure.server ORDER BY id LIMIT 1", field: 'ipv4', group: 'dashboard' },
  { subgraph: 'infrastructure', type: 'Server', key: 'id', id: "SELECT id FROM infrastructure.server ORDER BY id LIMIT 1", field: 'id', group: [...Roles.dashboard, 'ingest'] },
  { subgraph: 'infrastructure', type: 'BtsStation', key: 'id', id: 'SELECT id FROM infrastructure.bts_station ORDER BY id LIMIT 1', field: 'name', group: 'dashboard' },
  { subgraph: 'infrastructure', type: 'TelecomOperator', key: 'id', id: 'SELECT id FROM infrastructure.telecom_operator ORDER BY id LIMIT 1', field: 'name', group: 'dashboard' },
  { subgraph: 'infrastructure', type: 'InformationSystem', key: 'id', id: 'SELECT system_id FROM security.security_profile ORDER BY 1 LIMIT 1', field: 'hosting { ipv6Status }', group: 'dashboard' },
  { subgraph: 'security', type: 'Server', key: 'id', id: 'SELECT server_id FROM security.alert WHERE server_id IS NOT NULL ORDER BY 1 LIMIT 1', field: 'openAlertCount', group: 'dashboard' },
  { subgraph: 'security', type: 'Server', key: 'id', id: 'SELECT server_id FROM security.alert WHERE server_id IS NOT NULL ORDER BY 1 LIMIT 1', field: 'alerts { id }', group: ['soc-analyst', 'admin'] },
  { subgraph: 'security', type: 'Alert', key: 'id', id: 'SELECT id FROM security.alert ORDER BY sequence LIMIT 1', agency: 'SELECT agency_id FROM security.alert ORDER BY sequence LIMIT 1', field: 'title', group: 'socDetail' },
  { subgraph: 'security', type: 'Alert', key: 'id', id: 'SELECT id FROM security.alert ORDER BY sequence LIMIT 1', agency: 'SELECT agency_id FROM security.alert ORDER BY sequence LIMIT 1', field: 'id', group: [...Roles.socDetail, 'ingest'] },
  { subgraph: 'security', type: 'Incident', key: 'id', id: 'SELECT id FROM security.incident ORDER BY id LIMIT 1', agency: 'SELECT agency_id FROM security.incident ORDER BY id LIMIT 1', field: 'title', group: 'socDetail' },
  { subgraph: 'security', type: 'InformationSystem', key: 'id', id: 'SELECT system_id FROM security.security_profile ORDER BY 1 LIMIT 1', agency: 'SELECT owner_agency_id FROM security.security_profile ORDER BY system_id LIMIT 1', field: 'openAlertCount', group: 'agencyScoped' },
  { subgraph: 'egov', type: 'InformationSystem', key: 'id', id: 'SELECT id FROM egov.information_system ORDER BY id LIMIT 1', agency: 'SELECT owner_agency_id FROM egov.information_system ORDER BY id LIMIT 1', field: 'nameVi', group: 'agencyScoped' },
  { subgraph: 'egov', type: 'Agency', key: 'id', id: 'SELECT id FROM egov.agency ORDER BY id LIMIT 1', field: 'nameVi', group: 'anyCaller' },
  { subgraph: 'economy', type: 'Enterprise', key: 'taxCode', id: 'SELECT tax_code FROM economy.enterprise ORDER BY 1 LIMIT 1', field: 'name', group: 'dashboard' },
];

describe('every type against every role', () => {
  it('each subgraph places every object type in its type rules (the build refuses a type without one)', async () => {
    for (const { definition } of subgraphs) {
      expect(definition.schema.typeAccess, definition.name).toBeDefined();
      await expect(buildSubgraphSchemaOf(definition)).resolves.toBeDefined();
    }
  });

  it.each(typeMatrix.map((entry) => [`${entry.subgraph} ${entry.type}.${entry.field.split(' ')[0]}`, entry] as const))('%s is refused exactly outside its group', async (_name, entry) => {
    const first = async (text: string) => Object.values((await sql(stack.database.url, text))[0] ?? {})[0] as string;
    const id = await first(entry.id);
    const agencyId = entry.agency ? await first(entry.agency) : 'STTTT';
    expect(id).toBeTruthy();
    const fieldName = entry.field.split(' ')[0]!;
    const query = `{ _entities(representations: [{ __typename: "${entry.type}", ${entry.key}: ${JSON.stringify(id)} }]) { ... on ${entry.type} { ${entry.field} } } }`;
    const group = typeof entry.group === 'string' ? allowed(entry.group) : entry.group;
    const problems: string[] = [];
    for (const role of roles) {
      const headers = await gatewayHeaders(stack.secrets.gatewayTokenSecret, { role, agencyId: role === 'agency-client' ? agencyId : undefined });
      const result = await post(stack.subgraphs.get(entry.subgraph)!.url, { query }, headers);
      const refusal = result.body.errors?.find((error) => error.message.startsWith(`forbidden: ${entry.type}.${fieldName} needs role `));
      if (group.includes(role)) {
        if (result.body.errors) problems.push(`${role}: ${JSON.stringify(result.body.errors).slice(0, 200)}`);
        else if (result.body.data?._entities?.[0]?.[fieldName] === undefined) problems.push(`${role}: no ${fieldName} in ${JSON.stringify(result.body).slice(0, 200)}`);
      } else if (refusal?.extensions?.code !== 'FORBIDDEN' || !refusal.message.endsWith(`(caller is ${role})`)) {
        problems.push(`${role} not refused: ${JSON.stringify(result.body).slice(0, 200)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
