import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import type { SupergraphManager } from '@apollo/gateway';
import type { Logger } from '@ioc/kit';

/**
 * Serves the committed supergraph file and hands the gateway every change to it: recompose,
 * and the running gateway picks the new graph up without a restart. A file that does not load
 * is logged and the previous graph stays in service.
 */
export function supergraphFromFile(path: string, logger: Logger, intervalMs = 500): SupergraphManager {
  return {
    async initialize({ update }) {
      let current = read(path);
      watchFile(path, { interval: intervalMs }, () => {
        let next: string;
        try {
          next = read(path);
        } catch (error) {
          logger.error('supergraph file unreadable; keeping the loaded graph', { path, error });
          return;
        }
        if (next === current) return;
        try {
          update(next);
          current = next;
          logger.info('supergraph reloaded', { path });
        } catch (error) {
          logger.error('supergraph rejected; keeping the loaded graph', { path, error });
        }
      });
      return { supergraphSdl: current, cleanup: async () => unwatchFile(path) };
    },
  };
}

function read(path: string): string {
  const sdl = readFileSync(path, 'utf8');
  if (!sdl.includes('@link')) throw new Error(`${path} is not a supergraph (no @link): run npm run schemas`);
  return sdl;
}
