import type { OperatorFunction } from 'rxjs';
import type { Conversation, ConversationOptions } from './internal/conversations';
import type { ConversationState, ResourceLike } from './reduceConversation';
import { resourceConversations } from './internal/linked';
import type { ResourceOf } from './internal/linked';

/** `EmailStateChangeMessage`, structurally. */
export interface EmailStateChangeLike {
  readonly messageType: 'EmailStateChangeMessage';
  readonly notificationType?: string | undefined;
  readonly referenceId?: number | undefined;
  readonly email: ResourceLike;
}

/** The state of one of the emails on `/v2/me/emails` (no transcript: `transcript` stays empty). */
export type EmailConversationState<N> = ConversationState<ResourceOf<N, 'EmailStateChangeMessage', 'email'>, never>;

/**
 * One Observable per email on `/v2/me/emails`, from `EmailStateChangeMessage` (Invited → Processing → Completed). Like `groupBy(id)` + `scan` + replay; each
 * `state$` replays the latest state (resource, last operation error) and completes when the email ends
 * (default end states: Completed, Revoked). Other message types on the topic are ignored.
 *
 * ```text
 * source:   --a----b----c--|      a, b, c = EmailStateChangeMessages of one email; c ends it
 * output:   --x-------------|     x = its Conversation
 * x.state$: --a'---b'---(c'|)
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
export function emailConversations<N extends EmailStateChangeLike | { readonly messageType: string }>(
  options?: ConversationOptions<ResourceOf<N, 'EmailStateChangeMessage', 'email'>>,
): OperatorFunction<N, Conversation<EmailConversationState<N>>> {
  return resourceConversations(
    'email',
    'EmailStateChangeMessage',
    'email',
    ['Completed', 'Revoked'],
    options as ConversationOptions<ResourceLike> | undefined,
  ) as unknown as OperatorFunction<N, Conversation<EmailConversationState<N>>>;
}
