import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT, UnsecuredJWT } from 'jose';
import pg from 'pg';
import WebSocket from 'ws';
import { gatewayTokenHeader, signGatewayToken, type Principal, type Role } from '@ioc/kit';
import type { DevSecrets } from '@ioc/gateway/dev-keys';

export const persistedOperationsPath = join(import.meta.dirname, '..', '..', 'gateway', 'persisted-operations.json');

export interface PersistedOperation {
  name: string;
  body: string;
  id: string;
}

/** The allow-list as the gateway reads it, with each operation's id (sha256 of its body). */
export function persistedOperations(): Map<string, PersistedOperation> {
  const manifest = JSON.parse(readFileSync(persistedOperationsPath, 'utf8')) as { operations: Array<{ name: string; body: string }> };
  return new Map(manifest.operations.map((op) => [op.name, { ...op, id: createHash('sha256').update(op.body).digest('hex') }]));
}

export interface HttpResult<T = any> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, any> }> } & Record<string, any>;
}

/** A raw POST (any body, any headers): what a hostile client sends. */
export async function post<T = any>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<HttpResult<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: HttpResult['body'];
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = { raw: text };
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A caller's JWT with any claims and options, signed with the dev key unless told otherwise. */
export async function signToken(
  secrets: DevSecrets,
  claims: Record<string, unknown>,
  options: { subject?: string | null; issuer?: string; audience?: string; expiresIn?: string | null; notBefore?: string; secret?: string; alg?: string } = {},
): Promise<string> {
  let jwt = new SignJWT(claims).setProtectedHeader({ alg: options.alg ?? 'HS256' }).setIssuedAt();
  if (options.subject !== null) jwt = jwt.setSubject(options.subject ?? 'hostile-tester');
  jwt = jwt.setIssuer(options.issuer ?? secrets.issuer).setAudience(options.audience ?? secrets.audience);
  if (options.expiresIn !== null) jwt = jwt.setExpirationTime(options.expiresIn ?? '10m');
  if (options.notBefore) jwt = jwt.setNotBefore(options.notBefore);
  return jwt.sign(new TextEncoder().encode(options.secret ?? secrets.authSecret));
}

/** An unsigned token (`alg: none`) carrying an admin's claims. */
export function unsignedToken(secrets: DevSecrets): string {
  return new UnsecuredJWT({ role: 'admin' }).setSubject('dev-admin').setIssuer(secrets.issuer).setAudience(secrets.audience).setIssuedAt().setExpirationTime('10m').encode();
}

/** Headers a gateway would send to a subgraph for this caller (needs the gateway's secret). */
export async function gatewayHeaders(secret: string, principal: Partial<Principal> & { role: Role }): Promise<Record<string, string>> {
  return { [gatewayTokenHeader]: await signGatewayToken({ subject: `test-${principal.role}`, ...principal }, secret) };
}

/** One SQL answer from the stack's database (counting rows before and after a refusal). */
export async function sql<T = any>(databaseUrl: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Row counts of the tables a write would touch, plus every audit log: equal before and after a refusal. */
export async function snapshot(databaseUrl: string): Promise<Record<string, number>> {
  const tables = [
    'security.alert',
    'security.incident',
    'security.security_profile',
    'security.audit_log',
    'egov.dossier',
    'egov.dossier_applicant',
    'egov.feedback',
    'egov.information_system',
    'egov.audit_log',
    'infrastructure.server',
    'infrastructure.bts_status_change',
    'infrastructure.audit_log',
    'economy.enterprise',
    'economy.ecommerce_product',
    'economy.reported_measurement',
    'economy.audit_log',
  ];
  const [row] = await sql(databaseUrl, `SELECT ${tables.map((table) => `(SELECT count(*)::int FROM ${table}) AS "${table}"`).join(', ')}`);
  return row as Record<string, number>;
}

export interface SocketOutcome {
  code: number;
  reason: string;
  /** Messages received before the close. */
  messages: Array<{ type: string; [key: string]: unknown }>;
}

/**
 * Opens a graphql-transport-ws socket, sends `connection_init` with `payload`, then whatever
 * `afterAck` sends, and resolves when the server closes it (or after `closeAfterMs` when we do).
 */
export function openSocket(
  httpUrl: string,
  payload: Record<string, unknown>,
  options: { afterAck?: (socket: WebSocket) => void; closeAfterMs?: number; onMessage?: (message: { type: string }) => void } = {},
): Promise<SocketOutcome> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(httpUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const messages: SocketOutcome['messages'] = [];
    let timer: NodeJS.Timeout | undefined;
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload })));
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { type: string };
      messages.push(message);
      options.onMessage?.(message);
      if (message.type === 'connection_ack') {
        options.afterAck?.(socket);
        if (options.closeAfterMs !== undefined) timer = setTimeout(() => socket.close(1000, 'test done'), options.closeAfterMs);
      }
    });
    socket.on('close', (code, reason) => {
      clearTimeout(timer);
      resolve({ code, reason: reason.toString(), messages });
    });
    socket.on('error', reject);
  });
}
