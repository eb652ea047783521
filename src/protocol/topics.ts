// PLACEHOLDER (replaced by the protocol work): maps every GWS topic to its message codecs.
import * as t from 'io-ts';

const Placeholder = t.type({ messageType: t.string });

/** Every topic gws-rx knows, with a codec per `data.messageType`. */
export const topicCodecs = {
  '/v2/me/chats': { ChatStateChangeMessage: Placeholder, MessageLogUpdated: Placeholder },
} as const;

/** The notification union emitted on each topic. */
export interface TopicMap {
  '/v2/me/chats': t.TypeOf<typeof Placeholder>;
}

/** A GWS topic name. */
export type TopicName = keyof TopicMap;

/** All topic names, in a stable order. */
export const topicNames = Object.keys(topicCodecs) as readonly TopicName[];

/** Narrows a string to a known {@link TopicName}. */
export const isTopicName = (s: string): s is TopicName => Object.prototype.hasOwnProperty.call(topicCodecs, s);
