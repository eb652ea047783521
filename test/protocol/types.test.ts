// Type-level pins (checked by `tsc`), plus a runtime guard so Jest also runs this file.
import { expectTypeOf } from 'expect-type';
import type { Notification } from '../../src/protocol/decode';
import type { TopicMap, TopicName } from '../../src/protocol/topics';
import { isTopicName, topicNames } from '../../src/protocol/topics';
import type {
  CallStateChangeMessage,
  ChatStateChangeMessage,
  DeviceStateChangeMessage,
  ErrorMessage,
  IMLogUpdateMessage,
  IMSessionStateChangeMessage,
  MessageLogUpdated,
  TranscriptMessage,
  TweetOperationResponse,
  TweetStateChangeMessage,
  WorkbinStateChangeMessage,
  WorkbinSubscriptionStateChangeMessage,
} from '../../src/protocol';

test('topic unions are pinned', () => {
  expectTypeOf<TopicMap['/v2/me/chats']>().toEqualTypeOf<ChatStateChangeMessage | MessageLogUpdated>();
  expectTypeOf<TopicMap['/v2/me/devices']>().toEqualTypeOf<DeviceStateChangeMessage | ErrorMessage>();
  expectTypeOf<TopicMap['/v2/me/calls']>().toEqualTypeOf<CallStateChangeMessage | ErrorMessage>();
  expectTypeOf<TopicMap['/v2/me/im-sessions']>().toEqualTypeOf<IMSessionStateChangeMessage | IMLogUpdateMessage>();
  expectTypeOf<TopicMap['/v2/me/twitter']>().toEqualTypeOf<TweetStateChangeMessage | TweetOperationResponse>();
  expectTypeOf<TopicMap['/v2/me/workbins']>().toEqualTypeOf<
    WorkbinSubscriptionStateChangeMessage | WorkbinStateChangeMessage
  >();
  expectTypeOf<TopicName>().toEqualTypeOf<
    | '/v2/me/devices'
    | '/v2/me/calls'
    | '/notifications/services'
    | '/v2/me/chats'
    | '/v2/me/emails'
    | '/v2/me/facebook'
    | '/v2/me/facebooksession'
    | '/v2/me/im-sessions'
    | '/v2/me/openmedia'
    | '/v2/me/twitter'
    | '/v2/me/workbins'
    | '/v2/me/workitems'
  >();
  expect(topicNames.every(isTopicName)).toBe(true);
});

test('key fields other rooms rely on', () => {
  expectTypeOf<ChatStateChangeMessage['messageType']>().toEqualTypeOf<'ChatStateChangeMessage'>();
  expectTypeOf<TweetStateChangeMessage['messageType']>().toEqualTypeOf<'TweetStateChangeMessage'>();
  expectTypeOf<ChatStateChangeMessage['chat']['id']>().toEqualTypeOf<string>();
  expectTypeOf<ChatStateChangeMessage['referenceId']>().toEqualTypeOf<number | undefined>();
  expectTypeOf<CallStateChangeMessage['call']['duration']>().toEqualTypeOf<number | undefined>();
  expectTypeOf<TranscriptMessage['index']>().toEqualTypeOf<number>();
  expectTypeOf<TranscriptMessage['type']>().toExtend<string>();
  expectTypeOf<'Text'>().toExtend<TranscriptMessage['type']>();
  expectTypeOf<'SomethingNew'>().toExtend<TranscriptMessage['type']>();
  expectTypeOf<NonNullable<ChatStateChangeMessage['chat']['state']>>().toExtend<string>();
  expectTypeOf<'Chatting'>().toExtend<NonNullable<ChatStateChangeMessage['chat']['state']>>();
  expectTypeOf<'Held'>().toExtend<NonNullable<CallStateChangeMessage['call']['state']>>();
  expectTypeOf<NonNullable<ChatStateChangeMessage['notificationType']>>().toExtend<string>();
  expectTypeOf<MessageLogUpdated['messages']>().toEqualTypeOf<TranscriptMessage[]>();
  expectTypeOf<IMLogUpdateMessage['message']>().toEqualTypeOf<string>();
  expectTypeOf<TweetOperationResponse['success']>().toEqualTypeOf<boolean | undefined>();
  expectTypeOf<TweetStateChangeMessage>().toHaveProperty('tweet');
  expectTypeOf<WorkbinStateChangeMessage['id']>().toEqualTypeOf<string>();
  expectTypeOf<WorkbinStateChangeMessage>().toHaveProperty('item');
  // narrowing a Notification by channel gives that topic's union
  expectTypeOf<Extract<Notification, { channel: '/v2/me/chats' }>['data']>().toEqualTypeOf<TopicMap['/v2/me/chats']>();
  expect(isTopicName('/v2/me/chats')).toBe(true);
  expect(isTopicName('/v2/me/nope')).toBe(false);
  expect(isTopicName('toString')).toBe(false);
});
