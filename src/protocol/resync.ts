// What a state read (`GET /api/v2/me?subresources=*`) means to one topic, computed by `syncedTopic` and folded by every
// state operator beside the topic's notifications. Types, and the codec of the one snapshot entry that is no resource
// (a workbin with its items).
import * as t from 'io-ts';
import type { TranscriptMessage } from './common';
import type { MediaKinds, ResourceOf } from './media';
import type { TopicName } from './topics';
import { WorkbinItem } from './workbins';

/**
 * One state read, as it applies to one topic: which resources to put in place, which ids are gone, and the
 * transcript entries the read carried. Emitted by `syncedTopic` after every read that covers the topic's channel,
 * between the topic's notifications; every state operator accepts it.
 *
 * - `resources`: listed by the read and carried by no live notification since the read was requested (those are
 *   newer): put in place, as a state change (a conversation not known yet starts).
 * - `removed`: ids the stream knew to be live that the read no longer lists and that no live notification touched
 *   since the request: the conversation ends (its last resource kept), the Map entry leaves.
 * - `messages`: transcript entries of the listed conversations, by conversation id (indexed transcripts only),
 *   merged by index without duplicates.
 *
 * @example
 * ```ts
 * import type { Chat, Resync, TranscriptMessage } from 'gws-rx';
 * const r: Resync<Chat, TranscriptMessage> = {
 *   messageType: 'Resync',
 *   read: 2,
 *   resources: [{ id: 'c1', state: 'Chatting' }],
 *   removed: ['c0'],
 *   messages: { c1: [{ index: 1, type: 'Text', text: 'hi' }] },
 * };
 * ```
 */
export interface Resync<R, M = never> {
  /** Tells a Resync from the topic's notifications, which all carry a `messageType`. */
  readonly messageType: 'Resync';
  /** The read counter of the `requested` marker and `loaded` snapshot this comes from (`client.snapshots$`). */
  readonly read: number;
  /** Listed by the read and not touched by a live notification since the request: replace (start if unknown). */
  readonly resources: readonly R[];
  /** Ids the read no longer lists and no live notification touched since the request: end / leave the Map. */
  readonly removed: readonly string[];
  /** Transcript entries the read carried, by conversation id. */
  readonly messages?: Readonly<Record<string, readonly M[]>>;
}

/**
 * A workbin as a state read lists it (under `user.workbins`): its id and the interactions in it.
 *
 * @example
 * ```ts
 * import { Workbin } from 'gws-rx';
 * Workbin.decode({ id: 'workbin-personal', items: [{ id: 'email-7', state: 'InWorkbin' }] }); // Right
 * ```
 */
// Pure: an app that never reads workbins' state drops it from its bundle.
export const Workbin = /* @__PURE__ */ t.type(
  { id: t.string, items: /* @__PURE__ */ t.readonlyArray(WorkbinItem) },
  'Workbin',
);
/**
 * A decoded `Workbin`: what the codec of the same name returns.
 *
 * @example
 * ```ts
 * import type { Workbin } from 'gws-rx';
 * const size = (b: Workbin) => b.items.length;
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Workbin extends t.TypeOf<typeof Workbin> {}

/** Where a state read lists workbins (the registry's `workbin` row has no `snapshotList`: its resource is an item). */
export const WORKBINS_LIST = 'workbins';

/**
 * The {@link Resync} of each topic: the resource of its media kind, the transcript entry for indexed transcripts
 * (chats, Facebook sessions), and for `/v2/me/workbins` whole workbins (`Workbin`: id and items).
 *
 * @example
 * ```ts
 * import type { ResyncOf } from 'gws-rx';
 * type ChatResync = ResyncOf<'/v2/me/chats'>; // Resync<Chat, TranscriptMessage>
 * ```
 */
export type ResyncOf<T extends TopicName> = T extends '/v2/me/workbins'
  ? Resync<Workbin>
  : {
      [K in keyof MediaKinds]: MediaKinds[K]['channel'] extends T
        ? Resync<
            ResourceOf<MediaKinds[K]>,
            MediaKinds[K] extends { readonly transcript: { readonly order: 'indexed' } } ? TranscriptMessage : never
          >
        : never;
    }[keyof MediaKinds];
