/**
 * Why an operation failed (the `cause` of a {@link GwsOperationError}). `sent` says whether the request left: when it
 * is false the server never saw it, so sending again is safe; when true, the outcome is unknown or a refusal.
 *
 * - `invalid`: the request does not match its codec (nothing sent);
 * - `capability`: the resource's `capabilities` do not list the operation now (nothing sent);
 * - `rejected`: the server refused it: a non-zero GWS `statusCode` (with `statusMessage`) or an HTTP error status;
 * - `answer`: the HTTP answer was not a GWS answer (not JSON, no `statusCode`);
 * - `network`: the request failed on the way (no answer);
 * - `notification`: an error notification on the resource (`notificationType: 'Error'`, or an `ErrorMessage`);
 * - `timeout`: no answer and confirmation within the time allowed;
 * - `closed`: the client was closed (the topic completed) before the confirmation.
 *
 * @example
 * ```ts
 * import type { OperationFailure } from 'gws-rx';
 * const explain = (f: OperationFailure): string =>
 *   f.type === 'rejected' ? `refused (${f.statusCode ?? f.httpStatus}): ${f.statusMessage ?? ''}` : f.type;
 * ```
 */
export type OperationFailure =
  | { readonly type: 'invalid'; readonly sent: false; readonly errors: readonly string[] }
  | {
      readonly type: 'capability';
      readonly sent: false;
      readonly capability: string;
      readonly capabilities: readonly string[];
    }
  | {
      readonly type: 'rejected';
      readonly sent: true;
      readonly httpStatus: number;
      readonly statusCode: number | undefined;
      readonly statusMessage: string | undefined;
    }
  | { readonly type: 'answer'; readonly sent: true; readonly httpStatus: number; readonly errors: readonly string[] }
  | { readonly type: 'network'; readonly sent: boolean; readonly message: string }
  | {
      readonly type: 'notification';
      readonly sent: true;
      /** The error notification, decoded. */
      readonly notification: unknown;
      readonly errorMessage: string | undefined;
      readonly errorCode: string | number | undefined;
    }
  | { readonly type: 'timeout'; readonly sent: boolean; readonly ms: number }
  | { readonly type: 'closed'; readonly sent: boolean };

const describe = (f: OperationFailure): string => {
  switch (f.type) {
    case 'invalid':
      return `invalid request: ${f.errors.join('; ')}`;
    case 'capability':
      return `not in the resource's capabilities (${f.capabilities.join(', ') || 'none'})`;
    case 'rejected':
      return `rejected: ${f.statusCode === undefined ? '' : `statusCode ${f.statusCode}, `}HTTP ${f.httpStatus}${
        f.statusMessage ? `: ${f.statusMessage}` : ''
      }`;
    case 'answer':
      return `HTTP ${f.httpStatus} is not a GWS answer: ${f.errors.join('; ')}`;
    case 'network':
      return `network failure: ${f.message}`;
    case 'notification':
      return `error notification${f.errorCode === undefined ? '' : ` ${f.errorCode}`}: ${f.errorMessage ?? '(no message)'}`;
    case 'timeout':
      return `no ${f.sent ? 'confirmation' : 'acknowledged subscription'} within ${f.ms} ms`;
    case 'closed':
      return 'the client was closed';
  }
};

/**
 * The one error an operation Observable errors with: which operation, on which resource, and why (`cause`, an
 * {@link OperationFailure}). Its message names the operation, the resource id and the cause, never a header, cookie
 * or token.
 *
 * @example
 * ```ts
 * import { GwsOperationError, chatOperation } from 'gws-rx';
 * chatOperation(client, chat, { operationName: 'Complete' }).subscribe({
 *   error: (e: unknown) => {
 *     if (e instanceof GwsOperationError && e.cause.type === 'timeout' && !e.cause.sent) console.log('safe to try again');
 *   },
 * });
 * ```
 */
export class GwsOperationError extends Error {
  /** Always `GwsOperationError`. */
  override readonly name = 'GwsOperationError';
  constructor(
    /** The operation name, e.g. `SendMessage`. */
    readonly operation: string,
    /** The resource's id (`voice` for agent-state operations). */
    readonly resourceId: string,
    /** Why it failed. */
    override readonly cause: OperationFailure,
  ) {
    super(`gws-rx: ${operation} on ${JSON.stringify(resourceId)} failed: ${describe(cause)}`);
  }
}
