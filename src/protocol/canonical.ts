// The decoder's fast path (why it exists and how it was measured: bench/notes.md). A payload that is already
// canonical, one its codec's decode returns unchanged (the same reference), is its own decoded value, so io-ts's
// validation can be skipped. A canonical check never decides alone that a payload is invalid: anything it does not
// accept goes through io-ts, which builds the usual path report.
//
// Canonical checks live in a registry of their own (`canonicalCheckOf`), apart from io-ts's `is`, which keeps its
// meaning (a type guard for the codec's output type). Leaf codecs that transform their input register theirs; object
// codecs are compiled from their structure, by code generated ahead of time (canonical.generated.ts, `npm run
// generate`) keyed by the codec's name and the signature it was generated for. A shape without generated code for
// its signature (a codec changed and the file was not regenerated; a test fails then) gets a generic loop with the
// same semantics, only slower.
import type * as t from 'io-ts';

/**
 * Holds only for values the codec it belongs to decodes to themselves (the same reference).
 * @example
 * ```ts
 * const check = canonicalCheckOf(TrimmedString);
 * check?.('Talking'); // true; ' Talking' is false (decoding trims it)
 * ```
 * @internal
 */
export type CanonicalCheck = (u: unknown) => boolean;

/**
 * Whether decoders may skip validation of canonical inputs. Only tests turn it off, to compare both paths.
 * @example
 * ```ts
 * fastPath.enabled = false; // every payload goes through io-ts's validation
 * ```
 * @internal
 */
export const fastPath = { enabled: true };

// A codec's check, or the codec whose structure it is compiled from on first use. Object codecs are compiled only
// where a compiler was installed (installCompiler): the Node entry installs one that uses the generated checks;
// browser bundles install none, so they carry neither the compiler nor the generated code, and decode with io-ts.
const registry = new WeakMap<object, CanonicalCheck | { readonly from: t.Mixed }>();

let compiler: ((codec: t.Mixed) => CanonicalCheck) | undefined;
// `canonicalCheckOf` once a compiler is installed: only `installCompiler` refers to it, so browser bundles, which
// install none, leave out the code that finds and compiles checks (see `installedCheckOf`).
let installedLookup: ((codec: unknown) => CanonicalCheck | undefined) | undefined;

/**
 * Installs the compiler of object codecs' canonical checks (the Node entry: `compileCanonical` with the generated
 * checks). Without one, object codecs have no fast path and decode through io-ts, with the same results.
 * @example
 * ```ts
 * installCompiler((codec) => compileCanonical(codec, generatedChecks));
 * ```
 * @internal
 */
export const installCompiler = (compile: (codec: t.Mixed) => CanonicalCheck): void => {
  compiler = compile;
  installedLookup = canonicalCheckOf;
};

const resolve = (codec: object): CanonicalCheck | undefined => {
  const entry = registry.get(codec);
  if (entry === undefined || typeof entry === 'function') return entry;
  if (compiler === undefined) return undefined;
  const check = compiler(entry.from);
  registry.set(codec, check);
  return check;
};

/**
 * The canonical check registered for a codec: leaf codecs and object codecs made with `keepOwnKeys` have one.
 * @example
 * ```ts
 * canonicalCheckOf(NumberFromStringOrNumber)?.('30'); // false: decoding makes it the number 30
 * ```
 * @internal
 */
export const canonicalCheckOf = (codec: unknown): CanonicalCheck | undefined =>
  typeof codec === 'object' && codec !== null ? resolve(codec) : undefined;

/**
 * {@link canonicalCheckOf} where a compiler is installed; `undefined` where none is (browser bundles), which is what
 * `canonicalCheckOf` answers there for every object codec anyway. What object codecs' decoders ask.
 * @example
 * ```ts
 * installedCheckOf(ChatStateChangeMessage)?.(data); // true: `data` is its own decoded value
 * ```
 * @internal
 */
export const installedCheckOf = (codec: unknown): CanonicalCheck | undefined => installedLookup?.(codec);

/**
 * Registers the canonical check of a codec, which codecs built around it reuse; returns the codec.
 * @example
 * ```ts
 * // UpperFromString: a t.Type whose decode upper-cases a string, and whose `is` is `typeof u === 'string'`
 * const Upper = registerCanonical(UpperFromString, (u) => typeof u === 'string' && u.toUpperCase() === u);
 * ```
 * @internal
 */
export const registerCanonical = <C extends object>(codec: C, check: CanonicalCheck): C => {
  registry.set(codec, check);
  return codec;
};

/**
 * Registers `codec`'s canonical check as the one compiled from `from` (its inner codec) the first time it is asked
 * for (by a decode, a reader or a codec built around it), when a compiler is installed. Returns the codec.
 * @example
 * ```ts
 * const Thing = registerLazyCanonical(wrapperOf(ThingInner), ThingInner);
 * ```
 * @internal
 */
export const registerLazyCanonical = <C extends object>(codec: C, from: t.Mixed): C => {
  registry.set(codec, { from });
  lazy.push(codec);
  return codec;
};

// Every codec registered to compile on first use (module-level codecs: they live as long as the program anyway).
const lazy: object[] = [];

/**
 * Compiles every check registered to compile on first use, now (the generator and the tests list the shapes).
 * @example
 * ```ts
 * compileRegistered();
 * compiledShapes().length; // every object shape of the codecs defined so far
 * ```
 * @internal
 */
export const compileRegistered = (): void => {
  for (const codec of lazy) resolve(codec);
};

interface Tagged {
  readonly _tag?: string;
  readonly name?: string;
  readonly props?: t.Props;
  readonly types?: readonly t.Mixed[];
  readonly type?: t.Mixed;
}

/**
 * What a property holds: checked inline (`s` string, `n` number, `b` boolean, `r` record, `u` anything) or by the
 * canonical check of another codec (`L`, a leaf).
 * @example
 * ```ts
 * const kind: FieldKind = 's'; // a t.string property
 * ```
 * @internal
 */
export type FieldKind = 's' | 'n' | 'b' | 'r' | 'u' | 'L';

/**
 * One property of an object shape.
 * @example
 * ```ts
 * const id: Field = { key: 'id', required: true, kind: 's', array: false };
 * ```
 * @internal
 */
export interface Field {
  readonly key: string;
  readonly required: boolean;
  readonly kind: FieldKind;
  /** An array of `kind`. */
  readonly array: boolean;
}

/**
 * The properties of an object codec, in io-ts's order (intersection members flattened), under the key its generated
 * check has: the codec's name, or for an unnamed codec its path from a named one (`TranscriptMessage.from`).
 * @example
 * ```ts
 * compiledShapes().find((s) => s.key === 'Chat')?.signature; // 'id!s,state?L,uri?s,…'
 * ```
 * @internal
 */
export interface Shape {
  readonly key: string;
  readonly signature: string;
  readonly fields: readonly Field[];
  /** The canonical checks of its `L` fields, in field order. */
  readonly leaves: readonly CanonicalCheck[];
}

/**
 * The generated check of one object shape: the {@link signatureHash} of the signature it was generated for, and a
 * factory given the checks of the shape's `L` fields.
 * @example
 * ```ts
 * const check = () => (u: unknown) => isRecord(u) && typeof u.id === 'string';
 * const entry: GeneratedCheck = { hash: signatureHash('id!s'), check };
 * ```
 * @internal
 */
export interface GeneratedCheck {
  readonly hash: string;
  readonly check: (leaves: readonly CanonicalCheck[]) => CanonicalCheck;
}

/**
 * Generated checks by shape key: what canonical.generated.ts exports.
 * @example
 * ```ts
 * const none: GeneratedChecks = {}; // every object codec then gets the generic loop
 * ```
 * @internal
 */
export type GeneratedChecks = Readonly<Record<string, GeneratedCheck | undefined>>;

const inlineKinds: Readonly<Record<string, FieldKind>> = {
  StringType: 's',
  NumberType: 'n',
  BooleanType: 'b',
  AnyDictionaryType: 'r',
  UnknownType: 'u',
};

/**
 * io-ts codecs whose decode returns its input unchanged whenever their `is` holds, so `is` is their canonical check:
 * those of {@link inlineKinds} and these.
 */
const identityTags = new Set(['LiteralType', 'KeyofType', 'NullType', 'UndefinedType', 'AnyArrayType']);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A name given on purpose (`Chat`); io-ts's default names are type expressions (`Partial<{ … }>`). */
const givenName = (codec: t.Mixed): string | undefined => (IDENTIFIER.test(codec.name) ? codec.name : undefined);

const kindOf = (codec: t.Mixed): FieldKind => inlineKinds[(codec as unknown as Tagged)._tag ?? ''] ?? 'L';

const isArrayCodec = (c: Tagged): boolean => c._tag === 'ArrayType' || c._tag === 'ReadonlyArrayType';

type LeafField = Field & { readonly leaf: t.Mixed | undefined };

const fieldOf = (key: string, codec: t.Mixed, required: boolean): LeafField => {
  const c = codec as unknown as Tagged;
  const item = isArrayCodec(c) ? c.type : undefined;
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

const quoteKey = (key: string): string => (IDENTIFIER.test(key) ? key : JSON.stringify(key));

/**
 * A shape's signature, e.g. `id!s,state?L,capabilities?s[]`: what its generated check was generated for.
 * @example
 * ```ts
 * signatureOf([{ key: 'id', required: true, kind: 's', array: false }]); // 'id!s'
 * ```
 * @internal
 */
export const signatureOf = (fields: readonly Field[]): string =>
  fields.map((f) => `${quoteKey(f.key)}${f.required ? '!' : '?'}${f.kind}${f.array ? '[]' : ''}`).join(',');

/**
 * FNV-1a, 32 bits, as 8 hex digits: what a generated check records of its signature, so that an entry generated for
 * another signature (a stale file) is not used. Bytes of the browser bundle are why it is not the signature itself.
 * @example
 * ```ts
 * signatureHash('id!s'); // 8 hex digits
 * ```
 * @internal
 */
export const signatureHash = (signature: string): string => {
  let h = 0x811c9dc5;
  for (let i = 0; i < signature.length; i++) {
    h ^= signature.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
};

// By key and signature: two codecs of one name and different shapes both show up, and the generator refuses them.
const shapes = new Map<string, Shape>();
const problems = new Set<string>();
const generatedInUse = new WeakSet<CanonicalCheck>();

/**
 * Every object shape compiled so far, in the order compiled (the generator's input).
 * @example
 * ```ts
 * compiledShapes().map((s) => s.key); // ['Call', 'CallStateChangeMessage', …]
 * ```
 * @internal
 */
export const compiledShapes = (): readonly Shape[] => [...shapes.values()];

/**
 * What kept codecs off the fast path so far: an unnamed object codec at the top, a leaf codec without a registered
 * canonical check. The generator refuses to run while there are any.
 * @example
 * ```ts
 * canonicalProblems(); // [] when every codec compiled to a check
 * ```
 * @internal
 */
export const canonicalProblems = (): readonly string[] => [...problems];

/**
 * Whether a check is generated code (a test holds every topic's codecs to it).
 * @example
 * ```ts
 * isGeneratedCheck(canonicalCheckOf(ChatStateChangeMessage)); // true
 * ```
 * @internal
 */
export const isGeneratedCheck = (check: CanonicalCheck | undefined): boolean =>
  check !== undefined && generatedInUse.has(check);

/**
 * Whether `o` has `k` as an own property.
 * @example
 * ```ts
 * hasOwn({ a: undefined }, 'a'); // true; hasOwn({}, 'toString') is false
 * ```
 * @internal
 */
export const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/**
 * A non-null object that is not an array: io-ts's `UnknownRecord`.
 * @example
 * ```ts
 * isRecord({}); // true; isRecord([]) and isRecord(null) are false
 * ```
 * @internal
 */
export const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

const inlineChecks: Readonly<Record<Exclude<FieldKind, 'L'>, CanonicalCheck>> = {
  s: (u) => typeof u === 'string',
  n: (u) => typeof u === 'number',
  b: (u) => typeof u === 'boolean',
  r: isRecord,
  u: () => true,
};

/** Every index, holes included (read as `undefined`), as io-ts's array validation reads them. */
const every =
  (item: CanonicalCheck): CanonicalCheck =>
  (u) => {
    if (!Array.isArray(u)) return false;
    for (let i = 0; i < u.length; i++) if (!item(u[i])) return false;
    return true;
  };

const never: CanonicalCheck = () => false;

/**
 * The generic check of an object shape: a required key must be present (an own key holding `undefined` is checked as
 * `undefined`), an optional one is checked unless it is `undefined`. The generated checks must agree with it (a
 * property test compares them shape by shape).
 * @example
 * ```ts
 * const check = objectCheck([{ key: 'id', required: true, kind: 's', array: false }], []);
 * check({ id: 'c1' }); // true; check({}) is false
 * ```
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
 * Compiles the canonical check of a codec: a registered check as is; objects by the generated check of their key and
 * signature (or the generic loop); arrays item by item; unions accept what one member accepts, which is exact because
 * the unions of the protocol have disjoint members (a string or an object, a string or a number); io-ts codecs that
 * never transform by their `is`. Anything else never holds (always validated), and is listed by
 * {@link canonicalProblems}.
 * @example
 * ```ts
 * const check = compileCanonical(t.type({ id: TrimmedString }, 'Thing'), generatedChecks);
 * check({ id: 'a' }); // true; { id: ' a' } is false
 * ```
 * @internal
 */
export function compileCanonical(codec: t.Mixed, generated: GeneratedChecks): CanonicalCheck {
  return compile(codec, generated, undefined);
}

/** Where an unnamed codec below `parent` sits, e.g. `MessageLogUpdated.messages[]`. */
const below = (parent: string | undefined, step: string): string | undefined =>
  parent === undefined ? undefined : `${parent}${step}`;

function compile(codec: t.Mixed, generated: GeneratedChecks, path: string | undefined): CanonicalCheck {
  const known = resolve(codec);
  if (known) return known;
  const key = givenName(codec) ?? path;
  const fields = objectFields(codec);
  if (fields) return compileObject(codec, fields, generated, key);
  const c = codec as unknown as Tagged;
  if (isArrayCodec(c) && c.type) return every(compile(c.type, generated, below(key, '[]')));
  if (c._tag === 'ReadonlyType' && c.type) return compile(c.type, generated, key);
  if ((c._tag === 'UnionType' || c._tag === 'IntersectionType') && c.types) {
    // Unnamed object members share the union's key: two of them with different fields are refused by the generator.
    const members = c.types.map((m) => compile(m, generated, key));
    return c._tag === 'UnionType'
      ? (u) => {
          for (const m of members) if (m(u)) return true;
          return false;
        }
      : (u) => {
          for (const m of members) if (!m(u)) return false;
          return true;
        };
  }
  const tag = c._tag ?? '';
  if (inlineKinds[tag] !== undefined || identityTags.has(tag)) return codec.is.bind(codec);
  problems.add(`${codec.name} has no canonical check (registerCanonical)`);
  return never;
}

function compileObject(
  codec: t.Mixed,
  fields: readonly LeafField[],
  generated: GeneratedChecks,
  key: string | undefined,
): CanonicalCheck {
  const signature = signatureOf(fields);
  const leaves = fields.flatMap((f) =>
    f.leaf ? [compile(f.leaf, generated, below(key, `.${quoteKey(f.key)}${f.array ? '[]' : ''}`))] : [],
  );
  if (key === undefined) {
    problems.add(`${codec.name} is an object codec with no name`);
    return objectCheck(fields, leaves);
  }
  const plain = fields.map(({ key: k, required, kind, array }) => ({ key: k, required, kind, array }));
  shapes.set(`${key}\n${signature}`, { key, signature, fields: plain, leaves });
  const entry = hasOwn(generated, key) ? generated[key] : undefined;
  if (entry === undefined || entry.hash !== signatureHash(signature)) return objectCheck(fields, leaves);
  const check = entry.check(leaves);
  generatedInUse.add(check);
  return check;
}
