// The dashboard's supervisor mode (`/?supervisor`) in Debian's Chromium under a small supervisor load: every live chat
// is counted, only the rows in view are in the DOM, rows in view are redrawn as their chats change, scrolling draws the
// rows scrolled to, and once the load stops the page shows the simulator's state and has counted every notification.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { startSimulator, playSupervisor } from '../../src/sim/index';
import type { GwsSimulator } from '../../src/sim/index';
import { dashboardRoutes } from '../../src/cli/dashboard';

const dashboardDir = join(resolve(__dirname, '../..'), 'dist/dashboard');
const CHROMIUM = '/usr/bin/chromium';
const CHATS = 400;

jest.setTimeout(90_000);

describe('browser dashboard in supervisor mode (Chromium)', () => {
  let sim: GwsSimulator;
  let stop: () => void = () => undefined;
  let published = 0;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const rowIds = (): Promise<string[]> =>
    page.$$eval('[data-testid="conversation"]', (els) => els.map((e) => e.getAttribute('data-id') ?? ''));

  beforeAll(async () => {
    if (!existsSync(join(dashboardDir, 'app.js'))) throw new Error('dashboard bundle missing: run `npm run build`');
    sim = await startSimulator({ port: 0, routes: dashboardRoutes(dashboardDir), bayeux: { timeout: 1000 } });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${sim.url}/?supervisor`);
    await page.waitForSelector('[data-testid="connection-status"][data-status="connected"]');
    // The page reads no snapshot: the opening must come after it subscribed.
    while (sim.subscriberCount('/v2/me/chats') === 0) await new Promise((r) => setTimeout(r, 20));
    // Every notification the load publishes is counted here, to hold the page's own count against.
    const counted = { publish: (c: string, d: Readonly<Record<string, unknown>>) => (published++, sim.publish(c, d)) };
    stop = playSupervisor(counted, { seed: 4, chats: CHATS, calls: 20, agents: 5, rate: 50, baseUrl: sim.url });
  });

  afterAll(async () => {
    stop();
    await page?.close().catch(() => undefined);
    await browser?.close();
    await sim?.close();
  });

  it('counts every live chat but keeps only the rows in view in the DOM', async () => {
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="conversation-count"]')?.textContent) >= n - 1,
      CHATS,
    );
    const ids = await rowIds();
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThan(100);
    expect(ids.every((id) => id.startsWith('sv-chat-'))).toBe(true);
  });

  it('redraws a row in view when its chat changes', async () => {
    const rows = (): Promise<[string, number][]> =>
      page.$$eval('[data-testid="conversation"]', (els) =>
        els.map((e): [string, number] => [e.getAttribute('data-id') ?? '', Number(e.getAttribute('data-messages'))]),
      );
    const before = new Map(await rows());
    const grown = await page.waitForFunction(
      (first) =>
        Array.from(document.querySelectorAll('[data-testid="conversation"]')).some(
          (e) => Number(e.getAttribute('data-messages')) > (first[e.getAttribute('data-id') ?? ''] ?? Infinity),
        ),
      Object.fromEntries(before),
      { polling: 100 },
    );
    expect(await grown.jsonValue()).toBe(true);
    const after = await rows();
    expect(after.some(([id, n]) => n > (before.get(id) ?? Infinity))).toBe(true);
  });

  it('draws the rows scrolled to', async () => {
    const before = new Set(await rowIds());
    await page.$eval('[data-testid="conversations"]', (el) => el.scrollTo(0, el.scrollHeight));
    await page.waitForFunction(
      (first) =>
        Array.from(document.querySelectorAll('[data-testid="conversation"]')).every(
          (e) => !first.includes(e.getAttribute('data-id') ?? ''),
        ),
      [...before],
    );
    const after = await rowIds();
    expect(after.length).toBeGreaterThan(0);
    expect(after.some((id) => before.has(id))).toBe(false);
  });

  it("once the load stops, shows the simulator's state and has counted every notification it published", async () => {
    stop();
    const total = (): Promise<number> =>
      page.$eval('[data-testid="notification-rate"]', (e) => Number(e.getAttribute('data-total')));
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="notification-rate"]')?.getAttribute('data-total')) >= n,
      published,
    );
    // Each topic's first state read is counted too: a few above what was published, never below.
    expect(await total()).toBeGreaterThanOrEqual(published);
    expect(await total()).toBeLessThan(published + 10);
    const live = sim.snapshot().chats.length;
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="conversation-count"]')?.textContent) === n,
      live,
    );
    // Every row in view shows its chat's transcript length as the simulator has it (by the next frame or so).
    const rows = () =>
      page.$$eval('[data-testid="conversation"]', (els) =>
        els.map((e) => ({ id: e.getAttribute('data-id') ?? '', messages: Number(e.getAttribute('data-messages')) })),
      );
    const truth = (shown: { id: string }[]) => shown.map(({ id }) => ({ id, messages: sim.transcript(id).length }));
    let shown = await rows();
    for (let i = 0; i < 50 && JSON.stringify(shown) !== JSON.stringify(truth(shown)); i++) {
      await new Promise((r) => setTimeout(r, 100));
      shown = await rows();
    }
    expect(shown.length).toBeGreaterThan(0);
    expect(shown).toEqual(truth(shown));
  });

  it('raised no page errors and shows no decode failures', async () => {
    expect(pageErrors).toEqual([]);
    expect(await page.textContent('[data-testid="decode-failures"]')).toBe('0');
  });
});
