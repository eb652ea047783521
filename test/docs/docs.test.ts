// The API reference as a reader gets it: `npm run docs` (scripts/docs.mjs) builds it once into test-output/, a static
// server on 127.0.0.1 serves it, and Debian's Chromium opens its index, its module and hierarchy pages and every public
// operator's page: no console error, every operator's marble diagrams drawn as SVG, and every link on those pages as
// Chromium shows them (the sidebar is drawn by script) resolves. The links written into the other pages (about 150)
// are read from their HTML and checked the same way, which takes Chromium a second per page on a busy machine.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { extname, join, posix } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { diagramsOf } from '../../marbles/documented';
import { publicOperators, ROOT } from './operators';

const OUT = join(ROOT, 'test-output/docs');
const CHROMIUM = '/usr/bin/chromium';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.md': 'text/markdown',
};

// The build alone takes TypeDoc about 17 s of CPU, several times that on a machine shared with other work.
jest.setTimeout(300_000);

interface Visit {
  readonly ids: readonly string[];
  readonly links: readonly string[];
  readonly problems: readonly string[];
  readonly diagrams: readonly { width: number; height: number; values: number }[];
  readonly images: readonly { src: string; width: number }[];
  /** How the text diagrams' blocks wrap (they must not: the columns are the time axis). */
  readonly textWrap: readonly string[];
}

/** Every file of the reference, as a path below OUT with forward slashes. */
function files(dir = OUT, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

const attr = (html: string, pattern: RegExp): string[] =>
  [...html.matchAll(pattern)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));

describe('API reference (npm run docs, in Chromium)', () => {
  let browser: Browser;
  let server: Server;
  let base = '';
  const visits = new Map<string, Visit>();
  let build: { status: number | null; stderr: string };

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing: apt-get install chromium`);
    rmSync(OUT, { recursive: true, force: true });
    const run = spawnSync(process.execPath, ['scripts/docs.mjs', '--out', OUT], { cwd: ROOT, encoding: 'utf8' });
    build = { status: run.status, stderr: run.stderr };
    if (run.status !== 0) return;
    server = createServer((req, res) => {
      const path = posix.normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
      // The browser asks for a favicon by itself; the reference has none and links none.
      if (path === '/favicon.ico') return void res.writeHead(204).end();
      try {
        const body = readFileSync(join(OUT, path.endsWith('/') ? `${path}index.html` : path));
        res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    let problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`failed to load ${r.url()}`));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()} for ${r.url()}`);
    });
    const opened = [
      'index.html',
      'modules.html',
      'hierarchy.html',
      ...files().filter((f) => f.startsWith('modules/')),
      ...publicOperators().map((name) => `functions/index.${name}.html`),
    ];
    for (const path of opened) {
      problems = [];
      await page.goto(base + path, { waitUntil: 'load' });
      // The sidebar is drawn from the navigation data after load.
      await page.waitForSelector('.tsd-navigation a', { timeout: 30_000 });
      const seen = await page.evaluate(() => ({
        ids: Array.from(document.querySelectorAll('[id], a[name]')).map((e) => e.id || e.getAttribute('name') || ''),
        links: Array.from(document.querySelectorAll('a[href]')).map((a) => (a as HTMLAnchorElement).href),
        diagrams: Array.from(document.querySelectorAll('figure.marble-diagram svg')).map((svg) => {
          const box = svg.getBoundingClientRect();
          return { width: box.width, height: box.height, values: svg.querySelectorAll('circle').length };
        }),
        images: Array.from(document.images).map((img) => ({ src: img.src, width: img.naturalWidth })),
        textWrap: Array.from(document.querySelectorAll('pre > code.text')).map(
          (code) => getComputedStyle(code.parentElement as Element).whiteSpace,
        ),
      }));
      visits.set(path, { ...seen, problems });
    }
    await page.close();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  test('npm run docs builds it without a warning and names every public operator', () => {
    expect(build).toEqual({
      status: 0,
      stderr: expect.stringMatching(/^docs: .*: \d+ operators, \d+ diagrams drawn(; .*)?\n$/),
    });
    const listed = JSON.parse(readFileSync(join(OUT, 'operators.json'), 'utf8')) as string[];
    expect(listed).toEqual(publicOperators());
  });

  test('the pages open in Chromium without console errors, page errors or failed requests', () => {
    expect(visits.size).toBeGreaterThanOrEqual(publicOperators().length + 4);
    const problems = [...visits].flatMap(([path, v]) => v.problems.map((p) => `${path}: ${p}`));
    expect(problems).toEqual([]);
  });

  test('every internal link resolves, to a file of the reference and an anchor on its page', () => {
    const all = files();
    const idsOf = new Map<string, ReadonlySet<string>>();
    const ids = (path: string): ReadonlySet<string> => {
      let found = idsOf.get(path);
      if (found === undefined) {
        const html = readFileSync(join(OUT, path), 'utf8');
        found = new Set([...(visits.get(path)?.ids ?? []), ...attr(html, / (?:id|name)="([^"]+)"/g)]);
        idsOf.set(path, found);
      }
      return found;
    };
    // Links as Chromium resolved them on the pages it opened, and as written in every page's HTML.
    const links: { from: string; href: string }[] = [...visits].flatMap(([from, v]) =>
      v.links.map((href) => ({ from, href })),
    );
    for (const from of all.filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(join(OUT, from), 'utf8');
      for (const href of attr(html, /<a\b[^>]*?\shref="([^"]*)"/g))
        links.push({ from, href: new URL(href, base + from).href });
    }
    expect(links.length).toBeGreaterThan(1000);
    const broken = new Set<string>();
    for (const { from, href } of links) {
      if (!href.startsWith(base)) continue; // the reference links nothing outside itself but what a README says
      const url = new URL(href);
      const path = decodeURIComponent(url.pathname.slice(1)) || 'index.html';
      const anchor = decodeURIComponent(url.hash.slice(1));
      if (!all.includes(path)) broken.add(`${from} → ${path} (no such file)`);
      else if (anchor !== '' && path.endsWith('.html') && !ids(path).has(anchor)) {
        broken.add(`${from} → ${path}#${anchor} (no such anchor)`);
      }
    }
    expect([...broken]).toEqual([]);
    // A file name taken for a host (markdown's linkify on "RESULTS.md") is a broken link too.
    const hosts = links.filter((l) => /^https?:\/\/[^/]+\.(md|ts|js|mjs|json|html|svg)(\/|$)/i.test(l.href));
    expect(hosts).toEqual([]);
  });

  test('the index (the README) shows the drawn diagram it links', () => {
    const images = visits.get('index.html')?.images ?? [];
    const diagram = images.find((i) => i.src.endsWith('/chatConversations.svg'));
    expect(diagram?.width).toBeGreaterThan(100);
    expect(images.every((i) => i.width > 0)).toBe(true);
  });

  test.each(publicOperators())('%s: its page shows each diagram of its TSDoc, drawn', (name) => {
    const visit = visits.get(`functions/index.${name}.html`);
    expect({ name, visited: visit !== undefined }).toEqual({ name, visited: true });
    const expected = diagramsOf(name).diagrams.map((d) =>
      d.rows.reduce((n, r) => n + r.events.filter((e) => e.kind === 'value').length, 0),
    );
    expect(visit?.diagrams.map((d) => d.values)).toEqual(expected);
    expect(visit?.textWrap).toEqual(expected.length > 0 ? expect.arrayContaining(['pre']) : []);
    expect(visit?.textWrap.filter((w) => w !== 'pre')).toEqual([]);
    for (const d of visit?.diagrams ?? []) {
      expect(d.width).toBeGreaterThan(100);
      expect(d.height).toBeGreaterThan(40);
    }
  });
});
