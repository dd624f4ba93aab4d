import { createLogger, type Principal } from '@ioc/kit';
import { startGateway, type GatewayOptions, type RunningGateway } from '@ioc/gateway';
import type { VerifierConfig } from '@ioc/gateway/verifier';

/**
 * A gateway as its own process for the benchmarks, so its CPU and memory (VmRSS) are its own.
 * The parent sends `{ type: 'start', config }`, gets `{ type: 'ready', url }`, and stops it with
 * `{ type: 'stop' }`; it also stops when the parent goes away.
 */
export interface GatewayProcessConfig {
  supergraphPath: string;
  auth: { verifier: VerifierConfig; gatewayTokenSecret: string };
  /** Verify nobody: every caller is this principal, token or not (what authentication costs is measured against it). */
  everyCallerAs?: Principal;
  limits?: GatewayOptions['limits'];
  subscriberQueueLimit?: number;
}

const everyCallerAs = (principal: Principal) => async () => ({ ...principal, expiresAt: Number.MAX_SAFE_INTEGER / 1000 });

let gateway: RunningGateway | undefined;
let stopping = false;

async function stop(code = 0): Promise<never> {
  if (!stopping) {
    stopping = true;
    setTimeout(() => process.exit(code), 5000).unref();
    await gateway?.close().catch(() => undefined);
  }
  process.exit(code);
}

if (process.send) {
  process.on('message', (message: { type: string; config?: GatewayProcessConfig }) => {
    if (message.type === 'stop') void stop();
    if (message.type === 'start' && message.config) {
      const { config } = message;
      startGateway({
        port: 0,
        host: '127.0.0.1',
        supergraphPath: config.supergraphPath,
        auth: config.everyCallerAs ? { ...config.auth, verifier: everyCallerAs(config.everyCallerAs) } : config.auth,
        limits: config.limits,
        subscriberQueueLimit: config.subscriberQueueLimit,
        logger: createLogger('bench-gateway', 'error'),
      }).then(
        (running) => {
          gateway = running;
          process.send!({ type: 'ready', url: running.url });
        },
        (error) => {
          process.send!({ type: 'error', error: String((error as Error)?.stack ?? error) });
          void stop(1);
        },
      );
    }
  });
  process.on('disconnect', () => void stop());
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}
