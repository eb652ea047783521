import { hasOwn } from '../protocol/canonical';
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
  /**
   * Ids (participantId, else nickname) of the participants typing now. Like `present`, worked out from the transcript
   * in its order, so for chat-like media it does not depend on the order the entries arrived in.
   */
  readonly typing: readonly string[];
  /** Participants who joined and have not left, in joining order (transcript order). */
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
  | { readonly type: 'messages'; readonly id: string; readonly messages: readonly M[] }
  /** A state read no longer lists the conversation: it ended while nobody was told; its last resource stays. */
  | { readonly type: 'removed'; readonly id: string };

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
  const media: MediaKind | undefined = hasOwn(mediaKinds, kind)
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

/** Who is typing and who is present: what the transcript's entries say, folded in transcript order. */
interface Presence {
  typing: readonly string[];
  present: readonly PresentParticipant[];
}

/**
 * One step of the fold: Joined/Rejoined adds to `present` (once), Left removes from `present` and `typing`,
 * TypingStarted adds to `typing` (once), TypingStopped or Text from that participant removes from `typing`.
 */
const step = (acc: Presence, m: EntryLike): void => {
  switch (m.type?.trim()) {
    case 'TypingStarted': {
      const who = participantOf(m);
      if (who && !acc.typing.includes(who.id)) acc.typing = [...acc.typing, who.id];
      break;
    }
    case 'TypingStopped':
    case 'Text':
      // most messages are Text while nobody types: nothing to look up
      if (acc.typing.length > 0) {
        const who = participantOf(m);
        if (who) acc.typing = without(acc.typing, (id) => id === who.id);
      }
      break;
    case 'ParticipantJoined':
    case 'ParticipantRejoined': {
      const who = participantOf(m);
      if (who && !acc.present.some((p) => p.id === who.id)) acc.present = [...acc.present, who];
      break;
    }
    case 'ParticipantLeft': {
      const who = participantOf(m);
      if (who) {
        acc.present = without(acc.present, (p) => p.id === who.id);
        acc.typing = without(acc.typing, (id) => id === who.id);
      }
      break;
    }
    default:
      break;
  }
};

/**
 * Whether an entry that landed before the end of the transcript (late, out of order) may change the fold over it.
 * An entry only ever acts on its own participant. Text, TypingStopped and ParticipantLeft only remove, so wherever
 * they land they change nothing for a participant who is neither typing nor present (Left moving the place of a
 * present participant who joined again after it is why Left counts when they are present).
 */
const mayChangeFold = (acc: Presence, m: EntryLike): boolean => {
  switch (m.type?.trim()) {
    case 'TypingStarted':
    case 'ParticipantJoined':
    case 'ParticipantRejoined':
      return participantOf(m) !== undefined;
    case 'TypingStopped':
    case 'Text': {
      if (acc.typing.length === 0) return false;
      const who = participantOf(m);
      return who !== undefined && acc.typing.includes(who.id);
    }
    case 'ParticipantLeft': {
      const who = participantOf(m);
      return who !== undefined && (acc.typing.includes(who.id) || acc.present.some((p) => p.id === who.id));
    }
    default:
      return false;
  }
};

const sameTyping = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((id, i) => id === b[i]);
const samePresent = (a: readonly PresentParticipant[], b: readonly PresentParticipant[]): boolean =>
  a.length === b.length &&
  a.every((p, i) => {
    const q = b[i] as PresentParticipant;
    return p.id === q.id && p.nickname === q.nickname && p.type === q.type;
  });

/** The fold over the whole transcript (O(n)); keeps the previous arrays when they come out equal. */
const refolded = <M extends EntryLike>(transcript: Transcript<M>, acc: Presence): void => {
  const fresh: Presence = { typing: [], present: [] };
  for (const m of transcript) step(fresh, m);
  if (!sameTyping(fresh.typing, acc.typing)) acc.typing = fresh.typing;
  if (!samePresent(fresh.present, acc.present)) acc.present = fresh.present;
};

/**
 * Makes a state with `new` rather than as an object literal: V8 tracks where each literal is allocated and, once its
 * objects outlive young-generation collections, as states do (each lives until its conversation's next update),
 * allocates them straight in the old generation: that one literal then took a fifth of the library's time per
 * message, in some processes and not others (bench/notes.md, "Decode + state"). What `new` makes is never allocated
 * that way. Not exported: the operators type their states as {@link ConversationState}.
 */
class State<R, M> implements ConversationState<R, M> {
  constructor(
    readonly kind: ConversationKind,
    readonly id: string,
    readonly resource: R,
    readonly state: string | undefined,
    readonly transcript: Transcript<M>,
    readonly typing: readonly string[],
    readonly present: readonly PresentParticipant[],
    readonly lastError: OperationError | undefined,
    readonly updatedAt: number,
    readonly ended: boolean,
  ) {}
}

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
    return new State(
      ctx.kind,
      event.id,
      event.resource,
      state,
      prev?.transcript ?? emptyTranscript<M>(),
      prev?.typing ?? [],
      prev?.present ?? [],
      failed
        ? {
            referenceId: event.referenceId,
            message:
              event.errorMessage ??
              `operation failed${event.referenceId === undefined ? '' : ` (referenceId ${event.referenceId})`}`,
            at: ctx.now,
          }
        : prev?.lastError,
      ctx.now,
      state !== undefined && ctx.endStates.has(state),
    );
  }
  if (prev === undefined) return undefined;
  if (event.type === 'removed')
    return new State(
      prev.kind,
      prev.id,
      prev.resource,
      prev.state,
      prev.transcript,
      prev.typing,
      prev.present,
      prev.lastError,
      ctx.now,
      true,
    );
  // Typing and presence are the fold over the transcript in its order (index order for chat-like media, arrival
  // for IM), whatever order the entries arrived in. An entry that lands at the end extends the fold by one step
  // (the common case); one that lands before the end may change it from there on, so the fold is done again over
  // the whole transcript, once per event, after its last message.
  let transcript = prev.transcript;
  const acc: Presence = { typing: prev.typing, present: prev.present };
  let refold = false;
  for (const m of event.messages) {
    const before = transcript;
    transcript = ctx.indexed
      ? (addIndexed(
          transcript as unknown as Transcript<{ index: number }>,
          m as unknown as { index: number },
        ) as unknown as Transcript<M>)
      : appendMessage(transcript, m);
    if (transcript === before || refold) continue; // a duplicate says nothing new
    if (transcript.at(transcript.length - 1) === m) step(acc, m);
    else refold = mayChangeFold(acc, m);
  }
  if (transcript === prev.transcript) return prev;
  if (refold) refolded(transcript, acc);
  // Every state comes from one constructor: one shape, which keeps property reads fast downstream.
  return new State(
    prev.kind,
    prev.id,
    prev.resource,
    prev.state,
    transcript,
    acc.typing,
    acc.present,
    prev.lastError,
    ctx.now,
    prev.ended,
  );
}

/**
 * The pure reducer behind every conversation operator: folds one event into a conversation's state.
 * Returns `prev` itself when nothing changed (so operators emit nothing), and `undefined` for messages of a
 * conversation whose first state change has not arrived yet (operators buffer those) and for the removal of one
 * never seen. `removed` (a state read no longer lists the conversation) ends it and keeps its last resource.
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
