// A static server for the offline tests: the build under a sub-path (/tools/nianbao/), as a host other than the
// preview server would serve it, that can go away entirely (no network at all) and come back with a new build.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

export interface StaticServer {
  /** The app's address, ending in the sub-path and a slash. */
  url: string;
  /** Every path asked for, in order. */
  requests: string[];
  /** Stops answering: the listening socket and every open connection are closed (the machine is offline). */
  stop(): Promise<void>;
  /** Listens again on the same port; with `version`, sw.js says it is that version: a new build of the worker. */
  start(version?: string): Promise<void>;
}

export async function serveBuild(dir: string, prefix = '/tools/nianbao/'): Promise<StaticServer> {
  let server: Server | undefined;
  let port = 0;
  let swVersion: string | undefined;
  const sockets = new Set<Socket>();
  const requests: string[] = [];
  const handler = (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end();
      return;
    }
    const rel = normalize(path.slice(prefix.length) || 'index.html');
    const file = join(dir, rel.endsWith('/') ? `${rel}index.html` : rel);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    if (rel === 'sw.js') {
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
      const source = readFileSync(file, 'utf8');
      res.end(swVersion === undefined ? source : source.replace(/^const VERSION = .*$/m, `const VERSION = ${JSON.stringify(swVersion)};`));
      return;
    }
    res.writeHead(200, { 'Content-Type': type });
    createReadStream(file).pipe(res);
  };
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer(handler);
      server.on('connection', (s) => {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
      });
      server.listen(port, '127.0.0.1', () => {
        const address = server?.address();
        if (address && typeof address !== 'string') port = address.port;
        resolve();
      });
    });
  await listen();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        if (server) server.close(() => resolve());
        else resolve();
        server = undefined;
      }),
    start: async (version?: string) => {
      swVersion = version;
      await listen();
    },
  };
}
