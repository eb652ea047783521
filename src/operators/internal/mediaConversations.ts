import type { OperatorFunction } from 'rxjs';
import { mediaKinds } from '../../protocol/media';
import type { ConversationKind, ConversationMediaKind } from '../../protocol/media';
import { linkedId } from '../../protocol/links';
import type { Resync } from '../../protocol/resync';
import { conversations } from './conversations';
import type { Conversation, ConversationOptions } from './conversations';
import type { ConversationEvent, ConversationState, EntryLike, ResourceLike } from '../reduceConversation';

type Data = Readonly<Record<string, unknown>>;

/** An IM transcript entry: IM messages carry no index, so they keep their arrival order. */
export interface ImEntry extends EntryLike {
  /** The message text. */
  readonly text: string;
  /** Arrival time from the operator's clock (ms). */
  readonly receivedAt: number;
}

/**
 * The conversations of one media kind, as its row in the registry describes them: the state-change message carries
 * the resource under `resourceKey`, and transcript messages (if the kind has them) name their conversation by one of
 * `transcript.linkKeys`; a {@link Resync} (from `syncedTopic`) puts its resources in place, merges its transcript
 * entries and ends the conversations it removed. Every `*Conversations` operator is this, for its kind. @internal
 */
export function mediaConversations<N, R extends ResourceLike, M extends EntryLike>(
  kind: ConversationKind,
  options: ConversationOptions<R> | undefined,
): OperatorFunction<N, Conversation<ConversationState<R, M>>> {
  const media: ConversationMediaKind = mediaKinds[kind];
  const { stateMessage, resourceKey, transcript } = media;
  return conversations<N, R, M>(
    {
      kind,
      endStates: media.endStates,
      indexed: transcript?.order === 'indexed',
      events: (n, now): readonly ConversationEvent<R, M>[] => {
        const data = n as unknown as Data;
        if (data.messageType === 'Resync') {
          // A state read (syncedTopic): put the listed in place, then their transcripts, then end the unlisted.
          const { resources, messages = {}, removed } = n as unknown as Resync<R, M>;
          return [
            ...resources.map((resource) => ({ type: 'resource', id: resource.id, resource }) as const),
            ...Object.entries(messages).map(([id, log]) => ({ type: 'messages', id, messages: log }) as const),
            ...removed.map((id) => ({ type: 'removed', id }) as const),
          ];
        }
        if (data.messageType === stateMessage) {
          const resource = data[resourceKey] as R | undefined;
          if (resource === undefined) return [];
          return [
            {
              type: 'resource',
              id: resource.id,
              resource,
              notificationType: data.notificationType as string | undefined,
              referenceId: data.referenceId as number | undefined,
              errorMessage: data.errorMessage as string | undefined,
            },
          ];
        }
        if (transcript === undefined || data.messageType !== transcript.messageType) return [];
        const id = linkedId(data, transcript.linkKeys);
        if (id === undefined) return [];
        if (transcript.order === 'arrival') {
          const text = data[transcript.textKey ?? 'text'];
          if (typeof text !== 'string') return [];
          const entry: ImEntry = { text, receivedAt: now };
          return [{ type: 'messages', id, messages: [entry as unknown as M] }];
        }
        const messages = (data.messages ?? []) as readonly M[];
        return messages.length === 0 ? [] : [{ type: 'messages', id, messages }];
      },
    },
    options,
  );
}
