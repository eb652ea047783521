// The public, browser-safe surface of gws-rx: named exports only.
export { decodeNotification } from './protocol/decode';
export type { DecodeFailure, DecodeFailureReason, Notification } from './protocol/decode';
export { topicNames, isTopicName } from './protocol/topics';
export type { TopicMap, TopicName } from './protocol/topics';
