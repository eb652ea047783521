import type * as t from 'io-ts';
import { ErrorMessage } from './common';
import { DeviceStateChangeMessage } from './devices';
import type { DevicesNotification } from './devices';
import { CallStateChangeMessage } from './calls';
import type { CallsNotification } from './calls';
import { ServiceStateChangeMessage } from './services';
import type { ServicesNotification } from './services';
import { ChatStateChangeMessage, MessageLogUpdated } from './chats';
import type { ChatsNotification } from './chats';
import { IMLogUpdateMessage, IMSessionStateChangeMessage } from './imSessions';
import type { ImSessionsNotification } from './imSessions';
import { EmailStateChangeMessage } from './emails';
import type { EmailsNotification } from './emails';
import { FacebookStateChangeMessage } from './facebook';
import type { FacebookNotification } from './facebook';
import { FacebooksessionStateChangeMessage } from './facebooksession';
import type { FacebooksessionNotification } from './facebooksession';
import { OpenmediaStateChangeMessage } from './openmedia';
import type { OpenmediaNotification } from './openmedia';
import { TweetOperationResponse, TweetStateChangeMessage } from './twitter';
import type { TwitterNotification } from './twitter';
import { WorkitemStateChangeMessage } from './workitems';
import type { WorkitemsNotification } from './workitems';
import { WorkbinStateChangeMessage, WorkbinSubscriptionStateChangeMessage } from './workbins';
import type { WorkbinsNotification } from './workbins';

/**
 * Every topic gws-rx knows, with one codec per `data.messageType` (trimmed). Alternative spellings map to the same
 * codec, which normalizes them.
 */
export const topicCodecs: { readonly [K in TopicName]: Readonly<Record<string, t.Decoder<unknown, TopicMap[K]>>> } = {
  '/v2/me/devices': { DeviceStateChangeMessage, ErrorMessage },
  '/v2/me/calls': { CallStateChangeMessage, ErrorMessage },
  '/notifications/services': { ServiceStateChangeMessage },
  '/v2/me/chats': { ChatStateChangeMessage, MessageLogUpdated },
  '/v2/me/emails': { EmailStateChangeMessage },
  '/v2/me/facebook': { FacebookStateChangeMessage },
  '/v2/me/facebooksession': { FacebooksessionStateChangeMessage, MessageLogUpdated },
  '/v2/me/im-sessions': { IMSessionStateChangeMessage, IMLogUpdateMessage },
  '/v2/me/openmedia': { OpenmediaStateChangeMessage },
  '/v2/me/twitter': {
    TweetStateChangeMessage,
    TwitterStateChangeMessage: TweetStateChangeMessage,
    TweetOperationResponse,
    TwitterOperationResponse: TweetOperationResponse,
  },
  '/v2/me/workbins': { WorkbinSubscriptionStateChangeMessage, WorkbinStateChangeMessage },
  '/v2/me/workitems': { WorkitemStateChangeMessage },
};

/** The notification union emitted on each topic: what `client.topic(name)` emits. */
export interface TopicMap {
  '/v2/me/devices': DevicesNotification;
  '/v2/me/calls': CallsNotification;
  '/notifications/services': ServicesNotification;
  '/v2/me/chats': ChatsNotification;
  '/v2/me/emails': EmailsNotification;
  '/v2/me/facebook': FacebookNotification;
  '/v2/me/facebooksession': FacebooksessionNotification;
  '/v2/me/im-sessions': ImSessionsNotification;
  '/v2/me/openmedia': OpenmediaNotification;
  '/v2/me/twitter': TwitterNotification;
  '/v2/me/workbins': WorkbinsNotification;
  '/v2/me/workitems': WorkitemsNotification;
}

/** A GWS topic name. */
export type TopicName = keyof TopicMap;

/** All topic names, in a stable order. */
export const topicNames = Object.keys(topicCodecs) as readonly TopicName[];

/**
 * Narrows a string to a known {@link TopicName}.
 *
 * @example
 * ```ts
 * import { isTopicName } from 'gws-rx';
 * isTopicName('/v2/me/chats'); // true
 * ```
 */
export const isTopicName = (s: string): s is TopicName => Object.prototype.hasOwnProperty.call(topicCodecs, s);
