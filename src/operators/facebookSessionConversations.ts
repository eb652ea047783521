import type { OperatorFunction } from 'rxjs';
import type { Conversation, ConversationOptions } from './internal/conversations';
import type { ConversationState, ResourceLike } from './reduceConversation';
import { linkedConversations } from './internal/linked';
import type { LogEntryOf, MessageLogLike, ResourceOf } from './internal/linked';

/** `FacebooksessionStateChangeMessage`, structurally. */
export interface FacebooksessionStateChangeLike {
  readonly messageType: 'FacebooksessionStateChangeMessage';
  readonly notificationType?: string | undefined;
  readonly referenceId?: number | undefined;
  readonly facebooksession: ResourceLike;
}

/** The state of one Facebook private-message session. */
export type FacebookSessionConversationState<N> = ConversationState<
  ResourceOf<N, 'FacebooksessionStateChangeMessage', 'facebooksession'>,
  LogEntryOf<N>
>;

/**
 * One Observable per Facebook private-message session, from `/v2/me/facebooksession`:
 * `FacebooksessionStateChangeMessage` ⊕ `MessageLogUpdated` (linked by the id at the end of `chatUri`, `chatPath`,
 * `facebooksessionUri` or `facebooksessionPath`; GWS does not document the field). Same semantics as
 * {@link chatConversations}; default end states Completed, Revoked.
 *
 * ```text
 * source:   --s----l---e--|
 * output:   --c------------|
 * c.state$: --a----b---(c|)
 * ```
 *
 * @example
 * ```ts
 * client.topic('/v2/me/facebooksession').pipe(facebookSessionConversations()).subscribe((c) => console.log(c.id));
 * ```
 * @see {@link chatConversations}
 */
export function facebookSessionConversations<N extends FacebooksessionStateChangeLike | MessageLogLike>(
  options?: ConversationOptions<ResourceOf<N, 'FacebooksessionStateChangeMessage', 'facebooksession'>>,
): OperatorFunction<N, Conversation<FacebookSessionConversationState<N>>> {
  return linkedConversations(
    'facebookSession',
    'FacebooksessionStateChangeMessage',
    'facebooksession',
    ['chatUri', 'chatPath', 'facebooksessionUri', 'facebooksessionPath', 'facebookSessionUri', 'facebookSessionPath'],
    ['Completed', 'Revoked'],
    options,
  ) as OperatorFunction<N, Conversation<FacebookSessionConversationState<N>>>;
}
