import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstError, startSecurity, type SecurityHarness } from './support';

const profile = /* GraphQL */ `
  query Profile($systemId: String!) {
    securityProfile(systemId: $systemId) {
      level approvalStatus approvalAuthority approvedDate lastInspection nextInspectionDue inspectionOverdue
      protection { complete } layers { layer inPlace evidence evidencedOn recordedBy }
    }
  }
`;
const recordLayer = /* GraphQL */ `
  mutation Layer($systemId: String!, $layer: ProtectionLayerKind!, $inPlace: Boolean!, $evidence: String!, $evidencedOn: String!) {
    recordProtectionLayer(systemId: $systemId, layer: $layer, inPlace: $inPlace, evidence: $evidence, evidencedOn: $evidencedOn) { systemId }
  }
`;
const inspect = /* GraphQL */ `mutation Inspect($systemId: String!, $inspectedOn: String!) { recordInspection(systemId: $systemId, inspectedOn: $inspectedOn) { lastInspection nextInspectionDue } }`;
const approve = /* GraphQL */ `mutation Approve($systemId: String!, $level: Int!, $approvedOn: String) { approveSecurityLevel(systemId: $systemId, level: $level, approvedOn: $approvedOn) { approvalAuthority } }`;
const indicator = (code: string) =>
  `{ _entities(representations: [{ __typename: "Province", code: "84" }]) { ... on Province { security { indicator(code: "${code}") { actual } } } } }`;
const layers = ['ON_SITE_FORCE', 'PROFESSIONAL_MONITORING', 'INDEPENDENT_INSPECTION', 'NCSC_CONNECTED'];

describe('compliance records and the plan\'s security figures', () => {
  let h: SecurityHarness;
  const actual = async (code: string): Promise<number> => (await h.gql(indicator(code))).data._entities[0].security.indicator.actual;

  beforeAll(async () => {
    h = await startSecurity('sec_compliance');
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('records each layer with its evidence and date, and the data-centre four-layer share moves with it', async () => {
    const [row] = await h.server.db.query(
      `SELECT system_id FROM security_profile WHERE in_data_centre AND NOT (on_site_force AND professional_monitoring AND independent_inspection AND ncsc_connected) ORDER BY system_id LIMIT 1`,
    );
    const [counts] = await h.server.db.query(
      `SELECT count(*)::int AS systems, count(*) FILTER (WHERE on_site_force AND professional_monitoring AND independent_inspection AND ncsc_connected)::int AS complete FROM security_profile WHERE in_data_centre`,
    );
    expect(await actual('dataCentreSystemsFourLayerShare')).toBeCloseTo((100 * counts.complete) / counts.systems, 1);
    for (const layer of layers) {
      const result = await h.gql(recordLayer, { systemId: row.system_id, layer, inPlace: true, evidence: `${layer} contract 12/HĐ-STTTT`, evidencedOn: '2023-02-01' }, { role: 'admin', subject: 'sttt.admin' });
      expect(result.errors).toBeUndefined();
    }
    const { securityProfile } = (await h.gql(profile, { systemId: row.system_id })).data;
    expect(securityProfile.protection.complete).toBe(true);
    expect(securityProfile.layers).toEqual(layers.map((layer) => ({ layer, inPlace: true, evidence: `${layer} contract 12/HĐ-STTTT`, evidencedOn: '2023-02-01', recordedBy: 'sttt.admin' })));
    expect(await actual('dataCentreSystemsFourLayerShare')).toBeCloseTo((100 * (counts.complete + 1)) / counts.systems, 1);

    // Withdrawing one layer takes the system out again; the evidence says why.
    await h.gql(recordLayer, { systemId: row.system_id, layer: 'NCSC_CONNECTED', inPlace: false, evidence: 'NCSC link cut, ticket 4411', evidencedOn: '2023-03-01' });
    expect(await actual('dataCentreSystemsFourLayerShare')).toBeCloseTo((100 * counts.complete) / counts.systems, 1);
    expect(await h.server.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE operation = 'recordProtectionLayer' AND $1 = ANY(target_ids)`, [row.system_id])).toEqual([{ n: 5 }]);
  });

  it('gives the approval authority of each level and inspections due: 3 and 4 yearly, 5 every six months', async () => {
    const systems: Array<{ system_id: string }> = await h.server.db.query(`SELECT system_id FROM security_profile ORDER BY system_id LIMIT 3`);
    const cases: Array<[number, string, string]> = [[2, 'OWNER_UNIT', ''], [3, 'OWNER', '2024-01-10'], [5, 'MINISTRY_APPRAISAL', '2023-07-10']];
    for (const [index, [level, authority, due]] of cases.entries()) {
      const systemId = systems[index]!.system_id;
      expect((await h.gql(approve, { systemId, level, approvedOn: '2023-01-05' })).data.approveSecurityLevel.approvalAuthority).toBe(authority);
      const inspected = await h.gql(inspect, { systemId, inspectedOn: '2023-01-10' });
      expect(inspected.data.recordInspection).toEqual({ lastInspection: '2023-01-10', nextInspectionDue: due || null });
    }
  });

  it('moves the inspected share when a graded system is inspected, and refuses impossible inspections', async () => {
    const [row] = await h.server.db.query(`SELECT system_id, approved_date FROM security_profile WHERE approval_status = 'APPROVED' AND last_inspection IS NULL AND level >= 3 ORDER BY system_id LIMIT 1`);
    const before = await actual('gradedSystemsInspectedShare');
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    expect((await h.gql(inspect, { systemId: row.system_id, inspectedOn: today })).errors).toBeUndefined();
    expect(await actual('gradedSystemsInspectedShare')).toBeGreaterThan(before);
    expect(firstError(await h.gql(inspect, { systemId: row.system_id, inspectedOn: '2000-01-01' }))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'inspectedOn' });
    expect(firstError(await h.gql(inspect, { systemId: row.system_id, inspectedOn: '2999-01-01' }))).toMatchObject({ argument: 'inspectedOn' });
    expect(firstError(await h.gql(recordLayer, { systemId: row.system_id, layer: 'ON_SITE_FORCE', inPlace: true, evidence: 'x', evidencedOn: '2023-01-01' }))).toMatchObject({ argument: 'evidence' });
    expect((await h.gql(inspect, { systemId: row.system_id, inspectedOn: today }, { role: 'soc-analyst' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
