// The registry of media kinds: the one place that knows, for each kind GWS notifies about, its channel, its message
// codecs, where a message holds the resource, the list it appears under in `GET /api/v2/me?subresources=*`, the
// states that end a conversation and how its transcript arrives. The topic map, the conversation operators, the
// simulator's state and the command's routing are derived from it.
import type * as t from 'io-ts';
import { ErrorMessage } from './common';
import { Device, DeviceStateChangeMessage } from './devices';
import type { DevicesNotification } from './devices';
import { Call, CallStateChangeMessage } from './calls';
import type { CallsNotification } from './calls';
import { Service, ServiceStateChangeMessage } from './services';
import type { ServicesNotification } from './services';
import { Chat, ChatStateChangeMessage, MessageLogUpdated } from './chats';
import type { ChatsNotification } from './chats';
import { IMLogUpdateMessage, IMSessionStateChangeMessage, ImSession } from './imSessions';
import type { ImSessionsNotification } from './imSessions';
import { Email, EmailStateChangeMessage } from './emails';
import type { EmailsNotification } from './emails';
import { Facebook, FacebookStateChangeMessage } from './facebook';
import type { FacebookNotification } from './facebook';
import { Facebooksession, FacebooksessionStateChangeMessage } from './facebooksession';
import type { FacebooksessionNotification } from './facebooksession';
import { Openmedia, OpenmediaStateChangeMessage } from './openmedia';
import type { OpenmediaNotification } from './openmedia';
import { Tweet, TweetOperationResponse, TweetStateChangeMessage } from './twitter';
import type { TwitterNotification } from './twitter';
import { Workitem, WorkitemStateChangeMessage } from './workitems';
import type { WorkitemsNotification } from './workitems';
import { WorkbinItem, WorkbinStateChangeMessage, WorkbinSubscriptionStateChangeMessage } from './workbins';
import type { WorkbinsNotification } from './workbins';

/** How a conversation's transcript entries arrive, and how a log message names its conversation. */
export interface TranscriptSpec {
  /** The message type that carries transcript entries. */
  readonly messageType: string;
  /**
   * `indexed`: the message holds `messages[]`, each with an `index` (kept ordered by index, duplicates dropped, gaps
   * listed). `arrival`: the message holds one text under {@link TranscriptSpec.textKey}, kept in arrival order.
   */
  readonly order: 'indexed' | 'arrival';
  /** Fields of the log message that name the conversation (a URI or path ending in its id), tried in this order. */
  readonly linkKeys: readonly string[];
  /** With `arrival`: the field holding the text. */
  readonly textKey?: string;
}

/**
 * What gws-rx knows about one media kind. `C` is its channel, `N` the notifications on it, `R` its resource.
 *
 * @example
 * ```ts
 * import { mediaKinds } from 'gws-rx';
 * const chat = mediaKinds.chat;
 * chat.channel; // '/v2/me/chats'
 * chat.endStates; // ['Completed', 'Revoked', 'JoinFailed']
 * ```
 */
export interface MediaKind<C extends string = string, N = unknown, R = unknown> {
  /** The Bayeux channel. */
  readonly channel: C;
  /** The codec of each `messageType` on the channel; alternative spellings map to the codec that normalizes them. */
  readonly messages: Readonly<Record<string, t.Decoder<unknown, N>>>;
  /** The (normalized) message type that carries the whole resource. */
  readonly stateMessage: string;
  /** Where that message holds the resource. */
  readonly resourceKey: string;
  /** True when the message holds a list of resources under {@link MediaKind.resourceKey} (devices). */
  readonly many?: boolean;
  /** The resource codec: resources read from `GET /api/v2/me?subresources=*` are decoded with it. */
  readonly resource: t.Decoder<unknown, R>;
  /** The list of the user object in `GET /api/v2/me?subresources=*` that holds this kind's live resources, if any. */
  readonly snapshotList?: string;
  /**
   * For conversation kinds, the states that end a conversation (trimmed, exact match); `undefined` for kinds kept
   * as a Map of resources (devices, services, workbin items).
   */
  readonly endStates?: readonly string[];
  /** How the transcript arrives, for kinds that have one. */
  readonly transcript?: TranscriptSpec;
}

/** A media kind whose resources are conversations: they start, change and end. */
export interface ConversationMediaKind<C extends string = string, N = unknown, R = unknown> extends MediaKind<C, N, R> {
  readonly endStates: readonly string[];
}

declare const types: unique symbol;

/**
 * The named notification and resource types of a row, carried by its type only (no such property exists at run
 * time), so that the types derived from the registry show names in editors rather than io-ts's structural types.
 */
export interface Typed<N, R> {
  readonly [types]?: { readonly notification: N; readonly resource: R };
}

/** Types a row with the named notification and resource types. */
const row =
  <N, R>() =>
  <C extends string, const M extends MediaKind<C, N, R>>(kind: M & MediaKind<C, N, R>): M & Typed<N, R> =>
    kind;

const CHAT_LINKS = ['chatUri', 'chatPath'] as const;

/**
 * Every media kind gws-rx knows, one row each. Adding a kind is one codec file, one row here, one marble spec and
 * one simulator scenario.
 *
 * @example
 * ```ts
 * import { mediaKinds } from 'gws-rx';
 * for (const [name, kind] of Object.entries(mediaKinds)) console.log(name, kind.channel, kind.snapshotList);
 * ```
 */
export const mediaKinds = {
  device: row<DevicesNotification, Device>()({
    channel: '/v2/me/devices',
    messages: { DeviceStateChangeMessage, ErrorMessage },
    stateMessage: 'DeviceStateChangeMessage',
    resourceKey: 'devices',
    many: true,
    resource: Device,
    snapshotList: 'devices',
  }),
  call: row<CallsNotification, Call>()({
    channel: '/v2/me/calls',
    messages: { CallStateChangeMessage, ErrorMessage },
    stateMessage: 'CallStateChangeMessage',
    resourceKey: 'call',
    resource: Call,
    snapshotList: 'calls',
    endStates: ['Released'],
  }),
  service: row<ServicesNotification, Service>()({
    channel: '/notifications/services',
    messages: { ServiceStateChangeMessage },
    stateMessage: 'ServiceStateChangeMessage',
    resourceKey: 'service',
    resource: Service,
    snapshotList: 'services',
  }),
  chat: row<ChatsNotification, Chat>()({
    channel: '/v2/me/chats',
    messages: { ChatStateChangeMessage, MessageLogUpdated },
    stateMessage: 'ChatStateChangeMessage',
    resourceKey: 'chat',
    resource: Chat,
    snapshotList: 'chats',
    endStates: ['Completed', 'Revoked', 'JoinFailed'],
    transcript: { messageType: 'MessageLogUpdated', order: 'indexed', linkKeys: CHAT_LINKS },
  }),
  email: row<EmailsNotification, Email>()({
    channel: '/v2/me/emails',
    messages: { EmailStateChangeMessage },
    stateMessage: 'EmailStateChangeMessage',
    resourceKey: 'email',
    resource: Email,
    snapshotList: 'emails',
    endStates: ['Completed', 'Revoked'],
  }),
  facebook: row<FacebookNotification, Facebook>()({
    channel: '/v2/me/facebook',
    messages: { FacebookStateChangeMessage },
    stateMessage: 'FacebookStateChangeMessage',
    resourceKey: 'facebook',
    resource: Facebook,
    snapshotList: 'facebook',
    endStates: ['Completed', 'Revoked'],
  }),
  facebookSession: row<FacebooksessionNotification, Facebooksession>()({
    channel: '/v2/me/facebooksession',
    messages: { FacebooksessionStateChangeMessage, MessageLogUpdated },
    stateMessage: 'FacebooksessionStateChangeMessage',
    resourceKey: 'facebooksession',
    resource: Facebooksession,
    snapshotList: 'facebooksessions',
    endStates: ['Completed', 'Revoked'],
    // The session link field of MessageLogUpdated is not documented for Facebook sessions: every spelling seen.
    transcript: {
      messageType: 'MessageLogUpdated',
      order: 'indexed',
      linkKeys: [
        ...CHAT_LINKS,
        'facebooksessionUri',
        'facebooksessionPath',
        'facebookSessionUri',
        'facebookSessionPath',
      ],
    },
  }),
  imSession: row<ImSessionsNotification, ImSession>()({
    channel: '/v2/me/im-sessions',
    messages: { IMSessionStateChangeMessage, IMLogUpdateMessage },
    stateMessage: 'IMSessionStateChangeMessage',
    resourceKey: 'imSession',
    resource: ImSession,
    snapshotList: 'imSessions',
    endStates: ['Completed', 'Released', 'Ended'],
    transcript: {
      messageType: 'IMLogUpdateMessage',
      order: 'arrival',
      linkKeys: ['imSessionPath'],
      textKey: 'message',
    },
  }),
  openmedia: row<OpenmediaNotification, Openmedia>()({
    channel: '/v2/me/openmedia',
    messages: { OpenmediaStateChangeMessage },
    stateMessage: 'OpenmediaStateChangeMessage',
    resourceKey: 'openmedia',
    resource: Openmedia,
    snapshotList: 'openmedia',
    endStates: ['Completed', 'Revoked'],
  }),
  tweet: row<TwitterNotification, Tweet>()({
    channel: '/v2/me/twitter',
    messages: {
      TweetStateChangeMessage,
      TwitterStateChangeMessage: TweetStateChangeMessage,
      TweetOperationResponse,
      TwitterOperationResponse: TweetOperationResponse,
    },
    stateMessage: 'TweetStateChangeMessage',
    resourceKey: 'tweet',
    resource: Tweet,
    snapshotList: 'tweets',
    endStates: ['Completed', 'Revoked'],
  }),
  workbin: row<WorkbinsNotification, WorkbinItem>()({
    channel: '/v2/me/workbins',
    messages: { WorkbinSubscriptionStateChangeMessage, WorkbinStateChangeMessage },
    stateMessage: 'WorkbinStateChangeMessage',
    resourceKey: 'item',
    resource: WorkbinItem,
  }),
  workitem: row<WorkitemsNotification, Workitem>()({
    channel: '/v2/me/workitems',
    messages: { WorkitemStateChangeMessage },
    stateMessage: 'WorkitemStateChangeMessage',
    resourceKey: 'workitem',
    resource: Workitem,
    snapshotList: 'workitems',
    endStates: ['Completed', 'Revoked'],
  }),
} as const;

/** The registry's type. */
export type MediaKinds = typeof mediaKinds;

/** The name of a media kind: `'chat'`, `'call'`, `'device'`, … */
export type MediaKindName = keyof MediaKinds;

/** The media kinds whose resources are conversations (chat, call, email, …; not device, service, workbin). */
export type ConversationKind = {
  [K in MediaKindName]: MediaKinds[K] extends { readonly endStates: readonly string[] } ? K : never;
}[MediaKindName];

/** The notification union of a media kind. */
export type NotificationOf<M> = M extends Typed<infer N, unknown> ? N : never;

/** The resource type of a media kind. */
export type ResourceOf<M> = M extends Typed<unknown, infer R> ? R : never;
