// The public, browser-safe surface of gws-rx: named exports only. Every name here is in the API report
// (etc/gws-rx.api.md); a change to it is a reviewed diff.

// The client: cold topic Observables over one CometD session, and the GWS login flow.
export { createGwsClient, clientDefaults, gwsLogin, GwsHttpError, syncedTopic } from './client/index';
export type {
  ConnectionState,
  GwsClient,
  GwsClientOptions,
  GwsLoginOptions,
  GwsRequest,
  GwsSession,
  HeaderMap,
  RecoveryOptions,
  SnapshotEvent,
  SnapshotRequested,
  StateSnapshot,
  SubscribeFailure,
  SyncState,
} from './client/index';

// The protocol: the registry of media kinds, the topics derived from it, decoding, and the resources' codecs.
export { mediaKinds } from './protocol/media';
export type {
  ConversationKind,
  MediaKind,
  MediaKindName,
  MediaKinds,
  NotificationOf,
  ResourceOf,
  TranscriptSpec,
  Typed,
} from './protocol/media';
export { decodeNotification, isTopicName, topicNames } from './protocol/index';
export type {
  DecodeFailure,
  DecodeFailureReason,
  Notification,
  OpenEnum,
  Resync,
  ResyncOf,
  TopicMap,
  TopicName,
} from './protocol/index';
export {
  Call,
  CallStateChangeMessage,
  Chat,
  ChatStateChangeMessage,
  Device,
  DeviceStateChangeMessage,
  Email,
  EmailStateChangeMessage,
  ErrorMessage,
  Facebook,
  FacebookStateChangeMessage,
  Facebooksession,
  FacebooksessionStateChangeMessage,
  IMLogUpdateMessage,
  IMSessionStateChangeMessage,
  ImSession,
  MessageLogUpdated,
  Openmedia,
  OpenmediaStateChangeMessage,
  Service,
  ServiceStateChangeMessage,
  TranscriptMessage,
  Tweet,
  TweetOperationResponse,
  TweetStateChangeMessage,
  Workbin,
  WorkbinItem,
  WorkbinStateChangeMessage,
  WorkbinSubscriptionStateChangeMessage,
  Workitem,
  WorkitemStateChangeMessage,
} from './protocol/index';
export type {
  CallsNotification,
  ChatsNotification,
  DevicesNotification,
  EmailsNotification,
  FacebookNotification,
  FacebooksessionNotification,
  ImSessionsNotification,
  OpenmediaNotification,
  ServicesNotification,
  TwitterNotification,
  WorkbinsNotification,
  WorkitemsNotification,
} from './protocol/index';
export {
  AgentStateRequest,
  CallRequest,
  ChatRequest,
  ChatTransferRequest,
  EmailRequest,
  ImSessionRequest,
  OperationAnswer,
  WorkitemRequest,
} from './protocol/index';

// The operators: one state Observable per conversation, and live Maps for dashboards.
export {
  addIndexed,
  appendMessage,
  callConversations,
  chatConversations,
  deviceStates,
  emailConversations,
  emptyTranscript,
  facebookConversations,
  facebookSessionConversations,
  imSessionConversations,
  liveConversations,
  mapChanges,
  openmediaConversations,
  reduceConversation,
  serviceStates,
  tweetConversations,
  workbinContents,
  workitemConversations,
} from './operators/index';
export type {
  CallConversationState,
  ChatConversationState,
  Conversation,
  ConversationEvent,
  ConversationOptions,
  ConversationState,
  EmailConversationState,
  EntryLike,
  FacebookConversationState,
  FacebookSessionConversationState,
  ImEntry,
  ImSessionConversationState,
  IndexRange,
  KeyedStateOptions,
  MapChanges,
  OpenmediaConversationState,
  OperationError,
  PresentParticipant,
  ReduceOptions,
  ResourceLike,
  Transcript,
  TweetConversationState,
  WorkbinContentsOptions,
  WorkbinSeed,
  WorkitemConversationState,
} from './operators/index';

// The operations: each a cold Observable that sends one request and completes when its notification confirms it.
export {
  GwsOperationError,
  agentStateOperation,
  callOperation,
  chatOperation,
  emailOperation,
  imSessionOperation,
  workitemOperation,
} from './operations/index';
export type {
  OperationEvent,
  OperationFailure,
  OperationOptions,
  OperationTarget,
  ResourceRef,
} from './operations/index';
