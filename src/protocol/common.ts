import * as t from 'io-ts';
import { fastPath, hasOwn, installedCheckOf, isRecord, registerCanonical, registerLazyCanonical } from './canonical';
import type { CanonicalCheck } from './canonical';

// Every codec's `is` is io-ts's: a type guard for the codec's output type. What the decoder's fast path needs, a check
// that holds only for values decoding returns unchanged, is registered apart with `registerCanonical` (canonical.ts).

/** A string that decoding with {@link TrimmedString} leaves as is: no white space at either end. */
const isTrimmed = (u: unknown): boolean => {
  if (typeof u !== 'string') return false;
  const n = u.length;
  // Printable ASCII at both ends is never white space; anything else asks `trim()` (Unicode's white space).
  // Why the two reads come first: bench/notes.md.
  return n === 0 || (isPrintableAscii(u.charCodeAt(0)) && isPrintableAscii(u.charCodeAt(n - 1))) || u.trim() === u;
};
const isPrintableAscii = (code: number): boolean => code > 0x20 && code < 0x7f;

const isString = (u: unknown): u is string => typeof u === 'string';
const isNumber = (u: unknown): u is number => typeof u === 'number';
const trim = (u: unknown, c: t.Context): t.Validation<string> =>
  typeof u === 'string' ? t.success(u.trim()) : t.failure(u, c);

/**
 * A string with leading and trailing spaces removed (real servers send `" Talking"`). `is` holds for any string.
 * @example
 * ```ts
 * import { TrimmedString } from 'gws-rx';
 * TrimmedString.decode(' Talking'); // Right('Talking')
 * ```
 */
export const TrimmedString = registerCanonical(
  new t.Type<string, string, unknown>('TrimmedString', isString, trim, (s) => s),
  isTrimmed,
);

/** Known values offered by editors while any other string stays valid: unknown values are data, not errors. */
export type OpenEnum<L extends string> = L | (string & Record<never, never>);

/**
 * Builds a trimmed string codec whose type lists the known values `L` (as an {@link OpenEnum}); any string decodes,
 * and `is` holds for any string. The known values live in the type only: at run time every string is valid, so a
 * decode failure (not a string at all) names the codec as `Mute (any string)`, and bundles carry no list of values.
 * @example
 * ```ts
 * import * as t from 'io-ts';
 * const Mute = trimmedEnum<'On' | 'Off'>('Mute');
 * type Mute = t.TypeOf<typeof Mute>; // 'On' | 'Off' | (string & Record<never, never>)
 * Mute.decode(' On'); // Right('On')
 * ```
 */
export const trimmedEnum = <L extends string>(name: string): t.Type<OpenEnum<L>, string, unknown> =>
  registerCanonical(
    new t.Type<OpenEnum<L>, string, unknown>(`${name} (any string)`, isString, trim, (s) => s),
    isTrimmed,
  );

/**
 * A finite number, or a string holding one (`"30"`), decoded to a number. `is` holds for any number.
 * @example
 * ```ts
 * import { NumberFromStringOrNumber } from 'gws-rx';
 * NumberFromStringOrNumber.decode('30'); // Right(30); 'thirty' is a Left
 * ```
 */
export const NumberFromStringOrNumber = registerCanonical(
  new t.Type<number, number, unknown>(
    'NumberFromStringOrNumber',
    isNumber,
    (u, c) => {
      if (typeof u === 'number') return Number.isFinite(u) ? t.success(u) : t.failure(u, c);
      if (typeof u === 'string' && u.trim() !== '') {
        const n = Number(u.trim());
        return Number.isFinite(n) ? t.success(n) : t.failure(u, c);
      }
      return t.failure(u, c);
    },
    (n) => n,
  ),
  (u) => typeof u === 'number' && Number.isFinite(u),
);

const isIndex = (u: unknown): u is number => typeof u === 'number' && Number.isSafeInteger(u) && u >= 0;

/**
 * A transcript index: a non-negative safe integer (numeric strings accepted). Like io-ts's `Int`, `is` holds for the
 * values the type allows: non-negative safe integers.
 * @example
 * ```ts
 * import { TranscriptIndex } from 'gws-rx';
 * TranscriptIndex.decode('3'); // Right(3); -1, 1.5 and undefined are Lefts
 * ```
 */
export const TranscriptIndex = registerCanonical(
  new t.Type<number, number, unknown>(
    'TranscriptIndex',
    isIndex,
    (u, c) => {
      const n = typeof u === 'string' && u.trim() !== '' ? Number(u.trim()) : u;
      return isIndex(n) ? t.success(n) : t.failure(u, c);
    },
    (n) => n,
  ),
  isIndex,
);

const isBoolean = (u: unknown): u is boolean => typeof u === 'boolean';

/**
 * A boolean, or `"true"` / `"false"` (any case, trimmed).
 * @example
 * ```ts
 * import { BooleanFromStringOrBoolean } from 'gws-rx';
 * BooleanFromStringOrBoolean.decode('false'); // Right(false)
 * ```
 */
export const BooleanFromStringOrBoolean = registerCanonical(
  new t.Type<boolean, boolean, unknown>(
    'BooleanFromStringOrBoolean',
    isBoolean,
    (u, c) => {
      if (typeof u === 'boolean') return t.success(u);
      const s = typeof u === 'string' ? u.trim().toLowerCase() : undefined;
      return s === 'true' ? t.success(true) : s === 'false' ? t.success(false) : t.failure(u, c);
    },
    (b) => b,
  ),
  isBoolean,
);

/**
 * The state of an interaction resource (chats, emails, IM sessions, workitems, …); unknown values are kept.
 * @example
 * ```ts
 * import { InteractionState } from 'gws-rx';
 * InteractionState.decode(' Chatting'); // Right('Chatting'); a value not listed decodes too
 * ```
 */
export const InteractionState = trimmedEnum<
  | 'Invited'
  | 'Accepted'
  | 'Chatting'
  | 'Talking'
  | 'Processing'
  | 'Composing'
  | 'InWorkbin'
  | 'Completed'
  | 'Revoked'
  | 'JoinFailed'
>('InteractionState');
export type InteractionState = t.TypeOf<typeof InteractionState>;

/**
 * A `notificationType` (StatusChange, ParticipantsUpdated, NewMessages, …); unknown values are kept.
 * @example
 * ```ts
 * import { NotificationType } from 'gws-rx';
 * NotificationType.decode('StatusChange '); // Right('StatusChange'); a value not listed decodes too
 * ```
 */
export const NotificationType = trimmedEnum<
  | 'StatusChange'
  | 'AttachedDataChanged'
  | 'ParticipantsUpdated'
  | 'PropertiesUpdated'
  | 'CallRecordingStateChange'
  | 'NewMessages'
  | 'NewMessage'
  | 'EmailSaved'
  | 'FacebookSaved'
  | 'TweetSaved'
  | 'AttachmentAdded'
  | 'AttachmentRemoved'
  | 'Error'
>('NotificationType');
export type NotificationType = t.TypeOf<typeof NotificationType>;

/**
 * The `type` of a transcript message (Text, ParticipantJoined, TypingStarted, …); unknown values are kept.
 * @example
 * ```ts
 * import { TranscriptEventType } from 'gws-rx';
 * TranscriptEventType.decode('TypingStarted'); // Right('TypingStarted'); a value not listed decodes too
 * ```
 */
export const TranscriptEventType = trimmedEnum<
  | 'Text'
  | 'ParticipantJoined'
  | 'ParticipantLeft'
  | 'ParticipantRejoined'
  | 'TypingStarted'
  | 'TypingStopped'
  | 'PushUrl'
  | 'Notice'
>('TranscriptEventType');
export type TranscriptEventType = t.TypeOf<typeof TranscriptEventType>;

/**
 * A literal `messageType`, accepted with stray spaces and, when `aliases` are given, under other spellings; always
 * decoded to `value`.
 * @example
 * ```ts
 * messageTypeLiteral('TweetStateChangeMessage', ['TwitterStateChangeMessage']).decode(' TwitterStateChangeMessage');
 * // Right('TweetStateChangeMessage')
 * ```
 */
export const messageTypeLiteral = <V extends string>(
  value: V,
  aliases: readonly string[] = [],
): t.Type<V, V, unknown> => {
  const is = (u: unknown): u is V => u === value;
  return registerCanonical(
    new t.Type<V, V, unknown>(
      value,
      is,
      (u, c) =>
        typeof u === 'string' && (u.trim() === value || aliases.includes(u.trim()))
          ? t.success(value)
          : t.failure(u, c),
      (v) => v,
    ),
    is,
  );
};

const define = (o: object, k: string, value: unknown): void => {
  Object.defineProperty(o, k, { value, enumerable: true, writable: true, configurable: true });
};

/**
 * Wraps an object codec for the decoder's fast path and for hostile keys; `is` stays the codec's own.
 *
 * - **Fast path.** The codec's canonical check, compiled from its structure (see `canonical.ts`), tells whether the
 *   input is already canonical, i.e. what decoding would return unchanged. Such an input is its own decoded value,
 *   and io-ts's validation is skipped. Anything else is validated as usual, so failures keep their full path report.
 *   A property test checks both paths agree.
 * - **`__proto__`.** io-ts copies objects with assignment, which would turn a `__proto__` key into the copy's
 *   prototype (no global pollution, but a corrupted value); when a copy is needed this rebuilds it from the input's
 *   own keys only (decoded values where the codec decoded one, the raw value otherwise), so nothing inherited leaks
 *   in.
 *
 * Give the codec a name (`t.intersection([…], 'Chat')`): its generated check is keyed by it.
 * @example
 * ```ts
 * const Thing = keepOwnKeys(t.type({ id: TrimmedString }, 'Thing'));
 * Thing.decode({ id: 'a' }); // Right, the same object; { id: ' a' } decodes to a trimmed copy
 * ```
 */
export const keepOwnKeys = <A, O>(codec: t.Type<A, O, unknown>): t.Type<A, O, unknown> => {
  let canonical: CanonicalCheck | undefined;
  const wrapped: t.Type<A, O, unknown> = new t.Type<A, O, unknown>(
    codec.name,
    codec.is,
    (u, c): t.Validation<A> => {
      if (fastPath.enabled && (canonical ??= installedCheckOf(wrapped) ?? never)(u)) return t.success(u as A);
      const result = codec.validate(u, c);
      if (result._tag === 'Left' || result.right === u || !isRecord(u) || !hasOwn(u, '__proto__')) return result;
      const decoded = result.right as unknown as Record<string, unknown>;
      const rebuilt = {};
      for (const k of Object.keys(u)) {
        define(
          rebuilt,
          k,
          k !== '__proto__' && hasOwn(decoded, k) ? decoded[k] : Object.getOwnPropertyDescriptor(u, k)?.value,
        );
      }
      return t.success(rebuilt as A);
    },
    codec.encode,
  );
  return registerLazyCanonical(wrapped, codec);
};

const never = (): boolean => false;

/**
 * Free-form key/value data written by other systems (`userData`): any key, including `__proto__` and
 * `constructor`, is kept as the object's own data, exactly as `JSON.parse` made it.
 * @example
 * ```ts
 * import { UserData } from 'gws-rx';
 * UserData.decode({ favColor: 'blue' }); // Right, the same object
 * ```
 */
export const UserData = t.UnknownRecord;
export type UserData = t.TypeOf<typeof UserData>;

/**
 * A participant object (chats), or the phone-number style of calls and IM sessions.
 * @example
 * ```ts
 * import { ParticipantDetails } from 'gws-rx';
 * ParticipantDetails.decode({ nickname: 'Ann', type: ' Agent' }); // Right({ nickname: 'Ann', type: 'Agent' })
 * ```
 */
export const ParticipantDetails = t.partial(
  {
    nickname: t.string,
    type: TrimmedString,
    participantId: t.string,
    phoneNumber: t.string,
    digits: t.string,
    e164Number: t.string,
    formattedPhoneNumber: t.string,
  },
  'ParticipantDetails',
);
/**
 * A participant: an object, or (older servers) just a string with details in `participantsInfo`.
 * @example
 * ```ts
 * import { Participant } from 'gws-rx';
 * Participant.decode('5001'); // Right('5001'): the legacy string form
 * ```
 */
export const Participant = t.union([t.string, ParticipantDetails]);
export type Participant = t.TypeOf<typeof Participant>;

/** Fields every interaction resource may have; `id` is required. */
export const resourceProps = {
  required: { id: t.string },
  optional: {
    state: InteractionState,
    uri: t.string,
    path: t.string,
    capabilities: t.array(t.string),
    userData: UserData,
    participants: t.array(Participant),
    participantsInfo: t.array(t.UnknownRecord),
    receivedDate: t.string,
    comment: t.string,
  },
};

/**
 * Builds a resource codec named `name`: the common fields plus `extra` optional ones.
 * @example
 * ```ts
 * const Workitem = resource('Workitem', { workitemType: TrimmedString, subject: t.string });
 * ```
 */
export const resource = <P extends t.Props>(name: string, extra: P) =>
  keepOwnKeys(
    t.intersection([t.type(resourceProps.required), t.partial({ ...resourceProps.optional, ...extra })], name),
  );

/** The envelope fields any `data` may carry besides `messageType`. */
export const envelopeProps = {
  notificationType: NotificationType,
  referenceId: NumberFromStringOrNumber,
  errorMessage: t.string,
  errorCode: t.union([t.string, t.number]),
  phoneNumber: t.string,
  extensions: t.UnknownRecord,
  metrics: t.UnknownRecord,
  channel: t.string,
};

/**
 * Builds a message codec: a `messageType` literal (with optional alias spellings), the envelope fields, and the
 * message's own required and optional fields. Unknown extra fields are kept in the decoded value. The codec is named
 * `name` (by default the message type): two codecs of one message type with different fields need names apart.
 * @example
 * ```ts
 * const IMLogUpdateMessage = message('IMLogUpdateMessage', { imSessionPath: t.string, message: t.string }, {});
 * ```
 */
export const message = <V extends string, R extends t.Props, O extends t.Props>(
  messageType: V,
  required: R,
  optional: O,
  aliases: readonly string[] = [],
  name: string = messageType,
) =>
  keepOwnKeys(
    t.intersection(
      [
        t.type({ messageType: messageTypeLiteral(messageType, aliases) }),
        t.partial(envelopeProps),
        t.type(required),
        t.partial(optional),
      ],
      name,
    ),
  );

/**
 * A transcript message of chats and Facebook sessions (MessageLogUpdated); `index` and `type` are required.
 * @example
 * ```ts
 * import { TranscriptMessage } from 'gws-rx';
 * TranscriptMessage.decode({ index: 3, type: 'Text', text: 'Hi', timestampSeconds: 1389261492035 }); // Right
 * ```
 */
export const TranscriptMessage = keepOwnKeys(
  t.intersection(
    [
      t.type({ index: TranscriptIndex, type: TranscriptEventType }),
      t.partial({
        from: t.partial({ nickname: t.string, type: TrimmedString, participantId: t.string }),
        text: t.string,
        url: t.string,
        visibility: TrimmedString,
        messageType: t.string,
        timestamp: t.string,
        timestampSeconds: NumberFromStringOrNumber,
        eventAttributes: t.UnknownRecord,
      }),
    ],
    'TranscriptMessage',
  ),
);
/**
 * A decoded `TranscriptMessage`: what the codec of the same name returns.
 *
 * @example
 * ```ts
 * import type { TranscriptMessage } from 'gws-rx';
 * const describe = (x: TranscriptMessage) => JSON.stringify(x);
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TranscriptMessage extends t.TypeOf<typeof TranscriptMessage> {}

/**
 * `ErrorMessage` (devices and calls topics): an operation failed.
 * @example
 * ```ts
 * import { ErrorMessage } from 'gws-rx';
 * ErrorMessage.decode({ messageType: 'ErrorMessage', errorMessage: 'Invalid DN', referenceId: '7' }); // Right, referenceId 7
 * ```
 */
export const ErrorMessage = message('ErrorMessage', {}, {});
/**
 * A decoded `ErrorMessage`: what the codec of the same name returns.
 *
 * @example
 * ```ts
 * import type { ErrorMessage } from 'gws-rx';
 * const describe = (x: ErrorMessage) => JSON.stringify(x);
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ErrorMessage extends t.TypeOf<typeof ErrorMessage> {}
