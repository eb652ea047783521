// The decoder's fast path. A payload that is already canonical (what its codec would return unchanged) is its own
// decoded value, so io-ts's validation, which allocates a context entry per property, optional ones included, can be
// skipped. A check is compiled once per codec from the codec's structure; it never decides alone that a payload is
// invalid: anything it does not accept goes through io-ts, which builds the usual path report.
//
// Object codecs are checked by code generated ahead of time (canonical.generated.ts, `npm run generate`): one function
// per object shape, reading each property by its fixed name, so V8 keeps every read monomorphic. A shape without
// generated code (a codec changed and the file was not regenerated; a test fails then) gets a generic loop with the
// same semantics, only slower.
import type * as t from 'io-ts';
import { generatedChecks } from './canonical.generated';

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

/**
 * What a property holds: checked inline (`s` string, `n` number, `b` boolean, `r` record, `u` anything) or by the
 * compiled check of another codec (`L`, a leaf).
 * @internal
 */
export type FieldKind = 's' | 'n' | 'b' | 'r' | 'u' | 'L';

/** One property of an object shape. @internal */
export interface Field {
  readonly key: string;
  readonly required: boolean;
  readonly kind: FieldKind;
  /** An array of `kind`. */
  readonly array: boolean;
}

/** The properties of an object codec, in io-ts's order (intersection members flattened). @internal */
export interface Shape {
  readonly id: string;
  readonly signature: string;
  readonly fields: readonly Field[];
  /** The compiled checks of its `L` fields, in field order. */
  readonly leaves: readonly CanonicalCheck[];
}

const inlineKinds: Readonly<Record<string, FieldKind>> = {
  StringType: 's',
  NumberType: 'n',
  BooleanType: 'b',
  AnyDictionaryType: 'r',
  UnknownType: 'u',
};

const kindOf = (codec: t.Mixed): FieldKind => inlineKinds[(codec as unknown as Tagged)._tag ?? ''] ?? 'L';

type LeafField = Field & { readonly leaf: t.Mixed | undefined };

const fieldOf = (key: string, codec: t.Mixed, required: boolean): LeafField => {
  const c = codec as unknown as Tagged;
  const item = c._tag === 'ArrayType' ? c.type : undefined;
  const of = item ?? codec;
  const kind = kindOf(of);
  return { key, required, kind, array: item !== undefined, leaf: kind === 'L' ? of : undefined };
};

/** The fields of a `type`, a `partial`, or an intersection of those; `undefined` for anything else. */
function objectFields(codec: t.Mixed): LeafField[] | undefined {
  const c = codec as unknown as Tagged;
  if ((c._tag === 'InterfaceType' || c._tag === 'PartialType') && c.props) {
    const props = c.props;
    return Object.keys(props).map((key) => fieldOf(key, props[key] as t.Mixed, c._tag === 'InterfaceType'));
  }
  if (c._tag === 'IntersectionType' && c.types) {
    const all: LeafField[] = [];
    for (const member of c.types) {
      const fields = objectFields(member);
      if (!fields) return undefined;
      all.push(...fields);
    }
    return all;
  }
  return undefined;
}

/** A shape's signature, e.g. `{id!s,state?L,capabilities?s[]}`: what generated code is keyed by. @internal */
export const signatureOf = (fields: readonly Field[]): string =>
  `{${fields.map((f) => `${JSON.stringify(f.key)}${f.required ? '!' : '?'}${f.kind}${f.array ? '[]' : ''}`).join(',')}}`;

/** FNV-1a, 32 bits, as 8 hex digits: a short key for a signature. @internal */
export const shapeId = (signature: string): string => {
  let h = 0x811c9dc5;
  for (let i = 0; i < signature.length; i++) {
    h ^= signature.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
};

// By signature, so that two shapes whose ids collide stay apart (a test requires the ids to be unique).
const shapes = new Map<string, Shape>();
const generatedInUse = new WeakSet<CanonicalCheck>();

/** Every object shape compiled so far (the generator's input). @internal */
export const compiledShapes = (): readonly Shape[] => [...shapes.values()];

/** Whether a check is generated code (a test holds every topic's codecs to it). @internal */
export const isGeneratedCheck = (check: CanonicalCheck | undefined): boolean =>
  check !== undefined && generatedInUse.has(check);

/** Whether `o` has `k` as an own property. @internal */
export const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
/** A non-null object that is not an array: io-ts's `UnknownRecord`. @internal */
export const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);
const inlineChecks: Readonly<Record<Exclude<FieldKind, 'L'>, CanonicalCheck>> = {
  s: (u) => typeof u === 'string',
  n: (u) => typeof u === 'number',
  b: (u) => typeof u === 'boolean',
  r: isRecord,
  u: () => true,
};

const every =
  (item: CanonicalCheck): CanonicalCheck =>
  (u) => {
    if (!Array.isArray(u)) return false;
    for (let i = 0; i < u.length; i++) if (!item(u[i])) return false;
    return true;
  };

/**
 * The generic check of an object shape, with io-ts's own `is` semantics: a required key must be present (an own key
 * holding `undefined` is checked as `undefined`), an optional one is checked unless it is `undefined`. The
 * generated checks must agree with it (a property test compares them shape by shape).
 * @internal
 */
export function objectCheck(fields: readonly Field[], leaves: readonly CanonicalCheck[]): CanonicalCheck {
  let leaf = 0;
  const checks = fields.map((f) => {
    const one = f.kind === 'L' ? (leaves[leaf++] as CanonicalCheck) : inlineChecks[f.kind];
    return f.array ? every(one) : one;
  });
  const keys = fields.map((f) => f.key);
  const required = fields.map((f) => f.required);
  const n = keys.length;
  return (u) => {
    if (!isRecord(u)) return false;
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
 * Compiles the canonical check of a codec. Objects are checked by generated code for their shape (or the generic
 * loop); arrays item by item; unions accept what one member accepts, which is exact because the unions of the
 * protocol have disjoint members (a string or an object, a string or a number); any other codec is asked through its
 * own `is`, which every transforming codec of this module defines as "already canonical".
 * @internal
 */
export function compileCanonical(codec: t.Mixed): CanonicalCheck {
  const known = compiled.get(codec);
  if (known) return known;
  const fields = objectFields(codec);
  if (fields) {
    const signature = signatureOf(fields);
    const id = shapeId(signature);
    const plain = fields.map(({ key, required, kind, array }) => ({ key, required, kind, array }));
    const leaves = fields.flatMap((f) => (f.leaf ? [compileCanonical(f.leaf)] : []));
    shapes.set(signature, { id, signature, fields: plain, leaves });
    const generated = generatedChecks[id];
    if (!generated) return objectCheck(fields, leaves);
    const check = generated(leaves);
    generatedInUse.add(check);
    return check;
  }
  const c = codec as unknown as Tagged;
  if (c._tag === 'ArrayType' && c.type) return every(compileCanonical(c.type));
  if (c._tag === 'UnionType' && c.types) {
    const members = c.types.map(compileCanonical);
    return (u) => {
      for (const m of members) if (m(u)) return true;
      return false;
    };
  }
  if (c._tag === 'IntersectionType' && c.types) {
    const members = c.types.map(compileCanonical);
    return (u) => {
      for (const m of members) if (!m(u)) return false;
      return true;
    };
  }
  return codec.is.bind(codec);
}
