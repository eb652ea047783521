// Agent state, calls, chats (GWS names), IM sessions, emails and workitems against the real simulator, plus its
// operation fault switches (slow answer, lost confirmation, rejected): each operation completes only when the
// simulator's notification confirms it.
import { lastValueFrom, toArray } from 'rxjs';
import type { Observable } from 'rxjs';
import { createGwsClient, gwsLogin } from '../../src/node';
import type { GwsClient } from '../../src/client/createGwsClientWith';
import {
  GwsOperationError,
  agentStateOperation,
  callOperation,
  chatOperation,
  emailOperation,
  imSessionOperation,
  workitemOperation,
} from '../../src/operations/index';
import type { OperationEvent } from '../../src/operations/index';
import { startSimulator } from '../../src/sim';
import type { GwsSimulator } from '../../src/sim';

let sim: GwsSimulator;
let client: GwsClient;
const sentOps: string[] = [];

beforeEach(async () => {
  sentOps.length = 0;
  sim = await startSimulator({
    bayeux: { timeout: 500 },
    log: (line) => line.startsWith('operation:') && sentOps.push(line),
  });
  const session = await gwsLogin({ baseUrl: sim.url, ...sim.user });
  client = createGwsClient({ url: sim.url, headers: session.headers, maxNetworkDelay: 3000 });
});
afterEach(async () => {
  await client.close();
  await sim.close();
});

const run = <N>(o: Observable<OperationEvent<N>>): Promise<OperationEvent<N>[]> => lastValueFrom(o.pipe(toArray()));
/** The notification that confirmed an operation. */
const confirmation = async <N>(o: Observable<OperationEvent<N>>): Promise<N> => {
  const events = await run(o);
  expect(events.map((e) => e.status)).toEqual(['accepted', 'confirmed']);
  const last = events[1];
  if (last?.status !== 'confirmed') throw new Error('not confirmed');
  return last.notification;
};
const failureOf = async <N>(o: Observable<OperationEvent<N>>): Promise<GwsOperationError> => {
  const e: unknown = await lastValueFrom(o).then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(GwsOperationError);
  return e as GwsOperationError;
};

const device = (state: string) => ({
  messageType: 'DeviceStateChangeMessage',
  devices: [{ id: 'd1', deviceState: 'Active', userState: { state }, phoneNumber: '5000', capabilities: [] }],
});
const resourceMessage = (channel: string, messageType: string, key: string, resource: Record<string, unknown>) =>
  sim.publish(channel, { messageType, notificationType: 'StatusChange', [key]: resource });

test('agent state: Ready, AfterCallWork (NotReady + work mode); a LoggedOut agent gets an ErrorMessage', async () => {
  sim.publish('/v2/me/devices', device('NotReady'));
  expect(await confirmation(agentStateOperation(client, { operationName: 'Ready' }))).toMatchObject({
    devices: [{ userState: { state: 'Ready' } }],
  });
  expect(await confirmation(agentStateOperation(client, { operationName: 'AfterCallWork' }))).toMatchObject({
    devices: [{ userState: { state: 'NotReady', workMode: 'AfterCallWork' } }],
  });
  sim.publish('/v2/me/devices', device('LoggedOut'));
  const e = await failureOf(agentStateOperation(client, { operationName: 'Ready' }));
  expect(e.cause).toMatchObject({ type: 'notification', sent: true });
});

test('calls: Answer, Hold, Retrieve, AttachUserData, Hangup, ClearCall, each confirmed by the call', async () => {
  resourceMessage('/v2/me/calls', 'CallStateChangeMessage', 'call', {
    id: 'c1',
    state: 'Ringing',
    callType: 'Inbound',
    capabilities: ['Answer', 'AttachUserData', 'UpdateUserData'],
  });
  const stateOf = async (o: ReturnType<typeof callOperation>): Promise<unknown> => {
    const n = await confirmation(o);
    return n.messageType === 'CallStateChangeMessage' ? n.call.state : n.messageType;
  };
  expect(await stateOf(callOperation(client, 'c1', { operationName: 'Answer' }))).toBe('Established');
  expect(await stateOf(callOperation(client, 'c1', { operationName: 'Hold' }))).toBe('Held');
  expect(await stateOf(callOperation(client, 'c1', { operationName: 'Retrieve' }))).toBe('Established');
  const data = await confirmation(
    callOperation(client, 'c1', { operationName: 'AttachUserData', userData: { caseId: 42 } }),
  );
  expect(data).toMatchObject({ notificationType: 'AttachedDataChanged', call: { userData: { caseId: 42 } } });
  expect(await stateOf(callOperation(client, 'c1', { operationName: 'Hangup' }))).toBe('Released');
  resourceMessage('/v2/me/calls', 'CallStateChangeMessage', 'call', {
    id: 'c2',
    state: 'Established',
    capabilities: ['Hold', 'Hangup'],
  });
  const [c2] = sim.snapshot().calls;
  expect(await stateOf(callOperation(client, c2 ?? 'c2', { operationName: 'ClearCall' }))).toBe('Released');
  expect(sim.snapshot().calls).toEqual([]);
});

test('chats with GWS names: Accept, typing, SendUrl, SendCustomNotice, Leave', async () => {
  resourceMessage('/v2/me/chats', 'ChatStateChangeMessage', 'chat', {
    id: 'ch1',
    state: 'Invited',
    participants: [{ nickname: 'Bob', type: 'Customer', participantId: 'P-CUST' }],
    capabilities: ['Accept', 'Reject'],
  });
  expect(await confirmation(chatOperation(client, 'ch1', { operationName: 'Accept' }))).toMatchObject({
    chat: { id: 'ch1' },
  });
  for (const [operationName, type] of [
    ['SendStartTypingNotification', 'TypingStarted'],
    ['SendStopTypingNotification', 'TypingStopped'],
  ] as const)
    expect(await confirmation(chatOperation(client, 'ch1', { operationName }))).toMatchObject({
      messages: [{ type, from: { type: 'Agent' } }],
    });
  expect(
    await confirmation(chatOperation(client, 'ch1', { operationName: 'SendUrl', url: 'https://example.com/faq' })),
  ).toMatchObject({ messages: [{ type: 'PushUrl', url: 'https://example.com/faq' }] });
  expect(
    await confirmation(chatOperation(client, 'ch1', { operationName: 'SendCustomNotice', noticeText: 'Hi' })),
  ).toMatchObject({ messages: [{ type: 'Notice' }] });
  await confirmation(chatOperation(client, 'ch1', { operationName: 'Leave' }));
});

test('IM sessions: Accept, SendMessage, Complete', async () => {
  resourceMessage('/v2/me/im-sessions', 'IMSessionStateChangeMessage', 'imSession', {
    id: 'im1',
    state: 'Invited',
    path: '/im-sessions/im1',
    capabilities: ['Accept', 'Reject'],
  });
  await confirmation(imSessionOperation(client, 'im1', { operationName: 'Accept' }));
  expect(
    await confirmation(imSessionOperation(client, 'im1', { operationName: 'SendMessage', text: 'On my way' })),
  ).toMatchObject({ messageType: 'IMLogUpdateMessage', message: 'On my way' });
  await confirmation(imSessionOperation(client, 'im1', { operationName: 'Complete' }));
});

test('emails: Accept, Reply (a Composing reply), Send of the reply, Complete', async () => {
  resourceMessage('/v2/me/emails', 'EmailStateChangeMessage', 'email', {
    id: 'e1',
    state: 'Invited',
    subject: 'Order 7',
    capabilities: ['Accept', 'Reject'],
  });
  await confirmation(emailOperation(client, 'e1', { operationName: 'Accept' }));
  const reply = await confirmation(emailOperation(client, 'e1', { operationName: 'Reply' }));
  expect(reply.email).toMatchObject({ state: 'Composing', parentId: 'e1' });
  expect((await confirmation(emailOperation(client, reply.email, { operationName: 'Send' }))).email).toMatchObject({
    id: reply.email.id,
    state: 'Completed',
  });
  await confirmation(emailOperation(client, 'e1', { operationName: 'Complete' }));
});

test('workitems: Accept, Complete', async () => {
  resourceMessage('/v2/me/workitems', 'WorkitemStateChangeMessage', 'workitem', {
    id: 'w1',
    state: 'Invited',
    capabilities: ['Accept', 'Reject'],
  });
  expect((await confirmation(workitemOperation(client, 'w1', { operationName: 'Accept' }))).workitem.state).toBe(
    'Processing',
  );
  expect((await confirmation(workitemOperation(client, 'w1', { operationName: 'Complete' }))).workitem.state).toBe(
    'Completed',
  );
});

describe('fault switches', () => {
  beforeEach(() =>
    resourceMessage('/v2/me/calls', 'CallStateChangeMessage', 'call', {
      id: 'c1',
      state: 'Established',
      capabilities: ['Hold', 'Hangup'],
    }),
  );

  test('a slow answer: the confirmation arrives first, the operation still completes, once', async () => {
    sim.faults.delayOperationAnswers(600);
    await confirmation(callOperation(client, 'c1', { operationName: 'Hold' }));
    expect(sentOps).toHaveLength(1);
  });

  test('a lost confirmation: a timeout, after one request, never retried', async () => {
    sim.faults.loseConfirmations(true);
    const e = await failureOf(callOperation(client, 'c1', { operationName: 'Hold' }, { timeoutMs: 1500 }));
    expect(e.cause).toEqual({ type: 'timeout', sent: true, ms: 1500 });
    expect(sentOps).toHaveLength(1);
  });

  test('rejected: the GWS statusCode and statusMessage', async () => {
    sim.faults.rejectOperations(2);
    const e = await failureOf(callOperation(client, 'c1', { operationName: 'Hold' }));
    expect(e.cause).toMatchObject({ type: 'rejected', statusCode: 2, statusMessage: 'Rejected by fault switch' });
  });
});
