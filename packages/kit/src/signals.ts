import type { Logger } from './logger';

/** npm and tsx relay the terminal's Ctrl-C, so one keypress can arrive twice this close together. */
const relayedTwiceWithinMs = 2000;

/**
 * Ctrl-C or SIGTERM runs `stop` (drain, release) and exits 0, or 1 when stopping failed; a later
 * second signal exits at once. Every long-running process of the project (services, the gateway,
 * `npm start`) stops this way.
 */
export function exitOnSignals(stop: () => Promise<void>, logger: Logger): void {
  let stoppingSince = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stoppingSince) {
      if (Date.now() - stoppingSince < relayedTwiceWithinMs) return;
      logger.warn('second signal: exiting now', { signal });
      process.exit(1);
    }
    stoppingSince = Date.now();
    logger.info('signal received', { signal });
    stop().then(
      () => process.exit(0),
      (error) => {
        logger.error('shutdown failed', { error });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
