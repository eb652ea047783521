import type { OperatorFunction } from 'rxjs';
import { mediaKinds } from '../../protocol/media';
import type { ConversationKind, ConversationMediaKind } from '../../protocol/media';
import { linkedId } from '../../protocol/links';
import type { Resync } from '../../protocol/resync';
import { conversations } from './conversations';
import type { Conversation, ConversationOptions } from './conversations';
import type { ConversationState, EntryLike, ResourceLike } from '../reduceConversation';

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
      events: (n, now, apply): void => {
        const data = n as unknown as Data;
        if (data.messageType === 'Resync') {
          // A state read (syncedTopic): put the listed in place, then their transcripts, then end the unlisted.
          const { resources, messages = {}, removed } = n as unknown as Resync<R, M>;
          for (const resource of resources) apply({ type: 'resource', id: resource.id, resource });
          for (const [id, log] of Object.entries(messages)) apply({ type: 'messages', id, messages: log });
          for (const id of removed) apply({ type: 'removed', id });
          return;
        }
        if (data.messageType === stateMessage) {
          const resource = data[resourceKey] as R | undefined;
          if (resource !== undefined)
            apply({
              type: 'resource',
              id: resource.id,
              resource,
              notificationType: data.notificationType as string | undefined,
              referenceId: data.referenceId as number | undefined,
              errorMessage: data.errorMessage as string | undefined,
            });
          return;
        }
        if (transcript === undefined || data.messageType !== transcript.messageType) return;
        const id = linkedId(data, transcript.linkKeys);
        if (id === undefined) return;
        if (transcript.order === 'arrival') {
          const text = data[transcript.textKey ?? 'text'];
          if (typeof text !== 'string') return;
          const entry: ImEntry = { text, receivedAt: now };
          return apply({ type: 'messages', id, messages: [entry as unknown as M] });
        }
        const messages = (data.messages ?? []) as readonly M[];
        if (messages.length > 0) apply({ type: 'messages', id, messages });
      },
    },
    options,
  );
}
