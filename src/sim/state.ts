import { mediaKinds } from '../protocol/media';
import type { MediaKind, MediaKinds } from '../protocol/media';
import { linkedId } from '../protocol/links';
import { isRecord } from '../protocol/canonical';

/** A resource as the simulator stores it: a JSON object with a string `id`. */
export type Resource = Readonly<Record<string, unknown>> & { readonly id: string };

/** The lists of the user object in `GET /api/v2/me?subresources=*`, one per media kind that has one. */
export type SnapshotList = {
  [K in keyof MediaKinds]: MediaKinds[K] extends { readonly snapshotList: infer L extends string } ? L : never;
}[keyof MediaKinds];

/**
 * A transcript entry as published: one element of a `MessageLogUpdated`'s `messages`, with a numeric `index`.
 *
 * @example
 * ```ts
 * import type { TranscriptEntry } from 'gws-rx/sim';
 * const texts = (entries: readonly TranscriptEntry[]) => entries.map((e) => `${e.index}: ${String(e.text)}`);
 * ```
 */
export type TranscriptEntry = Readonly<Record<string, unknown>> & { readonly index: number };

/**
 * A live chat in the snapshot: its last resource plus `messages`, its transcript so far in index order.
 *
 * @example
 * ```ts
 * import type { LiveChat } from 'gws-rx/sim';
 * const lastIndex = (chat: LiveChat) => chat.messages.at(-1)?.index ?? 0;
 * ```
 */
export type LiveChat = Resource & { readonly messages: readonly TranscriptEntry[] };

/**
 * A workbin in the snapshot: its id and the interactions in it (as last added or updated).
 *
 * @example
 * ```ts
 * import type { WorkbinSnapshot } from 'gws-rx/sim';
 * const count = (bins: readonly WorkbinSnapshot[]) => bins.reduce((n, b) => n + b.items.length, 0);
 * ```
 */
export interface WorkbinSnapshot {
  /** The workbin id (the `id` of its `WorkbinStateChangeMessage`s). */
  readonly id: string;
  /** Its items, each a resource with an `id`. */
  readonly items: readonly Resource[];
}

/**
 * The current state of every live resource, keyed by list: what `GET /api/v2/me?subresources=*` adds to the user.
 * Ended conversations (e.g. chats Completed, calls Released) are not listed, as on GWS. Each chat carries its
 * transcript so far (`messages`, one entry per index, in index order), and `workbins` lists every workbin an item
 * was put into, with its current items.
 */
export type Snapshot = { readonly [L in Exclude<SnapshotList, 'chats'>]: readonly Resource[] } & {
  readonly chats: readonly LiveChat[];
  readonly workbins: readonly WorkbinSnapshot[];
};

type Kind = SnapshotList;

/** Where a state-change message of one media kind puts its resource(s), its snapshot list, and its end states. */
interface Route {
  readonly key: string;
  readonly many: boolean;
  readonly kind: Kind;
  readonly ended: readonly string[];
}

// messageType → route, for every media kind the snapshot lists (from the registry of media kinds).
const routes: ReadonlyMap<string, Route> = new Map(
  (Object.values(mediaKinds) as readonly MediaKind[]).flatMap((k): [string, Route][] =>
    k.snapshotList === undefined
      ? []
      : [
          [
            k.stateMessage,
            { key: k.resourceKey, many: k.many === true, kind: k.snapshotList as Kind, ended: k.endStates ?? [] },
          ],
        ],
  ),
);
const lists: readonly Kind[] = [...new Set([...routes.values()].map((r) => r.kind))];
const chatLinks = mediaKinds.chat.transcript.linkKeys;

const isResource = (u: unknown): u is Resource => isRecord(u) && typeof u.id === 'string';
const isEntry = (u: unknown): u is TranscriptEntry =>
  isRecord(u) && typeof u.index === 'number' && Number.isFinite(u.index);

const WORKBIN_MESSAGE = mediaKinds.workbin.stateMessage;
/** Where a `WorkbinStateChangeMessage` holds its interaction: `emailStateResourceV2`, `chatStateResourceV2`, … */
const WORKBIN_ITEM_KEY = /StateResourceV2$/;

/** The chat id a `MessageLogUpdated` names. */
const chatIdOfLog = (data: Readonly<Record<string, unknown>>): string | undefined => linkedId(data, chatLinks);

/** The simulator's record of the last state of every resource, fed by what it publishes. @internal */
export class SimState {
  private readonly lists = new Map<Kind, Map<string, Resource>>();
  /** The highest transcript index published for each chat; forgotten when the chat ends. */
  private readonly chatIndex = new Map<string, number>();
  /** Each chat's transcript by index (the first entry published for an index stays); forgotten when the chat ends. */
  private readonly transcripts = new Map<string, Map<number, TranscriptEntry>>();
  /** Workbin id → item id → item. */
  private readonly workbins = new Map<string, Map<string, Resource>>();
  /** How many transcript entries operations added to each chat; forgotten when the chat ends. */
  private readonly inserted = new Map<string, number>();

  private list(kind: Kind): Map<string, Resource> {
    let m = this.lists.get(kind);
    if (!m) {
      m = new Map();
      this.lists.set(kind, m);
    }
    return m;
  }

  apply(_channel: string, data: Readonly<Record<string, unknown>>): void {
    if (data.messageType === 'MessageLogUpdated' && Array.isArray(data.messages)) {
      const id = chatIdOfLog(data);
      if (id === undefined) return;
      let last = this.chatIndex.get(id) ?? 0;
      let transcript = this.transcripts.get(id);
      for (const m of data.messages as readonly unknown[]) {
        if (!isEntry(m)) continue;
        if (m.index > last) last = m.index;
        if (!transcript) this.transcripts.set(id, (transcript = new Map()));
        if (!transcript.has(m.index)) transcript.set(m.index, m);
      }
      this.chatIndex.set(id, last);
      return;
    }
    if (data.messageType === WORKBIN_MESSAGE) return this.applyWorkbin(data);
    const route = typeof data.messageType === 'string' ? routes.get(data.messageType) : undefined;
    if (!route) return;
    const value = data[route.key];
    const resources = route.many ? (Array.isArray(value) ? (value as readonly unknown[]) : []) : [value];
    for (const resource of resources) {
      if (!isResource(resource)) continue;
      const state = typeof resource.state === 'string' ? resource.state.trim() : '';
      if (route.ended.includes(state)) {
        this.list(route.kind).delete(resource.id);
        if (route.kind === 'chats') {
          this.chatIndex.delete(resource.id);
          this.inserted.delete(resource.id);
          this.transcripts.delete(resource.id);
        }
      } else this.list(route.kind).set(resource.id, resource);
    }
  }

  /** `ItemAdded` / `ItemUpdated` put the item into its workbin, `ItemRemoved` takes it out; other actions change nothing. */
  private applyWorkbin(data: Readonly<Record<string, unknown>>): void {
    const key = Object.keys(data).find((k) => WORKBIN_ITEM_KEY.test(k));
    const item = key === undefined ? undefined : data[key];
    if (typeof data.id !== 'string' || !isResource(item)) return;
    const action = typeof data.action === 'string' ? data.action.trim() : '';
    let bin = this.workbins.get(data.id);
    if (action === 'ItemRemoved') bin?.delete(item.id);
    else if (action === 'ItemAdded' || action === 'ItemUpdated') {
      if (!bin) this.workbins.set(data.id, (bin = new Map()));
      bin.set(item.id, item);
    }
  }

  /**
   * The transcript of chat `id` so far: one entry per index (the first published), in index order, as published
   * (after renumbering). Empty for an unknown chat; an ended chat's is forgotten.
   */
  transcript(id: string): readonly TranscriptEntry[] {
    const t = this.transcripts.get(id);
    return t ? [...t.values()].sort((a, b) => a.index - b.index) : [];
  }

  /** The live resource of `kind` with this id, if any (ended ones are gone). */
  get(kind: Kind, id: string): Resource | undefined {
    return this.lists.get(kind)?.get(id);
  }

  /** Records that an operation added `count` transcript entries to chat `id` (see {@link SimState.renumber}). */
  noteInserted(id: string, count: number): void {
    this.inserted.set(id, (this.inserted.get(id) ?? 0) + count);
  }

  /**
   * A scripted `MessageLogUpdated` for a chat that operations added entries to, with every index moved past them
   * (by how many were added), so scripted and operated messages never share an index; anything else as is.
   */
  renumber(data: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
    if (this.inserted.size === 0 || data.messageType !== 'MessageLogUpdated' || !Array.isArray(data.messages))
      return data;
    const id = chatIdOfLog(data);
    const shift = id === undefined ? 0 : (this.inserted.get(id) ?? 0);
    if (shift === 0) return data;
    const messages = (data.messages as readonly unknown[]).map((m) => {
      const index = typeof m === 'object' && m !== null ? (m as { index?: unknown }).index : undefined;
      return typeof index === 'number' ? { ...(m as Record<string, unknown>), index: index + shift } : m;
    });
    return { ...data, messages };
  }

  /** The highest transcript index published so far for chat `id` (0 when none). */
  lastChatIndex(id: string): number {
    return this.chatIndex.get(id) ?? 0;
  }

  snapshot(): Snapshot {
    const out: Record<string, unknown> = Object.fromEntries(
      lists.map((kind) => [kind, [...(this.lists.get(kind)?.values() ?? [])]]),
    );
    out.chats = [...(this.lists.get('chats')?.values() ?? [])].map((chat): LiveChat => ({
      ...chat,
      messages: this.transcript(chat.id),
    }));
    out.workbins = [...this.workbins].map(([id, items]): WorkbinSnapshot => ({ id, items: [...items.values()] }));
    return out as Snapshot;
  }
}
