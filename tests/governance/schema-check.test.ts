import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatReport } from '@ioc/infra/schema-check';
import { repoRoot } from '@ioc/infra/schemas';
import { checkWith, retyped, untagged, withField, withoutField } from './support';

const run = promisify(execFile);
const breaking = (report: Awaited<ReturnType<typeof checkWith>>) => report.changes.filter((change) => change.level === 'breaking');

describe('npm run schema:check', () => {
  it('passes on the working tree: code, committed supergraph, contracts and every known operation agree', async () => {
    // On failure the report itself is the assertion's diff: it says what to fix.
    const { stdout } = await run('npx', ['tsx', 'infra/src/schema/check-cli.ts'], { cwd: repoRoot, timeout: 120_000 }).catch((error: { stdout: string }) => error);
    expect(stdout).toMatch(/schema:check passed\.$/m);
  }, 150_000);

  it('exits 1 naming the field when a copy of a subgraph SDL removes one', async () => {
    const copy = join(mkdtempSync(join(tmpdir(), 'schema-check-')), 'security.graphql');
    writeFileSync(copy, withoutField('Alert', 'fingerprint')(readFileSync(join(repoRoot, 'services/security/schema.graphql'), 'utf8')));
    const failed = await run('npx', ['tsx', 'infra/src/schema/check-cli.ts', '--sdl', `security=${copy}`], { cwd: repoRoot, timeout: 120_000 }).catch((error: { code: number; stdout: string }) => error);
    expect('code' in failed && failed.code).toBe(1);
    expect(failed.stdout).toMatch(/✗ breaking Alert\.fingerprint \[security\]: Field 'fingerprint' was removed from object type 'Alert'/);
    expect(failed.stdout).toContain('schema:check FAILED');
  }, 150_000);
});

describe('schema check on copies of the SDL', { timeout: 60_000 }, () => {
  it('a removed field is breaking, named with its subgraph, and fails the check', async () => {
    const report = await checkWith('security', withoutField('Alert', 'fingerprint'));
    expect(breaking(report)).toEqual([expect.objectContaining({ schema: 'api', path: 'Alert.fingerprint', type: 'FIELD_REMOVED', subgraphs: ['security'] })]);
    expect(report.failures).toEqual(['1 breaking change not acknowledged in gateway/schema-acknowledgements.json']);
  });

  it('an additive change is safe and passes', async () => {
    const report = await checkWith('security', withField('Alert', 'triageNote'));
    expect(report.changes).toEqual([expect.objectContaining({ level: 'safe', path: 'Alert.triageNote', type: 'FIELD_ADDED' })]);
    expect(report.failures).toEqual([]);
    expect(formatReport(report)).toContain('schema:check passed.');
  });

  it('an acknowledged breaking change passes, with its reason; one without a reason does not', async () => {
    const reason = 'no client reads fingerprint: it was internal to deduplication';
    const acknowledged = await checkWith('security', withoutField('Alert', 'fingerprint'), [{ path: 'Alert.fingerprint', reason }]);
    expect(acknowledged.failures).toEqual([]);
    expect(breaking(acknowledged)[0]?.acknowledged).toBe(reason);

    const unexplained = await checkWith('security', withoutField('Alert', 'fingerprint'), [{ path: 'Alert.fingerprint', reason: ' ' }]);
    expect(unexplained.badAcknowledgements).toEqual(['api:Alert.fingerprint: "reason" is missing; say why clients can live with this change']);
    expect(unexplained.failures).toContain('an acknowledgement gives no reason');
  });

  it('names each persisted, console and contract-file operation a change breaks', async () => {
    const report = await checkWith('security', withoutField('Alert', 'occurrences'));
    const broken = report.brokenOperations.filter((entry) => entry.schema === 'api');
    const bySource = (pattern: RegExp) => broken.filter((entry) => pattern.test(entry.source)).map((entry) => entry.operation);
    expect(bySource(/^gateway\/persisted-operations\.json$/)).toEqual(expect.arrayContaining(['MyOpenAlerts', 'MyAlert']));
    expect(bySource(/^web\/src\//)).toContain('AlertQueue_Alerts');
    expect(broken.every((entry) => entry.newlyBroken && entry.errors.some((error) => error.includes('Cannot query field "occurrences" on type "Alert"')))).toBe(true);
    expect(report.failures.join('\n')).toMatch(/known operations? would fail: .*MyOpenAlerts/);

    const figures = await checkWith('infrastructure', withoutField('TelecomOperator', 'services'));
    expect(figures.brokenOperations.map((entry) => `${entry.source} ${entry.operation}`)).toContain('tests/contract/figures.json#telecom.operators TelecomOperators');
  });

  it('composition errors name the subgraph and the type', async () => {
    const clash = await checkWith('security', retyped('InformationSystem', 'id', 'Int!'));
    expect(clash.composition.supergraphSdl).toBeUndefined();
    expect(clash.composition.errors).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'FIELD_TYPE_MISMATCH', coordinate: 'InformationSystem.id', subgraphs: expect.arrayContaining(['security']) })]));
    expect(formatReport(clash)).toMatch(/✗ \[FIELD_TYPE_MISMATCH\] InformationSystem\.id \(subgraphs [a-z, ]*security[a-z, ]*\): .*\n\s+what to do: /);
    expect(clash.failures).toEqual([expect.stringMatching(/^the supergraph does not compose \(\d+ errors?\)$/)]);
  });

  it('checks the agency contract on its own: an untagged field is a contract break naming the persisted operation', async () => {
    const report = await checkWith('security', untagged('Alert', 'cvssScore'));
    expect(report.changes.filter((change) => change.schema === 'api')).toEqual([]);
    expect(breaking(report)).toEqual([expect.objectContaining({ schema: 'agency', path: 'Alert.cvssScore', type: 'FIELD_REMOVED' })]);
    expect(report.brokenOperations.filter((entry) => entry.schema === 'agency').map((entry) => entry.operation)).toEqual(expect.arrayContaining(['MyOpenAlerts', 'MyAlert']));
  });
});
