import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from '@ioc/kit';

/** Paths the gateway answers itself: the console's fallback never shadows them. */
export const apiPrefixes = ['/graphql', '/healthz', '/readyz', '/metrics', '/auth', '/ingest'] as const;

const isApiPath = (path: string) => apiPrefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

/** A client-side route (`/soc/alerts/42`), as opposed to a file (`/favicon.svg`, `/assets/x.js`). */
const isRoute = (path: string) => !/\.[^/]*$/.test(path);

export interface ConsoleOptions {
  /** The built console (`npm run build -w web` writes `web/dist`). */
  dir: string;
  logger: Logger;
}

/**
 * Serves the built console on the gateway's origin, so its GraphQL requests and sockets need no
 * CORS: hashed files under `assets/` are cached for a year, everything else (index.html above all)
 * is revalidated on every load so a new build is picked up at once. Any GET that is neither an API
 * path nor a file gets index.html, so a reload on `/soc/alerts/42` lands on that view.
 */
export function serveConsole(app: Express, options: ConsoleOptions): void {
  const dir = resolve(options.dir);
  const index = join(dir, 'index.html');
  if (!existsSync(index)) options.logger.warn('console not built: / answers 404 until it is', { dir, build: 'npm run build -w web' });

  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!isApiPath(req.path)) res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });
  app.use(
    '/assets',
    express.static(join(dir, 'assets'), { immutable: true, maxAge: '365d', index: false, redirect: false, fallthrough: false, dotfiles: 'deny' }),
  );
  const rootFiles = express.static(dir, {
    index: false,
    redirect: false,
    dotfiles: 'deny',
    setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
  });
  app.use((req, res, next) => (isApiPath(req.path) ? next() : rootFiles(req, res, next)));
  app.get(/.*/, (req, res, next) => {
    if (isApiPath(req.path) || !isRoute(req.path)) return next();
    if (!existsSync(index)) {
      res.status(404).type('text/plain').send('The console is not built: run `npm run build -w web` (npm start does it for you).\n');
      return;
    }
    res.sendFile(index, { headers: { 'Cache-Control': 'no-cache' } });
  });
  // Static-file refusals (a missing asset, `..`) end here as plain statuses, never as the SPA page.
  app.use((error: { status?: number; statusCode?: number }, req: Request, res: Response, next: NextFunction) => {
    const status = error.status ?? error.statusCode;
    if (!status || isApiPath(req.path) || res.headersSent) return next(error);
    res.status(status).type('text/plain').send(status === 404 ? 'not found\n' : 'refused\n');
  });
}
