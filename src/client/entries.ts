import type { Subject } from 'rxjs';
import { readerOf, validateData } from '../protocol/decode';
import type { CanonicalReader, DecodeFailure } from '../protocol/decode';
import { isTopicName } from '../protocol/topics';
import type { TopicName } from '../protocol/topics';
import { Fanout } from '../rx/fanout';
import type { BayeuxMessage, CometDHandle } from './port';

/**
 * One wanted channel of a client: its subscribers, how many there are, and its Bayeux subscription.
 * @internal
 */
export interface Entry {
  readonly channel: string;
  refs: number;
  /** The Bayeux subscription made for it in the current or an earlier session, if any. */
  handle: CometDHandle | undefined;
  readonly raw: Fanout<unknown>;
  readonly decoded: Fanout<unknown>;
  /** Whether the channel is a gws-rx topic (`topic()` decodes it). */
  readonly topic: boolean;
  /** The topic's canonical-payload reader, where the fast path is installed (the Node entry), else `undefined`. */
  readonly read: CanonicalReader<TopicName> | undefined;
  /** The client's `decodeFailures$`. */
  readonly failures: Subject<DecodeFailure>;
}

/**
 * Hands one Bayeux message to a channel's subscribers. It is the hot path, so it lives at module level and reads
 * everything from `entry`: code V8 optimizes here is shared by every client, and not thrown away when a client that
 * owned a closure it was built around is collected.
 *
 * @example
 * ```ts
 * entry.handle = port.subscribe(entry.channel, (m) => deliver(entry, m));
 * ```
 * @internal
 */
export function deliver(entry: Entry, m: BayeuxMessage): void {
  if (entry.raw.observed) entry.raw.next(m.data);
  if (!entry.topic || !entry.decoded.observed) return;
  // The usual case allocates nothing: a canonical payload is delivered as it came.
  const canonical = entry.read?.(m.data);
  if (canonical !== undefined) return entry.decoded.next(canonical);
  const result = validateData(entry.channel as TopicName, m.data, m);
  if (result._tag === 'Left') entry.failures.next(result.left);
  else entry.decoded.next(result.right);
}

/**
 * The reference counts of a client's channels: the first `acquire` of a channel makes its entry, the last `release`
 * removes it. Which Bayeux subscriptions to make or undo is the session machine's call, not this book's.
 *
 * @example
 * ```ts
 * const book = new Entries(decodeFailures$);
 * const [entry, created] = book.acquire('/v2/me/chats'); // created: true
 * book.release(entry); // true: that was the last reference, the entry is gone
 * ```
 * @internal
 */
export class Entries {
  private readonly map = new Map<string, Entry>();

  constructor(private readonly failures: Subject<DecodeFailure>) {}

  /** The entry of a channel that has subscribers. */
  get(channel: string): Entry | undefined {
    return this.map.get(channel);
  }

  /** One more subscriber of `channel`; returns its entry and whether it was just made. */
  acquire(channel: string): [Entry, boolean] {
    let entry = this.map.get(channel);
    const created = entry === undefined;
    if (!entry) {
      entry = {
        channel,
        refs: 0,
        handle: undefined,
        raw: new Fanout(),
        decoded: new Fanout(),
        topic: isTopicName(channel),
        read: isTopicName(channel) ? readerOf(channel) : undefined,
        failures: this.failures,
      };
      this.map.set(channel, entry);
    }
    entry.refs += 1;
    return [entry, created];
  }

  /** One subscriber fewer; true when it was the last one (the entry is removed and forgets its handle). */
  release(entry: Entry): boolean {
    entry.refs -= 1;
    if (entry.refs > 0) return false;
    if (this.map.get(entry.channel) === entry) this.map.delete(entry.channel);
    entry.handle = undefined;
    return true;
  }

  /** Completes every subscriber of every channel and forgets them all. */
  completeAll(): void {
    for (const entry of this.map.values()) {
      entry.raw.complete();
      entry.decoded.complete();
    }
    this.map.clear();
  }
}
