import type { GatewayConfig } from '@apollo/gateway';
import type { Logger } from '@ioc/kit';

type ApolloLogger = NonNullable<GatewayConfig['logger']>;

/** Apollo's gateway and query-plan executor log bare messages (sometimes Errors): they reach the project's logger as text. */
export function apolloLogger(logger: Logger): ApolloLogger {
  return {
    debug: (message) => logger.debug(String(message)),
    info: (message) => logger.info(String(message)),
    warn: (message) => logger.warn(String(message)),
    error: (message) => logger.error(String(message)),
  };
}
