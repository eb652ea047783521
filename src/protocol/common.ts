import * as t from 'io-ts';
import { compileCanonical, fastPath, hasOwn, isRecord, registerCanonical } from './canonical';

/**
 * A string with no leading or trailing white space: what {@link TrimmedString} decodes to, so decoding it is a no-op.
 * Every transforming codec here has an `is` that holds only for values it would return unchanged; `keepOwnKeys`
 * relies on that to skip io-ts's validation of payloads that are already canonical.
 */
const isTrimmed = (u: unknown): u is string => {
  if (typeof u !== 'string') return false;
  const n = u.length;
  // Printable ASCII at both ends is never white space, and it is what enums and ids start and end with: that answer
  // costs two char reads. Anything else asks `trim()` itself, whose idea of white space is Unicode's.
  return n === 0 || (isPrintableAscii(u.charCodeAt(0)) && isPrintableAscii(u.charCodeAt(n - 1))) || u.trim() === u;
};
const isPrintableAscii = (code: number): boolean => code > 0x20 && code < 0x7f;

/**
 * A string with leading and trailing spaces removed (real servers send `" Talking"`). `is` holds for trimmed strings.
 * @example
 * ```ts
 * import { TrimmedString } from 'gws-rx';
 * TrimmedString.decode(' Talking'); // Right('Talking')
 * ```
 */
export const TrimmedString = new t.Type<string, string, unknown>(
  'TrimmedString',
  isTrimmed,
  (u, c) => (typeof u === 'string' ? t.success(u.trim()) : t.failure(u, c)),
  (s) => s,
);

/** Known values offered by editors while any other string stays valid: unknown values are data, not errors. */
export type OpenEnum<L extends string> = L | (string & Record<never, never>);

/**
 * Builds a trimmed string codec whose type lists the known values (as an {@link OpenEnum}); any string decodes.
 * `is` holds for trimmed strings only, the values decoding leaves unchanged.
 * @example
 * ```ts
 * import * as t from 'io-ts';
 * const Mute = trimmedEnum('Mute', ['On', 'Off']);
 * type Mute = t.TypeOf<typeof Mute>; // 'On' | 'Off' | (string & Record<never, never>)
 * Mute.decode(' On'); // Right('On')
 * ```
 */
export const trimmedEnum = <L extends string>(
  name: string,
  known: readonly L[],
): t.Type<OpenEnum<L>, string, unknown> =>
  new t.Type<OpenEnum<L>, string, unknown>(
    `${name}(${known.join(' | ')} | string)`,
    (u): u is OpenEnum<L> => isTrimmed(u),
    (u, c) => (typeof u === 'string' ? t.success(u.trim()) : t.failure(u, c)),
    (s) => s,
  );

/**
 * A number, or a string holding one (`"30"`), decoded to a number. `is` holds for finite numbers only.
 * @example
 * ```ts
 * import { NumberFromStringOrNumber } from 'gws-rx';
 * NumberFromStringOrNumber.decode('30'); // Right(30); 'thirty' is a Left
 * ```
 */
export const NumberFromStringOrNumber = new t.Type<number, number, unknown>(
  'NumberFromStringOrNumber',
  (u): u is number => typeof u === 'number' && Number.isFinite(u),
  (u, c) => {
    if (typeof u === 'number') return Number.isFinite(u) ? t.success(u) : t.failure(u, c);
    if (typeof u === 'string' && u.trim() !== '') {
      const n = Number(u.trim());
      return Number.isFinite(n) ? t.success(n) : t.failure(u, c);
    }
    return t.failure(u, c);
  },
  (n) => n,
);

/**
 * A transcript index: a non-negative safe integer (numeric strings accepted).
 * @example
 * ```ts
 * import { TranscriptIndex } from 'gws-rx';
 * TranscriptIndex.decode('3'); // Right(3); -1, 1.5 and undefined are Lefts
 * ```
 */
export const TranscriptIndex = new t.Type<number, number, unknown>(
  'TranscriptIndex',
  (u): u is number => typeof u === 'number' && Number.isSafeInteger(u) && u >= 0,
  (u, c) => {
    const n = typeof u === 'string' && u.trim() !== '' ? Number(u.trim()) : u;
    return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? t.success(n) : t.failure(u, c);
  },
  (n) => n,
);

/**
 * A boolean, or `"true"` / `"false"` (any case, trimmed).
 * @example
 * ```ts
 * import { BooleanFromStringOrBoolean } from 'gws-rx';
 * BooleanFromStringOrBoolean.decode('false'); // Right(false)
 * ```
 */
export const BooleanFromStringOrBoolean = new t.Type<boolean, boolean, unknown>(
  'BooleanFromStringOrBoolean',
  (u): u is boolean => typeof u === 'boolean',
  (u, c) => {
    if (typeof u === 'boolean') return t.success(u);
    const s = typeof u === 'string' ? u.trim().toLowerCase() : undefined;
    return s === 'true' ? t.success(true) : s === 'false' ? t.success(false) : t.failure(u, c);
  },
  (b) => b,
);

/**
 * The state of an interaction resource (chats, emails, IM sessions, workitems, …); unknown values are kept.
 * @example
 * ```ts
 * import { InteractionState } from 'gws-rx';
 * InteractionState.decode(' Chatting'); // Right('Chatting'); a value not listed decodes too
 * ```
 */
export const InteractionState = trimmedEnum('InteractionState', [
  'Invited',
  'Accepted',
  'Chatting',
  'Talking',
  'Processing',
  'Composing',
  'InWorkbin',
  'Completed',
  'Revoked',
  'JoinFailed',
]);
export type InteractionState = t.TypeOf<typeof InteractionState>;

/**
 * A `notificationType` (StatusChange, ParticipantsUpdated, NewMessages, …); unknown values are kept.
 * @example
 * ```ts
 * import { NotificationType } from 'gws-rx';
 * NotificationType.decode('StatusChange '); // Right('StatusChange'); a value not listed decodes too
 * ```
 */
export const NotificationType = trimmedEnum('NotificationType', [
  'StatusChange',
  'AttachedDataChanged',
  'ParticipantsUpdated',
  'PropertiesUpdated',
  'CallRecordingStateChange',
  'NewMessages',
  'NewMessage',
  'EmailSaved',
  'FacebookSaved',
  'TweetSaved',
  'AttachmentAdded',
  'AttachmentRemoved',
  'Error',
]);
export type NotificationType = t.TypeOf<typeof NotificationType>;

/**
 * The `type` of a transcript message (Text, ParticipantJoined, TypingStarted, …); unknown values are kept.
 * @example
 * ```ts
 * import { TranscriptEventType } from 'gws-rx';
 * TranscriptEventType.decode('TypingStarted'); // Right('TypingStarted'); a value not listed decodes too
 * ```
 */
export const TranscriptEventType = trimmedEnum('TranscriptEventType', [
  'Text',
  'ParticipantJoined',
  'ParticipantLeft',
  'ParticipantRejoined',
  'TypingStarted',
  'TypingStopped',
  'PushUrl',
  'Notice',
]);
export type TranscriptEventType = t.TypeOf<typeof TranscriptEventType>;

/**
 * A literal `messageType`, accepted with stray spaces and, when `aliases` are given, under other spellings; always
 * decoded to `value`.
 */
export const messageTypeLiteral = <V extends string>(
  value: V,
  aliases: readonly string[] = [],
): t.Type<V, V, unknown> =>
  new t.Type<V, V, unknown>(
    value,
    (u): u is V => u === value,
    (u, c) =>
      typeof u === 'string' && (u.trim() === value || aliases.includes(u.trim())) ? t.success(value) : t.failure(u, c),
    (v) => v,
  );

/**
 * `t.array` whose `is` reads every index, holes included, as its validation does (io-ts's `is` uses `every`, which
 * skips holes). JSON never has holes, but arrays built in code can, and the fast path of {@link keepOwnKeys} needs the
 * two to agree. Use it instead of `t.array` in this module's codecs.
 */
export const arrayOf = <C extends t.Mixed>(item: C): t.ArrayC<C> => {
  // eslint-disable-next-line no-restricted-syntax -- the one place that wraps it
  const base = t.array(item);
  return new t.ArrayType(
    base.name,
    (u): u is t.TypeOf<C>[] => {
      if (!Array.isArray(u)) return false;
      for (let i = 0; i < u.length; i++) if (!item.is(u[i])) return false;
      return true;
    },
    base.validate,
    base.encode,
    item,
  );
};

const define = (o: object, k: string, value: unknown): void => {
  Object.defineProperty(o, k, { value, enumerable: true, writable: true, configurable: true });
};

/**
 * Wraps an object codec for the hot path and for hostile keys.
 *
 * - **Fast path.** A check compiled from the codec's structure (see `canonical.ts`) tells whether the input is
 *   already canonical: every `is` in this module holds only for values its codec returns unchanged, and io-ts returns
 *   an unchanged input as is. Such an input is its own decoded value, and io-ts's validation is skipped. Anything
 *   else is validated as usual, so failures keep their full path report. A property test checks both paths agree.
 * - **`__proto__`.** io-ts copies objects with assignment, which would turn a `__proto__` key into the copy's
 *   prototype (no global pollution, but a corrupted value); when a copy is needed this rebuilds it from the input's
 *   own keys only (decoded values where the codec decoded one, the raw value otherwise), so nothing inherited leaks
 *   in.
 */
export const keepOwnKeys = <A, O>(codec: t.Type<A, O, unknown>): t.Type<A, O, unknown> => {
  const canonical = compileCanonical(codec);
  const wrapped = new t.Type<A, O, unknown>(
    codec.name,
    (u): u is A => canonical(u),
    (u, c) => {
      if (fastPath.enabled && canonical(u)) return t.success(u as A);
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
  registerCanonical(wrapped, canonical);
  return wrapped;
};

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
export const ParticipantDetails = t.partial({
  nickname: t.string,
  type: TrimmedString,
  participantId: t.string,
  phoneNumber: t.string,
  digits: t.string,
  e164Number: t.string,
  formattedPhoneNumber: t.string,
});
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
    capabilities: arrayOf(t.string),
    userData: UserData,
    participants: arrayOf(Participant),
    participantsInfo: arrayOf(t.UnknownRecord),
    receivedDate: t.string,
    comment: t.string,
  },
};

/** Builds a resource codec: the common fields plus `extra` optional ones. */
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
 * message's own required and optional fields. Unknown extra fields are kept in the decoded value.
 */
export const message = <V extends string, R extends t.Props, O extends t.Props>(
  messageType: V,
  required: R,
  optional: O,
  aliases: readonly string[] = [],
) =>
  keepOwnKeys(
    t.intersection(
      [
        t.type({ messageType: messageTypeLiteral(messageType, aliases) }),
        t.partial(envelopeProps),
        t.type(required),
        t.partial(optional),
      ],
      messageType,
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
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ErrorMessage extends t.TypeOf<typeof ErrorMessage> {}
