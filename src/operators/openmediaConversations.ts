import type { OperatorFunction } from 'rxjs';
import type { Openmedia, OpenmediaNotification } from '../protocol/openmedia';
import type { ResyncOf } from '../protocol/resync';
import { mediaConversations } from './internal/mediaConversations';
import type { Conversation, ConversationOptions } from './internal/conversations';
import type { ConversationState } from './reduceConversation';

/**
 * The state of one open-media interaction on `/v2/me/openmedia` (no transcript).
 *
 * @example
 * ```ts
 * import type { OpenmediaConversationState } from 'gws-rx';
 * const show = (s: OpenmediaConversationState) => `${s.id} ${s.state ?? '?'}${s.ended ? ' (ended)' : ''}`;
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface OpenmediaConversationState extends ConversationState<Openmedia, never> {}

/**
 * One Observable per openmedia on `/v2/me/openmedia`, from `OpenmediaStateChangeMessage` (Invited → Processing → Completed). Like `groupBy(id)` + `scan` + replay; each
 * `state$` replays the latest state (resource, last operation error) and completes when the openmedia ends
 * (default end states: Completed, Revoked). Other message types on the topic are ignored.
 *
 * ```text
 * source:   --a----b----c--|      a, b, c = OpenmediaStateChangeMessages of one openmedia; c ends it
 * output:   --x------------|      x = its Conversation
 * x.state$: --A----B----(C|)      A, B, C = its states; C is ended
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
export function openmediaConversations(
  options?: ConversationOptions<Openmedia>,
): OperatorFunction<OpenmediaNotification | ResyncOf<'/v2/me/openmedia'>, Conversation<OpenmediaConversationState>> {
  return mediaConversations('openmedia', options);
}
