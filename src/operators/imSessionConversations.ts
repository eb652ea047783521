import type { OperatorFunction } from 'rxjs';
import { conversations, lastSegment } from './internal/conversations';
import type { Conversation, ConversationOptions } from './internal/conversations';
import type { ConversationState, EntryLike, ResourceLike } from './reduceConversation';
import type { ResourceOf } from './internal/linked';

/** `IMSessionStateChangeMessage`, structurally. */
export interface IMSessionStateChangeLike {
  readonly messageType: 'IMSessionStateChangeMessage';
  readonly notificationType?: string | undefined;
  readonly referenceId?: number | undefined;
  readonly imSession: ResourceLike;
}

/** `IMLogUpdateMessage`, structurally: one message text for the session at `imSessionPath`. */
export interface IMLogUpdateLike {
  readonly messageType: 'IMLogUpdateMessage';
  readonly imSessionPath: string;
  readonly message: string;
}

/** An IM transcript entry: IM messages carry no index, so they keep their arrival order. */
export interface ImEntry extends EntryLike {
  readonly text: string;
  /** Arrival time from the operator's clock (ms). */
  readonly receivedAt: number;
}

/** The state of one IM session. */
export type ImSessionConversationState<N> = ConversationState<
  ResourceOf<N, 'IMSessionStateChangeMessage', 'imSession'>,
  ImEntry
>;

/**
 * One Observable per IM session between agents, from `/v2/me/im-sessions`: `IMSessionStateChangeMessage` ⊕
 * `IMLogUpdateMessage` (linked by `imSessionPath`). IM messages have no index, so the transcript keeps arrival
 * order. Default end states: Completed, Released, Ended.
 *
 * ```text
 * source:   --s---m---m---e--|     s = Talking, m = IMLogUpdateMessage, e = Completed
 * output:   --c---------------|
 * c.state$: --a---b---c---(d|)
 * ```
 *
 * @example
 * ```ts
 * client.topic('/v2/me/im-sessions').pipe(imSessionConversations()).subscribe((im) =>
 *   im.state$.subscribe((s) => console.log(s.transcript.tail(1)[0]?.text)),
 * );
 * ```
 * @see {@link chatConversations}
 */
export function imSessionConversations<N extends IMSessionStateChangeLike | IMLogUpdateLike>(
  options?: ConversationOptions<ResourceOf<N, 'IMSessionStateChangeMessage', 'imSession'>>,
): OperatorFunction<N, Conversation<ImSessionConversationState<N>>> {
  type R = ResourceOf<N, 'IMSessionStateChangeMessage', 'imSession'>;
  return conversations<N, R & ResourceLike, ImEntry>(
    {
      kind: 'imSession',
      endStates: ['Completed', 'Released', 'Ended'],
      indexed: false,
      events: (n, now) => {
        if (n.messageType === 'IMSessionStateChangeMessage') {
          const raw = (n as IMSessionStateChangeLike).imSession;
          return [
            {
              type: 'resource',
              id: raw.id,
              resource: raw as R & ResourceLike,
              notificationType: n.notificationType,
              referenceId: n.referenceId,
            },
          ];
        }
        const log = n as IMLogUpdateLike;
        const id = lastSegment(log.imSessionPath);
        return id === undefined ? [] : [{ type: 'messages', id, messages: [{ text: log.message, receivedAt: now }] }];
      },
    },
    options as ConversationOptions<R & ResourceLike> | undefined,
  ) as OperatorFunction<N, Conversation<ImSessionConversationState<N>>>;
}
