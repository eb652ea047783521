// The protocol room: io-ts codecs and their types (a codec and its type share a name). Named re-exports only.
export {
  BooleanFromStringOrBoolean,
  ErrorMessage,
  InteractionState,
  NotificationType,
  NumberFromStringOrNumber,
  Participant,
  ParticipantDetails,
  TranscriptEventType,
  TranscriptIndex,
  TranscriptMessage,
  TrimmedString,
  UserData,
} from './common';
export type { OpenEnum } from './common';
export { AgentState, Device, DeviceStateChangeMessage, UserState } from './devices';
export type { DevicesNotification } from './devices';
export { Call, CallState, CallStateChangeMessage } from './calls';
export type { CallsNotification } from './calls';
export { Service, ServiceState, ServiceStateChangeMessage, ServiceType } from './services';
export type { ServicesNotification } from './services';
export { Chat, ChatStateChangeMessage, MessageLogUpdated } from './chats';
export type { ChatsNotification } from './chats';
export { IMLogUpdateMessage, IMSessionStateChangeMessage, ImSession } from './imSessions';
export type { ImSessionsNotification } from './imSessions';
export { Email, EmailAttachment, EmailStateChangeMessage } from './emails';
export type { EmailsNotification } from './emails';
export { Facebook, FacebookStateChangeMessage } from './facebook';
export type { FacebookNotification } from './facebook';
export { Facebooksession, FacebooksessionStateChangeMessage } from './facebooksession';
export type { FacebooksessionNotification } from './facebooksession';
export { Openmedia, OpenmediaStateChangeMessage } from './openmedia';
export type { OpenmediaNotification } from './openmedia';
export { Tweet, TweetOperationResponse, TweetStateChangeMessage } from './twitter';
export type { TwitterNotification } from './twitter';
export { Workitem, WorkitemStateChangeMessage } from './workitems';
export type { WorkitemsNotification } from './workitems';
export { WorkbinItem, WorkbinStateChangeMessage, WorkbinSubscriptionStateChangeMessage } from './workbins';
export type { WorkbinsNotification } from './workbins';
export { Workbin } from './resync';
export type { Resync, ResyncOf } from './resync';
export {
  AgentStateRequest,
  CallRequest,
  ChatRequest,
  ChatTransferRequest,
  EmailRequest,
  ImSessionRequest,
  OperationAnswer,
  WorkitemRequest,
} from './operations';
export { isTopicName, topicCodecs, topicNames } from './topics';
export type { TopicMap, TopicName } from './topics';
export { decodeNotification } from './decode';
export type { DecodeFailure, DecodeFailureReason, Notification } from './decode';
export { mediaKinds } from './media';
export type {
  ConversationKind,
  ConversationMediaKind,
  MediaKind,
  MediaKindName,
  MediaKinds,
  NotificationOf,
  ResourceOf,
  TranscriptSpec,
  Typed,
} from './media';
