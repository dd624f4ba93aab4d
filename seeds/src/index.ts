import { z } from 'zod';
import { createLogger, logLevel, parseEnv, postgresUrl, reportFatal } from '@ioc/kit';
import { seedAll } from './seed';

try {
  const env = parseEnv(z.object({ DATABASE_URL: postgresUrl, SEED_PROFILE: z.enum(['full', 'small']).default('full'), LOG_LEVEL: logLevel }));
  await seedAll({ databaseUrl: env.DATABASE_URL, profile: env.SEED_PROFILE, logger: createLogger('seeds', env.LOG_LEVEL) });
} catch (error) {
  reportFatal('seeds', error);
}
