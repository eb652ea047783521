// Every operation the simulator performs, over HTTP, seen the way an application sees it: a real gws-rx Node client
// subscribed to every operation topic. Each test checks the request → the answer → the confirming notification (or
// the Error that refuses it), and that what was published decodes like any GWS notification.
import type { Subscription } from 'rxjs';
import { startSimulator } from '../../src/sim/server';
import type { GwsSimulator } from '../../src/sim/server';
import { createGwsClient } from '../../src/node';
import { gwsLogin } from '../../src/client/gwsLogin';
import type { GwsClient } from '../../src/client/createGwsClientWith';
import type { HeaderMap } from '../../src/client/options';

const TOPICS = [
  '/v2/me/devices',
  '/v2/me/calls',
  '/v2/me/chats',
  '/v2/me/im-sessions',
  '/v2/me/emails',
  '/v2/me/workitems',
] as const;

type Data = Readonly<Record<string, unknown>>;

/** Polls `check` until it holds (the Jest timeout bounds the wait; nothing is asserted about time). */
const eventually = async (check: () => boolean): Promise<void> => {
  while (!check()) await new Promise((r) => setTimeout(r, 10));
};

let sim: GwsSimulator;
let headers: HeaderMap;
let client: GwsClient;
let subscription: Subscription;
let received: { channel: string; data: Data }[];
let decodeFailures: unknown[];

beforeEach(async () => {
  sim = await startSimulator({ bayeux: { timeout: 500 } });
  headers = (await gwsLogin({ baseUrl: sim.url, ...sim.user })).headers;
  client = createGwsClient({ url: sim.url, headers, backoffIncrement: 50, maxBackoff: 400 });
  received = [];
  decodeFailures = [];
  subscription = client.decodeFailures$.subscribe((f) => decodeFailures.push(f));
  for (const topic of TOPICS)
    subscription.add(
      client.topic(topic).subscribe((n) => received.push({ channel: topic, data: n as unknown as Data })),
    );
  await eventually(() => TOPICS.every((t) => sim.subscriberCount(t) === 1));
});
afterEach(async () => {
  subscription.unsubscribe();
  await client.close();
  await sim.close();
  // everything the simulator published decoded
  expect(decodeFailures).toEqual([]);
});

interface Answer {
  readonly status: number;
  readonly body: Data;
}

/** Posts an operation; returns the HTTP status and the parsed body. */
const post = async (path: string, body: unknown, with_: HeaderMap = headers): Promise<Answer> => {
  const res = await fetch(`${sim.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...with_ },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Data };
};

/** Waits for the first notification on `channel` published after `from` that satisfies `match`, and returns it. */
const next = async (channel: string, match: (d: Data) => boolean, from = 0): Promise<Data> => {
  let found: Data | undefined;
  await eventually(() => {
    found = received.slice(from).find((m) => m.channel === channel && match(m.data))?.data;
    return found !== undefined;
  });
  return found as Data;
};

const accepted = (a: Answer): void => {
  expect(a.status).toBe(200);
  expect(a.body).toEqual({ statusCode: 0, referenceId: expect.any(Number) });
};

const record = (x: unknown): Data => (typeof x === 'object' && x !== null ? (x as Data) : {});

// ---------------------------------------------------------------------------------------------------------------------

const device = (userState: Data): Data => ({
  messageType: 'DeviceStateChangeMessage',
  devices: [{ id: 'dev-1', deviceState: 'Active', userState, phoneNumber: '5000', capabilities: ['ForwardCallsOn'] }],
});
const userStateIn = (d: Data): Data => record((d.devices as readonly unknown[] | undefined)?.[0]).userState as Data;

describe('agent state: POST /api/v2/me/channels/voice', () => {
  beforeEach(async () => {
    sim.publish('/v2/me/devices', device({ id: 'r', displayName: 'Ready', state: 'Ready' }));
    await next('/v2/me/devices', () => true);
  });

  test.each([
    ['NotReady', { reasonCode: 'Lunch' }, { state: 'NotReady', reasonCode: 'Lunch' }],
    ['NotReady', { workmode: 'AuxWork' }, { state: 'NotReady', workMode: 'AuxWork' }],
    ['AfterCallWork', { wrapUpTime: 30 }, { state: 'NotReady', workMode: 'AfterCallWork' }],
    ['AuxWork', {}, { state: 'NotReady', workMode: 'AuxWork' }],
    ['Ready', { workMode: 'ManualIn' }, { state: 'Ready', workMode: 'ManualIn' }],
  ])('%s %j: DeviceStateChangeMessage with the device in that userState', async (operationName, extra, expected) => {
    const from = received.length;
    const answer = await post('/api/v2/me/channels/voice', { operationName, ...extra });
    accepted(answer);
    const confirmed = await next('/v2/me/devices', (d) => d.messageType === 'DeviceStateChangeMessage', from);
    expect(confirmed.referenceId).toBe(answer.body.referenceId);
    expect(userStateIn(confirmed)).toMatchObject(expected);
    expect(record(sim.snapshot().devices[0]).userState).toMatchObject(expected);
  });

  test('an agent logged out: accepted, then an ErrorMessage on /v2/me/devices with the referenceId', async () => {
    sim.publish('/v2/me/devices', device({ state: 'LoggedOut' }));
    const from = received.length;
    const answer = await post('/api/v2/me/channels/voice', { operationName: 'Ready' });
    accepted(answer);
    const error = await next('/v2/me/devices', (d) => d.messageType === 'ErrorMessage', from);
    expect(error).toMatchObject({
      referenceId: answer.body.referenceId,
      errorCode: 2,
      errorMessage: 'Ready is not allowed on device dev-1 in state LoggedOut',
    });
    expect(record(sim.snapshot().devices[0]).userState).toEqual({ state: 'LoggedOut' });
  });

  test('refusals: unknown operation 400/2, a bad parameter 400/2, no device 404/6, GET 405', async () => {
    expect(await post('/api/v2/me/channels/voice', { operationName: 'Dance' })).toEqual({
      status: 400,
      body: {
        statusCode: 2,
        statusMessage: 'Unknown device operationName "Dance"; supported: Ready, NotReady, AfterCallWork, AuxWork',
      },
    });
    expect(await post('/api/v2/me/channels/voice', { operationName: 'NotReady', reasonCode: 5 })).toEqual({
      status: 400,
      body: { statusCode: 2, statusMessage: 'Parameter reasonCode must be a non-empty string' },
    });
    const get = await fetch(`${sim.url}/api/v2/me/channels/voice`, { headers });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const bare = await startSimulator({ requireAuth: false });
    try {
      const res = await fetch(`${bare.url}/api/v2/me/channels/voice`, {
        method: 'POST',
        body: JSON.stringify({ operationName: 'Ready' }),
      });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ statusCode: 6, statusMessage: 'The user has no device' });
    } finally {
      await bare.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------------

const callIn = (d: Data): Data => record(d.call);
const capsOf = (r: Data): unknown => r.capabilities;

/** Publishes a call and waits until the client has it, so later waits see only what operations cause. */
const publishCall = async (id: string, state: string, capabilities: readonly string[]): Promise<void> => {
  const from = received.length;
  sim.publish('/v2/me/calls', {
    messageType: 'CallStateChangeMessage',
    notificationType: 'StatusChange',
    call: { id, state, callType: 'Inbound', capabilities, userData: { Segment: 'Gold' }, path: `/calls/${id}` },
  });
  await next('/v2/me/calls', (d) => callIn(d).id === id, from);
};

describe('calls: POST /api/v2/me/calls/{id}', () => {
  const callOp = async (id: string, operationName: string, extra: Data = {}): Promise<[Answer, Data]> => {
    const from = received.length;
    const answer = await post(`/api/v2/me/calls/${id}`, { operationName, ...extra });
    accepted(answer);
    const n = await next('/v2/me/calls', (d) => callIn(d).id === id, from);
    expect(n.referenceId).toBe(answer.body.referenceId);
    return [answer, n];
  };

  test('Answer → Established, Hold → Held, Retrieve → Established, Hangup → Released; capabilities follow', async () => {
    await publishCall('k1', 'Ringing', ['Answer']);

    const [, answered] = await callOp('k1', 'Answer');
    expect(answered.notificationType).toBe('StatusChange');
    expect(callIn(answered).state).toBe('Established');
    expect(capsOf(callIn(answered))).toEqual(expect.arrayContaining(['Hold', 'Hangup']));
    expect(capsOf(callIn(answered))).not.toContain('Retrieve');

    const [, held] = await callOp('k1', 'Hold');
    expect(callIn(held).state).toBe('Held');
    expect(capsOf(callIn(held))).toEqual(expect.arrayContaining(['Retrieve', 'Hangup']));
    expect(capsOf(callIn(held))).not.toContain('Hold');

    const [, retrieved] = await callOp('k1', 'Retrieve');
    expect(callIn(retrieved)).toMatchObject({ state: 'Established', userData: { Segment: 'Gold' } });

    const [, released] = await callOp('k1', 'Hangup');
    expect(callIn(released)).toMatchObject({ state: 'Released', capabilities: [] });
    expect(sim.snapshot().calls).toEqual([]);
    expect(await post('/api/v2/me/calls/k1', { operationName: 'Hangup' })).toEqual({
      status: 404,
      body: { statusCode: 6, statusMessage: 'Call k1 not found' },
    });
  });

  test('ClearCall releases a call (it needs the Hangup capability)', async () => {
    await publishCall('k2', 'Established', ['Hold', 'Hangup']);
    const [, cleared] = await callOp('k2', 'ClearCall');
    expect(callIn(cleared).state).toBe('Released');
  });

  test('AttachUserData / UpdateUserData: AttachedDataChanged with the data merged into the call`s', async () => {
    await publishCall('k3', 'Established', ['Hold', 'AttachUserData', 'UpdateUserData']);
    const [, attached] = await callOp('k3', 'AttachUserData', { userData: { CaseId: 'C-9' } });
    expect(attached.notificationType).toBe('AttachedDataChanged');
    expect(callIn(attached)).toMatchObject({ state: 'Established', userData: { Segment: 'Gold', CaseId: 'C-9' } });
    const [, updated] = await callOp('k3', 'UpdateUserData', { userData: { Segment: 'Silver' } });
    expect(callIn(updated).userData).toEqual({ Segment: 'Silver', CaseId: 'C-9' });
    expect(record(sim.snapshot().calls[0]).userData).toEqual({ Segment: 'Silver', CaseId: 'C-9' });
    expect(await post('/api/v2/me/calls/k3', { operationName: 'AttachUserData' })).toEqual({
      status: 400,
      body: { statusCode: 1, statusMessage: 'Parameter userData is missing' },
    });
    expect(await post('/api/v2/me/calls/k3', { operationName: 'UpdateUserData', userData: [1] })).toEqual({
      status: 400,
      body: { statusCode: 2, statusMessage: 'Parameter userData must be a JSON object' },
    });
  });

  test('an operation outside capabilities (Hold on a Held call): accepted, then an Error on the call', async () => {
    await publishCall('k4', 'Held', ['Retrieve', 'Hangup']);
    const [answer, error] = await callOp('k4', 'Hold');
    expect(error).toMatchObject({
      messageType: 'CallStateChangeMessage',
      notificationType: 'Error',
      referenceId: answer.body.referenceId,
      errorCode: 2,
      errorMessage: 'Hold is not allowed on call k4 in state Held',
      call: { id: 'k4', state: 'Held' },
    });
    expect(record(sim.snapshot().calls[0]).state).toBe('Held');
  });
});

// ---------------------------------------------------------------------------------------------------------------------

const customer = { nickname: 'Alice', type: 'Customer', participantId: 'P-CUST' };
const agentP = { nickname: 'Agent A', type: 'Agent', participantId: 'P-AGENT' };
const chatUri = (id: string): string => `http://127.0.0.1:8080/api/v2/chats/${id}`;
const publishChat = (id: string, state: string, capabilities: readonly string[], participants: unknown[]): void =>
  sim.publish('/v2/me/chats', {
    messageType: 'ChatStateChangeMessage',
    notificationType: 'StatusChange',
    chat: { id, state, uri: chatUri(id), participants, capabilities },
  });
const entryOf = (d: Data): Data => record((d.messages as readonly unknown[] | undefined)?.[0]);
const isLogOf = (id: string) => (d: Data) => d.messageType === 'MessageLogUpdated' && d.chatUri === chatUri(id);

describe('chats: POST /api/v2/me/chats/{id}', () => {
  test('Accept: the chat goes Chatting with the agent among its participants, and the agent joins the transcript', async () => {
    publishChat('h1', 'Invited', ['Accept', 'Reject'], [customer]);
    await next('/v2/me/chats', () => true);
    const from = received.length;
    const answer = await post('/api/v2/me/chats/h1', { operationName: 'Accept' });
    accepted(answer);
    const state = await next('/v2/me/chats', (d) => d.messageType === 'ChatStateChangeMessage', from);
    expect(state).toMatchObject({ notificationType: 'StatusChange', referenceId: answer.body.referenceId });
    expect(record(state.chat)).toMatchObject({
      state: 'Chatting',
      participants: [customer, { nickname: 'agent1', type: 'Agent', participantId: 'agent-agent1' }],
    });
    expect(capsOf(record(state.chat))).toEqual(expect.arrayContaining(['SendMessage', 'Complete', 'Leave']));
    expect(capsOf(record(state.chat))).not.toContain('Accept');
    const joined = await next('/v2/me/chats', isLogOf('h1'), from);
    expect(entryOf(joined)).toMatchObject({ index: 1, type: 'ParticipantJoined', from: { type: 'Agent' } });
  });

  test.each([
    ['SendUrl', { url: 'https://example.com/faq' }, { type: 'PushUrl', url: 'https://example.com/faq' }],
    ['SendCustomNotice', { noticeText: 'Transferring you' }, { type: 'Notice', text: 'Transferring you' }],
    ['SendStartTypingNotification', {}, { type: 'TypingStarted' }],
    ['SendStopTypingNotification', {}, { type: 'TypingStopped' }],
    ['SendMessage', { text: 'Hello' }, { type: 'Text', text: 'Hello' }],
  ])('%s: a transcript entry from the agent at the next index', async (operationName, extra, entry) => {
    publishChat(
      'h2',
      'Chatting',
      ['SendMessage', 'SendUrl', 'SendCustomNotice', 'SendStartTypingNotification', 'SendStopTypingNotification'],
      [customer, agentP],
    );
    const from = received.length;
    accepted(await post('/api/v2/me/chats/h2', { operationName, ...extra }));
    const log = await next('/v2/me/chats', isLogOf('h2'), from);
    expect(entryOf(log)).toMatchObject({ index: 1, from: agentP, ...entry });
  });

  test('Leave: the agent`s ParticipantLeft, then the chat Completed', async () => {
    publishChat('h3', 'Chatting', ['Leave'], [customer, agentP]);
    const from = received.length;
    accepted(await post('/api/v2/me/chats/h3', { operationName: 'Leave' }));
    const completed = await next('/v2/me/chats', (d) => record(d.chat).state === 'Completed', from);
    const left = received.slice(from).findIndex((m) => isLogOf('h3')(m.data));
    expect(entryOf(received[from + left]?.data ?? {})).toMatchObject({ type: 'ParticipantLeft', from: agentP });
    expect(received.slice(from).findIndex((m) => m.data === completed)).toBeGreaterThan(left);
    expect(sim.snapshot().chats).toEqual([]);
  });

  test('Accept on a chat already Chatting: accepted, then an Error on the chat', async () => {
    publishChat('h4', 'Chatting', ['SendMessage', 'Complete'], [customer, agentP]);
    const from = received.length;
    const answer = await post('/api/v2/me/chats/h4', { operationName: 'Accept' });
    accepted(answer);
    const error = await next('/v2/me/chats', (d) => d.notificationType === 'Error', from);
    expect(error).toMatchObject({
      referenceId: answer.body.referenceId,
      errorCode: 2,
      errorMessage: 'Accept is not allowed on chat h4 in state Chatting',
      chat: { id: 'h4', state: 'Chatting' },
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------------

describe('IM sessions: POST /api/v2/me/im-sessions/{id}', () => {
  const publishIm = (id: string, state: string, capabilities: readonly string[]): void =>
    sim.publish('/v2/me/im-sessions', {
      messageType: 'IMSessionStateChangeMessage',
      notificationType: 'StatusChange',
      imSession: { id, state, path: `/im-sessions/${id}`, capabilities },
    });

  test('Accept → Talking, SendMessage → IMLogUpdateMessage, Complete → Completed; SendMessage before Accept fails', async () => {
    publishIm('m1', 'Invited', ['Accept', 'Reject']);
    await next('/v2/me/im-sessions', () => true);

    let from = received.length;
    const early = await post('/api/v2/me/im-sessions/m1', { operationName: 'SendMessage', text: 'too early' });
    accepted(early);
    expect(await next('/v2/me/im-sessions', (d) => d.notificationType === 'Error', from)).toMatchObject({
      messageType: 'IMSessionStateChangeMessage',
      referenceId: early.body.referenceId,
      errorMessage: 'SendMessage is not allowed on IM session m1 in state Invited',
    });

    from = received.length;
    accepted(await post('/api/v2/me/im-sessions/m1', { operationName: 'Accept' }));
    const talking = await next('/v2/me/im-sessions', (d) => record(d.imSession).state === 'Talking', from);
    expect(capsOf(record(talking.imSession))).toEqual(['Complete', 'SendMessage']);

    from = received.length;
    accepted(await post('/api/v2/me/im-sessions/m1', { operationName: 'SendMessage', text: 'See you at 3' }));
    expect(await next('/v2/me/im-sessions', (d) => d.messageType === 'IMLogUpdateMessage', from)).toEqual({
      messageType: 'IMLogUpdateMessage',
      notificationType: 'NewMessage',
      imSessionPath: '/im-sessions/m1',
      message: 'See you at 3',
    });

    from = received.length;
    accepted(await post('/api/v2/me/im-sessions/m1', { operationName: 'Complete' }));
    await next('/v2/me/im-sessions', (d) => record(d.imSession).state === 'Completed', from);
    expect(sim.snapshot().imSessions).toEqual([]);
    expect((await post('/api/v2/me/im-sessions/m1', { operationName: 'Complete' })).status).toBe(404);
  });
});

// ---------------------------------------------------------------------------------------------------------------------

describe.each([
  ['emails', '/v2/me/emails', 'EmailStateChangeMessage', 'email'],
  ['workitems', '/v2/me/workitems', 'WorkitemStateChangeMessage', 'workitem'],
])('%s: Accept and Complete', (list, channel, messageType, key) => {
  const publishItem = (id: string, state: string, capabilities: readonly string[]): void =>
    sim.publish(channel, {
      messageType,
      notificationType: 'StatusChange',
      [key]: { id, state, from: 'c@example.com', subject: 'Order 7', capabilities },
    });
  const itemOp = async (id: string, operationName: string, extra: Data = {}): Promise<[Answer, Data]> => {
    const from = received.length;
    const answer = await post(`/api/v2/me/${list}/${id}`, { operationName, ...extra });
    accepted(answer);
    return [answer, await next(channel, (d) => d.referenceId === answer.body.referenceId, from)];
  };

  test('Accept → Processing, Complete → Completed; Complete before Accept fails as an Error', async () => {
    publishItem('i1', 'Invited', ['Accept', 'Reject']);
    const [, error] = await itemOp('i1', 'Complete');
    expect(error).toMatchObject({ notificationType: 'Error', errorCode: 2, [key]: { id: 'i1', state: 'Invited' } });
    const [, processing] = await itemOp('i1', 'Accept');
    expect(record(processing[key])).toMatchObject({ id: 'i1', state: 'Processing' });
    expect(capsOf(record(processing[key]))).toContain('Complete');
    const [, completed] = await itemOp('i1', 'Complete');
    expect(record(completed[key])).toMatchObject({ state: 'Completed', capabilities: [] });
    expect(sim.snapshot()[list as 'emails' | 'workitems']).toEqual([]);
  });
});

test('emails: Reply opens an outbound email (Composing, parentId), Send completes it with what was given', async () => {
  sim.publish('/v2/me/emails', {
    messageType: 'EmailStateChangeMessage',
    notificationType: 'StatusChange',
    email: { id: 'e1', state: 'Processing', from: 'c@example.com', subject: 'Order 7', capabilities: ['Reply'] },
  });
  let from = received.length;
  const answer = await post('/api/v2/me/emails/e1', { operationName: 'Reply' });
  accepted(answer);
  const reply = record((await next('/v2/me/emails', (d) => record(d.email).parentId === 'e1', from)).email);
  expect(reply).toMatchObject({ state: 'Composing', to: ['c@example.com'], subject: 'Re: Order 7' });
  expect(reply.id).toBe(`e1-reply-${String(answer.body.referenceId)}`);
  expect(sim.snapshot().emails.map((e) => e.id)).toEqual(['e1', reply.id]);

  expect(await post(`/api/v2/me/emails/${String(reply.id)}`, { operationName: 'Send', to: 'x' })).toEqual({
    status: 400,
    body: { statusCode: 2, statusMessage: 'Parameter to must be an array of strings' },
  });
  from = received.length;
  accepted(await post(`/api/v2/me/emails/${String(reply.id)}`, { operationName: 'Send', body: 'Shipped today.' }));
  const sent = await next('/v2/me/emails', (d) => record(d.email).id === reply.id, from);
  expect(record(sent.email)).toMatchObject({ state: 'Completed', body: 'Shipped today.', parentId: 'e1' });
  expect(sim.snapshot().emails.map((e) => e.id)).toEqual(['e1']);
});

// ---------------------------------------------------------------------------------------------------------------------

describe('fault switches on operations', () => {
  beforeEach(async () => {
    await publishCall('f1', 'Established', ['Hold', 'Hangup']);
  });

  test('delayOperationAnswers: the confirmation reaches the client while the answer is still held back', async () => {
    sim.faults.delayOperationAnswers(60_000);
    const from = received.length;
    const abort = new AbortController();
    let answered = false;
    const pending = fetch(`${sim.url}/api/v2/me/calls/f1`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ operationName: 'Hold' }),
      signal: abort.signal,
    }).then(
      () => (answered = true),
      () => false, // aborted below, the answer still held back
    );
    const held = await next('/v2/me/calls', (d) => callIn(d).state === 'Held', from);
    expect(answered).toBe(false);
    expect(held.referenceId).toEqual(expect.any(Number));
    expect(record(sim.snapshot().calls[0]).state).toBe('Held');
    abort.abort();
    expect(await pending).toBe(false);
  });

  test('delayOperationAnswers: a short delay still answers { statusCode: 0 } with the confirmation`s referenceId', async () => {
    sim.faults.delayOperationAnswers(50);
    const from = received.length;
    const answer = await post('/api/v2/me/calls/f1', { operationName: 'Hold' });
    accepted(answer);
    // the outcome was published before the answer left
    expect(record(sim.snapshot().calls[0]).state).toBe('Held');
    const held = await next('/v2/me/calls', (d) => callIn(d).state === 'Held', from);
    expect(held.referenceId).toBe(answer.body.referenceId);
    expect(() => sim.faults.delayOperationAnswers(-1)).toThrow(RangeError);
  });

  test('loseConfirmations: answered 0, nothing published, the snapshot holds the outcome; off, operations confirm again', async () => {
    sim.faults.loseConfirmations(true);
    const from = received.length;
    const lost = await post('/api/v2/me/calls/f1', { operationName: 'Hold' });
    accepted(lost);
    expect(record(sim.snapshot().calls[0]).state).toBe('Held');
    sim.faults.loseConfirmations(false);
    const retrieved = await post('/api/v2/me/calls/f1', { operationName: 'Retrieve' });
    accepted(retrieved);
    await next('/v2/me/calls', (d) => d.referenceId === retrieved.body.referenceId, from);
    // notifications on one channel arrive in order: had the lost one been published, it would be here by now
    expect(received.slice(from).map((m) => m.data.referenceId)).toEqual([retrieved.body.referenceId]);
  });

  test.each([
    [1, 400],
    [2, 400],
    [3, 403],
    [4, 500],
    [5, 403],
    [6, 404],
  ] as const)('rejectOperations(%d): HTTP %d, GWS body, nothing changes', async (statusCode, status) => {
    sim.faults.rejectOperations(statusCode);
    const from = received.length;
    expect(await post('/api/v2/me/calls/f1', { operationName: 'Hold' })).toEqual({
      status,
      body: { statusCode, statusMessage: 'Rejected by fault switch' },
    });
    // a request refused anyway keeps its own answer
    expect((await post('/api/v2/me/calls/nope', { operationName: 'Hold' })).body.statusCode).toBe(6);
    expect((await post('/api/v2/me/calls/f1', {})).body.statusCode).toBe(1);
    sim.faults.rejectOperations(false);
    const hold = await post('/api/v2/me/calls/f1', { operationName: 'Hold' });
    accepted(hold);
    await next('/v2/me/calls', (d) => d.referenceId === hold.body.referenceId, from);
    expect(received.slice(from)).toHaveLength(1);
  });

  test('rejectOperations refuses a status code GWS does not have', () => {
    expect(() => sim.faults.rejectOperations(7 as 1)).toThrow(RangeError);
    expect(() => sim.faults.rejectOperations(0 as 1)).toThrow(RangeError);
  });
});
