// Chat operations on the simulator (`POST /api/v2/me/chats/{id}`), seen the way an application sees them: a real
// gws-rx Node client subscribed to /v2/me/chats through chatConversations(), while the test posts operations over
// HTTP with the session's cookie and CSRF header. The synchronous answer is GWS's `{ statusCode: 0, referenceId }`;
// the result arrives as notifications.
import type { Subscription } from 'rxjs';
import { startSimulator } from '../../src/sim/server';
import type { GwsSimulator } from '../../src/sim/server';
import { createGwsClient } from '../../src/node';
import { gwsLogin } from '../../src/client/gwsLogin';
import type { GwsClient } from '../../src/client/createGwsClientWith';
import type { HeaderMap } from '../../src/client/options';
import { chatConversations } from '../../src/operators/chatConversations';
import type { ChatConversationState } from '../../src/operators/chatConversations';

type ChatState = ChatConversationState;

const customer = { nickname: 'Alice Martin', type: 'Customer', participantId: '007352CE982D031B' };
const agent = { nickname: 'Agent A', type: 'Agent', participantId: '007352CE984F0321' };
const allCapabilities = ['Complete', 'SendMessage', 'SendStartTypingNotification', 'SendStopTypingNotification'];

/** A ChatStateChangeMessage shaped like the simulator's scenarios. */
const chatState = (id: string, state: string, capabilities = allCapabilities): Record<string, unknown> => ({
  messageType: 'ChatStateChangeMessage',
  notificationType: 'StatusChange',
  chat: {
    id,
    state,
    uri: `http://127.0.0.1:8080/api/v2/chats/${id}`,
    path: `/chats/${id}`,
    participants: [customer, agent],
    capabilities,
    userData: {},
  },
});
/** A MessageLogUpdated with one customer Text at `index`. */
const customerText = (id: string, index: number): Record<string, unknown> => ({
  messageType: 'MessageLogUpdated',
  notificationType: 'NewMessages',
  chatUri: `http://127.0.0.1:8080/api/v2/chats/${id}`,
  messages: [{ index, from: customer, type: 'Text', text: `customer line ${index}`, visibility: 'All' }],
});

/** Polls `check` until it holds (the Jest timeout bounds the wait; nothing is asserted about time). */
const eventually = async (check: () => boolean): Promise<void> => {
  while (!check()) await new Promise((r) => setTimeout(r, 10));
};

interface Watched {
  readonly states: ChatState[];
  done: boolean;
}

let sim: GwsSimulator;
let headers: HeaderMap;
let client: GwsClient;
let chats: Map<string, Watched>;
let subscription: Subscription;
let decodeFailures: unknown[];

const last = (id: string): ChatState | undefined => chats.get(id)?.states.at(-1);

/** Posts an operation on chat `id`; returns the status and the parsed body. */
const post = async (
  id: string,
  body: unknown,
  with_: Record<string, string> = headers,
): Promise<{ status: number; body: Record<string, unknown>; text: string }> => {
  const res = await fetch(`${sim.url}/api/v2/me/chats/${id}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...with_ },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as Record<string, unknown>, text };
};

beforeEach(async () => {
  sim = await startSimulator({ bayeux: { timeout: 500 } });
  headers = (await gwsLogin({ baseUrl: sim.url, ...sim.user })).headers;
  client = createGwsClient({ url: sim.url, headers, backoffIncrement: 50, maxBackoff: 400 });
  chats = new Map();
  decodeFailures = [];
  subscription = client.decodeFailures$.subscribe((f) => decodeFailures.push(f));
  subscription.add(
    client
      .topic('/v2/me/chats')
      .pipe(chatConversations())
      .subscribe((c) => {
        const watched: Watched = { states: [], done: false };
        chats.set(c.id, watched);
        c.state$.subscribe({ next: (s) => watched.states.push(s), complete: () => (watched.done = true) });
      }),
  );
  await eventually(() => sim.subscriberCount('/v2/me/chats') === 1);
});
afterEach(async () => {
  subscription.unsubscribe();
  await client.close();
  await sim.close();
});

test('SendMessage: 200 with a referenceId, and the text joins the transcript at the next index, from the agent', async () => {
  sim.publish('/v2/me/chats', chatState('c1', 'Chatting'));
  // out of order on purpose: the next index follows the highest one published, not the last one
  sim.publish('/v2/me/chats', customerText('c1', 2));
  sim.publish('/v2/me/chats', customerText('c1', 1));
  await eventually(() => last('c1')?.transcript.length === 2);

  const first = await post('c1', { operationName: 'SendMessage', text: 'Hello, how can I help?' });
  expect(first.status).toBe(200);
  expect(first.body).toEqual({ statusCode: 0, referenceId: expect.any(Number) });
  await eventually(() => last('c1')?.transcript.length === 3);
  const entry = last('c1')?.transcript.toArray()[2];
  expect(entry).toMatchObject({ index: 3, type: 'Text', text: 'Hello, how can I help?', from: agent });

  const second = await post('c1', { operationName: 'SendMessage', text: 'Second line' });
  expect(second.body.referenceId).toBe((first.body.referenceId as number) + 1);
  await eventually(() => last('c1')?.transcript.length === 4);
  const transcript = last('c1')?.transcript.toArray() ?? [];
  expect(transcript.map((m) => [m.index, m.text])).toEqual([
    [1, 'customer line 1'],
    [2, 'customer line 2'],
    [3, 'Hello, how can I help?'],
    [4, 'Second line'],
  ]);
  expect(last('c1')?.transcript.gaps).toEqual([]);
  // what the simulator publishes for an operation decodes like any GWS notification
  expect(decodeFailures).toEqual([]);
});

test('a scripted scenario going on in the same chat is renumbered after the agent: no two messages share an index', async () => {
  sim.publish('/v2/me/chats', chatState('c8', 'Chatting'));
  sim.publish('/v2/me/chats', customerText('c8', 1));
  await eventually(() => last('c8')?.transcript.length === 1);
  expect((await post('c8', { operationName: 'SendMessage', text: 'agent reply' })).status).toBe(200);
  await eventually(() => last('c8')?.transcript.length === 2);
  // the script knows nothing of the agent's message and goes on with its own indices 2 and 3
  sim.publish('/v2/me/chats', customerText('c8', 2));
  sim.publish('/v2/me/chats', customerText('c8', 3));
  await eventually(() => last('c8')?.transcript.length === 4);
  expect(
    last('c8')
      ?.transcript.toArray()
      .map((m) => [m.index, m.text]),
  ).toEqual([
    [1, 'customer line 1'],
    [2, 'agent reply'],
    [3, 'customer line 2'],
    [4, 'customer line 3'],
  ]);
  expect((await post('c8', { operationName: 'SendMessage', text: 'next' })).status).toBe(200);
  await eventually(() => last('c8')?.transcript.length === 5);
  expect(last('c8')?.transcript.toArray()[4]).toMatchObject({ index: 5, text: 'next' });
});

test('StartTyping / StopTyping: the agent shows up in `typing`, then leaves it; each takes a transcript index', async () => {
  sim.publish('/v2/me/chats', chatState('c2', 'Chatting'));
  await eventually(() => last('c2') !== undefined);
  expect(last('c2')?.typing).toEqual([]);

  expect((await post('c2', { operationName: 'StartTyping' })).status).toBe(200);
  await eventually(() => (last('c2')?.typing.length ?? 0) > 0);
  expect(last('c2')?.typing).toEqual([agent.participantId]);

  expect((await post('c2', { operationName: 'StopTyping' })).status).toBe(200);
  await eventually(() => last('c2')?.typing.length === 0);
  expect(
    last('c2')
      ?.transcript.toArray()
      .map((m) => [m.index, m.type]),
  ).toEqual([
    [1, 'TypingStarted'],
    [2, 'TypingStopped'],
  ]);
});

test('Complete: the chat ends (state$ completes on Completed), leaves the snapshot, and further operations get 404', async () => {
  sim.publish('/v2/me/chats', chatState('c3', 'Chatting'));
  sim.publish('/v2/me/chats', chatState('c4', 'Chatting'));
  await eventually(() => last('c3') !== undefined && last('c4') !== undefined);
  expect(sim.snapshot().chats.map((c) => c.id)).toEqual(['c3', 'c4']);

  const done = await post('c3', { operationName: 'Complete' });
  expect(done.body).toEqual({ statusCode: 0, referenceId: expect.any(Number) });
  await eventually(() => chats.get('c3')?.done === true);
  expect(last('c3')).toMatchObject({ state: 'Completed', ended: true });
  expect(last('c3')?.resource).toMatchObject({ id: 'c3', capabilities: [] });
  expect(chats.get('c4')?.done).toBe(false);

  expect(sim.snapshot().chats.map((c) => c.id)).toEqual(['c4']);
  const me = await fetch(`${sim.url}/api/v2/me?subresources=*`, { headers });
  const body = (await me.json()) as { user: { chats: { id: string }[] } };
  expect(body.user.chats.map((c) => c.id)).toEqual(['c4']);

  const again = await post('c3', { operationName: 'SendMessage', text: 'too late' });
  expect(again.status).toBe(404);
  expect(again.body).toEqual({ statusCode: 6, statusMessage: 'Chat c3 not found' });
});

test('an operation the chat does not allow is accepted, then fails as an Error notification with its referenceId', async () => {
  sim.publish('/v2/me/chats', chatState('c5', 'Chatting', ['Complete']));
  await eventually(() => last('c5') !== undefined);
  const answer = await post('c5', { operationName: 'SendMessage', text: 'not allowed here' });
  expect(answer.status).toBe(200);
  await eventually(() => last('c5')?.lastError !== undefined);
  expect(last('c5')?.lastError).toMatchObject({
    referenceId: answer.body.referenceId,
    message: 'SendMessage is not allowed on chat c5 in state Chatting',
  });
  expect(last('c5')?.transcript.length).toBe(0);
  expect(last('c5')?.state).toBe('Chatting');
});

describe('refused requests: status and GWS-style body, and nothing published', () => {
  beforeEach(async () => {
    sim.publish('/v2/me/chats', chatState('c6', 'Chatting'));
    await eventually(() => last('c6') !== undefined);
  });
  afterEach(async () => {
    // Whatever was refused left no trace: the next message still gets index 1.
    expect(last('c6')?.transcript.length).toBe(0);
    expect((await post('c6', { operationName: 'SendMessage', text: 'after' })).status).toBe(200);
    await eventually(() => last('c6')?.transcript.length === 1);
    expect(last('c6')?.transcript.toArray()[0]).toMatchObject({ index: 1, text: 'after' });
  });

  test.each([
    ['malformed JSON', '{"operationName": "SendMessage",', 2, 'Request body is not valid JSON'],
    ['an empty body', '', 2, 'Request body is not valid JSON'],
    ['a JSON array', '[{"operationName":"Complete"}]', 2, 'Request body must be a JSON object'],
    ['no operationName', { text: 'hi' }, 1, 'Parameter operationName is missing'],
    ['a numeric operationName', { operationName: 7 }, 2, 'operationName must be a string'],
    [
      'an unknown operationName',
      { operationName: 'Dance' },
      2,
      'Unknown chat operationName "Dance"; supported: Accept, SendMessage, SendUrl, SendCustomNotice, SendStartTypingNotification, SendStopTypingNotification, Complete, Leave, Transfer',
    ],
    ['SendMessage without text', { operationName: 'SendMessage' }, 1, 'Parameter text is missing'],
    [
      'SendMessage with empty text',
      { operationName: 'SendMessage', text: '' },
      2,
      'Parameter text must be a non-empty string',
    ],
    [
      'SendMessage with a non-string text',
      { operationName: 'SendMessage', text: { a: 1 } },
      2,
      'Parameter text must be a non-empty string',
    ],
  ])('400 for %s', async (_what, body, statusCode, statusMessage) => {
    const answer = await post('c6', body);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ statusCode, statusMessage });
  });

  test('400 never repeats what the caller sent unless it is a plain name', async () => {
    const secret = 'hunter2 is my password';
    const answer = await post('c6', { operationName: secret, text: secret });
    expect(answer.status).toBe(400);
    expect(answer.text).not.toContain('hunter2');
    const broken = await post('c6', `{"operationName":"${secret}"`);
    expect(broken.text).not.toContain('hunter2');
  });

  test('404 for an unknown chat id, the id repeated only when it looks like one', async () => {
    const unknown = await post('nope', { operationName: 'Complete' });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ statusCode: 6, statusMessage: 'Chat nope not found' });
    const odd = await post(encodeURIComponent('a b<script>'), { operationName: 'Complete' });
    expect(odd.status).toBe(404);
    expect(odd.body).toEqual({ statusCode: 6, statusMessage: 'Chat not found' });
    const empty = await post('', { operationName: 'Complete' });
    expect(empty.status).toBe(404);
  });

  test('401 without the session cookie, 403 with a wrong CSRF token; neither answer holds a secret', async () => {
    const noSession = await post('c6', { operationName: 'Complete' }, {});
    expect(noSession.status).toBe(401);
    expect(noSession.body).toEqual({ statusCode: 20, statusMessage: 'User is not authenticated' });
    const cookieOnly = Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() === 'cookie'));
    expect(Object.keys(cookieOnly)).toHaveLength(1);
    const badCsrf = await post('c6', { operationName: 'Complete' }, { ...cookieOnly, 'X-CSRF-TOKEN': 'forged' });
    expect(badCsrf.status).toBe(403);
    expect(badCsrf.body).toEqual({ statusCode: 3, statusMessage: 'Missing or invalid Csrf token' });
    const noCsrf = await post('c6', { operationName: 'Complete' }, cookieOnly);
    expect(noCsrf.status).toBe(403);
    for (const value of [...Object.values(headers), sim.user.password])
      for (const answer of [noSession, badCsrf, noCsrf]) expect(answer.text).not.toContain(value);
    expect(sim.stats.rejected[401]).toBe(1);
    expect(sim.stats.rejected[403]).toBe(2);
    expect(sim.snapshot().chats.map((c) => c.id)).toEqual(['c6']);
  });

  test('401 while the credentials fault switch is on', async () => {
    sim.faults.rejectCredentials(401);
    const refused = await post('c6', { operationName: 'SendMessage', text: 'x' });
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual({ statusCode: 20, statusMessage: 'Rejected by fault switch' });
    sim.faults.rejectCredentials(false);
  });

  test('413 for a body over 64 KiB', async () => {
    const answer = await post('c6', { operationName: 'SendMessage', text: 'x'.repeat(70 * 1024) });
    expect(answer.status).toBe(413);
    expect(answer.body).toEqual({ statusCode: 2, statusMessage: 'Request body exceeds 65536 bytes' });
  });

  test('a body far over the bound is not read to its end: the connection is dropped, the simulator keeps serving', async () => {
    const huge = JSON.stringify({ operationName: 'SendMessage', text: 'x'.repeat(2 * 1024 * 1024) });
    // with a session, and without one (a refusal reads no more of the body than an operation does)
    for (const auth of [headers, {}])
      await expect(
        fetch(`${sim.url}/api/v2/me/chats/c6`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...auth },
          body: huge,
        }),
      ).rejects.toThrow();
  });

  test('405 for other methods; GET returns the chat resource', async () => {
    const put = await fetch(`${sim.url}/api/v2/me/chats/c6`, { method: 'PUT', headers, body: '{}' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, POST');
    expect(await put.json()).toEqual({ statusCode: 3, statusMessage: 'Method PUT not allowed' });
    const get = await fetch(`${sim.url}/api/v2/me/chats/c6`, { headers });
    expect(get.status).toBe(200);
    expect(await get.json()).toMatchObject({ statusCode: 0, chat: { id: 'c6', state: 'Chatting' } });
  });
});

test('with requireAuth off, operations need no session', async () => {
  const open = await startSimulator({ requireAuth: false, bayeux: { timeout: 500 } });
  try {
    open.publish('/v2/me/chats', chatState('c7', 'Chatting'));
    const op = (body: unknown) =>
      fetch(`${open.url}/api/v2/me/chats/c7`, { method: 'POST', body: JSON.stringify(body) });
    const sent = await op({ operationName: 'SendMessage', text: 'hi' });
    expect(sent.status).toBe(200);
    expect(await sent.json()).toEqual({ statusCode: 0, referenceId: 1 });
    const completed = await op({ operationName: 'Complete' });
    expect(await completed.json()).toEqual({ statusCode: 0, referenceId: 2 });
    expect(open.snapshot().chats).toEqual([]);
  } finally {
    await open.close();
  }
});
