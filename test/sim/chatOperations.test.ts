// The pure half of the simulator's chat operations (request parsing, the notifications each operation causes) and
// the state they read (live chats, the highest transcript index per chat), without HTTP.
import { chatOperations, isReply, operationNotifications, parseRequest } from '../../src/sim/operations';
import type { OperationContext, ParsedOperation } from '../../src/sim/operations';
import { SimState } from '../../src/sim/state';
import { decodeNotification } from '../../src/protocol/decode';

const now = Date.UTC(2026, 0, 5, 9, 30, 1, 7);
type ChatOperationContext = Omit<OperationContext, 'params'>;
const ctx = (
  resource: ChatOperationContext['resource'],
  extra: Partial<ChatOperationContext> = {},
): ChatOperationContext => ({
  resource,
  referenceId: 42,
  lastIndex: 6,
  username: 'agent1',
  baseUrl: 'http://127.0.0.1:5555',
  now,
  ...extra,
});
/** The notifications of a chat operation, named as the request names it. */
const chatOperationNotifications = (
  op: { name: string; text?: string },
  c: ChatOperationContext,
): ReturnType<typeof operationNotifications> => {
  const parsed: ParsedOperation = {
    name: chatOperations.aliases?.[op.name] ?? op.name,
    params: op.text === undefined ? {} : { text: op.text },
  };
  return operationNotifications(chatOperations, parsed, c);
};
const parseChatOperation = (raw: string) => parseRequest(chatOperations, raw);
const agent = { nickname: 'Agent A', type: ' Agent', participantId: 'P-AGENT' };
const customer = { nickname: 'Alice', type: 'Customer', participantId: 'P-CUST' };

describe('parseChatOperation', () => {
  test('accepts the chat operations; each keeps its own parameter; other fields are ignored', () => {
    expect(parseChatOperation('{"operationName":"SendMessage","text":"hi","messageType":"Greeting"}')).toEqual({
      name: 'SendMessage',
      params: { text: 'hi' },
    });
    expect(parseChatOperation('{"operationName":"SendUrl","url":"https://x.test/a","text":"no"}')).toEqual({
      name: 'SendUrl',
      params: { url: 'https://x.test/a' },
    });
    expect(parseChatOperation('{"operationName":"SendCustomNotice","noticeText":"n"}')).toEqual({
      name: 'SendCustomNotice',
      params: { noticeText: 'n' },
    });
    for (const name of ['Accept', 'SendStartTypingNotification', 'SendStopTypingNotification', 'Complete', 'Leave'])
      expect(parseChatOperation(JSON.stringify({ operationName: name, text: 'ignored' }))).toEqual({
        name,
        params: {},
      });
    // the simulator's first names for the typing notifications are aliases of GWS's
    expect(parseChatOperation('{"operationName":"StartTyping"}')).toEqual({
      name: 'SendStartTypingNotification',
      params: {},
    });
    expect(parseChatOperation('{"operationName":"StopTyping"}')).toEqual({
      name: 'SendStopTypingNotification',
      params: {},
    });
  });

  test('a parameter missing is statusCode 1, one of the wrong type 2; an inherited name is no operation', () => {
    const missing = parseChatOperation('{"operationName":"SendUrl"}');
    expect(isReply(missing) && missing.body).toEqual({ statusCode: 1, statusMessage: 'Parameter url is missing' });
    const wrong = parseChatOperation('{"operationName":"SendCustomNotice","noticeText":7}');
    expect(isReply(wrong) && wrong.body).toEqual({
      statusCode: 2,
      statusMessage: 'Parameter noticeText must be a non-empty string',
    });
    const inherited = parseChatOperation('{"operationName":"toString"}');
    expect(isReply(inherited) && inherited.status).toBe(400);
  });

  test('operation names are case-sensitive, as GWS spells them', () => {
    const r = parseChatOperation('{"operationName":"sendmessage","text":"hi"}');
    expect(isReply(r) && r.status).toBe(400);
  });
});

describe('chatOperationNotifications', () => {
  test('SendMessage: one MessageLogUpdated at lastIndex + 1, from the chat agent, shaped like the scenarios', () => {
    const chat = { id: 'c1', state: 'Chatting', uri: 'http://gws/api/v2/chats/c1', participants: [customer, agent] };
    const out = chatOperationNotifications({ name: 'SendMessage', text: 'Hello' }, ctx(chat));
    expect(out).toEqual([
      {
        channel: '/v2/me/chats',
        data: {
          messageType: 'MessageLogUpdated',
          notificationType: 'NewMessages',
          chatUri: 'http://gws/api/v2/chats/c1',
          messages: [
            {
              index: 7,
              from: { nickname: 'Agent A', type: 'Agent', participantId: 'P-AGENT' },
              type: 'Text',
              text: 'Hello',
              visibility: 'All',
              timestamp: '2026-01-05 09:30:01.007+0000',
              timestampSeconds: now,
            },
          ],
        },
      },
    ]);
    expect(out.map((m) => decodeNotification(m)._tag)).toEqual(['Right']);
  });

  test('typing entries carry no text; without an Agent participant or uri, the user and base URL stand in', () => {
    // older servers list participants as strings: they are skipped, not trusted
    const chat = { id: 'chat 9', state: 'Chatting', participants: ['P-CUST', customer] };
    const [started] = chatOperationNotifications({ name: 'StartTyping' }, ctx(chat, { lastIndex: 0 }));
    expect(started?.data).toMatchObject({
      chatUri: 'http://127.0.0.1:5555/api/v2/chats/chat%209',
      messages: [
        { index: 1, type: 'TypingStarted', from: { nickname: 'agent1', type: 'Agent', participantId: 'agent-agent1' } },
      ],
    });
    expect((started?.data.messages as Record<string, unknown>[])[0]).not.toHaveProperty('text');
    const [stopped] = chatOperationNotifications({ name: 'StopTyping' }, ctx(chat));
    expect(stopped?.data).toMatchObject({ messages: [{ index: 7, type: 'TypingStopped' }] });
  });

  test('Complete: the whole resource with state Completed, no capabilities, and the referenceId', () => {
    const chat = { id: 'c2', state: ' Chatting', participants: [customer, agent], userData: { k: 'v' } };
    const out = chatOperationNotifications({ name: 'Complete' }, ctx(chat));
    expect(out).toEqual([
      {
        channel: '/v2/me/chats',
        data: {
          messageType: 'ChatStateChangeMessage',
          notificationType: 'StatusChange',
          referenceId: 42,
          chat: { ...chat, state: 'Completed', capabilities: [] },
        },
      },
    ]);
    expect(chat.state).toBe(' Chatting'); // the stored resource is not mutated
    expect(out.map((m) => decodeNotification(m)._tag)).toEqual(['Right']);
  });

  test('an operation missing from capabilities gives an Error notification with the unchanged chat', () => {
    const chat = { id: 'c3', state: ' Invited', capabilities: ['Complete', 'SendMessage'] };
    const out = chatOperationNotifications({ name: 'StopTyping' }, ctx(chat));
    expect(out).toEqual([
      {
        channel: '/v2/me/chats',
        data: {
          messageType: 'ChatStateChangeMessage',
          notificationType: 'Error',
          referenceId: 42,
          errorMessage: 'SendStopTypingNotification is not allowed on chat c3 in state Invited',
          errorCode: 2,
          chat,
        },
      },
    ]);
    expect(out.map((m) => decodeNotification(m)._tag)).toEqual(['Right']);
    // the capability is checked under GWS's name for it
    const typing = chatOperationNotifications(
      { name: 'StartTyping' },
      ctx({ ...chat, capabilities: ['SendStartTypingNotification'] }),
    );
    expect(typing[0]?.data.messageType).toBe('MessageLogUpdated');
  });
});

describe('SimState bookkeeping for operations', () => {
  const log = (link: Record<string, string>, ...indices: unknown[]) => ({
    messageType: 'MessageLogUpdated',
    ...link,
    messages: indices.map((index) => ({ index, type: 'Text' })),
  });
  const chat = (id: string, state: string) => ({ messageType: 'ChatStateChangeMessage', chat: { id, state } });

  test('the highest index per chat, linked by chatUri or chatPath; junk indices ignored; forgotten when it ends', () => {
    const s = new SimState();
    s.apply('/v2/me/chats', chat('a', 'Chatting'));
    expect(s.get('chats', 'a')).toEqual({ id: 'a', state: 'Chatting' });
    expect(s.lastChatIndex('a')).toBe(0);
    s.apply('/v2/me/chats', log({ chatUri: 'http://h/api/v2/chats/a' }, 3, 1));
    s.apply('/v2/me/chats', log({ chatPath: '/chats/a' }, 2, '9', null, Number.NaN));
    s.apply('/v2/me/chats', log({ chatPath: '/chats/b' }, 5));
    s.apply('/v2/me/chats', log({}, 8));
    expect(s.lastChatIndex('a')).toBe(3);
    expect(s.lastChatIndex('b')).toBe(5);
    s.apply('/v2/me/chats', chat('a', ' Completed'));
    expect(s.get('chats', 'a')).toBeUndefined();
    expect(s.lastChatIndex('a')).toBe(0);
    expect(s.lastChatIndex('b')).toBe(5);
  });

  test('renumber: only logs of chats operations wrote into move, by how many entries operations added', () => {
    const s = new SimState();
    const scripted = log({ chatPath: '/chats/a' }, 2, 'x');
    expect(s.renumber(scripted)).toBe(scripted);
    s.noteInserted('a', 1);
    s.noteInserted('a', 2);
    expect(s.renumber(scripted)).toEqual(log({ chatPath: '/chats/a' }, 5, 'x'));
    expect(scripted).toEqual(log({ chatPath: '/chats/a' }, 2, 'x')); // not mutated
    const other = log({ chatPath: '/chats/b' }, 2);
    expect(s.renumber(other)).toBe(other);
    const state = chat('a', 'Chatting');
    expect(s.renumber(state)).toBe(state);
    s.apply('/v2/me/chats', chat('a', 'Completed'));
    expect(s.renumber(scripted)).toBe(scripted);
  });
});
