import * as t from 'io-ts';
import { BooleanFromStringOrBoolean, TrimmedString, message, resource } from './common';

/**
 * A tweet interaction resource; `id` is required.
 * @example
 * ```ts
 * import { Tweet } from 'gws-rx';
 * Tweet.decode({ id: 't1', tweetType: 'Mention' }); // Right
 * ```
 */
export const Tweet = resource('Tweet', { tweetType: TrimmedString, twitterType: TrimmedString });
/**
 * A decoded `Tweet`: what the codec of the same name returns.
 *
 * @example
 * ```ts
 * import type { Tweet } from 'gws-rx';
 * const describe = (x: Tweet) => JSON.stringify(x);
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Tweet extends t.TypeOf<typeof Tweet> {}

// Two codecs of one message type: the wire form needs a name of its own (generated checks are keyed by name).
const TweetStateChangeWire = message(
  'TweetStateChangeMessage',
  {},
  { tweet: Tweet, twitter: Tweet },
  ['TwitterStateChangeMessage'],
  'TweetStateChangeWire',
);
const TweetStateChangeNormalized = message('TweetStateChangeMessage', { tweet: Tweet }, {});

/**
 * `TweetStateChangeMessage` on `/v2/me/twitter`. Also accepts the `TwitterStateChangeMessage` spelling and the
 * `twitter` payload key; both are normalized to `messageType: 'TweetStateChangeMessage'` and `tweet`.
 * @example
 * ```ts
 * import { TweetStateChangeMessage } from 'gws-rx';
 * TweetStateChangeMessage.decode({ messageType: 'TwitterStateChangeMessage', twitter: { id: 't1' } }); // Right({ messageType: 'TweetStateChangeMessage', tweet: { id: 't1' } })
 * ```
 */
export const TweetStateChangeMessage = new t.Type<t.TypeOf<typeof TweetStateChangeNormalized>, unknown, unknown>(
  'TweetStateChangeMessage',
  TweetStateChangeNormalized.is,
  (u, c) => {
    const wire = TweetStateChangeWire.validate(u, c);
    if (wire._tag === 'Left') return wire;
    const { twitter, tweet, ...rest } = wire.right;
    const payload = tweet ?? twitter;
    return payload === undefined ? t.failure(u, c) : t.success({ ...rest, tweet: payload });
  },
  (a) => a,
);
/**
 * A decoded `TweetStateChangeMessage`: what the codec of the same name returns.
 *
 * @example
 * ```ts
 * import type { TweetStateChangeMessage } from 'gws-rx';
 * const describe = (x: TweetStateChangeMessage) => JSON.stringify(x);
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TweetStateChangeMessage extends t.TypeOf<typeof TweetStateChangeMessage> {}

/**
 * `TweetOperationResponse` on `/v2/me/twitter` (also spelled `TwitterOperationResponse`, normalized):
 * `success` arrives as "true"/"false" and is decoded to a boolean.
 * @example
 * ```ts
 * import { TweetOperationResponse } from 'gws-rx';
 * TweetOperationResponse.decode({ messageType: 'TwitterOperationResponse', referenceId: 5, success: 'true' }); // Right, messageType 'TweetOperationResponse', success true
 * ```
 */
export const TweetOperationResponse = message('TweetOperationResponse', {}, { success: BooleanFromStringOrBoolean }, [
  'TwitterOperationResponse',
]);
/**
 * A decoded `TweetOperationResponse`: what the codec of the same name returns.
 *
 * @example
 * ```ts
 * import type { TweetOperationResponse } from 'gws-rx';
 * const describe = (x: TweetOperationResponse) => JSON.stringify(x);
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TweetOperationResponse extends t.TypeOf<typeof TweetOperationResponse> {}

/** Every notification on `/v2/me/twitter`. */
export type TwitterNotification = TweetStateChangeMessage | TweetOperationResponse;
