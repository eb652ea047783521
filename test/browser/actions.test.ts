// The dashboard's action buttons (examples/dashboard/actions.ts, built into dist/dashboard by `npm run build`) in
// Debian's Chromium against a simulator with no scenario: the test publishes the resources (a device, a call, a chat,
// an IM session, an email, a workitem), clicks through every operation the dashboard offers on them, and reads the
// outcome each action shows (pending → confirmed, or failed), the resource's new state on the page, and the
// simulator's own state (its snapshot, and its log of the operations it performed or refused).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { GwsSimulator } from '../../src/sim/index';
import { launchChromium, startPageSimulator, untilSubscribed } from './chromium';

const root = resolve(__dirname, '../..');
const dashboardDir = join(root, 'dist/dashboard');

jest.setTimeout(90_000);

let sim: GwsSimulator;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const simLog: string[] = [];

const customer = { nickname: 'Alice', type: 'Customer', participantId: 'P-CUST' };

beforeAll(async () => {
  if (!existsSync(join(dashboardDir, 'app.js'))) throw new Error('dashboard bundle missing: run `npm run build` first');
  sim = await startPageSimulator(dashboardDir, (line) => simLog.push(line));
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(sim.url + '/');
  await page.waitForSelector('[data-testid="connection-status"][data-status="connected"]');
  // The dashboard shows what arrives as notifications: publish once its subscriptions are in place.
  await untilSubscribed(
    sim,
    ['devices', 'calls', 'chats', 'im-sessions', 'emails', 'workitems'].map((t) => `/v2/me/${t}`),
  );
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
  sim.publish('/v2/me/im-sessions', {
    messageType: 'IMSessionStateChangeMessage',
    notificationType: 'StatusChange',
    imSession: { id: 'im1', state: 'Invited', path: '/im-sessions/im1', capabilities: ['Accept', 'Reject'] },
  });
  sim.publish('/v2/me/emails', {
    messageType: 'EmailStateChangeMessage',
    notificationType: 'StatusChange',
    email: {
      id: 'e1',
      state: 'Invited',
      emailType: 'Inbound',
      from: 'alice@example.com',
      subject: 'My order',
      capabilities: ['Accept', 'Reject'],
    },
  });
  sim.publish('/v2/me/workitems', {
    messageType: 'WorkitemStateChangeMessage',
    notificationType: 'StatusChange',
    workitem: { id: 'w1', state: 'Invited', subject: 'Refund request', capabilities: ['Accept', 'Reject'] },
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

/** The live resource of a snapshot list with this id, as the simulator holds it (undefined once ended). */
const simTruth = (list: 'imSessions' | 'emails' | 'workitems', id: string) =>
  sim.snapshot()[list].find((r) => r.id === id);

/**
 * Clicks the button `name` of an entry (a selector), expects its action confirmed (the log line `label: confirmed`),
 * then waits for the entry to show the resource's new `state`, or to leave the list when it ended (`undefined`).
 */
const confirmedStep = async (entry: string, name: string, label: string, state: string | undefined) => {
  expect(await act(`${entry} [data-testid="action-${name}"]`)).toEqual({
    status: 'confirmed',
    text: `${label}: confirmed`,
  });
  if (state === undefined) await page.waitForSelector(entry, { state: 'detached' });
  else await page.waitForSelector(`${entry}[data-state="${state}"]`);
};

test('IM session: Accept, send the typed message (it joins the session’s transcript), Complete', async () => {
  const im = '[data-testid="action-im-session"][data-id="im1"]';
  await page.waitForSelector(`${im}[data-state="Invited"]`);
  expect(await page.isDisabled(`${im} [data-testid="action-send"]`)).toBe(true);
  await confirmedStep(im, 'accept', 'Accept IM session im1', 'Talking');
  await page.waitForSelector('[data-testid="im-session"][data-id="im1"][data-state="Talking"]');
  expect(simTruth('imSessions', 'im1')).toMatchObject({ state: 'Talking' });

  await page.fill('[data-testid="action-text"]', 'Can you take my 3pm callback?');
  await confirmedStep(im, 'send', 'SendMessage IM session im1', 'Talking');
  await page.waitForSelector('[data-testid="im-session"][data-id="im1"]:has-text("Can you take my 3pm callback?")');
  expect(simLog).toContainEqual(expect.stringMatching(/^operation: SendMessage on IM session im1 /));

  await confirmedStep(im, 'complete', 'Complete IM session im1', undefined);
  expect(simTruth('imSessions', 'im1')).toBeUndefined();
});

test('email: Accept, Reply (a new outbound email), Send the reply with the typed body, Complete the inbound one', async () => {
  const inbound = '[data-testid="action-email"][data-id="e1"]';
  await page.waitForSelector(`${inbound}[data-state="Invited"]`);
  expect(await page.isDisabled(`${inbound} [data-testid="action-reply"]`)).toBe(true);
  await confirmedStep(inbound, 'accept', 'Accept email e1', 'Processing');
  expect(simTruth('emails', 'e1')).toMatchObject({ state: 'Processing' });

  await confirmedStep(inbound, 'reply', 'Reply email e1', 'Processing');
  const reply = sim.snapshot().emails.find((e) => e.parentId === 'e1');
  expect(reply).toMatchObject({ state: 'Composing', subject: 'Re: My order', to: ['alice@example.com'] });
  const replyId = reply?.id ?? '?';
  const outbound = `[data-testid="action-email"][data-id="${replyId}"]`;
  await page.waitForSelector(`${outbound}[data-state="Composing"]`);
  expect(await page.isDisabled(`${inbound} [data-testid="action-send"]`)).toBe(true);

  await page.fill('[data-testid="action-text"]', 'Your order ships today.');
  const request = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(`/api/v2/me/emails/${replyId}`));
  await confirmedStep(outbound, 'send', `Send email ${replyId}`, undefined);
  expect((await request).postDataJSON()).toEqual({ operationName: 'Send', body: 'Your order ships today.' });
  expect(simLog.filter((l) => l.startsWith('operation: ')).map((l) => l.split(' (')[0])).toEqual(
    expect.arrayContaining([`operation: Reply on email e1`, `operation: Send on email ${replyId}`]),
  );
  expect(sim.snapshot().emails.map((e) => [e.id, e.state])).toEqual([['e1', 'Processing']]);

  await confirmedStep(inbound, 'complete', 'Complete email e1', undefined);
  expect(sim.snapshot().emails).toEqual([]);
});

test('workitem: a rejected Accept shows the error and changes nothing; then Accept and Complete', async () => {
  const item = '[data-testid="action-workitem"][data-id="w1"]';
  await page.waitForSelector(`${item}[data-state="Invited"]`);
  expect(await page.isDisabled(`${item} [data-testid="action-complete"]`)).toBe(true);
  sim.faults.rejectOperations(5);
  try {
    expect(await act(`${item} [data-testid="action-accept"]`)).toEqual({
      status: 'failed',
      text: 'Accept workitem w1: failed: gws-rx: Accept on "w1" failed: rejected: statusCode 5, HTTP 403: Rejected by fault switch',
    });
  } finally {
    sim.faults.rejectOperations(false);
  }
  expect(simLog).toContain('fault: Accept on workitem w1 rejected with statusCode 5');
  expect(simTruth('workitems', 'w1')).toMatchObject({ state: 'Invited' });
  expect(await page.getAttribute(item, 'data-state')).toBe('Invited');

  await confirmedStep(item, 'accept', 'Accept workitem w1', 'Processing');
  await page.waitForSelector('[data-testid="workitem"][data-id="w1"][data-state="Processing"]');
  expect(simTruth('workitems', 'w1')).toMatchObject({ state: 'Processing' });
  await confirmedStep(item, 'complete', 'Complete workitem w1', undefined);
  expect(simTruth('workitems', 'w1')).toBeUndefined();
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
