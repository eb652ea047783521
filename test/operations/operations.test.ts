// The operations against a stand-in client (topics as Subjects, a controllable request hook): what is sent, when,
// how answers and notifications settle it, and what each family takes as its confirmation.
import { BehaviorSubject, EMPTY, Observable, Subject } from 'rxjs';
import type { Subscription } from 'rxjs';
import type { GwsClient } from '../../src/client/createGwsClientWith';
import type { SubscriptionsState } from '../../src/client/session';
import {
  GwsOperationError,
  agentStateOperation,
  callOperation,
  chatOperation,
  emailOperation,
  imSessionOperation,
  workitemOperation,
} from '../../src/operations/index';
import type { OperationEvent, OperationFailure } from '../../src/operations/index';
import type { ChatRequest } from '../../src/protocol/operations';

interface Sent {
  readonly path: string;
  readonly init: RequestInit;
  answer(body: unknown, status?: number): void;
  fail(e: unknown): void;
}

function stand_in(options: { acknowledged?: boolean; hook?: boolean } = {}) {
  const topics = new Map<string, Subject<unknown>>();
  const subscriptions$ = new BehaviorSubject<SubscriptionsState>({ session: 1, pending: [], acknowledged: [] });
  const sent: Sent[] = [];
  const subject = (name: string): Subject<unknown> => {
    let s = topics.get(name);
    if (!s) topics.set(name, (s = new Subject()));
    return s;
  };
  const ack = (channel: string): void => {
    const s = subscriptions$.value;
    subscriptions$.next({
      ...s,
      pending: s.pending.filter((c) => c !== channel),
      acknowledged: [...s.acknowledged, channel],
    });
  };
  const client: GwsClient = {
    connection$: EMPTY,
    decodeFailures$: EMPTY,
    subscribeFailures$: EMPTY,
    subscriptions$,
    topic: ((name: string) =>
      new Observable<unknown>((subscriber) => {
        const sub = subject(name).subscribe(subscriber);
        const s = subscriptions$.value;
        if (!s.acknowledged.includes(name) && !s.pending.includes(name))
          subscriptions$.next({ ...s, pending: [...s.pending, name] });
        if (options.acknowledged) ack(name);
        return sub;
      })) as GwsClient['topic'],
    channel: () => EMPTY,
    close: () => Promise.resolve(),
    ...(options.hook === false
      ? {}
      : {
          request: (path: string, init: RequestInit = {}) =>
            new Promise<Response>((resolve, reject) =>
              sent.push({
                path,
                init,
                answer: (body, status = 200) =>
                  resolve(new Response(typeof body === 'string' ? body : JSON.stringify(body), { status })),
                fail: reject,
              }),
            ),
        }),
  };
  return { client, sent, ack, publish: (channel: string, data: unknown) => subject(channel).next(data) };
}

/** Lets promise callbacks (the answer's JSON) run. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const live: Subscription[] = [];
// Operations still waiting hold a timeout timer: let them go.
afterEach(() => live.splice(0).forEach((s) => s.unsubscribe()));

/** Subscribes and records what the Observable does. */
function watch<N>(o: Observable<OperationEvent<N>>) {
  const seen: { events: string[]; error: unknown; done: boolean } = { events: [], error: undefined, done: false };
  const subscription = o.subscribe({
    next: (e) => seen.events.push(e.status),
    error: (e: unknown) => (seen.error = e),
    complete: () => (seen.done = true),
  });
  live.push(subscription);
  return Object.assign(seen, { subscription });
}

const causeOf = (e: unknown): OperationFailure => {
  expect(e).toBeInstanceOf(GwsOperationError);
  return (e as GwsOperationError).cause;
};

const agent = { nickname: 'Ann', type: 'Agent', participantId: 'P1' };
const log = (chatUri: string, ...entries: Record<string, unknown>[]) => ({
  messageType: 'MessageLogUpdated',
  notificationType: 'NewMessages',
  chatUri,
  messages: entries,
});
const URI = 'http://gws/api/v2/chats/ch%201';

describe('an operation Observable (chats)', () => {
  test('cold: nothing is sent before the topic subscription is acknowledged; then one POST with the body', async () => {
    const { client, sent, ack } = stand_in();
    const op = chatOperation(client, 'ch 1', { operationName: 'SendMessage', text: 'Hello' });
    await settle();
    expect(sent).toHaveLength(0);
    const seen = watch(op);
    await settle();
    expect(sent).toHaveLength(0);
    ack('/v2/me/chats');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.path).toBe('/api/v2/me/chats/ch%201');
    expect(sent[0]?.init.method).toBe('POST');
    expect(JSON.parse(String(sent[0]?.init.body))).toEqual({ operationName: 'SendMessage', text: 'Hello' });
    expect(seen.events).toEqual([]);
  });

  test('accepted on the answer, confirmed by the agent entry with that text, then complete', async () => {
    const { client, sent, publish } = stand_in({ acknowledged: true });
    const seen = watch(chatOperation(client, 'ch 1', { operationName: 'SendMessage', text: 'Hello' }));
    sent[0]?.answer({ statusCode: 0, referenceId: 3 });
    await settle();
    expect(seen.events).toEqual(['accepted']);
    publish('/v2/me/chats', log(URI, { index: 4, type: 'Text', text: 'Hello', from: { ...agent, type: 'Customer' } }));
    publish(
      '/v2/me/chats',
      log('http://gws/api/v2/chats/other', { index: 4, type: 'Text', text: 'Hello', from: agent }),
    );
    publish('/v2/me/chats', log(URI, { index: 5, type: 'Text', text: 'Bye', from: agent }));
    expect(seen.done).toBe(false);
    publish('/v2/me/chats', log(URI, { index: 6, type: 'Text', text: 'Hello', from: agent }));
    expect(seen.events).toEqual(['accepted', 'confirmed']);
    expect(seen.done).toBe(true);
  });

  test('the confirmation before the answer counts once the answer comes', async () => {
    const { client, sent, publish } = stand_in({ acknowledged: true });
    const seen = watch(chatOperation(client, 'ch 1', { operationName: 'Complete' }));
    publish('/v2/me/chats', {
      messageType: 'ChatStateChangeMessage',
      notificationType: 'StatusChange',
      chat: { id: 'ch 1', state: 'Completed' },
    });
    expect(seen.events).toEqual([]);
    sent[0]?.answer({ statusCode: 0 });
    await settle();
    expect(seen.events).toEqual(['accepted', 'confirmed']);
    expect(seen.done).toBe(true);
  });

  test('two concurrent SendMessage on one chat are confirmed by two distinct entries', async () => {
    const { client, sent, publish } = stand_in({ acknowledged: true });
    const first = watch(chatOperation(client, 'ch 1', { operationName: 'SendMessage', text: 'ok' }));
    const second = watch(chatOperation(client, 'ch 1', { operationName: 'SendMessage', text: 'ok' }));
    for (const s of sent) s.answer({ statusCode: 0 });
    await settle();
    publish('/v2/me/chats', log(URI, { index: 7, type: 'Text', text: 'ok', from: agent }));
    expect([first.done, second.done]).toEqual([true, false]);
    publish('/v2/me/chats', log(URI, { index: 8, type: 'Text', text: 'ok', from: agent }));
    expect([first.done, second.done]).toEqual([true, true]);
    // both entries in one message: each confirms one operation
    const third = watch(chatOperation(client, 'ch 1', { operationName: 'SendMessage', text: 'ok' }));
    const fourth = watch(chatOperation(client, 'ch 1', { operationName: 'SendMessage', text: 'ok' }));
    for (const s of sent.slice(2)) s.answer({ statusCode: 0 });
    await settle();
    publish(
      '/v2/me/chats',
      log(
        URI,
        { index: 9, type: 'Text', text: 'ok', from: agent },
        { index: 10, type: 'Text', text: 'ok', from: agent },
      ),
    );
    expect([third.done, fourth.done]).toEqual([true, true]);
    expect(sent).toHaveLength(4);
  });

  test('outside the capabilities of the resource or state given: fails at once, nothing sent; the check can be skipped', async () => {
    const { client, sent } = stand_in({ acknowledged: true });
    const state = { id: 'ch 1', resource: { id: 'ch 1', state: 'Invited', capabilities: ['Accept'] } };
    const seen = watch(chatOperation(client, state, { operationName: 'SendMessage', text: 'Hi' }));
    expect(causeOf(seen.error)).toEqual({
      type: 'capability',
      sent: false,
      capability: 'SendMessage',
      capabilities: ['Accept'],
    });
    expect((seen.error as GwsOperationError).message).toBe(
      'gws-rx: SendMessage on "ch 1" failed: not in the resource\'s capabilities (Accept)',
    );
    watch(chatOperation(client, state.resource, { operationName: 'Complete' }));
    await settle();
    expect(sent).toHaveLength(0);
    watch(chatOperation(client, state, { operationName: 'Complete' }, { checkCapabilities: false }));
    watch(chatOperation(client, state, { operationName: 'Accept' }));
    expect(sent).toHaveLength(2);
  });

  test('a request that does not match its codec fails at once, unsent, with the path of what is wrong', () => {
    const { client, sent } = stand_in({ acknowledged: true });
    const seen = watch(chatOperation(client, 'ch1', { operationName: 'SendMessage' } as unknown as ChatRequest));
    const cause = causeOf(seen.error);
    expect(cause.type).toBe('invalid');
    expect(cause.type === 'invalid' && cause.errors.join('\n')).toMatch(/text/);
    const empty = watch(chatOperation(client, '', { operationName: 'Accept' }));
    expect(causeOf(empty.error).type).toBe('invalid');
    const noResource = watch(chatOperation(client, { resource: undefined } as never, { operationName: 'Accept' }));
    expect(causeOf(noResource.error).type).toBe('invalid');
    expect(sent).toHaveLength(0);
  });

  test.each([
    [
      200,
      { statusCode: 2, statusMessage: 'Invalid state' },
      { httpStatus: 200, statusCode: 2, statusMessage: 'Invalid state' },
    ],
    [
      404,
      { statusCode: 6, statusMessage: 'Chat not found' },
      { httpStatus: 404, statusCode: 6, statusMessage: 'Chat not found' },
    ],
    [401, 'Unauthorized', { httpStatus: 401, statusCode: undefined, statusMessage: undefined }],
    [403, { statusCode: 3, statusMessage: 'Missing or invalid Csrf token' }, { httpStatus: 403, statusCode: 3 }],
    [503, '<html>busy</html>', { httpStatus: 503, statusCode: undefined }],
  ])('HTTP %d %j: rejected, with the status code and message', async (status, body, expected) => {
    const { client, sent } = stand_in({ acknowledged: true });
    const seen = watch(chatOperation(client, 'ch1', { operationName: 'Accept' }));
    sent[0]?.answer(body, status);
    await settle();
    expect(causeOf(seen.error)).toMatchObject({ type: 'rejected', sent: true, ...expected });
    expect(seen.events).toEqual([]);
    expect(sent).toHaveLength(1);
  });

  test('a 200 that is not a GWS answer is an answer failure, with the path', async () => {
    const { client, sent } = stand_in({ acknowledged: true });
    const seen = watch(chatOperation(client, 'ch1', { operationName: 'Accept' }));
    sent[0]?.answer({ ok: true });
    await settle();
    expect(causeOf(seen.error)).toEqual({
      type: 'answer',
      sent: true,
      httpStatus: 200,
      errors: [expect.stringContaining('statusCode')],
    });
  });

  test('a network failure: one error, sent, never retried', async () => {
    const { client, sent } = stand_in({ acknowledged: true });
    const seen = watch(chatOperation(client, 'ch1', { operationName: 'Accept' }));
    sent[0]?.fail(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:1') }));
    await settle();
    expect(causeOf(seen.error)).toEqual({ type: 'network', sent: true, message: 'connect ECONNREFUSED 127.0.0.1:1' });
    await settle();
    expect(sent).toHaveLength(1);
  });

  test('an Error notification on the chat fails it, with its errorMessage', async () => {
    const { client, sent, publish } = stand_in({ acknowledged: true });
    const seen = watch(chatOperation(client, 'ch1', { operationName: 'Accept' }));
    sent[0]?.answer({ statusCode: 0 });
    await settle();
    publish('/v2/me/chats', {
      messageType: 'ChatStateChangeMessage',
      notificationType: 'Error',
      errorMessage: 'Accept is not allowed',
      chat: { id: 'ch1', state: 'Chatting' },
    });
    expect(causeOf(seen.error)).toMatchObject({ type: 'notification', errorMessage: 'Accept is not allowed' });
    expect(seen.events).toEqual(['accepted']);
  });

  test('unsubscribing after sending aborts the request and sends nothing again', async () => {
    const { client, sent } = stand_in({ acknowledged: true });
    const seen = watch(chatOperation(client, 'ch1', { operationName: 'Accept' }));
    seen.subscription.unsubscribe();
    expect(sent[0]?.init.signal?.aborted).toBe(true);
    sent[0]?.answer({ statusCode: 0 });
    await settle();
    expect(sent).toHaveLength(1);
    expect(seen.events).toEqual([]);
  });

  test('a client without the request hook: a network error, not sent', () => {
    const { client } = stand_in({ acknowledged: true, hook: false });
    const seen = watch(chatOperation(client, 'ch1', { operationName: 'Accept' }));
    expect(causeOf(seen.error)).toMatchObject({ type: 'network', sent: false });
  });
});

describe('what confirms each family', () => {
  const device = (state: string, workMode?: string) => ({
    messageType: 'DeviceStateChangeMessage',
    devices: [{ id: 'd1', userState: { state, ...(workMode ? { workMode } : {}) } }],
  });

  test('agent state: the device in the state (and work mode) asked; an ErrorMessage fails it', async () => {
    const { client, sent, publish } = stand_in({ acknowledged: true });
    const acw = watch(agentStateOperation(client, { operationName: 'AfterCallWork' }));
    const ready = watch(agentStateOperation(client, { operationName: 'Ready' }));
    expect(sent.map((s) => s.path)).toEqual(['/api/v2/me/channels/voice', '/api/v2/me/channels/voice']);
    for (const s of sent) s.answer({ statusCode: 0 });
    await settle();
    publish('/v2/me/devices', device('NotReady'));
    expect(acw.done).toBe(false);
    publish('/v2/me/devices', device('NotReady', 'AfterCallWork'));
    expect(acw.done).toBe(true);
    publish('/v2/me/devices', { messageType: 'ErrorMessage', errorMessage: 'Invalid DN', errorCode: 51 });
    expect(causeOf(ready.error)).toMatchObject({ type: 'notification', errorMessage: 'Invalid DN', errorCode: 51 });
  });

  test('calls: Hold by the call Held; user data by AttachedDataChanged; an Error on the call fails', async () => {
    const { client, sent, publish } = stand_in({ acknowledged: true });
    const call = { id: 'c1', capabilities: ['Hold', 'AttachUserData', 'Hangup'] };
    const held = watch(callOperation(client, call, { operationName: 'Hold' }));
    const data = watch(callOperation(client, call, { operationName: 'AttachUserData', userData: { k: 'v' } }));
    const hangup = watch(callOperation(client, call, { operationName: 'Hangup' }));
    expect(JSON.parse(String(sent[1]?.init.body))).toEqual({ operationName: 'AttachUserData', userData: { k: 'v' } });
    for (const s of sent) s.answer({ statusCode: 0 });
    await settle();
    const change = (notificationType: string, state: string, id = 'c1') => ({
      messageType: 'CallStateChangeMessage',
      notificationType,
      call: { id, state },
    });
    publish('/v2/me/calls', change('StatusChange', 'Held', 'c2'));
    expect(held.done).toBe(false);
    publish('/v2/me/calls', change('StatusChange', 'Held'));
    publish('/v2/me/calls', change('AttachedDataChanged', 'Held'));
    expect([held.done, data.done, hangup.done]).toEqual([true, true, false]);
    publish('/v2/me/calls', change('Error', 'Held'));
    expect(causeOf(hangup.error).type).toBe('notification');
  });

  test('calls: ClearCall (GWS names it, PROTOCOL.md lists it) needs Hangup and is confirmed by the call Released', async () => {
    const { client, sent, publish } = stand_in({ acknowledged: true });
    const refused = watch(callOperation(client, { id: 'c1', capabilities: ['Hold'] }, { operationName: 'ClearCall' }));
    expect(causeOf(refused.error)).toEqual({
      type: 'capability',
      sent: false,
      capability: 'Hangup',
      capabilities: ['Hold'],
    });
    expect(sent).toEqual([]);
    const cleared = watch(
      callOperation(client, { id: 'c1', capabilities: ['Hangup'] }, { operationName: 'ClearCall' }),
    );
    expect(JSON.parse(String(sent[0]?.init.body))).toEqual({ operationName: 'ClearCall' });
    sent[0]?.answer({ statusCode: 0 });
    await settle();
    publish('/v2/me/calls', {
      messageType: 'CallStateChangeMessage',
      notificationType: 'StatusChange',
      call: { id: 'c1', state: 'Held' },
    });
    expect(cleared.done).toBe(false);
    publish('/v2/me/calls', {
      messageType: 'CallStateChangeMessage',
      notificationType: 'StatusChange',
      call: { id: 'c1', state: 'Released' },
    });
    expect(cleared.done).toBe(true);
  });

  test('IM sessions: SendMessage by the IMLogUpdateMessage of that session with the text', async () => {
    const { client, sent, publish } = stand_in({ acknowledged: true });
    const seen = watch(imSessionOperation(client, 'im1', { operationName: 'SendMessage', text: 'On my way' }));
    sent[0]?.answer({ statusCode: 0 });
    await settle();
    publish('/v2/me/im-sessions', {
      messageType: 'IMLogUpdateMessage',
      imSessionPath: '/im-sessions/im1',
      message: 'No',
    });
    expect(seen.done).toBe(false);
    publish('/v2/me/im-sessions', {
      messageType: 'IMLogUpdateMessage',
      imSessionPath: '/im-sessions/im1',
      message: 'On my way',
    });
    expect(seen.done).toBe(true);
  });

  test('emails: Reply by a new Composing email whose parentId is the email; workitems: Complete by Completed', async () => {
    const { client, sent, publish } = stand_in({ acknowledged: true });
    const reply = watch(emailOperation(client, 'e1', { operationName: 'Reply' }));
    const done = watch(workitemOperation(client, 'w1', { operationName: 'Complete' }));
    for (const s of sent) s.answer({ statusCode: 0 });
    await settle();
    publish('/v2/me/emails', {
      messageType: 'EmailStateChangeMessage',
      notificationType: 'StatusChange',
      email: { id: 'e1-reply', state: 'Composing', parentId: 'e1' },
    });
    publish('/v2/me/workitems', {
      messageType: 'WorkitemStateChangeMessage',
      notificationType: 'StatusChange',
      workitem: { id: 'w1', state: 'Completed' },
    });
    expect([reply.done, done.done]).toEqual([true, true]);
    expect(sent.map((s) => s.path)).toEqual(['/api/v2/me/emails/e1', '/api/v2/me/workitems/w1']);
  });
});

describe('chat Transfer', () => {
  const completed = (participants: unknown[]) => ({
    messageType: 'ChatStateChangeMessage',
    notificationType: 'StatusChange',
    chat: { id: 'ch 1', state: 'Completed', participants },
  });

  test('sends the body as given; its text and ParticipantLeft entries confirm nothing, the chat Completed does', async () => {
    const { client, sent, publish } = stand_in({ acknowledged: true });
    const request = { operationName: 'Transfer', queueName: 'test-queue', text: 'A colleague takes over' } as const;
    const seen = watch(chatOperation(client, 'ch 1', request));
    expect(JSON.parse(String(sent[0]?.init.body))).toEqual(request);
    sent[0]?.answer({ statusCode: 0 });
    await settle();
    publish('/v2/me/chats', log(URI, { index: 4, type: 'Text', text: 'A colleague takes over', from: agent }));
    publish('/v2/me/chats', log(URI, { index: 5, type: 'ParticipantLeft', from: agent }));
    publish('/v2/me/chats', { ...completed([]), chat: { id: 'other', state: 'Completed' } });
    expect(seen.events).toEqual(['accepted']);
    publish('/v2/me/chats', completed([{ nickname: 'Bob', type: 'Customer', participantId: 'P2' }]));
    expect(seen.events).toEqual(['accepted', 'confirmed']);
    expect(seen.done).toBe(true);
  });

  test('to an agent: an Error on the chat (an unknown target) fails it with its errorMessage and errorCode', async () => {
    const { client, sent, publish } = stand_in({ acknowledged: true });
    const targetUri = 'http://gws/api/v2/users/u2';
    const seen = watch(chatOperation(client, 'ch 1', { operationName: 'Transfer', targetUri }));
    expect(JSON.parse(String(sent[0]?.init.body))).toEqual({ operationName: 'Transfer', targetUri });
    sent[0]?.answer({ statusCode: 0, referenceId: 9 });
    await settle();
    publish('/v2/me/chats', {
      messageType: 'ChatStateChangeMessage',
      notificationType: 'Error',
      referenceId: 9,
      errorMessage: 'Transfer target user u2 not found',
      errorCode: 2,
      chat: { id: 'ch 1', state: 'Chatting' },
    });
    expect(causeOf(seen.error)).toMatchObject({
      type: 'notification',
      errorMessage: 'Transfer target user u2 not found',
      errorCode: 2,
    });
  });

  test('a chat whose capabilities lack Transfer: fails at once, unsent', async () => {
    const { client, sent } = stand_in({ acknowledged: true });
    const resource = { id: 'ch 1', state: 'Accepted', capabilities: ['Complete', 'Leave'] };
    const seen = watch(chatOperation(client, { resource }, { operationName: 'Transfer', queueName: 'test-queue' }));
    expect(causeOf(seen.error)).toEqual({
      type: 'capability',
      sent: false,
      capability: 'Transfer',
      capabilities: ['Complete', 'Leave'],
    });
    await settle();
    expect(sent).toHaveLength(0);
  });

  test.each([
    [{ queueName: 'q', targetUri: 'http://gws/api/v2/users/u2' }, 'queueName: expected absent'],
    [{}, 'queueName: expected string, got undefined'],
    [{ queueName: 'q', treatAs: 'System' }, 'treatAs: expected absent (only with text)'],
    [{ queueName: 'q', text: 'hi', treatAs: 'Loud' }, 'treatAs: expected "Normal" | "System", got "Loud"'],
  ])('a Transfer %j fails at once, unsent, with the path of what is wrong', (fields, line) => {
    const { client, sent } = stand_in({ acknowledged: true });
    const request = { operationName: 'Transfer', ...fields } as unknown as ChatRequest;
    const seen = watch(chatOperation(client, 'ch 1', request));
    const cause = causeOf(seen.error);
    expect(cause.type === 'invalid' && cause.errors.join('\n')).toContain(line);
    expect(sent).toHaveLength(0);
  });
});
