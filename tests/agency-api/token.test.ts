import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { devAuthOptions, generateDevSecrets } from '@ioc/gateway/dev-keys';
import { createVerifier } from '@ioc/gateway/verifier';
import { repoRoot } from '@ioc/infra/schemas';

const dataDir = mkdtempSync(join(tmpdir(), 'ioc-token-'));
const secrets = generateDevSecrets();
writeFileSync(join(dataDir, 'dev-secrets.json'), JSON.stringify(secrets));
const verify = createVerifier(devAuthOptions(secrets).verifier);

/** `npm run token -- …args`, as docs/api.md tells an agency developer. */
function token(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'infra', 'src', 'token.ts'), ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'development' },
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout.trim(), stderr: run.stderr.trim() };
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// Each case starts the CLI with tsx: seconds on a loaded machine.
describe('npm run token', { timeout: 120_000 }, () => {
  it('an agency-client token for a known agency, with the lifetime asked for, that the gateway accepts', async () => {
    const made = token('agency-client', 'STP', '--lifetime', '30s');
    expect(made.status, made.stderr).toBe(0);
    const caller = await verify(`Bearer ${made.stdout}`);
    expect(caller).toMatchObject({ role: 'agency-client', agencyId: 'STP' });
    const claims = JSON.parse(Buffer.from(made.stdout.split('.')[1]!, 'base64url').toString()) as { exp: number; iat: number };
    expect(claims.exp - claims.iat).toBe(30);
  });

  it('refuses an unknown agency, naming it and how to list the known ones', () => {
    const refused = token('agency-client', 'NOPE');
    expect(refused.status).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('unknown agency "NOPE": npm run token -- --agencies lists the 150 agency ids');
  });

  it('lists the known agencies, provincial departments and People\'s Committees', () => {
    const listed = token('--agencies');
    expect(listed.status).toBe(0);
    const ids = listed.stdout.split('\n').map((line) => line.split('\t')[0]);
    expect(ids).toHaveLength(150);
    expect(ids).toEqual(expect.arrayContaining(['STP', 'STTTT', 'ubnd-842']));
  });

  it('refuses a lifetime the gateway would refuse, and one it cannot read', () => {
    expect(token('ioc-viewer', '--lifetime', '2d').stderr).toContain('refuses tokens living longer than 86400 s');
    expect(token('ioc-viewer', '--lifetime', 'soon').stderr).toContain('expected a number and a unit');
    expect(token('ioc-viewer', 'STP').stderr).toContain('only agency-client tokens carry an agency');
  });
});
