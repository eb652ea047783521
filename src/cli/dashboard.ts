import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
};

/** A file of the page's own folder: one path segment, a known asset type. */
const ASSET = /^\/[\w-]+(?:\.[\w-]+)*\.(?:js|css|map|svg)$/;

/**
 * Serves the browser dashboard from `dir` on the simulator's own origin: `/` → `index.html`, `/app.js` (any
 * `/<name>.js|.css|.map|.svg` in `dir` itself) → that file. Other paths, and paths outside `dir`, are left to the
 * next route. Returns true when it answered the request, false to let the next route
 * (the simulator's own) answer.
 *
 * @example
 * ```ts
 * import { startSimulator } from '../sim/index';
 * import { dashboardRoutes } from './dashboard';
 * const sim = await startSimulator({ port: 8090, routes: dashboardRoutes('dist/dashboard') });
 * console.log(`dashboard: ${sim.url}/`);
 * ```
 */
export function dashboardRoutes(dir: string): (req: IncomingMessage, res: ServerResponse) => boolean {
  const root = normalize(dir + sep);
  return (req, res) => {
    if (req.method !== 'GET') return false;
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const rel = path === '/' || path === '/dashboard' ? 'index.html' : ASSET.test(path) ? path.slice(1) : undefined;
    if (rel === undefined) return false;
    const file = normalize(join(root, rel));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end(rel === 'index.html' ? 'dashboard not built: run npm run build' : 'not found');
      return true;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    });
    createReadStream(file).pipe(res);
    return true;
  };
}
