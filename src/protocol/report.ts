import type * as t from 'io-ts';

/** A value as it appears in a report: JSON where it can be written as JSON, otherwise its type. */
const show = (value: unknown): string => {
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return '<function>';
  try {
    const json = JSON.stringify(value);
    return json === undefined ? String(value) : json.length > 200 ? `${json.slice(0, 199)}…` : json;
  } catch {
    return Object.prototype.toString.call(value);
  }
};

/**
 * Describes io-ts validation errors as readable lines, one per error: the path from the payload's root to the
 * offending value (`data.chat.id`, `data.messages[2].index`), the type expected there, and the value found.
 *
 * Written here rather than imported from io-ts's `PathReporter` because that module exists only in io-ts's CommonJS
 * build (`io-ts/lib`), which would put a second copy of io-ts and fp-ts into every browser bundle.
 *
 * @example
 * ```ts
 * const result = Chat.decode({ id: 7 });
 * if (result._tag === 'Left') console.log(describeErrors(result.left, 'chat')); // ['chat.id: expected string, got 7']
 * ```
 * @internal
 */
export function describeErrors(errors: t.Errors, root = ''): string[] {
  return errors.map((e) => {
    if (e.message !== undefined) return e.message;
    let path = root;
    // The first context entry is the root codec (empty key); each later one is a step below its predecessor, except
    // where a union or an intersection tried one of its members on the same value: that is no step of the path.
    for (let i = 1; i < e.context.length; i++) {
      if (e.context[i]?.actual === e.context[i - 1]?.actual) continue;
      const key = e.context[i]?.key ?? '';
      path = /^\d+$/.test(key) ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
    }
    const last = e.context[e.context.length - 1];
    return `${path === '' ? '(root)' : path}: expected ${last?.type.name ?? 'a valid value'}, got ${show(e.value)}`;
  });
}
