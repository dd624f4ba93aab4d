import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSecurity, type SecurityHarness } from './support';

const entities = /* GraphQL */ `
  query Entities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Alert { id kind severity system { id } }
      ... on Incident { id severity alertCount }
      ... on InformationSystem { id securityProfile { level approvalStatus } openAlertCount }
      ... on Server { id openAlertCount alerts(first: 3) { id } }
      ... on Agency { id securityCompliance { systemsOwned systemsGraded openAlerts } systemsOwned { id } }
    }
  }
`;

/** SQL statements that read or write data (TypeORM's transaction bookkeeping excluded). */
const dataQueries = (queries: string[]) => queries.filter((sql) => /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)/i.test(sql));

describe('federation: entities and extensions', () => {
  let h: SecurityHarness;
  beforeAll(async () => {
    h = await startSecurity('sec_federation');
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('resolves many Alert representations with one SQL query, in order, null for unknown ids', async () => {
    const ids = ['alert-5', 'alert-1', 'alert-999999', ...Array.from({ length: 40 }, (_, i) => `alert-${i + 100}`)];
    h.resetQueries();
    const result = await h.gql(entities, { representations: ids.map((id) => ({ __typename: 'Alert', id })) });
    expect(result.errors).toBeUndefined();
    expect(result.data._entities.map((entity: any) => entity?.id ?? null)).toEqual(ids.map((id) => (id === 'alert-999999' ? null : id)));
    expect(dataQueries(h.queries)).toHaveLength(1);
  });

  it('resolves Incident representations with one query for the rows and one per requested field across all of them', async () => {
    const { nodes } = (await h.gql('{ incidents(first: 10) { nodes { id } } }')).data.incidents;
    h.resetQueries();
    const result = await h.gql(entities, { representations: nodes.map((node: any) => ({ __typename: 'Incident', id: node.id })) });
    expect(result.errors).toBeUndefined();
    expect(result.data._entities).toHaveLength(nodes.length);
    expect(result.data._entities.every((entity: any) => entity.alertCount >= 1)).toBe(true);
    // incident rows + alert counts, whatever the number of incidents.
    expect(dataQueries(h.queries)).toHaveLength(2);
  });

  it('extends 47 InformationSystems with their profile and open-alert count in one query per field', async () => {
    const { nodes } = (await h.gql('{ securityProfiles(first: 100) { nodes { systemId } } }')).data.securityProfiles;
    expect(nodes).toHaveLength(47);
    h.resetQueries();
    const result = await h.gql(entities, { representations: nodes.map((node: any) => ({ __typename: 'InformationSystem', id: node.systemId })) });
    expect(result.errors).toBeUndefined();
    expect(result.data._entities.filter((entity: any) => entity.securityProfile.approvalStatus === 'APPROVED')).toHaveLength(21);
    expect(dataQueries(h.queries)).toHaveLength(2);
  });

  it('extends Servers with their alerts (one windowed query for all servers) and open counts', async () => {
    const servers = Array.from({ length: 46 }, (_, i) => `vm-${String(i + 1).padStart(3, '0')}`);
    h.resetQueries();
    const result = await h.gql(entities, { representations: [...servers, 'host-01'].map((id) => ({ __typename: 'Server', id })) });
    expect(result.errors).toBeUndefined();
    const byId = new Map(result.data._entities.map((entity: any) => [entity.id, entity]));
    expect((byId.get('host-01') as any).alerts).toEqual([]);
    const withAlerts = result.data._entities.filter((entity: any) => entity.alerts.length > 0);
    expect(withAlerts.length).toBeGreaterThan(20);
    expect(result.data._entities.every((entity: any) => entity.alerts.length <= 3)).toBe(true);
    expect(dataQueries(h.queries)).toHaveLength(2);
    const onServer = await h.gql('query($id: String!) { alerts(serverId: $id, first: 500) { totalCount nodes { id } } }', { id: 'vm-001' });
    const viaEntity = await h.gql('query($r: [_Any!]!) { _entities(representations: $r) { ... on Server { alerts(first: 100) { id } } } }', { r: [{ __typename: 'Server', id: 'vm-001' }] });
    expect(viaEntity.data._entities[0].alerts.map((alert: any) => alert.id).sort()).toEqual(onServer.data.alerts.nodes.map((node: any) => node.id).sort());
  });

  it('extends Agencies with the systems they own and their compliance', async () => {
    h.resetQueries();
    const result = await h.gql(entities, { representations: ['STTTT', 'VPUBND', 'ubnd-842'].map((id) => ({ __typename: 'Agency', id })) });
    expect(result.errors).toBeUndefined();
    const [sttt, vpubnd, commune] = result.data._entities;
    expect(sttt.securityCompliance.systemsOwned).toBe(16);
    expect(sttt.systemsOwned).toHaveLength(16);
    expect(vpubnd.securityCompliance.systemsOwned).toBe(4);
    expect(commune.securityCompliance).toEqual({ systemsOwned: 0, systemsGraded: 0, openAlerts: 0 });
    expect(sttt.securityCompliance.openAlerts).toBeGreaterThan(0);
    // profiles by owner (shared by both fields) + open alerts by agency.
    expect(dataQueries(h.queries)).toHaveLength(2);
  });

  it('gives the Province its security summary from the rows', async () => {
    const result = await h.gql(`{ _entities(representations: [{ __typename: "Province", code: "84" }]) { ... on Province {
      security {
        systemsTotal systemsGraded systemsPendingApproval systemsNotSubmitted systemsByLevel { level systems }
        openAlerts alerts(year: 2022) { total vulnerability malware }
        indicators { code baseline target comparator actual status }
      } } } }`);
    expect(result.errors).toBeUndefined();
    const security = result.data._entities[0].security;
    expect(security).toMatchObject({ systemsTotal: 47, systemsGraded: 21, alerts: { total: 421, vulnerability: 296, malware: 125 } });
    expect(security.systemsPendingApproval + security.systemsNotSubmitted).toBe(26);
    expect(security.systemsByLevel.reduce((sum: number, row: any) => sum + row.systems, 0)).toBe(21);
    const open = await h.gql('{ alerts(open: true) { totalCount } }');
    expect(security.openAlerts).toBe(open.data.alerts.totalCount);
    const graded = security.indicators.find((indicator: any) => indicator.code === 'systemsGradedShare');
    expect(graded).toEqual({ code: 'systemsGradedShare', baseline: 44.68, target: 80, comparator: 'GT', actual: 44.68, status: 'OFF_TRACK' });
    expect(security.indicators.map((indicator: any) => indicator.code).sort()).toEqual([
      'computersAntiMalwareNcscShare', 'dataCentreSystemsFourLayerShare', 'gradedSystemsInspectedShare', 'systemsGradedShare',
    ]);
  });
});
