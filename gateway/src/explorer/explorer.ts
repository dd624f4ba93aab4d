import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Express, Request, Response } from 'express';
import type { Logger } from '@ioc/kit';

/** Where the page's script and stylesheet are served. */
export const explorerAssets = '/explorer';

interface Bundle {
  js: string;
  css: string;
}

/**
 * Bundles ./client.ts (GraphiQL, React, graphql-ws) for the browser, once, on the first visit:
 * the gateway ships no prebuilt copy, and processes that never open the explorer (tests, the
 * feed's target) never pay for it. Fonts and icons are inlined so the page needs nothing else.
 */
async function bundle(): Promise<Bundle> {
  const { build } = await import('esbuild');
  // Beside this file when run from source; from gateway/dist (npm run build bundles this module
  // into dist/server.js) the client's source in src/explorer.
  const source = [join(import.meta.dirname, 'client.ts'), join(import.meta.dirname, '..', 'src', 'explorer', 'client.ts')].find((path) => existsSync(path));
  if (!source) throw new Error(`the explorer's client is missing beside ${import.meta.dirname}`);
  const result = await build({
    entryPoints: [source],
    bundle: true,
    write: false,
    outdir: 'out',
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.svg': 'dataurl', '.png': 'dataurl' },
    logLevel: 'silent',
  });
  const text = (extension: string) => result.outputFiles.find((file) => file.path.endsWith(extension))?.text ?? '';
  return { js: text('.js'), css: text('.css') };
}

/** A browser's navigation (not a GraphQL GET, which carries parameters and asks for JSON). */
const isPageVisit = (req: Request) => !req.originalUrl.includes('?') && req.accepts(['application/json', 'text/html']) === 'text/html';

/**
 * The GraphQL explorer, replacing Apollo Server's landing page (which loads Apollo's explorer from
 * the internet): GraphiQL bundled with the gateway at `GET /graphql` (a browser's visit) and
 * `GET /explorer`, with a field for the caller's token. Its content security policy allows this
 * origin only, so the page cannot reach outside even by mistake.
 */
export function mountExplorer(app: Express, logger: Logger): void {
  let built: Promise<Bundle> | undefined;
  const assets = () =>
    (built ??= bundle().catch((error: unknown) => {
      built = undefined;
      logger.error('explorer bundle failed', { error });
      throw error;
    }));
  const policy = ["default-src 'self'", "connect-src 'self' ws: wss:", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "font-src 'self' data:", "frame-ancestors 'none'"].join('; ');
  const page = (_req: Request, res: Response) => {
    res.setHeader('Content-Security-Policy', policy);
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(html);
  };
  app.get('/graphql', (req, res, next) => (isPageVisit(req) ? page(req, res) : next()));
  app.get(explorerAssets, page);
  for (const [name, field, type] of [
    ['explorer.js', 'js', 'text/javascript'],
    ['explorer.css', 'css', 'text/css'],
  ] as const) {
    app.get(`${explorerAssets}/${name}`, async (_req, res) => {
      try {
        const bundled = await assets();
        res.setHeader('Cache-Control', 'no-cache');
        res.setHeader('X-Content-Type-Options', 'nosniff');
        res.type(type).send(bundled[field]);
      } catch {
        res.status(500).type('text/plain').send('the explorer could not be built: see the gateway log\n');
      }
    });
  }
}

const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ioc-graph explorer</title>
<link rel="stylesheet" href="${explorerAssets}/explorer.css">
<style>
  html, body, #explorer { height: 100%; margin: 0; }
  .ioc-explorer { display: flex; flex-direction: column; height: 100%; font-family: system-ui, sans-serif; }
  .ioc-explorer .graphiql-container { flex: 1; min-height: 0; }
  .ioc-token { display: flex; gap: 0.5rem; align-items: center; padding: 0.4rem 0.75rem; border-bottom: 1px solid #ccc; }
  .ioc-token input { flex: 1; max-width: 40rem; font: inherit; padding: 0.25rem; }
  .ioc-token-state { color: #555; }
</style>
</head>
<body>
<div id="explorer"></div>
<script src="${explorerAssets}/explorer.js"></script>
</body>
</html>
`;
