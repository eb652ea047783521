import type { OperatorFunction } from 'rxjs';
import type { Call, CallsNotification } from '../protocol/calls';
import type { ResyncOf } from '../protocol/resync';
import { mediaConversations } from './internal/mediaConversations';
import type { Conversation, ConversationOptions } from './internal/conversations';
import type { ConversationState } from './reduceConversation';

/**
 * The state of one call on `/v2/me/calls` (calls have no transcript: `transcript` stays empty).
 *
 * @example
 * ```ts
 * import type { CallConversationState } from 'gws-rx';
 * const show = (s: CallConversationState) => `${s.id} ${s.state ?? '?'}${s.ended ? ' (ended)' : ''}`;
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CallConversationState extends ConversationState<Call, never> {}

/**
 * One Observable per call on `/v2/me/calls`, from `CallStateChangeMessage` (Dialing/Ringing → Established ⇄ Held → Released). Like `groupBy(id)` + `scan` + replay; each
 * `state$` replays the latest state (resource, last operation error) and completes when the call ends
 * (default end states: Released). Other message types on the topic are ignored.
 *
 * ```text
 * source:   --a----b----c--|      a, b, c = CallStateChangeMessages of one call; c ends it
 * output:   --x------------|      x = its Conversation
 * x.state$: --A----B----(C|)      A, B, C = its states; C is ended
 * ```
 *
 * @example
 * ```ts
 * client.topic('/v2/me/calls').pipe(callConversations()).subscribe((x) =>
 *   x.state$.subscribe({ next: (s) => console.log(x.id, s.state), complete: () => console.log(x.id, 'ended') }),
 * );
 * ```
 * @see {@link chatConversations}
 */
export function callConversations(
  options?: ConversationOptions<Call>,
): OperatorFunction<CallsNotification | ResyncOf<'/v2/me/calls'>, Conversation<CallConversationState>> {
  return mediaConversations('call', options);
}
