import type { OperatorFunction } from 'rxjs';
import type { Conversation, ConversationOptions } from './internal/conversations';
import type { ConversationState, ResourceLike } from './reduceConversation';
import { resourceConversations } from './internal/linked';
import type { ResourceOf } from './internal/linked';

/** `OpenmediaStateChangeMessage`, structurally. */
export interface OpenmediaStateChangeLike {
  readonly messageType: 'OpenmediaStateChangeMessage';
  readonly notificationType?: string | undefined;
  readonly referenceId?: number | undefined;
  readonly openmedia: ResourceLike;
}

/** The state of one of the open-media interactions on `/v2/me/openmedia` (no transcript: `transcript` stays empty). */
export type OpenmediaConversationState<N> = ConversationState<
  ResourceOf<N, 'OpenmediaStateChangeMessage', 'openmedia'>,
  never
>;

/**
 * One Observable per openmedia on `/v2/me/openmedia`, from `OpenmediaStateChangeMessage` (Invited → Processing → Completed). Like `groupBy(id)` + `scan` + replay; each
 * `state$` replays the latest state (resource, last operation error) and completes when the openmedia ends
 * (default end states: Completed, Revoked). Other message types on the topic are ignored.
 *
 * ```text
 * source:   --a----b----c--|      a, b, c = OpenmediaStateChangeMessages of one openmedia; c ends it
 * output:   --x-------------|     x = its Conversation
 * x.state$: --a'---b'---(c'|)
 * ```
 *
 * @example
 * ```ts
 * client.topic('/v2/me/openmedia').pipe(openmediaConversations()).subscribe((x) =>
 *   x.state$.subscribe({ next: (s) => console.log(x.id, s.state), complete: () => console.log(x.id, 'ended') }),
 * );
 * ```
 * @see {@link chatConversations}
 */
export function openmediaConversations<N extends OpenmediaStateChangeLike | { readonly messageType: string }>(
  options?: ConversationOptions<ResourceOf<N, 'OpenmediaStateChangeMessage', 'openmedia'>>,
): OperatorFunction<N, Conversation<OpenmediaConversationState<N>>> {
  return resourceConversations(
    'openmedia',
    'OpenmediaStateChangeMessage',
    'openmedia',
    ['Completed', 'Revoked'],
    options as ConversationOptions<ResourceLike> | undefined,
  ) as unknown as OperatorFunction<N, Conversation<OpenmediaConversationState<N>>>;
}
