// Chat operations against the real simulator, through the client's session (cookie + CSRF header of gwsLogin):
// each operation completes only when the simulator's notification confirms it, or errors with a GwsOperationError.
import { firstValueFrom, forkJoin, lastValueFrom, toArray } from 'rxjs';
import { createGwsClient, gwsLogin } from '../../src/node';
import type { GwsClient } from '../../src/client/createGwsClientWith';
import { GwsOperationError, chatOperation } from '../../src/operations/index';
import type { OperationEvent } from '../../src/operations/index';
import type { ChatsNotification } from '../../src/protocol/chats';
import { startSimulator } from '../../src/sim';
import type { GwsSimulator } from '../../src/sim';

const CHATS = '/v2/me/chats';
const agent = { nickname: 'Ann', type: 'Agent', participantId: 'P-AGENT' };
const customer = { nickname: 'Bob', type: 'Customer', participantId: 'P-CUST' };
const chat = (id: string, capabilities: string[]) => ({
  messageType: 'ChatStateChangeMessage',
  notificationType: 'StatusChange',
  chat: { id, state: 'Chatting', participants: [customer, agent], capabilities },
});

let sim: GwsSimulator;
let client: GwsClient;
let secrets: string[];
const operations: string[] = [];

beforeEach(async () => {
  operations.length = 0;
  sim = await startSimulator({
    users: { agent1: 'agent1-demo', agent2: 'agent2-demo' }, // agent2: a Transfer target
    bayeux: { timeout: 500 },
    log: (line) => line.startsWith('operation:') && operations.push(line),
  });
  const session = await gwsLogin({ baseUrl: sim.url, ...sim.user });
  secrets = [...Object.values(session.headers), sim.user.password];
  client = createGwsClient({ url: sim.url, headers: session.headers, maxNetworkDelay: 3000 });
});
afterEach(async () => {
  await client.close();
  await sim.close();
});

const run = (o: ReturnType<typeof chatOperation>): Promise<OperationEvent<ChatsNotification>[]> =>
  lastValueFrom(o.pipe(toArray()));
const failureOf = async (o: ReturnType<typeof chatOperation>): Promise<GwsOperationError> => {
  const e: unknown = await lastValueFrom(o).then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(GwsOperationError);
  return e as GwsOperationError;
};

test('SendMessage: accepted, then confirmed by the agent entry with the text, then complete', async () => {
  sim.publish(CHATS, chat('c1', ['SendMessage', 'Complete']));
  const events = await run(chatOperation(client, 'c1', { operationName: 'SendMessage', text: 'Hello!' }));
  expect(events.map((e) => e.status)).toEqual(['accepted', 'confirmed']);
  const [accepted, confirmed] = events;
  expect(accepted?.status === 'accepted' && typeof accepted.referenceId).toBe('number');
  expect(confirmed?.status === 'confirmed' && confirmed.notification).toMatchObject({
    messageType: 'MessageLogUpdated',
    messages: [{ type: 'Text', text: 'Hello!', from: { type: 'Agent' } }],
  });
  expect(operations).toHaveLength(1);
});

test('two concurrent SendMessage on one chat: two transcript entries, each confirming one operation', async () => {
  sim.publish(CHATS, chat('c1', ['SendMessage']));
  const entries: number[] = [];
  const watch = client.topic(CHATS).subscribe((n) => {
    if (n.messageType === 'MessageLogUpdated') for (const m of n.messages) entries.push(m.index);
  });
  try {
    const [a, b] = await firstValueFrom(
      forkJoin([
        run(chatOperation(client, 'c1', { operationName: 'SendMessage', text: 'same' })),
        run(chatOperation(client, 'c1', { operationName: 'SendMessage', text: 'same' })),
      ]),
    );
    const indexOf = (events: OperationEvent<ChatsNotification>[] | undefined): number | undefined => {
      const c = events?.find((e) => e.status === 'confirmed');
      return c?.status === 'confirmed' && c.notification.messageType === 'MessageLogUpdated'
        ? c.notification.messages[0]?.index
        : undefined;
    };
    expect(entries).toHaveLength(2);
    expect(new Set([indexOf(a), indexOf(b)])).toEqual(new Set(entries));
  } finally {
    watch.unsubscribe();
  }
});

test('Complete: confirmed by the chat Completed', async () => {
  sim.publish(CHATS, chat('c1', ['SendMessage', 'Complete']));
  const events = await run(chatOperation(client, 'c1', { operationName: 'Complete' }));
  const confirmed = events.at(-1);
  expect(confirmed?.status === 'confirmed' && confirmed.notification).toMatchObject({
    messageType: 'ChatStateChangeMessage',
    chat: { id: 'c1', state: 'Completed' },
  });
});

test('outside the capabilities: with the resource, fails unsent; by id, the server’s Error notification fails it', async () => {
  sim.publish(CHATS, chat('c1', ['Complete']));
  const [resource] = sim.snapshot().chats;
  const local = await failureOf(
    chatOperation(client, resource as { id: string }, { operationName: 'SendMessage', text: 'x' }),
  );
  expect(local.cause).toMatchObject({ type: 'capability', sent: false, capabilities: ['Complete'] });
  expect(operations).toHaveLength(0);
  const remote = await failureOf(chatOperation(client, 'c1', { operationName: 'SendMessage', text: 'x' }));
  expect(remote.cause).toMatchObject({ type: 'notification', sent: true });
  expect(remote.cause.type === 'notification' && remote.cause.errorMessage).toMatch(/SendMessage is not allowed/);
  expect(operations).toHaveLength(1);
});

test('an unknown chat: rejected with HTTP 404 and GWS statusCode 6; the message names no secret', async () => {
  const e = await failureOf(chatOperation(client, 'nope', { operationName: 'Complete' }));
  expect(e.cause).toMatchObject({ type: 'rejected', httpStatus: 404, statusCode: 6 });
  expect(secrets.length).toBeGreaterThan(2);
  for (const secret of secrets) expect(e.message).not.toContain(secret);
});

// Chat Transfer: to a queue or to another user, confirmed by the chat Completed for the agent (who left it); an
// unknown target, a lost confirmation or a rejected request each end in one GwsOperationError.
const TRANSFERABLE = ['Transfer', 'Leave', 'SendMessage', 'Complete'];

test('to a queue with text: the text reaches the transcript, then the agent leaves and the chat ends for them', async () => {
  sim.publish(CHATS, chat('c1', TRANSFERABLE));
  const seen: string[] = [];
  const watch = client
    .topic(CHATS)
    .subscribe((n) =>
      seen.push(
        n.messageType === 'MessageLogUpdated'
          ? n.messages.map((m) => `${m.index} ${m.type} ${m.from?.type ?? ''} ${m.text ?? ''}`.trim()).join(', ')
          : `${n.chat.state ?? ''} ${JSON.stringify(n.chat.participants ?? [])}`,
      ),
    );
  try {
    const [resource] = sim.snapshot().chats;
    const request = { operationName: 'Transfer', queueName: 'test-queue', text: 'A colleague takes over' } as const;
    const events = await run(chatOperation(client, resource as { id: string }, request));
    expect(events.map((e) => e.status)).toEqual(['accepted', 'confirmed']);
    const confirmed = events[1];
    expect(confirmed?.status === 'confirmed' && confirmed.notification).toMatchObject({
      messageType: 'ChatStateChangeMessage',
      chat: { id: 'c1', state: 'Completed', participants: [customer] },
    });
    // the client's topic saw the three notifications in order (the agent's entries at the next indices)
    expect(seen.slice(-3)).toEqual([
      '1 Text Agent A colleague takes over',
      '2 ParticipantLeft Agent',
      `Completed ${JSON.stringify([customer])}`,
    ]);
    expect(operations).toEqual([expect.stringMatching(/^operation: Transfer on chat c1 /)]);
    expect(sim.snapshot().chats).toEqual([]);
  } finally {
    watch.unsubscribe();
  }
});

test('to another user by their URL: confirmed; the agent itself or an unknown user: the Error on the chat', async () => {
  const users = `${sim.url}/api/v2/users/`;
  sim.publish(CHATS, chat('c1', TRANSFERABLE));
  const self = await failureOf(
    chatOperation(client, 'c1', { operationName: 'Transfer', targetUri: `${users}user-agent1` }),
  );
  expect(self.cause).toMatchObject({ type: 'notification', sent: true, errorCode: 2 });
  const unknown = await failureOf(
    chatOperation(client, 'c1', { operationName: 'Transfer', targetUri: `${users}user-agent9` }),
  );
  expect(unknown.cause).toMatchObject({
    type: 'notification',
    errorMessage: 'Transfer target user user-agent9 not found',
    errorCode: 2,
  });
  const events = await run(
    chatOperation(client, 'c1', { operationName: 'Transfer', targetUri: `${users}user-agent2` }),
  );
  expect(events.at(-1)).toMatchObject({ status: 'confirmed', notification: { chat: { state: 'Completed' } } });
  expect(operations).toHaveLength(3);
});

test('an unknown queue fails with the server’s Error; a request the simulator refuses outright is HTTP 400', async () => {
  sim.publish(CHATS, chat('c1', TRANSFERABLE));
  const e = await failureOf(chatOperation(client, 'c1', { operationName: 'Transfer', queueName: 'nowhere' }));
  expect(e.cause).toMatchObject({ type: 'notification', errorMessage: 'Transfer target queue "nowhere" not found' });
  // a targetUri that names no user (the codec cannot know): refused at once by the simulator, nothing published
  const bad = await failureOf(
    chatOperation(client, 'c1', { operationName: 'Transfer', targetUri: `${sim.url}/api/v2/queues/q` }),
  );
  expect(bad.cause).toMatchObject({ type: 'rejected', httpStatus: 400, statusCode: 2 });
  expect(sim.snapshot().chats.map((c) => c.state)).toEqual(['Chatting']);
  for (const secret of secrets) expect(`${e.message} ${bad.message}`).not.toContain(secret);
});

test('the fault switches apply: a rejected Transfer, then a lost confirmation that times out, never retried', async () => {
  sim.publish(CHATS, chat('c1', TRANSFERABLE));
  sim.faults.rejectOperations(4);
  const rejected = await failureOf(chatOperation(client, 'c1', { operationName: 'Transfer', queueName: 'test-queue' }));
  expect(rejected.cause).toMatchObject({ type: 'rejected', httpStatus: 500, statusCode: 4 });
  sim.faults.rejectOperations(false);
  sim.faults.loseConfirmations(true);
  const lost = await failureOf(
    chatOperation(client, 'c1', { operationName: 'Transfer', queueName: 'test-queue' }, { timeoutMs: 1500 }),
  );
  expect(lost.cause).toMatchObject({ type: 'timeout', sent: true });
  expect(operations).toHaveLength(1);
  expect(sim.snapshot().chats).toEqual([]); // the simulator did transfer it: only the notifications were lost
});
