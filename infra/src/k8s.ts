import { join } from 'node:path';
import { stringify } from 'yaml';
import { deployables, type Deployable } from './dockerfiles';
import { repoRoot } from './schemas';

// The Kubernetes base and the migration job, generated from the same list of deployables as the
// Dockerfiles so that the four subgraphs cannot drift apart; overlays are written by hand.
// Sizes are from docs/operations.md (measured); overlays change them.

type Manifest = Record<string, unknown>;

export const k8sDir = join(repoRoot, 'infra', 'k8s');
const partOf = 'ioc-graph';
/** Secrets the manifests read: ours (filled by the operator) and the one CloudNativePG makes. */
export const keysSecret = 'ioc-graph-keys';
export const databaseCluster = 'ioc-db';
export const databaseSecret = `${databaseCluster}-app`;
/** Pods with this label may reach PostgreSQL (see the database NetworkPolicy). */
const databaseClientLabel = { 'ioc-graph/database-client': 'true' };

const labelsOf = (deployable: Deployable) => ({
  'app.kubernetes.io/name': deployable.name,
  'app.kubernetes.io/component': deployable.name === 'gateway' ? 'gateway' : 'subgraph',
  'app.kubernetes.io/part-of': partOf,
});
const isGateway = (deployable: Deployable) => deployable.name === 'gateway';
const subgraphs = deployables.filter((deployable) => !isGateway(deployable));
const image = (deployable: Deployable) => `ioc-graph/${deployable.name}:latest`;
const secretValue = (key: string, name = keysSecret) => ({ valueFrom: { secretKeyRef: { name, key } } });

/** What each container runs with: non-root, nothing written but /tmp, no privileges. */
const containerSecurity = {
  runAsNonRoot: true,
  runAsUser: 1000,
  runAsGroup: 1000,
  readOnlyRootFilesystem: true,
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
};

const resources = (deployable: Deployable) =>
  isGateway(deployable)
    ? { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '2', memory: '1Gi' } }
    : { requests: { cpu: '100m', memory: '192Mi' }, limits: { cpu: '1', memory: '512Mi' } };

function environment(deployable: Deployable) {
  const common = [
    { name: 'NODE_ENV', value: 'production' },
    { name: 'PORT', value: String(deployable.port) },
    { name: 'LOG_LEVEL', value: 'info' },
    { name: 'GATEWAY_TOKEN_SECRET', ...secretValue('GATEWAY_TOKEN_SECRET') },
  ];
  if (isGateway(deployable)) {
    return [
      ...common,
      { name: 'AUTH_SECRET', ...secretValue('AUTH_SECRET') },
      { name: 'AUTH_ISSUER', value: partOf },
      ...subgraphs.map((subgraph) => ({ name: `SUBGRAPH_${subgraph.name.toUpperCase()}_URL`, value: `http://${subgraph.name}:${subgraph.port}/graphql` })),
    ];
  }
  return [...common, { name: 'DATABASE_URL', ...secretValue('uri', databaseSecret) }];
}

function deployment(deployable: Deployable): Manifest {
  const labels = labelsOf(deployable);
  const probe = (path: string, periodSeconds: number, failureThreshold: number) => ({ httpGet: { path, port: 'http' }, periodSeconds, timeoutSeconds: 3, failureThreshold });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: deployable.name, labels },
    spec: {
      replicas: 2,
      revisionHistoryLimit: 5,
      selector: { matchLabels: { 'app.kubernetes.io/name': deployable.name } },
      // A new pod must be ready before an old one goes: no capacity lost during an upgrade.
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: {
        metadata: { labels: { ...labels, ...(isGateway(deployable) ? {} : databaseClientLabel) } },
        spec: {
          automountServiceAccountToken: false,
          securityContext: { runAsNonRoot: true, fsGroup: 1000 },
          // Longer than the server's own drain, so Kubernetes never kills a draining process.
          terminationGracePeriodSeconds: 40,
          topologySpreadConstraints: [
            { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { 'app.kubernetes.io/name': deployable.name } } },
          ],
          containers: [
            {
              name: deployable.name,
              image: image(deployable),
              ports: [{ name: 'http', containerPort: deployable.port, protocol: 'TCP' }],
              env: environment(deployable),
              resources: resources(deployable),
              startupProbe: probe('/readyz', 2, 30),
              readinessProbe: probe('/readyz', 5, 2),
              livenessProbe: probe('/healthz', 10, 3),
              // Endpoints are removed asynchronously: keep serving a few seconds before draining.
              lifecycle: { preStop: { exec: { command: ['sleep', '5'] } } },
              securityContext: containerSecurity,
              volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
            },
          ],
          volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }],
        },
      },
    },
  };
}

const service = (deployable: Deployable): Manifest => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: deployable.name, labels: labelsOf(deployable) },
  spec: { selector: { 'app.kubernetes.io/name': deployable.name }, ports: [{ name: 'http', port: deployable.port, targetPort: 'http', protocol: 'TCP' }] },
});

const disruptionBudget = (deployable: Deployable): Manifest => ({
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name: deployable.name, labels: labelsOf(deployable) },
  spec: { minAvailable: 1, selector: { matchLabels: { 'app.kubernetes.io/name': deployable.name } } },
});

const autoscaler = (deployable: Deployable): Manifest => ({
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name: deployable.name, labels: labelsOf(deployable) },
  spec: {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: deployable.name },
    minReplicas: 2,
    maxReplicas: 8,
    metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
    // Scale down slowly: live subscriptions move to other replicas when a pod goes.
    behavior: { scaleDown: { stabilizationWindowSeconds: 300, policies: [{ type: 'Pods', value: 1, periodSeconds: 120 }] } },
  },
});

/** Only the gateway reaches the subgraphs; only the subgraphs, the migration job and the operator reach PostgreSQL. */
function networkPolicies(): Manifest[] {
  const gateway = deployables.find(isGateway)!;
  return [
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'subgraphs-from-gateway-only' },
      spec: {
        podSelector: { matchLabels: { 'app.kubernetes.io/component': 'subgraph' } },
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'gateway' } } }], ports: subgraphs.map((subgraph) => ({ protocol: 'TCP', port: subgraph.port })) }],
      },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'gateway-from-anywhere' },
      spec: {
        podSelector: { matchLabels: { 'app.kubernetes.io/name': 'gateway' } },
        policyTypes: ['Ingress'],
        ingress: [{ ports: [{ protocol: 'TCP', port: gateway.port }] }],
      },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'database-from-clients-only' },
      spec: {
        podSelector: { matchLabels: { 'cnpg.io/cluster': databaseCluster } },
        policyTypes: ['Ingress'],
        ingress: [
          { from: [{ podSelector: { matchLabels: databaseClientLabel } }, { podSelector: { matchLabels: { 'cnpg.io/cluster': databaseCluster } } }], ports: [{ protocol: 'TCP', port: 5432 }] },
          // The operator's own namespace: status checks and replication management.
          { from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'cnpg-system' } } }], ports: [{ protocol: 'TCP', port: 8000 }, { protocol: 'TCP', port: 5432 }] },
        ],
      },
    },
  ];
}

/**
 * One container per subgraph, each running `<entry> migrate` against its own schema. Apply it,
 * wait for it to complete, then roll the Deployments (docs/operations.md, zero-downtime upgrade).
 */
const migrationJob = (): Manifest => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'ioc-graph-migrate', labels: { 'app.kubernetes.io/name': 'migrate', 'app.kubernetes.io/part-of': partOf } },
  spec: {
    backoffLimit: 2,
    activeDeadlineSeconds: 900,
    ttlSecondsAfterFinished: 86_400,
    template: {
      metadata: { labels: { 'app.kubernetes.io/name': 'migrate', 'app.kubernetes.io/part-of': partOf, ...databaseClientLabel } },
      spec: {
        restartPolicy: 'Never',
        automountServiceAccountToken: false,
        securityContext: { runAsNonRoot: true },
        containers: subgraphs.map((subgraph) => ({
          name: subgraph.name,
          image: image(subgraph),
          args: [`${subgraph.dir}/dist/index.js`, 'migrate'],
          command: ['node'],
          env: [{ name: 'LOG_LEVEL', value: 'info' }, { name: 'DATABASE_URL', ...secretValue('uri', databaseSecret) }],
          resources: { requests: { cpu: '50m', memory: '128Mi' }, limits: { cpu: '500m', memory: '384Mi' } },
          securityContext: containerSecurity,
        })),
      },
    },
  },
});

const header = '# Generated by `npm run manifests` from infra/src/k8s.ts: edit that, not this file.\n';
const documents = (manifests: Manifest[]) => header + manifests.map((manifest) => stringify(manifest, { lineWidth: 0 })).join('---\n');

/** Every generated manifest file, by path relative to infra/k8s. */
export function renderK8sBase(): Map<string, string> {
  const files = new Map<string, string>();
  for (const deployable of deployables) {
    const manifests = [deployment(deployable), service(deployable), disruptionBudget(deployable)];
    if (isGateway(deployable)) manifests.push(autoscaler(deployable));
    files.set(`base/${deployable.name}.yaml`, documents(manifests));
  }
  files.set('base/network-policies.yaml', documents(networkPolicies()));
  files.set('migrations/job.yaml', documents([migrationJob()]));
  return files;
}
