// The public, browser-safe surface of gws-rx: named exports only.
export { decodeNotification } from './protocol/decode';
export type { DecodeFailure, DecodeFailureReason, Notification } from './protocol/decode';
export { topicNames, isTopicName } from './protocol/topics';
export type { TopicMap, TopicName } from './protocol/topics';
export { createGwsClient, createGwsClientWith, clientDefaults, gwsLogin, GwsLoginError } from './client/index';
export type {
  GwsClient,
  SubscribeFailure,
  ConnectionState,
  ConnectionStatus,
  GwsClientOptions,
  HeaderMap,
  BayeuxCallback,
  BayeuxMessage,
  CometDConfiguration,
  CometDHandle,
  CometDPort,
  GwsLoginOptions,
  GwsSession,
} from './client/index';
