import type { Logger } from './logger';

/** npm and tsx relay the terminal's Ctrl-C, so one keypress can arrive twice this close together. */
const relayedTwiceWithinMs = 2000;

/**
 * How long a stop may take before the process exits anyway: below the 40 s grace period (less the
 * 5 s preStop sleep) the Kubernetes manifests give, so a stop that hangs (a pool waiting on a
 * connection PostgreSQL dropped) is logged as such and exits 1 instead of being SIGKILLed unlogged.
 */
export const defaultShutdownDeadlineMs = 30_000;

export interface ExitOnSignalsOptions {
  /** Exit 1 this long after the first signal if `stop` has not finished. */
  deadlineMs?: number;
}

/**
 * Ctrl-C or SIGTERM runs `stop` (drain, release) and exits 0, or 1 when stopping failed or did not
 * finish within the deadline; a later second signal exits at once. Every long-running process of
 * the project (services, the gateway, `npm start`) stops this way.
 */
export function exitOnSignals(stop: () => Promise<void>, logger: Logger, options: ExitOnSignalsOptions = {}): void {
  const deadlineMs = options.deadlineMs ?? defaultShutdownDeadlineMs;
  let stoppingSince = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stoppingSince) {
      if (Date.now() - stoppingSince < relayedTwiceWithinMs) return;
      logger.warn('second signal: exiting now', { signal });
      process.exit(1);
    }
    stoppingSince = Date.now();
    logger.info('signal received', { signal });
    setTimeout(() => {
      logger.error('shutdown did not finish in time: exiting', { deadlineMs });
      process.exit(1);
    }, deadlineMs).unref();
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
