// Entries: the per-channel reference counts behind cold, shared topics.
import { Subject } from 'rxjs';
import { Entries } from '../../src/client/entries';
import type { DecodeFailure } from '../../src/protocol/decode';

describe('Entries', () => {
  test('the first acquire makes the entry, later ones share it; the last release removes it', () => {
    const book = new Entries(new Subject<DecodeFailure>());
    const [a, created] = book.acquire('/v2/me/chats');
    const [b, again] = book.acquire('/v2/me/chats');
    expect([created, again]).toEqual([true, false]);
    expect(b).toBe(a);
    expect(a.refs).toBe(2);
    a.handle = {};
    expect(book.release(a)).toBe(false);
    expect(book.get('/v2/me/chats')).toBe(a);
    expect(book.release(a)).toBe(true);
    expect(book.get('/v2/me/chats')).toBeUndefined();
    expect(a.handle).toBeUndefined();
    const [c, fresh] = book.acquire('/v2/me/chats');
    expect(fresh).toBe(true);
    expect(c).not.toBe(a);
  });

  test('a topic gets its reader, any other channel none', () => {
    const book = new Entries(new Subject<DecodeFailure>());
    expect(book.acquire('/v2/me/chats')[0].read).toBeDefined();
    expect(book.acquire('/service/x')[0].read).toBeUndefined();
  });

  test('completeAll completes every subscriber and forgets every entry', () => {
    const book = new Entries(new Subject<DecodeFailure>());
    const [entry] = book.acquire('/x');
    let completed = 0;
    const subscriber = { complete: () => (completed += 1) } as never;
    entry.raw.add(subscriber);
    entry.decoded.add(subscriber);
    book.completeAll();
    expect(completed).toBe(2);
    expect(book.get('/x')).toBeUndefined();
  });
});
