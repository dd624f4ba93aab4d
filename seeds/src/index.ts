import { z } from 'zod';
import { createLogger, logLevel, parseEnv, postgresUrl, reportFatal } from '@ioc/kit';
import { seedAll, seedScaleOf } from './seed';

try {
  const env = parseEnv(z.object({ DATABASE_URL: postgresUrl, SEED_PROFILE: z.enum(['full', 'small']).default('full'), SEED_SCALE: z.string().optional(), LOG_LEVEL: logLevel }));
  await seedAll({ databaseUrl: env.DATABASE_URL, profile: env.SEED_PROFILE, scale: seedScaleOf(env.SEED_SCALE), logger: createLogger('seeds', env.LOG_LEVEL) });
} catch (error) {
  reportFatal('seeds', error);
}
