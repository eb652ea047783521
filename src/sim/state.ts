/** A resource as the simulator stores it: a JSON object with a string `id`. */
export type Resource = Readonly<Record<string, unknown>> & { readonly id: string };

/**
 * The current state of every live resource, keyed by kind: what `GET /api/v2/me?subresources=*` adds to the user.
 * Ended conversations (e.g. chats Completed, calls Released) are not listed, as on GWS.
 */
export interface Snapshot {
  readonly devices: readonly Resource[];
  readonly calls: readonly Resource[];
  readonly chats: readonly Resource[];
  readonly imSessions: readonly Resource[];
  readonly emails: readonly Resource[];
  readonly workitems: readonly Resource[];
  readonly openmedia: readonly Resource[];
  readonly facebook: readonly Resource[];
  readonly facebooksessions: readonly Resource[];
  readonly tweets: readonly Resource[];
  readonly services: readonly Resource[];
}

type Kind = keyof Snapshot;

// messageType → where the resource sits in `data`, which snapshot list it belongs to, and its ended states.
const routes: Readonly<
  Record<string, { readonly key: string; readonly kind: Kind; readonly ended: readonly string[] }>
> = {
  CallStateChangeMessage: { key: 'call', kind: 'calls', ended: ['Released'] },
  ChatStateChangeMessage: { key: 'chat', kind: 'chats', ended: ['Completed', 'Revoked'] },
  IMSessionStateChangeMessage: { key: 'imSession', kind: 'imSessions', ended: ['Completed', 'Released', 'Ended'] },
  EmailStateChangeMessage: { key: 'email', kind: 'emails', ended: ['Completed', 'Revoked'] },
  WorkitemStateChangeMessage: { key: 'workitem', kind: 'workitems', ended: ['Completed', 'Revoked'] },
  OpenmediaStateChangeMessage: { key: 'openmedia', kind: 'openmedia', ended: ['Completed', 'Revoked'] },
  FacebookStateChangeMessage: { key: 'facebook', kind: 'facebook', ended: ['Completed', 'Revoked'] },
  FacebooksessionStateChangeMessage: {
    key: 'facebooksession',
    kind: 'facebooksessions',
    ended: ['Completed', 'Revoked'],
  },
  TweetStateChangeMessage: { key: 'tweet', kind: 'tweets', ended: ['Completed', 'Revoked'] },
  ServiceStateChangeMessage: { key: 'service', kind: 'services', ended: [] },
};

const isResource = (u: unknown): u is Resource =>
  typeof u === 'object' && u !== null && !Array.isArray(u) && typeof (u as { id?: unknown }).id === 'string';

/** The chat id a `MessageLogUpdated` names: the last segment of its `chatUri` (or `chatPath`). */
const chatIdOfLog = (data: Readonly<Record<string, unknown>>): string | undefined => {
  const link = typeof data.chatUri === 'string' ? data.chatUri : data.chatPath;
  if (typeof link !== 'string') return undefined;
  const id = link.slice(link.lastIndexOf('/') + 1);
  return id === '' ? undefined : id;
};

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
    if (data.messageType === 'DeviceStateChangeMessage' && Array.isArray(data.devices)) {
      for (const d of data.devices) if (isResource(d)) this.list('devices').set(d.id, d);
      return;
    }
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
    const route = typeof data.messageType === 'string' ? routes[data.messageType] : undefined;
    if (!route) return;
    const resource = data[route.key];
    if (!isResource(resource)) return;
    const state = typeof resource.state === 'string' ? resource.state.trim() : '';
    if (route.ended.includes(state)) {
      this.list(route.kind).delete(resource.id);
      if (route.kind === 'chats') {
        this.chatIndex.delete(resource.id);
        this.inserted.delete(resource.id);
      }
    } else this.list(route.kind).set(resource.id, resource);
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
    const of = (kind: Kind): readonly Resource[] => [...(this.lists.get(kind)?.values() ?? [])];
    return {
      devices: of('devices'),
      calls: of('calls'),
      chats: of('chats'),
      imSessions: of('imSessions'),
      emails: of('emails'),
      workitems: of('workitems'),
      openmedia: of('openmedia'),
      facebook: of('facebook'),
      facebooksessions: of('facebooksessions'),
      tweets: of('tweets'),
      services: of('services'),
    };
  }
}
