// 4. The browser dashboard under a supervisor's load (issue #15), in Debian's Chromium driven by playwright-core:
// the simulator (in this process) serves dist/dashboard and plays supervisorLoad (by default 5,000 live chats, 200
// calls, 100 agents, 1,000 notifications/s); the page, opened in supervisor mode (`/?supervisor`, the chat list
// virtualized by examples/dashboard/list.ts), is measured over a window: frames per second (requestAnimationFrame
// callbacks counted in the page), the main thread's busy share (CDP Performance.getMetrics, TaskDuration over wall
// time: on a loaded machine it counts the time tasks waited for a core), the renderer's CPU time (SystemInfo, all
// its threads, per second of wall time), and the notifications the page received and decoded per second (its own counter, the header's
// notifications/s, next to what the load published and what came over the network). After the window the load stops
// and the page must have received everything published (how long that took says how far behind it was). An idle page
// in the same browser, measured before and after, is the frames/s reference on a shared machine; the same dashboard
// without `?supervisor` (every chat drawn in full) is the other.
import { createReadStream, existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startSimulator, playSupervisor } from '../dist/sim.js';

const CHROMIUM = '/usr/bin/chromium';
const DASHBOARD = new URL('../dist/dashboard/', import.meta.url);
const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/** Serves the built dashboard (its page and bundle) on the simulator's origin. */
const routes = (
  /** @type {import('node:http').IncomingMessage} */ req,
  /** @type {import('node:http').ServerResponse} */ res,
) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  const file = path === '/' ? 'index.html' : /^\/app\.js$/.test(path) ? 'app.js' : undefined;
  if (req.method !== 'GET' || file === undefined) return false;
  res.writeHead(200, { 'Content-Type': file.endsWith('.html') ? 'text/html' : 'text/javascript' });
  createReadStream(new URL(file, DASHBOARD)).pipe(res);
  return true;
};

/**
 * CPU seconds used so far by the browser's renderer processes (every thread: main, compositor, raster). Unlike the
 * main thread's busy time, this does not count the time a task waited for a core on a loaded machine.
 * @param {import('playwright-core').Browser} browser
 */
async function rendererCpu(browser) {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = /** @type {{ processInfo: { type: string, cpuTime: number }[] }} */ (
      await cdp.send('SystemInfo.getProcessInfo')
    );
    return processInfo.filter((p) => p.type === 'renderer').reduce((sum, p) => sum + p.cpuTime, 0);
  } finally {
    await cdp.detach();
  }
}

/**
 * One measured page load.
 * @param {import('playwright-core').Browser} browser
 * @param {{ supervisor: boolean, chats: number, calls: number, agents: number, rate: number, seconds: number, seed: number }} job
 */
async function measurePage(browser, job) {
  const sim = await startSimulator({ port: 0, routes, requireAuth: true });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Notifications the page received (from the Bayeux responses it got), so a page that fell behind or lost its
  // session shows as such rather than as an idle, fast page.
  let received = 0;
  page.on('response', (r) => {
    if (!r.url().includes('/api/v2/notifications')) return;
    r.json()
      .then((messages) => {
        if (Array.isArray(messages))
          received += messages.filter((m) => !String(m?.channel).startsWith('/meta/')).length;
      })
      .catch(() => undefined);
  });
  let stop = () => {};
  // Everything the load publishes goes through here, so the page's count can be held against it.
  let published = 0;
  const counted = {
    publish: (/** @type {string} */ c, /** @type {Record<string, unknown>} */ d) => (published++, sim.publish(c, d)),
  };
  /** The page's own count of the notifications it received: total, and when the page last wrote it (page ms). */
  const pageCount = () =>
    page.$eval('[data-testid="notification-rate"]', (e) => ({
      total: Number(e.getAttribute('data-total')),
      at: Number(e.getAttribute('data-at')),
    }));
  try {
    await page.goto(`${sim.url}/${job.supervisor ? '?supervisor' : ''}`);
    await page.waitForSelector('[data-testid="connection-status"][data-status="connected"]', { timeout: 60_000 });
    // The page must be subscribed before the opening is published (it is not read back from the snapshot).
    while (['/v2/me/chats', '/v2/me/calls', '/v2/me/devices'].some((c) => sim.subscriberCount(c) === 0))
      await sleep(20);
    stop = playSupervisor(counted, { ...job, idPrefix: 'b-', baseUrl: sim.url });
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="conversation-count"]')?.textContent) >= n,
      job.chats,
      { polling: 200, timeout: 180_000 },
    );
    // Settle: the opening's backlog is not part of the measure. Wait (up to 60 s) until the page has received all
    // but two seconds' worth of what was published (its count is written once a second), i.e. it has caught up with what was queued for it.
    for (let i = 0; i < 60 && (await pageCount()).total < published - 2 * job.rate; i++) await sleep(1000);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const metric = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const get = (/** @type {string} */ name) => metrics.find((m) => m.name === name)?.value ?? NaN;
      return {
        at: get('Timestamp'),
        task: get('TaskDuration'),
        script: get('ScriptDuration'),
        layout: get('LayoutDuration'),
        style: get('RecalcStyleDuration'),
      };
    };
    await page.evaluate(() => {
      const w = /** @type {any} */ (globalThis);
      w.__frames = [];
      const frame = (/** @type {number} */ t) => {
        w.__frames.push(t);
        w.requestAnimationFrame(frame);
      };
      w.requestAnimationFrame(frame);
    });
    const cpuBefore = await rendererCpu(browser);
    const before = await metric();
    const receivedBefore = received;
    const publishedBefore = published;
    const pageBefore = await pageCount();
    const countBefore = await page.evaluate(() => /** @type {any} */ (window).__frames.length);
    await sleep(job.seconds * 1000);
    const after = await metric();
    const cpuAfter = await rendererCpu(browser);
    const pageAfter = await pageCount();
    const receivedPerSec = (received - receivedBefore) / (after.at - before.at);
    const publishedPerSec = (published - publishedBefore) / (after.at - before.at);
    const pageReceivedPerSec = ((pageAfter.total - pageBefore.total) * 1000) / (pageAfter.at - pageBefore.at);
    const frames = await page.evaluate((from) => /** @type {any} */ (window).__frames.slice(from), countBefore);
    const gaps = frames.slice(1).map((/** @type {number} */ t, /** @type {number} */ i) => t - frames[i]);
    const shown = Number(await page.textContent('[data-testid="conversation-count"]'));
    const rows = await page.$$eval('[data-testid="conversation"]', (els) => els.length);
    // Stop the load: the page has kept up if it gets everything published within a few seconds (its count is
    // written once a second; it includes each topic's first state read, so it may end a few above).
    stop();
    const stoppedAt = Date.now();
    let last = await pageCount();
    while (last.total < published && Date.now() - stoppedAt < 30_000) {
      await sleep(250);
      last = await pageCount();
    }
    return {
      supervisor: job.supervisor,
      fps: (frames.length - 1) / ((frames.at(-1) - frames[0]) / 1000),
      longestFrameMs: Math.max(...gaps),
      busy: (after.task - before.task) / (after.at - before.at),
      rendererCpu: (cpuAfter - cpuBefore) / (after.at - before.at),
      script: (after.script - before.script) / (after.at - before.at),
      layout: (after.layout - before.layout) / (after.at - before.at),
      style: (after.style - before.style) / (after.at - before.at),
      receivedPerSec,
      publishedPerSec,
      pageReceivedPerSec,
      /** Published but not received 30 s after the load stopped (0: the page got everything). */
      missing: Math.max(0, published - last.total),
      /** Seconds from the load's stop until the page had received everything (±1 s: the page's count is per second). */
      drainSeconds: (Date.now() - stoppedAt) / 1000,
      shown,
      rows,
      errors,
    };
  } finally {
    stop();
    await page.close().catch(() => undefined);
    await sim.close();
  }
}

/**
 * @param {{ seconds: number, chats?: number, calls?: number, agents?: number, rate?: number, reference?: boolean, log: (s: string) => void }} opts
 */
export async function runBrowser(opts) {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing: apt-get install chromium`);
  if (!existsSync(new URL('app.js', DASHBOARD))) throw new Error('dist/dashboard missing: npm run build');
  const job = {
    seed: 15,
    chats: opts.chats ?? 5000,
    calls: opts.calls ?? 200,
    agents: opts.agents ?? 100,
    rate: opts.rate ?? 1000,
    seconds: opts.seconds,
  };
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  /** Frames/s of an empty page in the same browser, on the same (shared, busy) machine: the reference. */
  const idle = async () => {
    const blank = await browser.newPage();
    const fps = await blank.evaluate(
      (ms) =>
        new Promise((done) => {
          const w = /** @type {any} */ (globalThis);
          let frames = 0;
          const t0 = w.performance.now();
          const frame = () => {
            frames++;
            if (w.performance.now() - t0 < ms) w.requestAnimationFrame(frame);
            else done((frames * 1000) / (w.performance.now() - t0));
          };
          w.requestAnimationFrame(frame);
        }),
      Math.min(job.seconds * 1000, 5000),
    );
    await blank.close();
    return /** @type {number} */ (fps);
  };
  try {
    const idleBefore = await idle();
    opts.log(`  browser: supervisor mode, ${job.chats} chats at ${job.rate}/s`);
    const supervisor = await measurePage(browser, { ...job, supervisor: true });
    const idleAfter = await idle();
    /** @type {Awaited<ReturnType<typeof measurePage>> | null | undefined} null: it failed */
    let reference;
    if (opts.reference !== false) {
      opts.log('  browser: reference, every chat drawn in full');
      // Drawing every chat may not even get through the opening: then the reference says so instead of failing the run.
      reference = await measurePage(browser, { ...job, supervisor: false }).catch((/** @type {unknown} */ e) => {
        opts.log(`  browser: reference failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
        return null;
      });
    }
    // The idle page before and after the supervisor page: their mean is the reference, both are reported.
    return { ...job, idleFps: (idleBefore + idleAfter) / 2, idleBefore, idleAfter, supervisor, reference };
  } finally {
    await browser.close();
  }
}
