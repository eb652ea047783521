// The operators room: named re-exports only.
export { chatConversations } from './chatConversations';
export type { ChatConversationState } from './chatConversations';
export { imSessionConversations } from './imSessionConversations';
export type { ImSessionConversationState } from './imSessionConversations';
export type { ImEntry } from './internal/mediaConversations';
export { facebookSessionConversations } from './facebookSessionConversations';
export type { FacebookSessionConversationState } from './facebookSessionConversations';
export { callConversations } from './callConversations';
export type { CallConversationState } from './callConversations';
export { emailConversations } from './emailConversations';
export type { EmailConversationState } from './emailConversations';
export { workitemConversations } from './workitemConversations';
export type { WorkitemConversationState } from './workitemConversations';
export { openmediaConversations } from './openmediaConversations';
export type { OpenmediaConversationState } from './openmediaConversations';
export { facebookConversations } from './facebookConversations';
export type { FacebookConversationState } from './facebookConversations';
export { tweetConversations } from './tweetConversations';
export type { TweetConversationState } from './tweetConversations';
export { liveConversations } from './liveConversations';
export { mapChanges } from './mapChanges';
export type { MapChanges } from './mapChanges';
export { deviceStates } from './deviceStates';
export type { KeyedStateOptions } from './deviceStates';
export { serviceStates } from './serviceStates';
export { workbinContents } from './workbinContents';
export type { WorkbinContentsOptions, WorkbinSeed } from './workbinContents';
export type { Conversation, ConversationOptions } from './internal/conversations';
export { reduceConversation } from './reduceConversation';
export type {
  ConversationEvent,
  ConversationKind,
  ConversationState,
  EntryLike,
  OperationError,
  PresentParticipant,
  ReduceOptions,
  ResourceLike,
} from './reduceConversation';
export { addIndexed, appendMessage, emptyTranscript } from './transcript';
export type { IndexRange, Transcript } from './transcript';
