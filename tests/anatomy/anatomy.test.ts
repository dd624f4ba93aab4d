import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { anatomyProblems, placementProblem, srcFolders, srcRootFiles } from './anatomy';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const servicesDir = join(repoRoot, 'services');
const services = readdirSync(servicesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const document = readFileSync(join(repoRoot, 'docs/subgraph-anatomy.md'), 'utf8');

describe('the anatomy of a subgraph (docs/subgraph-anatomy.md)', () => {
  it.each(services)('holds in services/%s', (service) => {
    expect(anatomyProblems(join(servicesDir, service))).toEqual([]);
  });

  it('names in the document every folder and root file the rules allow', () => {
    for (const folder of Object.keys(srcFolders)) expect(document, folder).toContain(`| \`${folder}/\` |`);
    for (const file of srcRootFiles) expect(document, file).toContain(`\`${file}\``);
  });

  it('refuses folders and suffixes the document does not name', () => {
    expect(placementProblem('src/helpers/dates.ts')).toMatch(/not a folder of the anatomy/);
    expect(placementProblem('src/resolvers/validation.ts')).toMatch(/not named as src\/resolvers\//);
    expect(placementProblem('src/types/enums.ts')).toMatch(/not named as src\/types\//);
    expect(placementProblem('src/loaders.ts')).toMatch(/root of src/);
    expect(placementProblem('src/resolvers/alerts/alert.resolver.ts')).toMatch(/no subfolders/);
    expect(placementProblem('src/migrations/176-security.ts')).toBeDefined();
    expect(placementProblem('tests/helpers.ts')).toBeDefined();
    expect(placementProblem('scripts/load.ts')).toMatch(/not a folder of a service/);
    expect(placementProblem('src/stubs/agency.stub.ts')).toBeUndefined();
    expect(placementProblem('src/migrations/1764200000000-security.ts')).toBeUndefined();
    expect(placementProblem('tests/fixtures/wazuh/alerts.ndjson')).toBeUndefined();
  });
});
