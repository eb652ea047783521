import { mediaKinds } from '../protocol/media';
import type { ConversationKind, MediaKind } from '../protocol/media';
import type { Transcript } from './transcript';
import { addIndexed, appendMessage, emptyTranscript } from './transcript';

export type { ConversationKind };

/** The least a resource must have: an id, and usually a state. */
export interface ResourceLike {
  readonly id: string;
  readonly state?: string | undefined;
}

/** The least a transcript entry may carry for typing and presence tracking. */
export interface EntryLike {
  readonly type?: string | undefined;
  readonly from?:
    | {
        readonly nickname?: string | undefined;
        readonly type?: string | undefined;
        readonly participantId?: string | undefined;
      }
    | undefined;
}

/** A participant currently in the conversation, from ParticipantJoined / ParticipantLeft transcript events. */
export interface PresentParticipant {
  readonly id: string;
  readonly nickname: string | undefined;
  readonly type: string | undefined;
}

/** The last operation on the conversation that failed (a notification with notificationType `Error`). */
export interface OperationError {
  readonly referenceId: number | undefined;
  readonly message: string;
  readonly at: number;
}

/**
 * The whole current state of one conversation.
 * `R` is the resource type (e.g. `Chat`), `M` the transcript entry type (e.g. `TranscriptMessage`).
 */
export interface ConversationState<R, M> {
  readonly kind: ConversationKind;
  readonly id: string;
  /** The latest resource received (every state-change message carries the whole resource). */
  readonly resource: R;
  /** The resource's state, trimmed. */
  readonly state: string | undefined;
  /** Ordered by index for chat-like media, by arrival for IM; duplicates removed, gaps listed. */
  readonly transcript: Transcript<M>;
  /** Ids (participantId, else nickname) of the participants typing now. */
  readonly typing: readonly string[];
  /** Participants who joined and have not left, in joining order. */
  readonly present: readonly PresentParticipant[];
  readonly lastError: OperationError | undefined;
  /** When this state was made, from the operator's scheduler clock (ms). */
  readonly updatedAt: number;
  /** True once the state is one of the kind's end states; the state$ completes right after. */
  readonly ended: boolean;
}

/** What a notification means to one conversation. */
export type ConversationEvent<R, M> =
  | {
      readonly type: 'resource';
      readonly id: string;
      readonly resource: R;
      readonly notificationType?: string | undefined;
      readonly referenceId?: number | undefined;
      readonly errorMessage?: string | undefined;
    }
  | { readonly type: 'messages'; readonly id: string; readonly messages: readonly M[] };

/**
 * How {@link reduceConversation} reduces: the conversation kind (its end states and transcript order come from the
 * registry of media kinds), the clock reading for `updatedAt`, and optionally other end states.
 *
 * @example
 * ```ts
 * import type { ReduceOptions } from 'gws-rx';
 * const options: ReduceOptions = { kind: 'chat', now: Date.now() };
 * ```
 */
export interface ReduceOptions {
  readonly kind: ConversationKind;
  /** The time written into `updatedAt` (and `lastError.at`), in ms. Default `Date.now()`. */
  readonly now?: number;
  /** States that end the conversation, instead of the kind's. */
  readonly endStates?: readonly string[];
}

/** What the reduction needs, worked out once per operator and clock reading. @internal */
export interface ReduceContext {
  readonly kind: ConversationKind;
  readonly endStates: ReadonlySet<string>;
  readonly indexed: boolean;
  readonly now: number;
}

/** The end states and transcript order of a kind, as the registry of media kinds gives them. @internal */
export const kindDefaults = (kind: ConversationKind): { endStates: readonly string[]; indexed: boolean } => {
  const media: MediaKind | undefined = Object.prototype.hasOwnProperty.call(mediaKinds, kind)
    ? (mediaKinds as Readonly<Record<string, MediaKind>>)[kind]
    : undefined;
  if (media?.endStates === undefined)
    throw new TypeError(`gws-rx reduceConversation: ${JSON.stringify(kind)} is not a conversation kind`);
  return { endStates: media.endStates, indexed: media.transcript?.order === 'indexed' };
};

const participantOf = (m: EntryLike): PresentParticipant | undefined => {
  const id = m.from?.participantId ?? m.from?.nickname;
  return id === undefined ? undefined : { id, nickname: m.from?.nickname, type: m.from?.type };
};

const without = <T>(xs: readonly T[], pred: (x: T) => boolean): readonly T[] =>
  xs.some(pred) ? xs.filter((x) => !pred(x)) : xs;

/**
 * {@link reduceConversation} with a context worked out beforehand: what the operators call for every event.
 * @internal
 */
export function reduceWith<R extends ResourceLike, M extends EntryLike>(
  prev: ConversationState<R, M> | undefined,
  event: ConversationEvent<R, M>,
  ctx: ReduceContext,
): ConversationState<R, M> | undefined {
  if (event.type === 'resource') {
    const state = typeof event.resource.state === 'string' ? event.resource.state.trim() : undefined;
    const failed = event.notificationType?.trim() === 'Error';
    return {
      kind: ctx.kind,
      id: event.id,
      resource: event.resource,
      state,
      transcript: prev?.transcript ?? emptyTranscript<M>(),
      typing: prev?.typing ?? [],
      present: prev?.present ?? [],
      lastError: failed
        ? {
            referenceId: event.referenceId,
            message:
              event.errorMessage ??
              `operation failed${event.referenceId === undefined ? '' : ` (referenceId ${event.referenceId})`}`,
            at: ctx.now,
          }
        : prev?.lastError,
      updatedAt: ctx.now,
      ended: state !== undefined && ctx.endStates.has(state),
    };
  }
  if (prev === undefined) return undefined;
  let { transcript, typing, present } = prev;
  for (const m of event.messages) {
    const before = transcript;
    transcript = ctx.indexed
      ? (addIndexed(
          transcript as unknown as Transcript<{ index: number }>,
          m as unknown as { index: number },
        ) as unknown as Transcript<M>)
      : appendMessage(transcript, m);
    // Typing and presence follow only messages that became the newest: a late or duplicate one says nothing new.
    if (transcript === before || transcript.at(transcript.length - 1) !== m) continue;
    const type = m.type?.trim();
    switch (type) {
      case 'TypingStarted': {
        const who = participantOf(m);
        if (who && !typing.includes(who.id)) typing = [...typing, who.id];
        break;
      }
      case 'TypingStopped':
      case 'Text':
        // most messages are Text while nobody types: nothing to look up
        if (typing.length > 0) {
          const who = participantOf(m);
          if (who) typing = without(typing, (id) => id === who.id);
        }
        break;
      case 'ParticipantJoined':
      case 'ParticipantRejoined': {
        const who = participantOf(m);
        if (who && !present.some((p) => p.id === who.id)) present = [...present, who];
        break;
      }
      case 'ParticipantLeft': {
        const who = participantOf(m);
        if (who) {
          present = without(present, (p) => p.id === who.id);
          typing = without(typing, (id) => id === who.id);
        }
        break;
      }
      default:
        break;
    }
  }
  if (transcript === prev.transcript) return prev;
  // Written out rather than spread: every state then has one shape, which keeps property reads fast downstream.
  return {
    kind: prev.kind,
    id: prev.id,
    resource: prev.resource,
    state: prev.state,
    transcript,
    typing,
    present,
    lastError: prev.lastError,
    updatedAt: ctx.now,
    ended: prev.ended,
  };
}

/**
 * The pure reducer behind every conversation operator: folds one event into a conversation's state.
 * Returns `prev` itself when nothing changed (so operators emit nothing), and `undefined` for messages of a
 * conversation whose first state change has not arrived yet (operators buffer those).
 *
 * @example
 * ```ts
 * import { reduceConversation } from 'gws-rx';
 * let s = reduceConversation(undefined, { type: 'resource', id: 'c1', resource: { id: 'c1', state: 'Chatting' } }, { kind: 'chat' });
 * s = reduceConversation(s, { type: 'messages', id: 'c1', messages: [{ index: 1, type: 'Text', text: 'hi' }] }, { kind: 'chat' });
 * s?.transcript.length; // 1
 * ```
 */
export function reduceConversation<R extends ResourceLike, M extends EntryLike>(
  prev: ConversationState<R, M> | undefined,
  event: ConversationEvent<R, M>,
  options: ReduceOptions,
): ConversationState<R, M> | undefined {
  const defaults = kindDefaults(options.kind);
  return reduceWith(prev, event, {
    kind: options.kind,
    endStates: new Set(options.endStates ?? defaults.endStates),
    indexed: defaults.indexed,
    now: options.now ?? Date.now(),
  });
}
