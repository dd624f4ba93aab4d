import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Kind, parse, visit, type DocumentNode, type FragmentDefinitionNode } from 'graphql';
import type { Audience } from '@ioc/gateway/contracts';

/** A client operation the repository knows about, and where it came from. */
export interface KnownOperation {
  /** Operation name (or the entry's label when the operation has none). */
  name: string;
  /** `gateway/persisted-operations.json`, `tests/contract/figures.json#units.districts`, `web/src/…/AlertQueue.tsx`. */
  source: string;
  document: DocumentNode;
  /** The contract its callers are held to, besides the API schema. */
  audience?: Audience;
}

/** Keys of the contract files' entries that hold an operation's text. */
const operationKeys = ['operation', 'subscription', 'query', 'body'];

/**
 * Every operation a change could break: the contract files in `tests/contract/`, the persisted
 * operations agency clients run, and the console's gql.tada documents in `web/src`.
 */
export function knownOperations(root: string): KnownOperation[] {
  return [...persistedOperations(root), ...contractOperations(root), ...consoleOperations(root)];
}

export function persistedOperations(root: string): KnownOperation[] {
  const path = join(root, 'gateway', 'persisted-operations.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { operations: Array<{ name: string; body: string }> };
  return manifest.operations.map(({ name, body }) => ({ name, source: relative(root, path), document: parseIn(`${relative(root, path)}#${name}`, body), audience: 'agency' as const }));
}

/** Operations in `tests/contract/*.json`, wherever an entry holds one (figures, streams and their triggers). */
function contractOperations(root: string): KnownOperation[] {
  const dir = join(root, 'tests', 'contract');
  const found: KnownOperation[] = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.json')).sort()) {
    const source = relative(root, join(dir, file));
    const walk = (value: unknown, label: string) => {
      if (Array.isArray(value)) return value.forEach((item, index) => walk(item, `${label}#${index}`));
      if (!value || typeof value !== 'object') return;
      const entry = value as Record<string, unknown>;
      const here = typeof entry.figure === 'string' ? `${source}#${entry.figure}` : typeof entry.name === 'string' ? `${source}#${entry.name}` : label;
      for (const [key, child] of Object.entries(entry)) {
        if (operationKeys.includes(key) && typeof child === 'string') found.push(named(parseIn(here, child), here));
        else walk(child, here);
      }
    };
    walk(JSON.parse(readFileSync(join(dir, file), 'utf8')), source);
  }
  return found;
}

/**
 * The console's operations, read from the source text: each `graphql(\`…\`)` of gql.tada is one
 * document; fragments are joined to the operations that spread them by name (gql.tada passes
 * them as a list, and names are unique across the console). Reading the text rather than
 * importing the modules keeps React and the browser out of the check.
 */
function consoleOperations(root: string): KnownOperation[] {
  const dir = join(root, 'web', 'src');
  const documents: Array<{ source: string; document: DocumentNode }> = [];
  for (const path of sourceFiles(dir)) {
    const text = readFileSync(path, 'utf8');
    for (const match of text.matchAll(/\bgraphql\(\s*`([^`]*)`/g)) documents.push({ source: relative(root, path), document: parseIn(relative(root, path), match[1]!) });
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const { document } of documents) {
    for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return documents
    .filter(({ document }) => document.definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION))
    .map(({ source, document }) => named(withFragments(document, fragments), source));
}

function withFragments(document: DocumentNode, fragments: Map<string, FragmentDefinitionNode>): DocumentNode {
  const included = new Map<string, FragmentDefinitionNode>();
  const pending = [document];
  while (pending.length) {
    visit(pending.pop()!, {
      FragmentSpread(node) {
        const fragment = fragments.get(node.name.value);
        if (!fragment || included.has(node.name.value)) return;
        included.set(node.name.value, fragment);
        pending.push({ kind: Kind.DOCUMENT, definitions: [fragment] });
      },
    });
  }
  const own = new Set(document.definitions.flatMap((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? [definition.name.value] : [])));
  return { ...document, definitions: [...document.definitions, ...[...included.values()].filter((fragment) => !own.has(fragment.name.value))] };
}

/** A known operation that does not even parse is named with where it is, not thrown as a bare syntax error. */
function parseIn(source: string, text: string): DocumentNode {
  try {
    return parse(text);
  } catch (error) {
    throw new Error(`${source}: not a GraphQL document: ${(error as Error).message}`);
  }
}

function named(document: DocumentNode, source: string): KnownOperation {
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  return { name: (operation?.kind === Kind.OPERATION_DEFINITION && operation.name?.value) || source, source, document };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}
