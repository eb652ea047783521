// Recovery proven against the simulator's truth: a Node client with syncedTopic on every topic, each piped into its
// state operator, is cut off while a chat completes, a new one starts, a transcript grows by 20 messages, an agent
// goes NotReady, a service goes down and a workbin item is removed. After the reconnect (sync$ synced) the client's
// state equals the simulator's for every kind. The same story through the plain topics (no state reads) is the
// control: there the client stays behind, so the comparison can fail.
import { filter, firstValueFrom } from 'rxjs';
import * as node from '../../src/node';
import { startSimulator } from '../../src/sim';
import type { GwsSimulator } from '../../src/sim/server';
import type { GwsClient } from '../../src/client/createGwsClientWith';
import type { SyncState } from '../../src/client/index';
import { startProxy } from '../fixtures/proxy';
import type { TcpProxy } from '../fixtures/proxy';
import { clientTruth, divergences, simTruth, watchClient } from './truth';
import type { RecoveryLib, Watch } from './truth';

const lib: RecoveryLib = node;
const BASE = 'http://gws.example';

const chat = (id: string, state: string) => ({
  messageType: 'ChatStateChangeMessage',
  notificationType: 'StatusChange',
  chat: {
    id,
    state,
    uri: `${BASE}/api/v2/chats/${id}`,
    participants: [{ nickname: 'Alice', type: 'Customer', participantId: 'p1' }],
    capabilities: state === 'Completed' ? [] : ['Complete', 'SendMessage'],
  },
});
const log = (id: string, from: number, count: number) => ({
  messageType: 'MessageLogUpdated',
  notificationType: 'NewMessages',
  chatUri: `${BASE}/api/v2/chats/${id}`,
  messages: Array.from({ length: count }, (_, i) => ({
    index: from + i,
    type: 'Text',
    text: `message ${from + i}`,
    from: { nickname: 'Alice', type: 'Customer', participantId: 'p1' },
    visibility: 'All',
  })),
});
const device = (id: string, state: string) => ({
  messageType: 'DeviceStateChangeMessage',
  devices: [{ id, deviceState: 'Active', userState: { id: `state-${state}`, state }, phoneNumber: '5000' }],
});
const service = (state: string) => ({
  messageType: 'ServiceStateChangeMessage',
  service: { id: 'voice', name: 'SIPS', type: 'Voice', state },
});
const workbin = (action: string, id: string) => ({
  messageType: 'WorkbinStateChangeMessage',
  id: 'workbin-personal',
  action,
  emailStateResourceV2: { id, state: 'InWorkbin', subject: `Order ${id}` },
});
const media = (topic: string, messageType: string, key: string, id: string, state: string) =>
  [topic, { messageType, notificationType: 'StatusChange', [key]: { id, state } }] as const;

/** Before the cut: two chats with transcripts, a call, an email, a workitem, an IM session, agents, a service, a workbin. */
function before(sim: GwsSimulator): void {
  sim.publish('/v2/me/chats', chat('chat-ends', 'Chatting'));
  sim.publish('/v2/me/chats', log('chat-ends', 1, 2));
  sim.publish('/v2/me/chats', chat('chat-grows', 'Chatting'));
  sim.publish('/v2/me/chats', log('chat-grows', 1, 3));
  sim.publish(...media('/v2/me/calls', 'CallStateChangeMessage', 'call', 'call-1', 'Established'));
  sim.publish(...media('/v2/me/emails', 'EmailStateChangeMessage', 'email', 'email-1', 'Processing'));
  sim.publish(...media('/v2/me/workitems', 'WorkitemStateChangeMessage', 'workitem', 'workitem-1', 'Processing'));
  sim.publish(...media('/v2/me/im-sessions', 'IMSessionStateChangeMessage', 'imSession', 'im-1', 'Talking'));
  sim.publish('/v2/me/devices', device('device-a', 'Ready'));
  sim.publish('/v2/me/devices', device('device-b', 'Ready'));
  sim.publish('/notifications/services', service('Active'));
  sim.publish('/v2/me/workbins', workbin('ItemAdded', 'email-7'));
  sim.publish('/v2/me/workbins', workbin('ItemAdded', 'email-8'));
}

/** While the client is cut off. */
function whileCut(sim: GwsSimulator): void {
  sim.publish('/v2/me/chats', chat('chat-ends', 'Completed'));
  sim.publish('/v2/me/chats', chat('chat-new', 'Chatting'));
  sim.publish('/v2/me/chats', log('chat-new', 1, 2));
  for (let i = 0; i < 20; i++) sim.publish('/v2/me/chats', log('chat-grows', 4 + i, 1));
  sim.publish('/v2/me/devices', device('device-a', 'NotReady'));
  sim.publish('/notifications/services', service('Inactive'));
  sim.publish('/v2/me/workbins', workbin('ItemRemoved', 'email-7'));
}

/** Polls until the client equals the simulator (or the bound passes); returns what still differs. */
async function converge(watch: Watch, sim: GwsSimulator, boundMs = 15000): Promise<string[]> {
  const started = Date.now();
  let diffs = divergences(clientTruth(watch.view), simTruth(lib, sim));
  while (diffs.length > 0 && Date.now() - started < boundMs) {
    await new Promise((r) => setTimeout(r, 20));
    diffs = divergences(clientTruth(watch.view), simTruth(lib, sim));
  }
  return diffs;
}

const syncedAfter = (client: GwsClient, session: number): Promise<SyncState> =>
  firstValueFrom(client.sync$!.pipe(filter((s) => s.status === 'synced' && s.session > session)));
const sessionOf = (s: SyncState | undefined): number => (s && 'session' in s ? s.session : 0);

/** How the client is cut off, and how the path comes back. */
interface Cut {
  readonly name: string;
  /** Cuts the client off; it stays cut off until `restore`. */
  cut(sim: GwsSimulator, proxy: TcpProxy): void;
  /** After the changes were published: what the server loses, then the path back. */
  restore(sim: GwsSimulator, proxy: TcpProxy): void;
  /** Whether the client gets a new CometD session (and so a new state read), or keeps its own. */
  readonly newSession: boolean;
}

const cuts: readonly Cut[] = [
  {
    name: 'network cut, then the Bayeux server restarts (every session and its queue lost)',
    cut: (_sim, proxy) => {
      proxy.setMode('reset');
      proxy.resetAll();
    },
    restore: (sim, proxy) => {
      sim.faults.restartBayeux();
      proxy.setMode('forward');
    },
    newSession: true,
  },
  {
    name: 'requests stall, the HTTP sessions expire and the Bayeux server restarts (the client logs in again)',
    cut: (sim) => sim.faults.stall(true),
    restore: (sim) => {
      sim.faults.expireSessions();
      sim.faults.restartBayeux();
      sim.faults.stall(false);
    },
    newSession: true,
  },
  {
    name: 'requests stall, then the HTTP sessions expire (the Bayeux session and its queue survive)',
    cut: (sim) => sim.faults.stall(true),
    restore: (sim) => {
      sim.faults.expireSessions();
      sim.faults.stall(false);
    },
    newSession: false,
  },
];

let sim: GwsSimulator;
let proxy: TcpProxy;
let client: GwsClient | undefined;
let watch: Watch | undefined;
beforeEach(async () => {
  sim = await startSimulator({ bayeux: { timeout: 500 } });
  proxy = await startProxy(sim.port);
});
afterEach(async () => {
  watch?.stop();
  await client?.close();
  await proxy.close();
  await sim.close();
  watch = undefined;
  client = undefined;
});

function connect(l: RecoveryLib): { client: GwsClient; watch: Watch } {
  const c = l.createGwsClient({
    url: proxy.url,
    headerProvider: async () => (await l.gwsLogin({ baseUrl: sim.url, ...sim.user })).headers,
    backoffIncrement: 50,
    maxBackoff: 400,
    maxNetworkDelay: 1500,
    connectTimeout: 1000,
  });
  return { client: c, watch: watchClient(l, c) };
}

test.each(cuts)('after a cut ($name) the client equals the simulator for every kind', async (how) => {
  ({ client, watch } = connect(lib));
  before(sim);
  const first = await syncedAfter(client, 0);
  expect(await converge(watch, sim)).toEqual([]);
  const view = clientTruth(watch.view);
  expect(Object.keys(view.conversations.chats).sort()).toEqual(['chat-ends', 'chat-grows']);

  how.cut(sim, proxy);
  whileCut(sim);
  // Cut off: the client still shows the old state.
  const stale = divergences(clientTruth(watch.view), simTruth(lib, sim));
  expect(stale).toEqual(expect.arrayContaining([expect.stringMatching(/^chats\/chat-ends: the client has it/)]));
  expect(stale.length).toBeGreaterThanOrEqual(6);

  const reconnected = firstValueFrom(client.connection$.pipe(filter((c) => c.status === 'reconnecting')));
  how.restore(sim, proxy);
  if (how.newSession) await syncedAfter(client, sessionOf(first));
  else await reconnected;
  expect(await converge(watch, sim)).toEqual([]);

  // What equality means here, spelled out.
  const after = clientTruth(watch.view);
  expect(Object.keys(after.conversations.chats).sort()).toEqual(['chat-grows', 'chat-new']);
  const grown = after.conversations.chats['chat-grows']?.transcript as readonly { index: number }[];
  expect(grown.map((m) => m.index)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
  expect(after.devices['device-a']).toMatchObject({ userState: { state: 'NotReady' } });
  expect(after.services.voice).toMatchObject({ state: 'Inactive' });
  expect(Object.keys(after.workbins['workbin-personal'] ?? {})).toEqual(['email-8']);
  expect(Object.keys(after.conversations.calls)).toEqual(['call-1']);
  expect(Object.keys(after.conversations.emails)).toEqual(['email-1']);
  expect(Object.keys(after.conversations.workitems)).toEqual(['workitem-1']);
  expect(Object.keys(after.conversations.imSessions)).toEqual(['im-1']);
  expect(watch.errors).toEqual([]);
  expect(watch.completed).toEqual([]);
});

test('control: through the plain topics (no state reads) the same cut leaves the client behind', async () => {
  const plain: RecoveryLib = { ...lib, syncedTopic: (c, name) => c.topic(name) };
  ({ client, watch } = connect(plain));
  const first = await syncedAfter(client, 0);
  before(sim); // live, once subscribed: the plain topics see it
  expect(await converge(watch, sim)).toEqual([]);
  const [how] = cuts;
  how!.cut(sim, proxy);
  whileCut(sim);
  how!.restore(sim, proxy);
  await syncedAfter(client, sessionOf(first));
  // The client is connected and synced again, yet nothing it missed came back: the comparison sees it.
  const diffs = await converge(watch, sim, 1000);
  expect(diffs).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^chats\/chat-ends: the client has it/),
      expect.stringMatching(/^chats\/chat-new: missing in the client/),
      expect.stringMatching(/^chats\/chat-grows: transcript differs/),
      expect.stringMatching(/^devices\/device-a: device differs/),
      expect.stringMatching(/^services\/voice: service differs/),
      expect.stringMatching(/^workbins\/workbin-personal\/email-7: the client has it/),
    ]),
  );
});
