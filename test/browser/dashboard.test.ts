// Drives the browser dashboard (examples/dashboard, built into dist/dashboard by `npm run build`) in Debian's Chromium against the
// embedded simulator, served from the same origin as the dashboard.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { startSimulator, generateShift, play } from '../../src/sim/index';
import type { GwsSimulator } from '../../src/sim/index';
import { dashboardRoutes } from '../../src/cli/dashboard';

const root = resolve(__dirname, '../..');
const dashboardDir = join(root, 'dist/dashboard');
const bundle = join(dashboardDir, 'app.js');
const CHROMIUM = '/usr/bin/chromium';

jest.setTimeout(90_000);

describe('browser dashboard bundle', () => {
  it('holds no Node-only code (simulator, CLI, cometd-nodejs-client, node: builtins)', () => {
    const code = readFileSync(bundle, 'utf8');
    for (const marker of ['cometd-nodejs-client', 'node:http', 'node:fs', 'createCometDServer', 'process.stdout']) {
      expect(code).not.toContain(marker);
    }
  });
});

describe('browser dashboard (Chromium)', () => {
  let sim: GwsSimulator;
  let stopScenario: () => void;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(bundle)) throw new Error(`dashboard bundle missing (${bundle}): run \`npm run build\` first`);
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing: apt-get install chromium`);
    // A short long-poll: cometd-nodejs-server's close() leaves the timer of a suspended /meta/connect running, and
    // restartBayeux() closes a server mid long-poll; with 1 s that timer is long gone when the test ends.
    sim = await startSimulator({ port: 0, routes: dashboardRoutes(dashboardDir), bayeux: { timeout: 1000 } });
    stopScenario = play(sim, (i) => generateShift({ seed: 3 + i, idPrefix: `b${i}-`, baseUrl: sim.url }), {
      speed: 4,
      loop: true,
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(sim.url + '/');
  });

  afterAll(async () => {
    await page?.close().catch(() => undefined);
    await browser?.close();
    stopScenario?.();
    await sim?.close();
  });

  it('connects with the browser transport and shows the connection state', async () => {
    await page.waitForSelector('[data-testid="connection-status"][data-status="connected"]');
    expect(await page.textContent('[data-testid="connection-status"]')).toBe('connected');
  });

  it('reads the state once subscribed: services and agents published before the page loaded show at once', async () => {
    await page.waitForSelector('[data-testid="sync-status"][data-status="synced"]');
    await page.waitForSelector('[data-testid="service"]');
    expect(await page.textContent('[data-testid="service"]')).toMatch(/SIPS Voice: (Active|Inactive)/);
    const agents = await page.$$eval('[data-testid="agent"]', (els) => els.map((e) => e.getAttribute('data-id')));
    expect(agents.length).toBeGreaterThan(0);
  });

  /**
   * The `attribute` of every element matching `selector`, read in the page in the same frame that found at least one:
   * the scenario ends conversations too, so a second look could find none left.
   */
  const shown = async (selector: string, attribute: string, timeout = 30_000): Promise<(string | null)[]> => {
    const found = await page.waitForFunction(
      ([sel, attr]) => {
        const els = Array.from(document.querySelectorAll(sel));
        return els.length > 0 && els.map((e) => e.getAttribute(attr));
      },
      [selector, attribute] as const,
      { timeout },
    );
    return (await found.jsonValue()) as (string | null)[];
  };

  it('shows IM sessions, emails and workitems in their own panels', async () => {
    for (const testId of ['im-session', 'email', 'workitem']) {
      const states = await shown(`[data-testid="${testId}"]`, 'data-state', 60_000);
      expect(states.length).toBeGreaterThan(0);
      expect(states.every((s) => typeof s === 'string' && s.length > 0)).toBe(true);
    }
  });

  it('shows agents and chat conversations as they appear', async () => {
    await page.waitForSelector('[data-testid="agent"]');
    const ids = await shown('[data-testid="conversation"]', 'data-id');
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
  });

  it('shows who is typing and the calls', async () => {
    const typing = await page.waitForSelector('[data-testid="typing"]:not(:empty)', { timeout: 60_000 });
    expect(await typing.textContent()).toMatch(/typing/);
    await page.waitForSelector('[data-testid="call"]', { timeout: 60_000 });
    const states = await page.$$eval('[data-testid="call"]', (els) => els.map((e) => e.getAttribute('data-state')));
    expect(states.every((s) => typeof s === 'string' && s.length > 0)).toBe(true);
  });

  it('grows a transcript as messages arrive', async () => {
    // Remember each conversation's first message count in the page; succeed when one of them has grown.
    const grown = await page.waitForFunction(
      () => {
        const w = window as unknown as { seen?: Record<string, number> };
        const seen = (w.seen ??= {});
        for (const el of Array.from(document.querySelectorAll('[data-testid="conversation"]'))) {
          const id = el.getAttribute('data-id') ?? '';
          const n = Number(el.getAttribute('data-messages'));
          const first = seen[id];
          if (first === undefined) seen[id] = n;
          else if (n > first && el.querySelectorAll('[data-testid="transcript-line"]').length > 0)
            return { id, from: first, to: n };
        }
        return false;
      },
      undefined,
      { polling: 100, timeout: 60_000 },
    );
    const { from, to } = (await grown.jsonValue()) as { id: string; from: number; to: number };
    expect(to).toBeGreaterThan(from);
    mkdirSync(join(root, 'test-output'), { recursive: true });
    await page.screenshot({ path: join(root, 'test-output/dashboard.png'), fullPage: true });
    expect(existsSync(join(root, 'test-output/dashboard.png'))).toBe(true);
  });

  it('shows reconnecting, then connected again, when the simulator restarts its Bayeux server', async () => {
    await page.waitForSelector('[data-testid="connection-status"][data-status="connected"]');
    // Record every status the badge takes (a MutationObserver misses none, however brief).
    await page.evaluate(() => {
      const badge = document.querySelector('[data-testid="connection-status"]');
      const w = window as unknown as { statuses: string[] };
      w.statuses = [];
      new MutationObserver(() => w.statuses.push(badge?.getAttribute('data-status') ?? '')).observe(badge as Node, {
        attributes: true,
        attributeFilter: ['data-status'],
      });
    });
    sim.faults.restartBayeux();
    await page.waitForFunction(
      () => {
        const s = (window as unknown as { statuses: string[] }).statuses;
        const r = s.indexOf('reconnecting');
        return r >= 0 && s.indexOf('connected', r) > r;
      },
      undefined,
      { polling: 100, timeout: 60_000 },
    );
    const statuses = await page.evaluate(() => (window as unknown as { statuses: string[] }).statuses);
    expect(statuses).toContain('reconnecting');
    expect(statuses.at(-1)).toBe('connected');
    expect(statuses).not.toContain('failed');
    // The dashboard keeps working after the restart: conversations still render.
    await page.waitForSelector('[data-testid="conversation"]');
  });

  it('raised no page errors and shows no decode failures', async () => {
    expect(pageErrors).toEqual([]);
    expect(await page.textContent('[data-testid="decode-failures"]')).toBe('0');
  });
});
