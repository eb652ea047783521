import type { OperatorFunction } from 'rxjs';
import { conversations, lastSegment } from './conversations';
import type { Conversation, ConversationOptions } from './conversations';
import type {
  ConversationEvent,
  ConversationKind,
  ConversationState,
  EntryLike,
  ResourceLike,
} from '../reduceConversation';

/** A state-change notification: a messageType and the resource under one key. @internal */
export interface StateChangeLike {
  readonly messageType: string;
  readonly notificationType?: string | undefined;
  readonly referenceId?: number | undefined;
  readonly errorMessage?: string | undefined;
}

/** A chat-like transcript entry: it has an index. */
export interface IndexedEntry extends EntryLike {
  readonly index: number;
}

/** The `MessageLogUpdated` notification, structurally. */
export interface MessageLogLike {
  readonly messageType: 'MessageLogUpdated';
  readonly messages: readonly IndexedEntry[];
  readonly chatUri?: string | undefined;
  readonly chatPath?: string | undefined;
}

/** The resource a state-change notification of type `T` carries under `K`. */
export type ResourceOf<N, T extends string, K extends string> =
  Extract<N, { readonly messageType: T }> extends infer X
    ? X extends { readonly [P in K]: infer R }
      ? R
      : never
    : never;

/** The transcript entry type of `MessageLogUpdated` notifications in `N`. */
export type LogEntryOf<N> =
  Extract<N, { readonly messageType: 'MessageLogUpdated' }> extends { readonly messages: readonly (infer M)[] }
    ? M
    : never;

const linkOf = (n: Readonly<Record<string, unknown>>, keys: readonly string[]): string | undefined => {
  for (const k of keys) {
    const v = n[k];
    if (typeof v === 'string') {
      const id = lastSegment(v);
      if (id !== undefined) return id;
    }
  }
  return undefined;
};

/** The resource event of a state-change notification whose resource sits under `key` (none if it is absent). */
const resourceEvents = <R extends ResourceLike, M>(n: StateChangeLike, key: string): ConversationEvent<R, M>[] => {
  const resource = (n as unknown as Readonly<Record<string, unknown>>)[key] as R | undefined;
  if (resource === undefined) return [];
  return [
    {
      type: 'resource',
      id: resource.id,
      resource,
      notificationType: n.notificationType,
      referenceId: n.referenceId,
      errorMessage: n.errorMessage,
    },
  ];
};

/**
 * Conversations from a state-change message (resource under `key`) and `MessageLogUpdated` transcripts linked by
 * the last segment of one of `linkKeys`. @internal
 */
export function linkedConversations<N extends StateChangeLike, R extends ResourceLike, M extends IndexedEntry>(
  kind: ConversationKind,
  stateType: string,
  key: string,
  linkKeys: readonly string[],
  endStates: readonly string[],
  options: ConversationOptions<R> | undefined,
): OperatorFunction<N, Conversation<ConversationState<R, M>>> {
  return conversations<N, R, M>(
    {
      kind,
      endStates,
      indexed: true,
      events: (n) => {
        const data = n as unknown as Readonly<Record<string, unknown>>;
        if (n.messageType === stateType) return resourceEvents<R, M>(n, key);
        if (n.messageType === 'MessageLogUpdated') {
          const id = linkOf(data, linkKeys);
          const messages = (data.messages ?? []) as readonly M[];
          return id === undefined || messages.length === 0 ? [] : [{ type: 'messages', id, messages }];
        }
        return [];
      },
    },
    options,
  );
}

/** Conversations of media with a single state-change message and no transcript (calls, emails, …). @internal */
export function resourceConversations<N extends StateChangeLike, R extends ResourceLike>(
  kind: ConversationKind,
  stateType: string | readonly string[],
  key: string,
  endStates: readonly string[],
  options: ConversationOptions<R> | undefined,
): OperatorFunction<N, Conversation<ConversationState<R, never>>> {
  const types = typeof stateType === 'string' ? [stateType] : stateType;
  return conversations<N, R, never>(
    {
      kind,
      endStates,
      indexed: false,
      events: (n) => {
        return types.includes(n.messageType) ? resourceEvents<R, never>(n, key) : [];
      },
    },
    options,
  );
}
