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
 * The current state of every live resource, keyed by list: what `GET /api/v2/me?subresources=*` adds to the user.
 * Ended conversations (e.g. chats Completed, calls Released) are not listed, as on GWS.
 */
export type Snapshot = { readonly [L in SnapshotList]: readonly Resource[] };

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

/** The chat id a `MessageLogUpdated` names. */
const chatIdOfLog = (data: Readonly<Record<string, unknown>>): string | undefined => linkedId(data, chatLinks);

/** The simulator's record of the last state of every resource, fed by what it publishes. @internal */
export class SimState {
  private readonly lists = new Map<Kind, Map<string, Resource>>();
  /** The highest transcript index published for each chat; forgotten when the chat ends. */
  private readonly chatIndex = new Map<string, number>();
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
      for (const m of data.messages as readonly unknown[]) {
        const index = typeof m === 'object' && m !== null ? (m as { index?: unknown }).index : undefined;
        if (typeof index === 'number' && Number.isFinite(index) && index > last) last = index;
      }
      this.chatIndex.set(id, last);
      return;
    }
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
        }
      } else this.list(route.kind).set(resource.id, resource);
    }
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
    return Object.fromEntries(
      lists.map((kind) => [kind, [...(this.lists.get(kind)?.values() ?? [])]]),
    ) as unknown as Snapshot;
  }
}
