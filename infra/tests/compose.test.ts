import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { deployables } from '../src/dockerfiles';
import { repoRoot } from '../src/schemas';

const composeDir = join(repoRoot, 'infra', 'compose');
const composePath = join(composeDir, 'compose.yaml');

interface Service {
  build?: { context: string; dockerfile: string };
  image?: string;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  read_only?: boolean;
}

const compose = parse(readFileSync(composePath, 'utf8'), { merge: true }) as { services: Record<string, Service> };
const services = compose.services;

describe('the Compose file', () => {
  it('passes dclint (the Compose linter) without errors', () => {
    const run = spawnSync(join(repoRoot, 'node_modules', '.bin', 'dclint'), ['--quiet', composePath], { cwd: repoRoot, encoding: 'utf8' });
    expect((run.stdout + run.stderr).trim()).toBe('');
    expect(run.status).toBe(0);
  });

  it('runs PostgreSQL and every deployable, each with a health check', () => {
    expect(Object.keys(services).sort()).toEqual(['postgres', ...deployables.map((deployable) => deployable.name)].sort());
    for (const [name, service] of Object.entries(services)) expect(service.healthcheck?.test.length, name).toBeGreaterThan(1);
  });

  it('builds each deployable from its Dockerfile, with a read-only root file system', () => {
    for (const deployable of deployables) {
      const service = services[deployable.name]!;
      expect(service.build?.dockerfile).toBe(`infra/docker/${deployable.name}.Dockerfile`);
      expect(existsSync(join(composeDir, service.build!.context, service.build!.dockerfile))).toBe(true);
      expect(service.read_only, deployable.name).toBe(true);
      expect(service.environment?.PORT).toBe(String(deployable.port));
    }
  });

  it('starts each service after what it needs is healthy, naming only services that exist', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect(services[dependency], `${name} depends on ${dependency}`).toBeDefined();
        expect(condition).toBe('service_healthy');
      }
    }
    for (const deployable of deployables.filter((deployable) => deployable.name !== 'gateway')) {
      expect(services[deployable.name]!.depends_on).toHaveProperty('postgres');
      expect(services.gateway!.depends_on).toHaveProperty(deployable.name);
      expect(services.gateway!.environment?.[`SUBGRAPH_${deployable.name.toUpperCase()}_URL`]).toBe(`http://${deployable.name}:${deployable.port}/graphql`);
    }
  });

  it('takes every secret from the environment, and the example names each one', () => {
    const text = readFileSync(composePath, 'utf8');
    const required = [...new Set([...text.matchAll(/\$\{([A-Z_]+):\?/g)].map((match) => match[1]!))].sort();
    const example = readFileSync(join(composeDir, 'example.env'), 'utf8');
    expect(required).toEqual(['AUTH_SECRET', 'GATEWAY_TOKEN_SECRET', 'POSTGRES_PASSWORD']);
    for (const name of required) expect(example).toMatch(new RegExp(`^${name}=`, 'm'));
  });
});
