import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { deployables, dockerfilePath, renderDockerfile } from './dockerfiles';
import { k8sDir, renderK8sBase } from './k8s';
import { repoRoot } from './schemas';

// `npm run manifests`: the Dockerfiles and the Kubernetes base, from the shared patterns.
const files = new Map<string, string>(deployables.map((deployable) => [dockerfilePath(deployable), renderDockerfile(deployable)]));
for (const [path, content] of renderK8sBase()) files.set(join(k8sDir, path), content);
for (const [path, content] of files) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  console.log(`wrote ${relative(repoRoot, path)}`);
}
