import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validate } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';
import { deployables, dockerfilePath, renderDockerfile } from '../src/dockerfiles';
import { repoRoot } from '../src/schemas';

const problemsOf = (content: string) => validate(content).map((problem) => `line ${problem.range.start.line + 1}: ${problem.message}`);

describe('the Dockerfiles', () => {
  it('exist for every subgraph and the gateway, as npm run manifests writes them', () => {
    expect(deployables.map((deployable) => deployable.name).sort()).toEqual(['economy', 'egov', 'gateway', 'infrastructure', 'security']);
    for (const deployable of deployables) expect(readFileSync(dockerfilePath(deployable), 'utf8'), `${deployable.name}: run npm run manifests`).toBe(renderDockerfile(deployable));
  });

  it('pass the Dockerfile linter (dockerfile-utils, the one behind the Docker language server)', () => {
    for (const deployable of deployables) expect(problemsOf(readFileSync(dockerfilePath(deployable), 'utf8')), deployable.name).toEqual([]);
  });

  it('the linter refuses a broken Dockerfile (so a pass means something)', () => {
    const broken = 'FROM node:20-slim\nEXPOSE http\nHEALTHCHECK --interval=often CMD true\nCMD ["node"\n';
    expect(problemsOf(broken).length).toBeGreaterThanOrEqual(2);
  });

  it('run node on built files, as a non-root user, with production dependencies only and a health check', () => {
    for (const deployable of deployables) {
      const lines = readFileSync(dockerfilePath(deployable), 'utf8').split('\n');
      const runtime = lines.slice(lines.findIndex((line) => line.includes('AS runtime')));
      expect(lines.find((line) => line.startsWith('RUN npm ci --omit=dev'))).toContain(`--workspace=${deployable.workspace}`);
      expect(runtime).toContain('COPY --from=production-deps /app ./');
      expect(runtime).toContain('USER node');
      expect(runtime).toContain('STOPSIGNAL SIGTERM');
      expect(runtime.find((line) => line.startsWith('HEALTHCHECK'))).toMatch(/\/healthz/);
      expect(runtime.find((line) => line.startsWith('ENV'))).toMatch(/NODE_ENV=production NODE_OPTIONS=--conditions=built/);
      expect(runtime.at(-2)).toBe(`CMD ["node", "${deployable.dir}/dist/index.js"]`);
      expect(runtime.join('\n')).not.toMatch(/tsx|\.ts"/);
    }
  });

  it('copy only files that the repository has (the build context)', () => {
    for (const deployable of deployables) {
      for (const file of deployable.runtimeFiles.filter((path) => !path.endsWith('dist'))) expect(existsSync(join(repoRoot, file)), file).toBe(true);
    }
    const ignored = readFileSync(join(repoRoot, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', '**/dist', '.data']));
  });
});
