// The dashboard's action buttons (examples/dashboard/actions.ts, built into dist/dashboard by `npm run build`) in
// Debian's Chromium against a simulator with no scenario: the test publishes the resources, clicks, and reads the
// outcome each action shows (pending → confirmed, or failed) and the resource's new state.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { startSimulator } from '../../src/sim/index';
import type { GwsSimulator } from '../../src/sim/index';
import { dashboardRoutes } from '../../src/cli/dashboard';

const root = resolve(__dirname, '../..');
const dashboardDir = join(root, 'dist/dashboard');
const CHROMIUM = '/usr/bin/chromium';

jest.setTimeout(90_000);

let sim: GwsSimulator;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const customer = { nickname: 'Alice', type: 'Customer', participantId: 'P-CUST' };

beforeAll(async () => {
  if (!existsSync(join(dashboardDir, 'app.js'))) throw new Error('dashboard bundle missing: run `npm run build` first');
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing: apt-get install chromium`);
  sim = await startSimulator({ port: 0, routes: dashboardRoutes(dashboardDir), bayeux: { timeout: 1000 } });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(sim.url + '/');
  await page.waitForSelector('[data-testid="connection-status"][data-status="connected"]');
  // The dashboard shows what arrives as notifications: publish once its subscriptions are in place.
  for (const topic of ['/v2/me/devices', '/v2/me/calls', '/v2/me/chats'])
    while (sim.subscriberCount(topic) === 0) await new Promise((r) => setTimeout(r, 20));
  sim.publish('/v2/me/devices', {
    messageType: 'DeviceStateChangeMessage',
    devices: [{ id: 'dev-1', deviceState: 'Active', userState: { state: 'NotReady' }, phoneNumber: '5000' }],
  });
  sim.publish('/v2/me/calls', {
    messageType: 'CallStateChangeMessage',
    notificationType: 'StatusChange',
    call: { id: 'k1', state: 'Ringing', callType: 'Inbound', ani: '15001', capabilities: ['Answer'] },
  });
  sim.publish('/v2/me/chats', {
    messageType: 'ChatStateChangeMessage',
    notificationType: 'StatusChange',
    chat: {
      id: 'h1',
      state: 'Invited',
      uri: `${sim.url}/api/v2/chats/h1`,
      participants: [customer],
      capabilities: ['Accept'],
    },
  });
});

afterAll(async () => {
  await page?.close().catch(() => undefined);
  await browser?.close();
  await sim?.close();
});

/** Clicks a button (once enabled) and waits for the outcome of the action it started: its final log line. */
const act = async (selector: string): Promise<{ status: string; text: string }> => {
  // the log shows the newest line first, numbered in order
  const last = await page.$eval('[data-testid="actions-log"]', (ul) => ul.firstElementChild?.getAttribute('data-seq'));
  await page.click(`${selector}:not([disabled])`);
  const seq = String(Number(last ?? '0') + 1);
  const line = `[data-testid="action"][data-seq="${seq}"]`;
  await page.waitForSelector(`${line}:is([data-status="confirmed"], [data-status="failed"])`);
  return page.$eval(line, (e) => ({ status: e.getAttribute('data-status') ?? '', text: e.textContent ?? '' }));
};

test('agent: Not ready then Ready, each confirmed by the device’s new state', async () => {
  expect(await act('[data-testid="action-ready"]')).toEqual({ status: 'confirmed', text: 'Ready: confirmed' });
  expect(sim.snapshot().devices[0]?.userState).toMatchObject({ state: 'Ready' });
  expect(await act('[data-testid="action-not-ready"]')).toEqual({ status: 'confirmed', text: 'NotReady: confirmed' });
  expect(sim.snapshot().devices[0]?.userState).toMatchObject({ state: 'NotReady' });
});

test('call: only the allowed buttons are enabled; Answer, Hold, Retrieve, Hang up each confirmed', async () => {
  const call = '[data-testid="action-call"][data-id="k1"]';
  await page.waitForSelector(`${call}[data-state="Ringing"]`);
  expect(await page.isDisabled(`${call} [data-testid="action-hold"]`)).toBe(true);
  expect((await act(`${call} [data-testid="action-answer"]`)).status).toBe('confirmed');
  await page.waitForSelector(`${call}[data-state="Established"]`);
  expect((await act(`${call} [data-testid="action-hold"]`)).status).toBe('confirmed');
  await page.waitForSelector(`${call}[data-state="Held"]`);
  expect(await page.isDisabled(`${call} [data-testid="action-hold"]`)).toBe(true);
  expect((await act(`${call} [data-testid="action-retrieve"]`)).status).toBe('confirmed');
  await page.waitForSelector(`${call}[data-state="Established"]`);
  expect((await act(`${call} [data-testid="action-hangup"]`)).text).toBe('Hangup call k1: confirmed');
  await page.waitForSelector(call, { state: 'detached' });
  expect(sim.snapshot().calls).toEqual([]);
});

test('chat: Accept, send the typed message (it joins the transcript), Complete', async () => {
  const chat = '[data-testid="action-chat"][data-id="h1"]';
  await page.waitForSelector(`${chat}[data-state="Invited"]`);
  expect((await act(`${chat} [data-testid="action-accept"]`)).status).toBe('confirmed');
  await page.waitForSelector(`${chat}[data-state="Chatting"]`);
  await page.fill('[data-testid="action-text"]', 'Hi Alice, how can I help?');
  expect(await act(`${chat} [data-testid="action-send"]`)).toEqual({
    status: 'confirmed',
    text: 'SendMessage chat h1: confirmed',
  });
  await page.waitForSelector(
    '[data-testid="conversation"][data-id="h1"] [data-testid="transcript-line"]:has-text("Hi Alice, how can I help?")',
  );
  expect((await act(`${chat} [data-testid="action-complete"]`)).status).toBe('confirmed');
  await page.waitForSelector(chat, { state: 'detached' });
});

test('an operation the server rejects shows failed with the reason, and changes nothing', async () => {
  sim.faults.rejectOperations(3);
  try {
    const outcome = await act('[data-testid="action-ready"]');
    expect(outcome.status).toBe('failed');
    expect(outcome.text).toMatch(/^Ready: failed: .*\b3\b/);
  } finally {
    sim.faults.rejectOperations(false);
  }
  expect(sim.snapshot().devices[0]?.userState).toMatchObject({ state: 'NotReady' });
  expect(pageErrors).toEqual([]);
});
