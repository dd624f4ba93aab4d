import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createLogger } from '@ioc/kit';
import { startTestSubgraph, type TestSubgraph } from '@ioc/kit/testing';
import { egovSubgraph } from '@ioc/egov';
import { securitySubgraph } from '@ioc/security';
import { smallProfileDossiers } from '../src/egov/dossiers.seed';
import { securitySeed } from '../src/security/security.seed';

const logger = createLogger('test', 'silent');

describe('the small seed', () => {
  let security: TestSubgraph;
  let egov: TestSubgraph;
  beforeAll(async () => {
    const seeded = inject('seededDatabases');
    security = await startTestSubgraph(securitySubgraph, { adminUrl: inject('postgresAdminUrl'), prefix: 'seed_security', template: seeded.security });
    egov = await startTestSubgraph(egovSubgraph, { adminUrl: inject('postgresAdminUrl'), prefix: 'seed_egov', template: seeded.egov });
  });
  afterAll(async () => {
    await security?.stop();
    await egov?.stop();
  });

  it('writes the planned number of dossiers', async () => {
    const [row] = await egov.server.db.query<Array<{ n: number }>>('SELECT count(*)::int AS n FROM dossier');
    expect(row!.n).toBe(smallProfileDossiers);
  });

  it('seeds again idempotently, keeping approvals recorded since', async () => {
    const approval = await security.query('mutation { approveSecurityLevel(systemId: "db-union-members", level: 2, approvedOn: "2023-01-05") { approvalStatus } }');
    expect(approval.data.approveSecurityLevel.approvalStatus).toBe('APPROVED');
    await security.server.db.transaction((manager) => securitySeed.run(manager, { profile: 'small', logger }));
    const result = await security.query('{ alertStats(year: 2022) { total vulnerability malware } securityProfiles(approvalStatus: APPROVED) { totalCount } incidents { totalCount } }');
    expect(result.data.alertStats).toEqual({ total: 421, vulnerability: 296, malware: 125 });
    expect(result.data.securityProfiles.totalCount).toBe(22);
    expect(result.data.incidents.totalCount).toBeGreaterThan(5);
  });
});
