import { DatabaseUnavailableError } from './database';
import { ConfigError } from './env';

/** A start-up failure whose message says all an operator needs: reported as one line. */
export class StartupError extends Error {
  override name = 'StartupError';
}

/** Known start-up failures get one line; anything else keeps its stack for the developer. */
export function reportFatal(processName: string, error: unknown): never {
  if (error instanceof ConfigError || error instanceof DatabaseUnavailableError || error instanceof StartupError) {
    process.stderr.write(`${processName}: ${error.message}\n`);
  } else if ((error as NodeJS.ErrnoException)?.code === 'EADDRINUSE') {
    process.stderr.write(`${processName}: ${(error as Error).message}: is another copy already running?\n`);
  } else {
    process.stderr.write(`${processName}: failed to start\n${(error as Error)?.stack ?? String(error)}\n`);
  }
  process.exit(1);
}
