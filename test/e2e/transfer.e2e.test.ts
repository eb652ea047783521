// Chat Transfer against the real simulator, through the client's session: to a queue or to another user, confirmed
// by the chat Completed for the agent (who left it); an unknown target, a lost confirmation or a rejected request
// each end in one GwsOperationError.
import { lastValueFrom, toArray } from 'rxjs';
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
const chatting = (id: string, capabilities = ['Transfer', 'Leave', 'SendMessage', 'Complete']) => ({
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
    users: { agent1: 'agent1-demo', agent2: 'agent2-demo' },
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

test('to a queue with text: the text reaches the transcript, then the agent leaves and the chat ends for them', async () => {
  sim.publish(CHATS, chatting('c1'));
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
  sim.publish(CHATS, chatting('c1'));
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
  sim.publish(CHATS, chatting('c1'));
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
  sim.publish(CHATS, chatting('c1'));
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
