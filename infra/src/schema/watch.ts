import { spawn } from 'node:child_process';
import { readdirSync, watch } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '@ioc/kit';
import { repoRoot } from '../schemas';

/**
 * `npm run dev:subgraph`: on every change under the subgraph's `src/`, regenerate its SDL and
 * recompose the supergraph (in a fresh process, so the change is what gets built). The gateway
 * reloads the supergraph file when it changes; a graph that does not compose is reported with
 * its subgraph and type and the previous graph stays in service.
 */
export function watchSubgraphSchema(options: { name: string; dir: string; logger: Logger }): void {
  const { name, logger } = options;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  const recompose = () => {
    if (running) return void (again = true);
    running = true;
    const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'infra', 'src', 'schema', 'compose-cli.ts'), '--regenerate', name], {
      cwd: repoRoot,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('exit', (code) => {
      running = false;
      if (code === 0) logger.info('schema regenerated and composed', { subgraph: name });
      else logger.warn('schema not composed: the gateway keeps the previous graph (errors above)', { subgraph: name, code });
      if (again) {
        again = false;
        recompose();
      }
    });
  };
  // One watcher per folder, not a recursive one: Node 20's recursive watch on Linux follows the
  // file, and loses it when an editor saves by replacing it (sed -i, atomic saves).
  for (const dir of foldersUnder(join(repoRoot, options.dir, 'src'))) {
    // Unref'd: watching must not keep the process alive once Ctrl-C has stopped the graph.
    watch(dir, () => {
      clearTimeout(timer);
      timer = setTimeout(recompose, 300); // an editor's save is several events
    }).unref();
  }
  logger.info('watching for changes: the subgraph restarts and its schema recomposes on save', { subgraph: name, dir: options.dir });
}

function foldersUnder(dir: string): string[] {
  return [dir, ...readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? foldersUnder(join(dir, entry.name)) : []))];
}
