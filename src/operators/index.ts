// The operators room: named re-exports only.
export { chatConversations, chatEndStates } from './chatConversations';
export type { ChatConversationState, ChatStateChangeLike } from './chatConversations';
export { imSessionConversations } from './imSessionConversations';
export type {
  ImEntry,
  ImSessionConversationState,
  IMLogUpdateLike,
  IMSessionStateChangeLike,
} from './imSessionConversations';
export { facebookSessionConversations } from './facebookSessionConversations';
export type { FacebookSessionConversationState, FacebooksessionStateChangeLike } from './facebookSessionConversations';
export { callConversations } from './callConversations';
export type { CallConversationState, CallStateChangeLike } from './callConversations';
export { emailConversations } from './emailConversations';
export type { EmailConversationState, EmailStateChangeLike } from './emailConversations';
export { workitemConversations } from './workitemConversations';
export type { WorkitemConversationState, WorkitemStateChangeLike } from './workitemConversations';
export { openmediaConversations } from './openmediaConversations';
export type { OpenmediaConversationState, OpenmediaStateChangeLike } from './openmediaConversations';
export { facebookConversations } from './facebookConversations';
export type { FacebookConversationState, FacebookStateChangeLike } from './facebookConversations';
export { tweetConversations } from './tweetConversations';
export type { TweetConversationState, TweetStateChangeLike } from './tweetConversations';
export { conversationSnapshots } from './conversationSnapshots';
export { deviceStates } from './deviceStates';
export type { DeviceOf, DeviceStateChangeLike, DeviceStatesOptions } from './deviceStates';
export { serviceStates } from './serviceStates';
export type { ServiceOf, ServiceStateChangeLike, ServiceStatesOptions } from './serviceStates';
export { workbinContents } from './workbinContents';
export type { WorkbinContentsOptions, WorkbinItemLike, WorkbinSeed } from './workbinContents';
export type { Conversation, ConversationOptions } from './internal/conversations';
export { reduceConversation } from './reduceConversation';
export type {
  ConversationEvent,
  ConversationKind,
  ConversationState,
  EntryLike,
  OperationError,
  PresentParticipant,
  ReduceContext,
  ResourceLike,
} from './reduceConversation';
export { addIndexed, appendMessage, emptyTranscript } from './transcript';
export type { IndexRange, Transcript } from './transcript';
export type { IndexedEntry, LogEntryOf, MessageLogLike, ResourceOf } from './internal/linked';
