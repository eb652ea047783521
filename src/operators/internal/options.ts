// Options of the operators are checked when the operator is created, so a mistake made in plain JavaScript (an array
// where an options object belongs, a misspelt option, a negative bound) fails at once with a message, instead of
// being ignored.

import { isRecord } from '../../protocol/canonical';

type Check = (value: unknown) => string | undefined;

/** `initial`: an array of objects with a string `id`. @internal */
export const initialResources: Check = (v) =>
  !Array.isArray(v)
    ? 'must be an array'
    : v.every((r) => isRecord(r) && typeof r.id === 'string')
      ? undefined
      : 'must hold objects with a string id';

/** An array of strings. @internal */
export const strings: Check = (v) =>
  Array.isArray(v) && v.every((s) => typeof s === 'string') ? undefined : 'must be an array of strings';

/** A whole number ≥ 0. @internal */
export const count: Check = (v) =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 ? undefined : 'must be a whole number >= 0';

/** Something with a `now()` method (an rxjs scheduler, or `{ now: () => Date.now() }`). @internal */
export const clock: Check = (v) =>
  (typeof v === 'object' || typeof v === 'function') && v !== null && typeof (v as { now?: unknown }).now === 'function'
    ? undefined
    : 'must have a now() method';

/**
 * Checks an operator's options object against the options it knows; throws a `TypeError` naming the operator and
 * the option. `undefined` values are allowed (they mean "the default").
 *
 * @example
 * ```ts
 * checkOptions('serviceStates', [service], { initial: initialResources });
 * // TypeError: gws-rx serviceStates: options must be an object such as { initial: [...] }, not an array
 * ```
 * @internal
 */
export function checkOptions(operator: string, options: unknown, known: Readonly<Record<string, Check>>): void {
  if (options === undefined) return;
  const names = Object.keys(known);
  const example = names.length > 0 ? `{ ${names[0]}: … }` : '{}';
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw new TypeError(
      `gws-rx ${operator}: options must be an object such as ${example}, not ${Array.isArray(options) ? 'an array' : options === null ? 'null' : typeof options}`,
    );
  for (const [key, value] of Object.entries(options)) {
    const check = known[key];
    if (check === undefined)
      throw new TypeError(`gws-rx ${operator}: unknown option ${JSON.stringify(key)} (known: ${names.join(', ')})`);
    const problem = value === undefined ? undefined : check(value);
    if (problem !== undefined) throw new TypeError(`gws-rx ${operator}: option ${key} ${problem}`);
  }
}
