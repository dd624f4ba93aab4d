import { parseEnv } from '@ioc/kit';
import { z } from 'zod';
import { parseSlaPolicy, type SlaPolicy } from './domain/sla';

const webhookUrl = z
  .string()
  .trim()
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), 'must be an http:// or https:// URL');

/** The security subgraph's own settings, beside the kit's subgraph variables. */
export const securityEnvSchema = z.object({
  /** Incident SLA per severity as `CRITICAL=4/24,HIGH=8/72` (contain/resolve hours); unnamed severities keep the defaults. */
  INCIDENT_SLA_HOURS: z
    .string()
    .default('')
    .transform((text, ctx): SlaPolicy => {
      try {
        return parseSlaPolicy(text);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  /** Receivers of outbound notifications, comma-separated; none: notifications are not sent (nor queued). */
  WEBHOOK_URLS: z
    .string()
    .default('')
    .transform((text) => text.split(',').map((url) => url.trim()).filter(Boolean))
    .pipe(z.array(webhookUrl).max(10, 'at most 10 receivers')),
  /** The HMAC-SHA256 key receivers verify X-IOC-Signature with. */
  WEBHOOK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(8),
  /** First retry after this; each further retry waits twice as long (capped at an hour). */
  WEBHOOK_BACKOFF_MS: z.coerce.number().int().min(10).max(3_600_000).default(5_000),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** How often the worker looks for due deliveries and for SLA breaches and nearing deadlines. */
  WEBHOOK_POLL_MS: z.coerce.number().int().min(10).max(600_000).default(5_000),
}).refine((env) => !env.WEBHOOK_URLS.length || env.WEBHOOK_SECRET, { path: ['WEBHOOK_SECRET'], message: 'is required when WEBHOOK_URLS is set' });
export type SecurityEnv = z.infer<typeof securityEnvSchema>;

let current: SecurityEnv | undefined;

/** The settings, read once from the environment (index.ts reads them at start, so a bad value stops the process there). */
export function securityEnv(): SecurityEnv {
  current ??= parseEnv(securityEnvSchema);
  return current;
}
