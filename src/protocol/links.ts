// How a transcript message names its conversation: a URI or path ending in the conversation's id.

const SLASH = 47;

/**
 * The id at the end of a GWS URI or path (`…/chats/<id>` → `<id>`): trimmed, without query or fragment, trailing
 * slashes ignored; `undefined` when there is none.
 *
 * @example
 * ```ts
 * lastSegment('http://gws/api/v2/me/chats/00AB12?x=1'); // '00AB12'
 * ```
 * @internal
 */
export function lastSegment(uriOrPath: string | undefined): string | undefined {
  if (uriOrPath === undefined) return undefined;
  const s = uriOrPath.trim();
  let end = s.length;
  const query = s.indexOf('?');
  if (query >= 0) end = query;
  const fragment = s.indexOf('#');
  if (fragment >= 0 && fragment < end) end = fragment;
  // Index arithmetic rather than regular expressions: this runs once per transcript notification.
  while (end > 0 && s.charCodeAt(end - 1) === SLASH) end--;
  const start = s.lastIndexOf('/', end - 1) + 1;
  return start < end ? s.slice(start, end) : undefined;
}

/**
 * The conversation a log message names: the last segment of the first of `linkKeys` that holds a string with one
 * (a media kind's `transcript.linkKeys`, such as `chatUri` then `chatPath`).
 *
 * @example
 * ```ts
 * linkedId({ chatPath: '/chats/c1' }, ['chatUri', 'chatPath']); // 'c1'
 * ```
 * @internal
 */
export function linkedId(data: Readonly<Record<string, unknown>>, linkKeys: readonly string[]): string | undefined {
  for (const key of linkKeys) {
    const value = data[key];
    if (typeof value === 'string') {
      const id = lastSegment(value);
      if (id !== undefined) return id;
    }
  }
  return undefined;
}
