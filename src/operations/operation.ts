// What every family of operations shares: checking the request and the capabilities, sending with the client's
// session, and waiting for the client's subscription to the topic before sending.
import { Observable, asyncScheduler, defer, filter, of, throwError } from 'rxjs';
import type { SchedulerLike } from 'rxjs';
import type { GwsClient } from '../client/createGwsClientWith';
import { OperationAnswer } from '../protocol/operations';
import type { RequestCodec } from '../protocol/operations';
import { describeErrors } from '../protocol/report';
import type { TopicMap, TopicName } from '../protocol/topics';
import { confirm } from './confirm';
import type { OperationEvent, Verdict } from './confirm';
import { GwsOperationError } from './GwsOperationError';
import type { OperationFailure } from './GwsOperationError';

/**
 * Options of every operation.
 *
 * @example
 * ```ts
 * import type { OperationOptions } from 'gws-rx';
 * const patient: OperationOptions = { timeoutMs: 30000 };
 * ```
 */
export interface OperationOptions {
  /** How long, from the subscription, to wait for the answer and the confirming notification. Default 10000 ms. */
  readonly timeoutMs?: number;
  /** The scheduler of the timeout (tests pass a TestScheduler). Default `asyncScheduler`. */
  readonly scheduler?: SchedulerLike;
  /**
   * Whether to refuse, without sending anything, an operation the target's `capabilities` do not list (only when
   * the target is a resource or a conversation state that has `capabilities`). Default true.
   */
  readonly checkCapabilities?: boolean;
}

/**
 * A resource as far as an operation needs it: its id and, when known, the operations it allows now.
 *
 * @example
 * ```ts
 * import type { ResourceRef } from 'gws-rx';
 * const call: ResourceRef = { id: '012PUFMMS0ASNAK48O7GK2LAES00000I', capabilities: ['Hold', 'Hangup'] };
 * ```
 */
export interface ResourceRef {
  /** The resource's id, as in its URL (`/api/v2/me/chats/{id}`). */
  readonly id: string;
  /** The operations the resource allows now, as GWS lists them; absent means "unknown" (nothing is checked). */
  readonly capabilities?: readonly string[] | undefined;
}

/**
 * What an operation acts on: an id, a resource (e.g. a decoded `Chat`), or a conversation state (e.g. a
 * `ChatConversationState`, whose `resource` is used). With a resource or a state, its `capabilities` are checked.
 *
 * @example
 * ```ts
 * import type { OperationTarget } from 'gws-rx';
 * const byId: OperationTarget = 'chat-1';
 * const byResource: OperationTarget = { id: 'chat-1', capabilities: ['SendMessage', 'Complete'] };
 * ```
 */
export type OperationTarget = string | ResourceRef | { readonly resource: ResourceRef };

/**
 * One family of operations: where its requests go, how they decode, and how a notification of its topic is judged.
 * @internal
 */
export interface Family<T extends TopicName, R extends { readonly operationName: string }> {
  readonly topic: T;
  /** The path the id is appended to (URI-encoded), e.g. `/api/v2/me/chats/`; or the whole path when there is no id. */
  readonly path: string;
  readonly codec: RequestCodec<R>;
  /** The judge of one request on the resource with this id. */
  readonly judge: (request: R, id: string) => (n: TopicMap[T]) => Verdict;
  /** The capability an operation needs, when it is not the operation's own name (e.g. ClearCall needs Hangup). */
  readonly capability?: (operationName: string) => string;
}

const DEFAULT_TIMEOUT_MS = 10000;

/** The GWS answer in a response, or the failure it shows. */
async function answerOf(res: Response): Promise<OperationAnswer | OperationFailure> {
  const httpStatus = res.status;
  const body: unknown = await res.json().catch(() => undefined);
  const decoded = OperationAnswer.decode(body);
  const answer = decoded._tag === 'Right' ? decoded.right : undefined;
  if (!res.ok || (answer && answer.statusCode !== 0))
    return {
      type: 'rejected',
      sent: true,
      httpStatus,
      statusCode: answer?.statusCode,
      statusMessage: answer?.statusMessage,
    };
  if (decoded._tag === 'Left')
    return {
      type: 'answer',
      sent: true,
      httpStatus,
      errors: body === undefined ? ['body: not JSON'] : describeErrors(decoded.left, 'body'),
    };
  return decoded.right;
}

/**
 * Sends one request with the client's session and emits the accepted answer, or errors with a
 * {@link GwsOperationError}. Unsubscribing aborts the request (it may have reached the server already).
 */
const sender = (client: GwsClient, operation: string, id: string, path: string, body: unknown) =>
  new Observable<OperationAnswer>((subscriber) => {
    const abort = new AbortController();
    const fail = (cause: OperationFailure): void => subscriber.error(new GwsOperationError(operation, id, cause));
    if (!client.request) {
      fail({ type: 'network', sent: false, message: 'this client cannot send requests (no request hook)' });
      return undefined;
    }
    client.request(path, { method: 'POST', body: JSON.stringify(body), signal: abort.signal }).then(
      (res) =>
        answerOf(res).then((a) => {
          if ('type' in a) return fail(a);
          subscriber.next(a);
          subscriber.complete();
        }),
      (e: unknown) => {
        const cause = (e as { cause?: unknown } | undefined)?.cause;
        const message = (cause instanceof Error ? cause : e instanceof Error ? e : undefined)?.message;
        fail({ type: 'network', sent: true, message: message?.replace(/\s+/g, ' ') || 'request failed' });
      },
    );
    return () => abort.abort();
  });

/** The target's resource. */
const resourceOf = (target: OperationTarget): ResourceRef =>
  typeof target === 'string' ? { id: target } : 'resource' in target ? target.resource : target;

/**
 * Builds the cold Observable of one operation of a family (see {@link confirm} for the correlation).
 * @internal
 */
export function runOperation<T extends TopicName, R extends { readonly operationName: string }>(
  client: GwsClient,
  family: Family<T, R>,
  target: OperationTarget | undefined,
  request: R,
  options: OperationOptions = {},
): Observable<OperationEvent<TopicMap[T]>> {
  return defer(() => {
    const resource = target === undefined || target === null ? undefined : resourceOf(target);
    const id = resource?.id ?? 'voice';
    const name = typeof request?.operationName === 'string' ? request.operationName : '(none)';
    const fail = (cause: OperationFailure) => throwError(() => new GwsOperationError(name, id, cause));
    const decoded = family.codec.decode(request);
    if (decoded._tag === 'Left') return fail({ type: 'invalid', sent: false, errors: describeErrors(decoded.left) });
    // A target given must name a resource (a JavaScript caller may pass `{ resource: undefined }`).
    if (target !== undefined && (typeof resource?.id !== 'string' || resource.id === ''))
      return fail({ type: 'invalid', sent: false, errors: ['id: expected a non-empty string'] });
    const capabilities = resource?.capabilities;
    const needed = family.capability?.(name) ?? name;
    if (options.checkCapabilities !== false && Array.isArray(capabilities) && !capabilities.includes(needed))
      return fail({ type: 'capability', sent: false, capability: needed, capabilities });
    const topic = client.topic(family.topic);
    const topicName: string = family.topic;
    return confirm({
      operation: name,
      resourceId: id,
      notifications: topic,
      // Sent only once the server acknowledged the subscription, so that the confirmation cannot be missed.
      ready: client.subscriptions$?.pipe(filter((s) => s.acknowledged.includes(topicName))) ?? of(true),
      send: sender(client, name, id, resource ? family.path + encodeURIComponent(id) : family.path, request),
      judge: family.judge(decoded.right, id),
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      scheduler: options.scheduler ?? asyncScheduler,
    });
  });
}

/**
 * The trimmed string at `key` of an object, if any.
 * @internal
 */
export const str = (o: unknown, key: string): string | undefined => {
  const v = typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' ? v.trim() : undefined;
};

/**
 * Whether a link (`chatUri`, `imSessionPath`, …) names the resource `id`: its last path segment is the id.
 * @internal
 */
export const linksTo = (link: unknown, id: string): boolean => {
  if (typeof link !== 'string') return false;
  const last = link.slice(link.lastIndexOf('/') + 1);
  if (last === id) return true;
  try {
    return decodeURIComponent(last) === id;
  } catch {
    return false;
  }
};

/**
 * The verdict on a state-change message of one resource: `failed` for an Error notification, `confirmed` when the
 * resource's state is one of `states`.
 * @internal
 */
export const stateVerdict = (n: unknown, resourceKey: string, id: string, states: readonly string[]): Verdict => {
  const resource = typeof n === 'object' && n !== null ? (n as Record<string, unknown>)[resourceKey] : undefined;
  if (typeof resource !== 'object' || resource === null || (resource as { id?: unknown }).id !== id) return undefined;
  if (str(n, 'notificationType') === 'Error') return 'failed';
  const state = str(resource, 'state');
  return state !== undefined && states.includes(state) ? 'confirmed' : undefined;
};

const claims = /* @__PURE__ */ new WeakMap<object, Set<number>>();

/**
 * Claims item `i` of notification `n` (an entry of its transcript) for the operation asking, once: true for the first
 * asker only. Concurrent operations thus each get a distinct entry; a claim lives as long as the notification.
 * @internal
 */
export const claim = (n: object, i: number): boolean => {
  let taken = claims.get(n);
  if (!taken) claims.set(n, (taken = new Set()));
  if (taken.has(i)) return false;
  taken.add(i);
  return true;
};
