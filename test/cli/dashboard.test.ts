// dashboardRoutes: serves the dashboard page and its bundle from one folder, on the simulator's origin.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dashboardRoutes } from '../../src/cli/dashboard';

describe('dashboardRoutes', () => {
  const rawGet = (path: string): Promise<{ status: number; body: string }> =>
    new Promise((done, fail) => {
      const req = request(`${base}/`, { path, method: 'GET' }, (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (d: string) => (body += d));
        res.on('end', () => done({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', fail);
      req.end();
    });

  let dir: string;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gws-rx-dashboard-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>page</title>');
    writeFileSync(join(dir, 'app.js'), 'export const app = 1;');
    writeFileSync(join(dir, 'secret.txt'), 'not served');
    const routes = dashboardRoutes(dir);
    server = createServer((req, res) => {
      if (routes(req, res)) return;
      res.writeHead(599);
      res.end('fallthrough');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at / as HTML', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('<title>page</title>');
  });

  it('serves the bundle beside the page as JavaScript', async () => {
    const res = await fetch(`${base}/app.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await res.text()).toBe('export const app = 1;');
  });

  it('answers 404 for a missing bundle file', async () => {
    const res = await fetch(`${base}/missing.js`);
    expect(res.status).toBe(404);
  });

  it('leaves other paths (the simulator API, files beside the page) to the next route', async () => {
    for (const path of ['/api/v2/me', '/secret.txt', '/dist/app.js', '/sub/app.js']) {
      const res = await fetch(base + path);
      expect(res.status).toBe(599);
    }
  });

  it('never serves a file outside its folder, whatever the encoding of the path', async () => {
    // Raw request paths (fetch would normalize them before sending).
    for (const path of [
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.js',
      '/x/../../secret.js',
      '/..%2f..%2fetc%2fpasswd.js',
    ]) {
      const { status, body } = await rawGet(path);
      expect(status).not.toBe(200);
      expect(body).not.toContain('not served');
    }
  });

  it('leaves non-GET requests alone', async () => {
    const res = await fetch(`${base}/`, { method: 'POST', body: 'x' });
    expect(res.status).toBe(599);
  });

  it('says how to build the page when index.html is missing', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'gws-rx-empty-'));
    const routes = dashboardRoutes(empty);
    const other = createServer((req, res) => void routes(req, res));
    await new Promise<void>((done) => other.listen(0, '127.0.0.1', done));
    try {
      const res = await fetch(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('npm run build');
    } finally {
      other.closeAllConnections();
      await new Promise<void>((done) => other.close(() => done()));
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
