/** What a failed HTTP request of gws-rx was for. */
export type GwsRequest = 'login' | 'snapshot' | 'operation';

/**
 * The one error gws-rx throws or rejects with for a failed HTTP request to GWS (logging in, reading the state
 * snapshot, …): what the request was for, a one-line message, and the HTTP status when the server answered. Messages
 * never contain a password, a cookie or a CSRF token.
 *
 * @example
 * ```ts
 * import { gwsLogin, GwsHttpError } from 'gws-rx';
 * try {
 *   await gwsLogin({ baseUrl, username, password });
 * } catch (e) {
 *   if (e instanceof GwsHttpError && e.httpStatus === 401) showLoginForm('wrong user name or password');
 * }
 * ```
 */
export class GwsHttpError extends Error {
  override readonly name = 'GwsHttpError';
  constructor(
    message: string,
    /** The HTTP status, when the server answered. */
    readonly httpStatus: number | undefined,
    /** What the request was for. */
    readonly request: GwsRequest,
  ) {
    super(message);
  }
}
