// The decoder's fast path. A payload that is already canonical (what its codec would return unchanged) is its own
// decoded value, so io-ts's validation, which allocates a context entry per property, optional ones included, can be
// skipped. A check is compiled once per codec from the codec's structure; it never decides alone that a payload is
// invalid: anything it does not accept goes through io-ts, which builds the usual path report.
import type * as t from 'io-ts';

/** Holds only for values the codec it was compiled from decodes to themselves (same reference). */
export type CanonicalCheck = (u: unknown) => boolean;

/**
 * Whether decoders may skip validation of canonical inputs. Only tests turn it off, to compare both paths.
 * @internal
 */
export const fastPath = { enabled: true };

const compiled = new WeakMap<t.Mixed, CanonicalCheck>();

/** The check registered for a codec (codecs made with `keepOwnKeys`), if any. @internal */
export const canonicalCheckOf = (codec: unknown): CanonicalCheck | undefined =>
  typeof codec === 'object' && codec !== null ? compiled.get(codec as t.Mixed) : undefined;

/** Records the check of a codec so that codecs built around it reuse it. @internal */
export const registerCanonical = (codec: t.Mixed, check: CanonicalCheck): void => {
  compiled.set(codec, check);
};

interface Tagged {
  readonly _tag?: string;
  readonly props?: t.Props;
  readonly types?: readonly t.Mixed[];
  readonly type?: t.Mixed;
}

interface Property {
  readonly key: string;
  readonly check: CanonicalCheck;
  readonly required: boolean;
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** The properties of a `type`, a `partial`, or an intersection of those; `undefined` for anything else. */
function objectProperties(codec: t.Mixed): Property[] | undefined {
  const c = codec as unknown as Tagged;
  if ((c._tag === 'InterfaceType' || c._tag === 'PartialType') && c.props) {
    const required = c._tag === 'InterfaceType';
    const props = c.props;
    return Object.keys(props).map((key) => ({ key, check: compileCanonical(props[key] as t.Mixed), required }));
  }
  if (c._tag === 'IntersectionType' && c.types) {
    const all: Property[] = [];
    for (const member of c.types) {
      const props = objectProperties(member);
      if (!props) return undefined;
      all.push(...props);
    }
    return all;
  }
  return undefined;
}

/**
 * One loop over the properties of an object codec, with io-ts's own `is` semantics: a required key must be present
 * (an own key holding `undefined` is checked as `undefined`), an optional one is checked unless it is `undefined`.
 */
function objectCheck(properties: readonly Property[]): CanonicalCheck {
  const keys = properties.map((p) => p.key);
  const checks = properties.map((p) => p.check);
  const required = properties.map((p) => p.required);
  const n = keys.length;
  return (u) => {
    if (typeof u !== 'object' || u === null || Array.isArray(u)) return false;
    const o = u as Readonly<Record<string, unknown>>;
    for (let i = 0; i < n; i++) {
      const key = keys[i] as string;
      const v = o[key];
      if (v === undefined) {
        if (required[i] && (!hasOwn(o, key) || !(checks[i] as CanonicalCheck)(v))) return false;
      } else if (!(checks[i] as CanonicalCheck)(v)) return false;
    }
    return true;
  };
}

/**
 * Compiles the canonical check of a codec. Objects and arrays are walked; unions accept what one member accepts,
 * which is exact because the unions of the protocol have disjoint members (a string or an object, a string or a
 * number); any other codec is asked through its own `is`, which every transforming codec of this module defines as
 * "already canonical".
 * @internal
 */
export function compileCanonical(codec: t.Mixed): CanonicalCheck {
  const known = compiled.get(codec);
  if (known) return known;
  const properties = objectProperties(codec);
  if (properties) return objectCheck(properties);
  const c = codec as unknown as Tagged;
  if (c._tag === 'ArrayType' && c.type) {
    const item = compileCanonical(c.type);
    return (u) => {
      if (!Array.isArray(u)) return false;
      for (let i = 0; i < u.length; i++) if (!item(u[i])) return false;
      return true;
    };
  }
  if ((c._tag === 'UnionType' || c._tag === 'IntersectionType') && c.types) {
    const members = c.types.map(compileCanonical);
    return c._tag === 'UnionType' ? (u) => members.some((m) => m(u)) : (u) => members.every((m) => m(u));
  }
  return (u) => codec.is(u);
}
