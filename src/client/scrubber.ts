import { basicAuthorization, redactUrl } from './options';
import type { GwsClientOptions, HeaderMap } from './options';

/**
 * Removes secrets from a text that is about to leave the client (a `connection$` reason, a subscribe failure).
 *
 * @example
 * ```ts
 * const scrub: Scrubber = createScrubber({ headers: { Cookie: 'JSESSIONID=abc123' } }, () => ({}));
 * scrub('rejected JSESSIONID=abc123'); // 'rejected ***'
 * ```
 * @internal
 */
export type Scrubber = (text: string) => string;

/** Values shorter than this are not treated as secrets (they would mangle ordinary words). */
const MIN_SECRET_LENGTH = 4;

/**
 * A {@link Scrubber} for one client: it replaces with `***` every header value given in the options, every value
 * the headerProvider has provided so far (read at each call, so refreshed cookies are covered), the password and
 * its Basic `Authorization` value, and the user info of URLs. Values shorter than 4 characters are left alone.
 *
 * @example
 * ```ts
 * const headers = new RequestHeaders(options);
 * const scrub = createScrubber(options, () => headers.provided);
 * state$.next({ status: 'failed', reason: scrub(reason), httpStatus });
 * ```
 * @internal
 */
export function createScrubber(
  options: Pick<GwsClientOptions, 'headers' | 'credentials'>,
  provided: () => HeaderMap,
): Scrubber {
  const fixed = Object.values(options.headers ?? {});
  if (options.credentials) {
    const { username, password } = options.credentials;
    fixed.push(password, basicAuthorization(username, password));
  }
  return (text) => {
    const secrets = [...fixed, ...Object.values(provided())].filter((v) => v.length >= MIN_SECRET_LENGTH);
    return secrets.reduce((acc, s) => acc.split(s).join('***'), redactUrl(text));
  };
}
