// Type tests: pin the inference users rely on. They fail at `npm run typecheck` if a type widens or changes;
// the runtime assertions check the same values exist.
import { expectTypeOf } from 'expect-type';
import type { Observable } from 'rxjs';
import {
  createGwsClient,
  chatConversations,
  callConversations,
  imSessionConversations,
  deviceStates,
} from '../../src/index';
import * as nodeEntry from '../../src/node';
import * as browserEntry from '../../src/index';
import type { ChatStateChangeMessage, MessageLogUpdated } from '../../src/protocol/chats';
import type { Chat } from '../../src/protocol/chats';
import type { Call } from '../../src/protocol/calls';
import type { Device } from '../../src/protocol/devices';
import type { ImSession } from '../../src/protocol/imSessions';
import type { TranscriptMessage } from '../../src/protocol/common';
import type { Conversation, ConversationState, ImEntry } from '../../src/index';

const port = {
  configure: () => undefined,
  handshake: () => undefined,
  disconnect: (cb?: (m: { channel: string }) => void) => cb?.({ channel: '/meta/disconnect' }),
  addListener: () => ({}),
  removeListener: () => undefined,
  subscribe: () => ({}),
  unsubscribe: () => undefined,
};

describe('type inference', () => {
  const client = createGwsClient({ url: 'http://127.0.0.1:1', cometd: port });

  test('topic(name) is typed by its literal', () => {
    expectTypeOf(client.topic('/v2/me/chats')).toEqualTypeOf<Observable<ChatStateChangeMessage | MessageLogUpdated>>();
    // @ts-expect-error: not a GWS topic
    expect(() => client.topic('/v2/me/nope')).toThrow(/unknown topic/);
  });

  test('operators infer resource and transcript types from the topic they follow', () => {
    const chats = client.topic('/v2/me/chats').pipe(chatConversations());
    expectTypeOf(chats).toEqualTypeOf<Observable<Conversation<ConversationState<Chat, TranscriptMessage>>>>();
    const calls = client.topic('/v2/me/calls').pipe(callConversations());
    expectTypeOf(calls).toEqualTypeOf<Observable<Conversation<ConversationState<Call, never>>>>();
    const ims = client.topic('/v2/me/im-sessions').pipe(imSessionConversations());
    expectTypeOf(ims).toEqualTypeOf<Observable<Conversation<ConversationState<ImSession, ImEntry>>>>();
    const devices = client.topic('/v2/me/devices').pipe(deviceStates());
    expectTypeOf(devices).toEqualTypeOf<Observable<ReadonlyMap<string, Device>>>();
    expect(typeof chats.subscribe).toBe('function');
  });

  test('the Node entry exports the same names as the browser entry', () => {
    expect(Object.keys(nodeEntry).sort()).toEqual(Object.keys(browserEntry).sort());
    expect(nodeEntry.createGwsClient).not.toBe(browserEntry.createGwsClient);
  });

  afterAll(() => client.close());
});
