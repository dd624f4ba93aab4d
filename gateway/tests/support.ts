import type { Role } from '@ioc/kit';
import { devAuthOptions, generateDevSecrets, signDevToken } from '../src/auth/dev-keys';

/** Keys for one test file: the gateway verifies with them, `tokenFor` signs callers. */
export function testKeys() {
  const secrets = generateDevSecrets();
  return {
    secrets,
    auth: devAuthOptions(secrets),
    tokenFor: (role: Role = 'admin', agencyId?: string, ttlSeconds?: number) => signDevToken(secrets, role, { agencyId, ttlSeconds }),
  };
}

export async function post<T = Record<string, unknown>>(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, body: (await response.json()) as { data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } };
}

/** Reads one sample from Prometheus text: `name` or `name{labels}`. */
export async function metric(baseUrl: string, name: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  if (!line) throw new Error(`metric ${name} not exported`);
  return Number(line.slice(name.length + 1));
}
