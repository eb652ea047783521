// The simulator's operations: which URL takes which family (one module per family in ./ops), and the pure steps of
// an operation request (parse, find the resource, the notifications). server.ts does the HTTP and the publishing.
import { agentOperations } from './ops/agent';
import { callOperations } from './ops/calls';
import { chatOperations } from './ops/chats';
import { emailOperations, imSessionOperations, workitemOperations } from './ops/media';
import { parseOperation } from './ops/family';
import type { OperationFamily, ParsedOperation } from './ops/family';
import { GwsStatus, gwsError, idIfPlain, isReply, parseOperationBody } from './ops/reply';
import type { GwsReply } from './ops/reply';

export { GwsStatus, gwsError, httpStatusOf, isReply } from './ops/reply';
export type { GwsReply } from './ops/reply';
export { operationNotifications, userIdOf } from './ops/family';
export type { OperationContext, OperationFamily, ParsedOperation } from './ops/family';
export { agentOperations, callOperations, chatOperations, emailOperations, imSessionOperations, workitemOperations };

/** The agent state URL: its operations apply to the user's device. */
export const AGENT_STATE_PATH = '/api/v2/me/channels/voice';

/** URL prefix (followed by the resource id) → the family of operations its resources take. */
export const resourceRoutes: readonly { readonly prefix: string; readonly family: OperationFamily }[] = [
  { prefix: '/api/v2/me/calls/', family: callOperations },
  { prefix: '/api/v2/me/chats/', family: chatOperations },
  { prefix: '/api/v2/me/im-sessions/', family: imSessionOperations },
  { prefix: '/api/v2/me/emails/', family: emailOperations },
  { prefix: '/api/v2/me/workitems/', family: workitemOperations },
];

/** The 404 reply for an unknown resource (GWS status 6); the id is repeated only when it looks like one. */
export const notFound = (family: OperationFamily, id: string): GwsReply => {
  const noun = family.noun.charAt(0).toUpperCase() + family.noun.slice(1);
  return gwsError(404, GwsStatus.notFound, `${noun}${idIfPlain(id)} not found`);
};

/** Parses an operation request of a family: a known operation and its parameters, or the 400 reply refusing it. */
export const parseRequest = (family: OperationFamily, raw: string): ParsedOperation | GwsReply => {
  const body = parseOperationBody(raw);
  return isReply(body) ? body : parseOperation(family, body);
};
