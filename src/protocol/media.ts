import * as t from 'io-ts';
import { BooleanFromStringOrBoolean, TrimmedString, message, resource } from './common';

/** A workitem resource; `id` is required. */
export const Workitem = resource('Workitem', { workitemType: TrimmedString, subject: t.string });
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Workitem extends t.TypeOf<typeof Workitem> {}
/** `WorkitemStateChangeMessage` on `/v2/me/workitems`. */
export const WorkitemStateChangeMessage = message('WorkitemStateChangeMessage', { workitem: Workitem }, {});
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface WorkitemStateChangeMessage extends t.TypeOf<typeof WorkitemStateChangeMessage> {}
/** Every notification on `/v2/me/workitems`. */
export type WorkitemsNotification = WorkitemStateChangeMessage;

/** An OpenMedia interaction resource; `id` is required. */
export const Openmedia = resource('Openmedia', { openmediaType: TrimmedString, mediaType: TrimmedString });
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Openmedia extends t.TypeOf<typeof Openmedia> {}
/** `OpenmediaStateChangeMessage` on `/v2/me/openmedia`. */
export const OpenmediaStateChangeMessage = message('OpenmediaStateChangeMessage', { openmedia: Openmedia }, {});
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface OpenmediaStateChangeMessage extends t.TypeOf<typeof OpenmediaStateChangeMessage> {}
/** Every notification on `/v2/me/openmedia`. */
export type OpenmediaNotification = OpenmediaStateChangeMessage;

/** A Facebook post interaction resource; `id` is required. */
export const Facebook = resource('Facebook', { facebookType: TrimmedString });
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Facebook extends t.TypeOf<typeof Facebook> {}
/** `FacebookStateChangeMessage` on `/v2/me/facebook`. */
export const FacebookStateChangeMessage = message('FacebookStateChangeMessage', { facebook: Facebook }, {});
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FacebookStateChangeMessage extends t.TypeOf<typeof FacebookStateChangeMessage> {}
/** Every notification on `/v2/me/facebook`. */
export type FacebookNotification = FacebookStateChangeMessage;

/** A Facebook private-message session resource; `id` is required. */
export const Facebooksession = resource('Facebooksession', {});
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Facebooksession extends t.TypeOf<typeof Facebooksession> {}
/** `FacebooksessionStateChangeMessage` on `/v2/me/facebooksession`. */
export const FacebooksessionStateChangeMessage = message(
  'FacebooksessionStateChangeMessage',
  { facebooksession: Facebooksession },
  {},
);
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FacebooksessionStateChangeMessage extends t.TypeOf<typeof FacebooksessionStateChangeMessage> {}

/** A tweet interaction resource; `id` is required. */
export const Tweet = resource('Tweet', { tweetType: TrimmedString, twitterType: TrimmedString });
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Tweet extends t.TypeOf<typeof Tweet> {}

const TweetStateChangeWire = message('TweetStateChangeMessage', {}, { tweet: Tweet, twitter: Tweet }, [
  'TwitterStateChangeMessage',
]);
const TweetStateChangeNormalized = message('TweetStateChangeMessage', { tweet: Tweet }, {});

/**
 * `TweetStateChangeMessage` on `/v2/me/twitter`. Also accepts the `TwitterStateChangeMessage` spelling and the
 * `twitter` payload key; both are normalized to `messageType: 'TweetStateChangeMessage'` and `tweet`.
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
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TweetStateChangeMessage extends t.TypeOf<typeof TweetStateChangeMessage> {}

/**
 * `TweetOperationResponse` on `/v2/me/twitter` (also spelled `TwitterOperationResponse`, normalized):
 * `success` arrives as "true"/"false" and is decoded to a boolean.
 */
export const TweetOperationResponse = message('TweetOperationResponse', {}, { success: BooleanFromStringOrBoolean }, [
  'TwitterOperationResponse',
]);
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TweetOperationResponse extends t.TypeOf<typeof TweetOperationResponse> {}

/** Every notification on `/v2/me/twitter`. */
export type TwitterNotification = TweetStateChangeMessage | TweetOperationResponse;
