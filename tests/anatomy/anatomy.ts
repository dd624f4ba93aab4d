import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * docs/subgraph-anatomy.md as rules: which files may sit where in a service, and what their
 * contents may not do. `anatomyProblems` names every file that breaks one.
 */
const kebab = '[a-z0-9]+(?:-[a-z0-9]+)*';
const suffixed = (suffix: string) => new RegExp(`^${kebab}\\.${suffix}\\.ts$`);

/** Files allowed at a service's root. */
export const serviceRootFiles = new Set(['package.json', 'tsconfig.json', 'tsconfig.build.json', '.env.example', 'schema.graphql']);

/** Files allowed directly in `src/`. */
export const srcRootFiles = new Set(['subgraph.ts', 'index.ts', 'env.ts']);

/** Each folder of `src/` and the file names it takes (no subfolders). */
export const srcFolders: Record<string, RegExp> = {
  entities: suffixed('entity'),
  types: suffixed('type'),
  stubs: suffixed('stub'),
  enums: suffixed('enum'),
  args: suffixed('args'),
  inputs: suffixed('input'),
  resolvers: suffixed('resolver'),
  references: suffixed('reference'),
  loaders: suffixed('loader'),
  stores: suffixed('store'),
  sql: suffixed('sql'),
  validation: suffixed('validation'),
  domain: new RegExp(`^${kebab}\\.ts$`),
  indicators: new RegExp(`^${kebab}(?:\\.indicators)?\\.ts$`),
  auth: /^type-access\.ts$/,
  migrations: new RegExp(`^\\d{13}-${kebab}\\.ts$`),
  routes: suffixed('route'),
  workers: suffixed('worker'),
};

/** Test files of a service; `fixtures/` may hold anything the tests replay. */
export const testFile = new RegExp(`^(?:${kebab}\\.(?:test|e2e)\\.ts|support\\.ts)$`);

/** Build output and caches, never part of the anatomy (ignored by git). */
const ignored = new Set(['node_modules', 'dist', '.turbo']);

interface ContentRule {
  /** Which files (path inside the service) the rule reads. */
  applies: (path: string) => boolean;
  /** A reason when the content breaks the rule. */
  check: (text: string, path: string) => string | undefined;
}

const found = (pattern: RegExp, reason: string) => (text: string) => (pattern.test(text) ? reason : undefined);

export const contentRules: ContentRule[] = [
  {
    applies: (path) => !/^src\/enums\//.test(path),
    check: found(/registerEnumType\(/, 'registers a GraphQL enum outside enums/*.enum.ts'),
  },
  {
    applies: (path) => path.startsWith('src/domain/'),
    check: found(/from '(?:typeorm|type-graphql|graphql)'|\b(?:SubgraphContext|EntityManager|DataSource)\b/, 'domain/ is pure: no database, no GraphQL'),
  },
  {
    applies: (path) => path.startsWith('src/'),
    check: found(/\bctx\.loaders\b/, "reaches the request's DataLoaders directly instead of the kit's loader API"),
  },
  {
    applies: (path) => path.endsWith('.ts'),
    check: found(/from '(?:\.\.\/){2,}(?!src\/|\.\.)[^']*'|from '(?:\.\.\/){3,}/, "imports another package by relative path instead of through its exports"),
  },
  {
    applies: (path) => path.startsWith('src/'),
    check: found(/from '@ioc\/(?:infra|seeds|tests)(?:\/[^']*)?'/, 'imports infra, seeds or tests, which depend on services'),
  },
  {
    applies: (path) => path.startsWith('src/stubs/'),
    check: (text, path) => {
      const types = [...text.matchAll(/@ObjectType\('(\w+)'/g)].map((match) => match[1]!);
      const expected = path.slice('src/stubs/'.length, -'.stub.ts'.length);
      if (types.length !== 1) return `a stub file holds exactly one type (found ${types.length})`;
      const named = types[0]!.replace(/(?<!^)([A-Z])/g, '-$1').toLowerCase();
      return named === expected ? undefined : `holds ${types[0]}, so it is named ${named}.stub.ts`;
    },
  },
];

/** Where a file may not be, or why its content breaks the anatomy; undefined when it fits. */
export function placementProblem(path: string): string | undefined {
  const parts = path.split('/');
  if (parts.length === 1) return serviceRootFiles.has(path) ? undefined : 'is not a file a service root holds';
  const [top, ...rest] = parts;
  if (top === 'src') {
    if (rest.length === 1) return srcRootFiles.has(rest[0]!) ? undefined : 'sits at the root of src/ (only subgraph.ts, index.ts and env.ts do)';
    const pattern = srcFolders[rest[0]!];
    if (!pattern) return `src/${rest[0]}/ is not a folder of the anatomy`;
    if (rest.length > 2) return `src/${rest[0]}/ has no subfolders`;
    return pattern.test(rest[1]!) ? undefined : `is not named as src/${rest[0]}/ files are (${pattern.source})`;
  }
  if (top === 'tests') {
    if (rest[0] === 'fixtures' && rest.length > 1) return undefined;
    if (rest.length === 1 && testFile.test(rest[0]!)) return undefined;
    return 'is not a unit test, an e2e test, support.ts or a fixture';
  }
  return `${top}/ is not a folder of a service`;
}

function walk(dir: string, root: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (ignored.has(name)) return [];
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full, root) : [relative(root, full)];
  });
}

/** Every problem in one service folder, as "path: reason". */
export function anatomyProblems(serviceDir: string): string[] {
  const problems: string[] = [];
  for (const path of walk(serviceDir, serviceDir).sort()) {
    const placement = placementProblem(path);
    if (placement) {
      problems.push(`${path}: ${placement}`);
      continue;
    }
    if (!path.endsWith('.ts')) continue;
    const text = readFileSync(join(serviceDir, path), 'utf8');
    for (const rule of contentRules) {
      const reason = rule.applies(path) ? rule.check(text, path) : undefined;
      if (reason) problems.push(`${path}: ${reason}`);
    }
  }
  return problems;
}
