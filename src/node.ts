// The Node entry: adapts the cometd client to Node (cometd-nodejs-client) and re-exports the public API.
export { decodeNotification } from './protocol/decode';
export type { DecodeFailure, DecodeFailureReason, Notification } from './protocol/decode';
export { topicNames, isTopicName } from './protocol/topics';
export type { TopicMap, TopicName } from './protocol/topics';
