import { createServer, request } from 'node:http';

export interface FrontDoor {
  close(): Promise<void>;
}

/**
 * What Apollo's suite takes for the gateway. It posts to `/` (Apollo Router's endpoint) and sends
 * no credentials; our gateway serves `/graphql` and verifies every caller. This proxy on the
 * suite's port forwards `/` to `/graphql` with a viewer's token, so the gateway under test runs
 * exactly as deployed, with no option or key kind that exists only for the suite.
 */
export async function startFrontDoor(options: { port: number; host: string; gatewayUrl: string; authorization: string }): Promise<FrontDoor> {
  const target = new URL(options.gatewayUrl);
  const server = createServer((incoming, outgoing) => {
    const path = incoming.url === '/' ? target.pathname : (incoming.url ?? '/');
    const forwarded = request(
      { host: target.hostname, port: target.port, method: incoming.method, path, headers: { ...incoming.headers, host: target.host, authorization: options.authorization } },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    forwarded.on('error', (error) => {
      outgoing.writeHead(502, { 'content-type': 'text/plain' }).end(`compat front door: the gateway did not answer: ${error.message}\n`);
    });
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
