import { DatabaseUnavailableError } from './database';
import { ConfigError } from './env';

/** Known start-up failures get one line; anything else keeps its stack for the developer. */
export function reportFatal(processName: string, error: unknown): never {
  if (error instanceof ConfigError || error instanceof DatabaseUnavailableError) {
    process.stderr.write(`${processName}: ${error.message}\n`);
  } else if ((error as NodeJS.ErrnoException)?.code === 'EADDRINUSE') {
    process.stderr.write(`${processName}: ${(error as Error).message}: is another copy already running?\n`);
  } else {
    process.stderr.write(`${processName}: failed to start\n${(error as Error)?.stack ?? String(error)}\n`);
  }
  process.exit(1);
}
