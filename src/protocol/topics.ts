import type * as t from 'io-ts';
import { hasOwn } from './canonical';
import { mediaKinds } from './media';
import type { MediaKinds, NotificationOf } from './media';

/**
 * The notification union emitted on each topic: what `client.topic(name)` emits. Derived from {@link mediaKinds}.
 *
 * @example
 * ```ts
 * import type { TopicMap } from 'gws-rx';
 * type ChatNotification = TopicMap['/v2/me/chats']; // ChatStateChangeMessage | MessageLogUpdated
 * ```
 */
export type TopicMap = {
  [K in keyof MediaKinds as MediaKinds[K]['channel']]: NotificationOf<MediaKinds[K]>;
};

/** A GWS topic name: the channel of one of the {@link mediaKinds}. */
export type TopicName = keyof TopicMap;

/**
 * Every topic gws-rx knows, with one codec per `data.messageType` (trimmed). Alternative spellings map to the same
 * codec, which normalizes them. Derived from {@link mediaKinds}.
 * @internal
 */
export const topicCodecs = Object.fromEntries(
  Object.values(mediaKinds).map((kind) => [kind.channel, kind.messages]),
) as unknown as { readonly [K in TopicName]: Readonly<Record<string, t.Decoder<unknown, TopicMap[K]>>> };

/**
 * All topic names, in the registry's order.
 *
 * @example
 * ```ts
 * import { topicNames } from 'gws-rx';
 * topicNames.includes('/v2/me/chats'); // true
 * ```
 */
export const topicNames = /* @__PURE__ */ Object.keys(topicCodecs) as readonly TopicName[];

/**
 * Narrows a string to a known {@link TopicName}.
 *
 * @example
 * ```ts
 * import { isTopicName } from 'gws-rx';
 * isTopicName('/v2/me/chats'); // true
 * ```
 */
export const isTopicName = (s: string): s is TopicName => hasOwn(topicCodecs, s);
