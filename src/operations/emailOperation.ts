import type { Observable } from 'rxjs';
import type { GwsClient } from '../client/createGwsClientWith';
import type { EmailsNotification } from '../protocol/emails';
import { EmailRequest } from '../protocol/operations';
import type { OperationEvent } from './confirm';
import { runOperation, stateVerdict, str } from './operation';
import type { Family, OperationOptions, OperationTarget } from './operation';

const emails: Family<'/v2/me/emails', EmailRequest> = {
  topic: '/v2/me/emails',
  path: '/api/v2/me/emails/',
  codec: EmailRequest,
  judge: (r, id) => {
    const states = r.operationName === 'Accept' ? ['Processing'] : r.operationName === 'Reply' ? [] : ['Completed'];
    return (n) =>
      stateVerdict(n, 'email', id, states) ??
      (r.operationName === 'Reply' && str(n.email, 'parentId') === id && n.email.state === 'Composing'
        ? 'confirmed'
        : undefined);
  },
};

/**
 * Runs an operation on an email (`POST <base>/api/v2/me/emails/{id}`): Accept, Reply, Send (of an outbound email,
 * optional `to`, `subject`, `body`), Complete. Cold: each subscription sends one request, once the client's
 * subscription to `/v2/me/emails` is acknowledged; emits `accepted`, then `confirmed` with the EmailStateChangeMessage
 * that shows the outcome — the email Processing (Accept) or Completed (Send, Complete), or for Reply a new email in
 * state Composing whose `parentId` is this email's id — and completes. Given a resource or an
 * `EmailConversationState`, an operation its `capabilities` do not list fails at once, unsent. Errors with a
 * {@link GwsOperationError}. Never retried.
 *
 * ```text
 * /v2/me/emails  ---------e---      e: EmailStateChangeMessage, email e1 Processing
 * POST answer    -----a
 * result         -----a---(c|)
 * ```
 *
 * @example
 * ```ts
 * import { emailOperation } from 'gws-rx';
 * emailOperation(client, email, { operationName: 'Accept' }).subscribe({ complete: () => openEditor(email.id) });
 * ```
 */
export function emailOperation(
  client: GwsClient,
  email: OperationTarget,
  request: EmailRequest,
  options?: OperationOptions,
): Observable<OperationEvent<EmailsNotification>> {
  return runOperation(client, emails, email, request, options);
}
