import type { OperatorFunction } from 'rxjs';
import type { Email, EmailsNotification } from '../protocol/emails';
import type { ResyncOf } from '../protocol/resync';
import { mediaConversations } from './internal/mediaConversations';
import type { Conversation, ConversationOptions } from './internal/conversations';
import type { ConversationState } from './reduceConversation';

/**
 * The state of one email on `/v2/me/emails` (no transcript: `transcript` stays empty).
 *
 * @example
 * ```ts
 * import type { EmailConversationState } from 'gws-rx';
 * const show = (s: EmailConversationState) => `${s.id} ${s.state ?? '?'}${s.ended ? ' (ended)' : ''}`;
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EmailConversationState extends ConversationState<Email, never> {}

/**
 * One Observable per email on `/v2/me/emails`, from `EmailStateChangeMessage` (Invited → Processing → Completed). Like `groupBy(id)` + `scan` + replay; each
 * `state$` replays the latest state (resource, last operation error) and completes when the email ends
 * (default end states: Completed, Revoked). Other message types on the topic are ignored.
 *
 * ```text
 * source:   --a----b----c--|      a, b, c = EmailStateChangeMessages of one email; c ends it
 * output:   --x------------|      x = its Conversation
 * x.state$: --A----B----(C|)      A, B, C = its states; C is ended
 * ```
 *
 * @example
 * ```ts
 * client.topic('/v2/me/emails').pipe(emailConversations()).subscribe((x) =>
 *   x.state$.subscribe({ next: (s) => console.log(x.id, s.state), complete: () => console.log(x.id, 'ended') }),
 * );
 * ```
 * @see {@link chatConversations}
 */
export function emailConversations(
  options?: ConversationOptions<Email>,
): OperatorFunction<EmailsNotification | ResyncOf<'/v2/me/emails'>, Conversation<EmailConversationState>> {
  return mediaConversations('email', options);
}
