import type * as t from 'io-ts';
import { either } from 'fp-ts';
import type { Either } from 'fp-ts/lib/Either.js';
import { topicCodecs, isTopicName } from './topics';
import { describeErrors } from './report';
import { canonicalCheckOf, fastPath, hasOwn, isRecord } from './canonical';
import type { CanonicalCheck } from './canonical';
import type { TopicName, TopicMap } from './topics';

const { left, right, isLeft } = either;

/** Why a Bayeux message could not become a {@link Notification}. */
export type DecodeFailureReason =
  /** Not an object with a string `channel` and an object `data`. */
  | 'not-a-message'
  /** The channel is not one of gws-rx's topics. */
  | 'unknown-channel'
  /** `data.messageType` is absent or names no message type known on this channel. */
  | 'unknown-message-type'
  /** The message type is known but the payload does not match its codec. */
  | 'invalid-payload';

/**
 * A message that did not decode: where it came from, the raw payload as received, and readable paths to what
 * was wrong (`data.chat.id: expected string, got 7`).
 *
 * @example
 * ```ts
 * import { decodeNotification } from 'gws-rx';
 * const result = decodeNotification({ channel: '/v2/me/chats', data: { messageType: 'Nope' } });
 * if (result._tag === 'Left') console.warn(result.left.reason, result.left.messageType, result.left.errors);
 * ```
 */
export interface DecodeFailure {
  readonly reason: DecodeFailureReason;
  /** The Bayeux channel, or `undefined` when the message had none. */
  readonly channel: string | undefined;
  /** `data.messageType` when it was a string. */
  readonly messageType: string | undefined;
  /** The whole message exactly as it was handed to the decoder (from a client: the Bayeux message CometD delivered). */
  readonly raw: unknown;
  /** Human-readable descriptions, each naming the path to the offending value. */
  readonly errors: readonly string[];
}

/**
 * A decoded notification: its channel and the typed `data` of that channel's message union.
 * Narrow on `channel`, then on `data.messageType`.
 */
export type Notification = { [K in TopicName]: { readonly channel: K; readonly data: TopicMap[K] } }[TopicName];

const failure = (
  reason: DecodeFailureReason,
  raw: unknown,
  channel: string | undefined,
  messageType: string | undefined,
  errors: readonly string[],
): DecodeFailure => ({ reason, channel, messageType, raw, errors });

/**
 * Recognizes the payloads of one channel that are already canonical: returns the payload itself (its own decoded
 * value, nothing allocated, see canonical.ts) or `undefined`, which means "decode it with {@link validateData}",
 * never "invalid".
 * @internal
 */
export type CanonicalReader<K extends TopicName> = (data: unknown) => TopicMap[K] | undefined;

/**
 * Builds the {@link CanonicalReader} of `channel` from its codecs' canonical checks; it remembers the last
 * `messageType` it found a check for (why: bench/notes.md).
 */
function makeReader<K extends TopicName>(channel: K): CanonicalReader<K> {
  const checks = new Map<string, CanonicalCheck>();
  for (const [type, codec] of Object.entries(topicCodecs[channel])) {
    const check = canonicalCheckOf(codec);
    if (check) checks.set(type, check);
  }
  let lastType = '';
  let lastCheck: CanonicalCheck | undefined;
  return (data) => {
    if (!fastPath.enabled || typeof data !== 'object' || data === null) return undefined;
    try {
      const type = (data as { readonly messageType?: unknown }).messageType;
      let check: CanonicalCheck | undefined;
      if (type === lastType) check = lastCheck;
      else if (typeof type === 'string') {
        check = checks.get(type);
        if (check !== undefined) {
          lastType = type;
          lastCheck = check;
        }
      }
      return check !== undefined && check(data) ? (data as TopicMap[K]) : undefined;
    } catch {
      // a throwing getter or proxy: validateData reports it
      return undefined;
    }
  };
}

/** One reader per channel for the whole program, made on first use (why: bench/notes.md, "Code that outlives a client"). */
const sharedReader = (): (<K extends TopicName>(channel: K) => CanonicalReader<K>) => {
  const readers = new Map<TopicName, CanonicalReader<TopicName>>();
  return <K extends TopicName>(channel: K) => {
    let read = readers.get(channel);
    if (read === undefined) {
      read = makeReader(channel);
      readers.set(channel, read);
    }
    return read as CanonicalReader<K>;
  };
};

let installedReaderOf: ReturnType<typeof sharedReader> | undefined;

/**
 * Gives channels their {@link CanonicalReader}s from now on: `useGeneratedChecks` (the Node entry) calls it with the
 * compiler. Without a compiler no object codec has a canonical check, so browser bundles make no reader and carry
 * none of this code: their payloads go straight to {@link validateData}.
 * @example
 * ```ts
 * installCompiler(compile);
 * useReaders();
 * ```
 * @internal
 */
export function useReaders(): void {
  installedReaderOf ??= sharedReader();
}

/**
 * The {@link CanonicalReader} of `channel`: one per channel for the whole program, shared by every client;
 * `undefined` until {@link useReaders} was called (browser bundles).
 * @example
 * ```ts
 * const read = readerOf('/v2/me/chats');
 * read?.({ messageType: 'MessageLogUpdated', messages: [] }); // the payload itself: already canonical
 * ```
 * @internal
 */
export const readerOf = <K extends TopicName>(channel: K): CanonicalReader<K> | undefined =>
  installedReaderOf?.(channel);

/**
 * Decodes the `data` of one message on a known channel with io-ts: what is left to do once a {@link CanonicalReader}
 * said "decode it" (the client and `decodeNotification` ask that first, and should not ask twice). `raw` is what a
 * failure reports as the message received, passed as it came. @internal
 */
export function validateData<K extends TopicName>(
  channel: K,
  data: unknown,
  raw: unknown,
): Either<DecodeFailure, TopicMap[K]> {
  const messageType = isRecord(data) && typeof data.messageType === 'string' ? data.messageType : undefined;
  if (!isRecord(data)) {
    return left(failure('not-a-message', raw, channel, undefined, ['data: expected an object']));
  }
  const codecs = topicCodecs[channel] as Readonly<Record<string, t.Decoder<unknown, TopicMap[K]>>>;
  const key = messageType?.trim();
  const codec = key !== undefined && hasOwn(codecs, key) ? codecs[key] : undefined;
  if (codec === undefined) {
    const known = Object.keys(codecs).join(', ');
    return left(
      failure('unknown-message-type', raw, channel, messageType, [
        messageType === undefined
          ? `data.messageType: missing (known on ${channel}: ${known})`
          : `data.messageType: unknown message type ${JSON.stringify(messageType)} on ${channel} (known: ${known})`,
      ]),
    );
  }
  let result: t.Validation<TopicMap[K]>;
  try {
    result = codec.decode(data);
  } catch (e) {
    // io-ts codecs do not throw; this guards hostile inputs (getters, proxies) so the caller never sees a throw.
    return left(failure('invalid-payload', raw, channel, messageType, [`data: ${describeError(e)}`]));
  }
  if (isLeft(result)) {
    return left(failure('invalid-payload', raw, channel, messageType, describeErrors(result.left, 'data')));
  }
  return right(result.right);
}

/**
 * Decodes one whole Bayeux message `{ channel, data }` into a typed {@link Notification}.
 * Picks the codec by `channel` and `data.messageType`; never throws.
 *
 * @example
 * ```ts
 * import { decodeNotification } from 'gws-rx';
 * import { isRight } from 'fp-ts/Either';
 *
 * const r = decodeNotification({ channel: '/v2/me/chats', data: { messageType: 'MessageLogUpdated', messages: [] } });
 * if (isRight(r) && r.right.channel === '/v2/me/chats') console.log(r.right.data.messageType);
 * ```
 */
export function decodeNotification(message: unknown): Either<DecodeFailure, Notification> {
  try {
    return decodeMessage(message);
  } catch (e) {
    // Only reachable with hostile inputs (throwing getters, proxies): JSON never throws here.
    return left(failure('not-a-message', message, undefined, undefined, [`message: ${describeError(e)}`]));
  }
}

const describeError = (e: unknown): string => (e instanceof Error ? e.message : 'unreadable value');

function decodeMessage(message: unknown): Either<DecodeFailure, Notification> {
  if (!isRecord(message) || typeof message.channel !== 'string') {
    return left(failure('not-a-message', message, undefined, undefined, ['channel: expected a string']));
  }
  const channel = message.channel;
  if (!isTopicName(channel)) {
    return left(
      failure('unknown-channel', message, channel, undefined, [`channel: unknown topic ${JSON.stringify(channel)}`]),
    );
  }
  // Already canonical (the usual case on the wire): the payload is its own decoded value, and one Right is made.
  const canonical = readerOf(channel)?.(message.data);
  if (canonical !== undefined) return right({ channel, data: canonical } as Notification);
  const decoded = validateData(channel, message.data, message);
  if (isLeft(decoded)) return decoded;
  return right({ channel, data: decoded.right } as Notification);
}
