import express, { type Express } from 'express';
import { decodeJwt } from 'jose';
import { isRole, roles, type Role } from '@ioc/kit';
import { signDevToken, type DevSigningKey } from './dev-keys';
import type { VerifierConfig } from './verifier';

/** The users the console's sign-in offers in the embedded default. */
export const devUsers: ReadonlyArray<{ role: Role; agencyId: string | null; label: string }> = [
  { role: 'ioc-viewer', agencyId: null, label: 'Cán bộ trực IOC / IOC operator (ioc-viewer)' },
  { role: 'soc-analyst', agencyId: null, label: 'Chuyên viên SOC / SOC analyst (soc-analyst)' },
  { role: 'admin', agencyId: null, label: 'Quản trị / Administrator (admin)' },
  { role: 'agency-client', agencyId: 'STTTT', label: 'Sở Thông tin và Truyền thông / Department of Information and Communications (agency-client STTTT)' },
  { role: 'ingest', agencyId: null, label: 'Nguồn dữ liệu / Data feed (ingest)' },
];

/** Dev tokens live as long as the ones `npm run token` prints. */
const ttlSeconds = 12 * 3600;

/**
 * The key to sign dev users' tokens with, when and only when the gateway verifies callers with the
 * embedded default's dev secret outside production; otherwise there are no dev users to sign in as.
 */
export function devSigningKey(verifier: VerifierConfig, nodeEnv = process.env.NODE_ENV): DevSigningKey | undefined {
  const { keys } = verifier;
  if (nodeEnv === 'production' || keys.kind !== 'secret' || !keys.dev) return undefined;
  return { authSecret: keys.secret, issuer: verifier.issuer, audience: verifier.audience };
}

type Parsed = { ok: true; role: Role; agencyId?: string } | { ok: false; problems: string[] };

/** `{ role, agencyId }` from the console, every problem named. */
export function parseDevTokenRequest(body: unknown): Parsed {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, problems: ['body: expected a JSON object like {"role":"ioc-viewer","agencyId":null}'] };
  }
  const { role, agencyId, ...rest } = body as Record<string, unknown>;
  const problems = Object.keys(rest).map((key) => `${key}: unknown field (expected role and agencyId)`);
  if (!isRole(role)) problems.push(`role: ${role === undefined ? 'required' : `unknown role ${JSON.stringify(role)}`} (one of ${roles.join(', ')})`);
  if (agencyId !== undefined && agencyId !== null && (typeof agencyId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(agencyId))) {
    problems.push('agencyId: expected an agency code such as "STTTT", or null');
  }
  const agency = typeof agencyId === 'string' ? agencyId : undefined;
  if (role === 'agency-client' && !agency) problems.push('agencyId: required for role agency-client');
  if (isRole(role) && role !== 'agency-client' && agency) problems.push(`agencyId: only agency-client has an agency (role is ${role})`);
  if (problems.length || !isRole(role)) return { ok: false, problems };
  return { ok: true, role, agencyId: agency };
}

/**
 * `GET /auth/dev-users` and `POST /auth/dev-token`: the console's one-click sign-in for the
 * embedded default. Not mounted at all without a dev key, so production answers 404.
 */
export function mountDevSignIn(app: Express, key: DevSigningKey): void {
  app.get('/auth/dev-users', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ users: devUsers });
  });
  app.post('/auth/dev-token', express.json({ limit: '4kb' }), async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    const parsed = parseDevTokenRequest(req.body);
    if (!parsed.ok) {
      res.status(400).json({ error: 'BAD_REQUEST', message: parsed.problems.join('; '), problems: parsed.problems });
      return;
    }
    const token = await signDevToken(key, parsed.role, { agencyId: parsed.agencyId, ttlSeconds });
    res.json({ token, expiresAt: new Date(decodeJwt(token).exp! * 1000).toISOString() });
  });
}
