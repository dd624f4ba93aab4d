import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { deployables } from '../src/dockerfiles';
import { databaseCluster, databaseSecret, k8sDir, keysSecret, renderK8sBase } from '../src/k8s';

// Rendered by `kubectl kustomize` (Debian's kubernetes-client; .ci/run installs it), then every
// object checked against the Kubernetes schemas that kubernetes-models bundles, and the
// CloudNativePG objects against the schemas in infra/k8s/schemas. No cluster is needed.

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec?: any;
}

function render(overlay: string): K8sObject[] {
  const run = spawnSync('kubectl', ['kustomize', join(k8sDir, overlay)], { encoding: 'utf8' });
  if (run.error) throw new Error(`kubectl is needed to render the manifests (apt-get install kubernetes-client; bash .ci/run does): ${run.error.message}`);
  if (run.status !== 0) throw new Error(`kubectl kustomize ${overlay} failed:\n${run.stderr}`);
  return parseAllDocuments(run.stdout).map((document) => document.toJS() as K8sObject);
}

const ajv = new Ajv({ allErrors: true, strict: true });
const crdSchemas: Record<string, ReturnType<Ajv['compile']>> = {
  'postgresql.cnpg.io/v1/Cluster': ajv.compile(JSON.parse(readFileSync(join(k8sDir, 'schemas', 'postgresql.cnpg.io_v1_cluster.json'), 'utf8'))),
  'postgresql.cnpg.io/v1/ScheduledBackup': ajv.compile(JSON.parse(readFileSync(join(k8sDir, 'schemas', 'postgresql.cnpg.io_v1_scheduledbackup.json'), 'utf8'))),
};

/** The object's schema problems, or [] when it is valid; an unknown kind is a problem too. */
async function problemsOf(object: K8sObject): Promise<string[]> {
  const crd = crdSchemas[`${object.apiVersion}/${object.kind}`];
  if (crd) return crd(object) ? [] : (crd.errors ?? []).map((error) => `${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`);
  const models = (await import(`kubernetes-models/${object.apiVersion}`).catch(() => ({}))) as Record<string, new (data: unknown) => { validate(): void }>;
  const Model = models[object.kind];
  if (!Model) return [`no schema for ${object.apiVersion} ${object.kind}`];
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    return [(error as Error).message];
  }
}

const overlays = ['overlays/production', 'overlays/staging', 'overlays/production/migrations'];
const rendered = new Map(overlays.map((overlay) => [overlay, render(overlay)]));
const production = rendered.get('overlays/production')!;
const find = (objects: K8sObject[], kind: string, name: string) => objects.find((object) => object.kind === kind && object.metadata.name === name);
const subgraphs = deployables.filter((deployable) => deployable.name !== 'gateway');

describe('the Kubernetes manifests', () => {
  it('are the generated base, as npm run manifests writes it', () => {
    for (const [path, content] of renderK8sBase()) expect(readFileSync(join(k8sDir, path), 'utf8'), `${path}: run npm run manifests`).toBe(content);
  });

  it.each(overlays)('%s: every object is valid against its schema', async (overlay) => {
    const objects = rendered.get(overlay)!;
    expect(objects.length).toBeGreaterThan(0);
    for (const object of objects) expect(await problemsOf(object), `${object.kind} ${object.metadata.name}`).toEqual([]);
  });

  it('the schema check refuses a wrong type, a missing field and a misspelt CloudNativePG key', async () => {
    const deployment = structuredClone(find(production, 'Deployment', 'egov')!);
    deployment.spec.replicas = 'two';
    expect((await problemsOf(deployment)).join()).toMatch(/replicas must be integer/);
    const service = structuredClone(find(production, 'Service', 'egov')!);
    delete service.spec.ports[0].port;
    expect((await problemsOf(service)).join()).toMatch(/ports\/0 must have required property port/);
    const cluster = structuredClone(find(production, 'Cluster', databaseCluster)!);
    cluster.spec.instanses = 3;
    expect((await problemsOf(cluster)).join()).toMatch(/must NOT have additional properties.*instanses/);
  });

  it('production runs every deployable in its namespace with 2+ replicas, probes, resources and a disruption budget', () => {
    for (const deployable of deployables) {
      const deployment = find(production, 'Deployment', deployable.name);
      expect(deployment?.metadata.namespace).toBe('ioc-graph');
      expect(deployment!.spec.replicas).toBeGreaterThanOrEqual(2);
      const [container] = deployment!.spec.template.spec.containers;
      expect(container.image).toMatch(new RegExp(`/ioc-graph/${deployable.name}:0\\.1\\.0$`));
      expect(container.readinessProbe.httpGet.path).toBe('/readyz');
      expect(container.livenessProbe.httpGet.path).toBe('/healthz');
      expect(Object.keys(container.resources.requests)).toEqual(['cpu', 'memory']);
      expect(Object.keys(container.resources.limits)).toEqual(['cpu', 'memory']);
      expect(container.securityContext).toMatchObject({ runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
      expect(find(production, 'PodDisruptionBudget', deployable.name)?.spec.minAvailable).toBe(1);
      expect(find(production, 'Service', deployable.name)?.spec.ports[0].port).toBe(deployable.port);
    }
    expect(find(production, 'HorizontalPodAutoscaler', 'gateway')?.spec).toMatchObject({ minReplicas: 2, scaleTargetRef: { kind: 'Deployment', name: 'gateway' } });
  });

  it('lets only the gateway reach the subgraphs', () => {
    const policies = production.filter((object) => object.kind === 'NetworkPolicy');
    const subgraphPolicies = policies.filter((policy) => policy.spec.podSelector.matchLabels?.['app.kubernetes.io/component'] === 'subgraph');
    expect(subgraphPolicies).toHaveLength(1);
    const [rule, ...others] = subgraphPolicies[0]!.spec.ingress;
    expect(others).toEqual([]);
    expect(rule.from).toEqual([{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'gateway' } } }]);
    expect(rule.ports.map((port: { port: number }) => port.port).sort()).toEqual(subgraphs.map((subgraph) => subgraph.port).sort());
    for (const subgraph of subgraphs) {
      const labels = find(production, 'Deployment', subgraph.name)!.spec.template.metadata.labels;
      expect(labels['app.kubernetes.io/component'], subgraph.name).toBe('subgraph');
    }
  });

  it('reads keys from Secrets that exist: ours, and the one CloudNativePG writes for its cluster', () => {
    const secretNames = new Set<string>();
    const migrations = rendered.get('overlays/production/migrations')!;
    for (const object of [...production, ...migrations]) {
      const containers = object.spec?.template?.spec?.containers ?? [];
      for (const container of containers) for (const variable of container.env ?? []) if (variable.valueFrom) secretNames.add(variable.valueFrom.secretKeyRef.name);
    }
    expect([...secretNames].sort()).toEqual([databaseSecret, keysSecret].sort());
    expect(find(production, 'Secret', keysSecret)).toBeDefined();
    expect(databaseSecret).toBe(`${find(production, 'Cluster', databaseCluster)!.metadata.name}-app`);
  });

  it('runs PostgreSQL as a CloudNativePG cluster with a replica and nightly backups', () => {
    const cluster = find(production, 'Cluster', databaseCluster)!;
    expect(cluster.spec.instances).toBeGreaterThanOrEqual(2);
    expect(cluster.spec.backup.barmanObjectStore.destinationPath).toMatch(/^s3:\/\//);
    const backup = production.find((object) => object.kind === 'ScheduledBackup');
    expect(backup?.spec.cluster.name).toBe(databaseCluster);
  });

  it('migrates every subgraph in a Job of its own, with the same images as production', () => {
    const [job, ...others] = rendered.get('overlays/production/migrations')!;
    expect(others).toEqual([]);
    expect(job).toMatchObject({ kind: 'Job', metadata: { namespace: 'ioc-graph' } });
    const containers = job!.spec.template.spec.containers as Array<{ name: string; image: string; args: string[] }>;
    expect(containers.map((container) => container.name).sort()).toEqual(subgraphs.map((subgraph) => subgraph.name).sort());
    for (const container of containers) {
      expect(container.image).toBe(find(production, 'Deployment', container.name)!.spec.template.spec.containers[0].image);
      expect(container.args.at(-1)).toBe('migrate');
    }
  });
});
