// Bad input, in process: 100k generated and mutated messages through decodeNotification, and hostile shapes
// through the decoder and the state operators. Nothing throws, nothing is lost, nothing pollutes prototypes.
import fc from 'fast-check';
import { Subject } from 'rxjs';
import { decodeNotification } from '../../src/protocol/decode';
import type { ChatsNotification } from '../../src/protocol/chats';
import { chatConversations } from '../../src/operators/chatConversations';
import { seedChatLog, seedChatState } from '../fixtures/seeds';
import { anyMessage } from './fuzzgen';

const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

test('100k generated + mutated messages: decodeNotification never throws and accounts for every one', () => {
  let decoded = 0;
  let failed = 0;
  fc.assert(
    fc.property(anyMessage, (m) => {
      const r = decodeNotification(m);
      if (r._tag === 'Right') {
        decoded += 1;
        return typeof r.right.channel === 'string' && typeof r.right.data.messageType === 'string';
      }
      failed += 1;
      // a failure keeps the raw message and says what was wrong, with a path
      return r.left.raw === m && r.left.errors.length > 0 && r.left.errors.every((e) => typeof e === 'string');
    }),
    { numRuns: 100_000, seed: 20261123 },
  );
  expect(decoded + failed).toBe(100_000);
  expect(decoded).toBeGreaterThan(1000); // the mutations keep many messages valid: the codecs really ran
  expect(failed).toBeGreaterThan(1000);
});

const chatState = (id: string, extra: Record<string, unknown>): unknown => ({
  channel: '/v2/me/chats',
  data: { ...seedChatState.data, chat: { ...seedChatState.data.chat, id, ...extra } },
});

describe('hostile shapes', () => {
  test('__proto__ / constructor / prototype keys in userData: no pollution, no inherited surprises in state', () => {
    const raw = JSON.parse(
      JSON.stringify(chatState('c1', {})).replace(
        '"userData":{',
        '"userData":{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"},',
      ),
    ) as { data: { chat: { userData: object } } };
    expect(Object.prototype.hasOwnProperty.call(raw.data.chat.userData, '__proto__')).toBe(true);
    const r = decodeNotification(raw);
    expect(r._tag).toBe('Right');
    const source = new Subject<ChatsNotification>();
    const states: unknown[] = [];
    source.pipe(chatConversations()).subscribe((c) => c.state$.subscribe((s) => states.push(s)));
    if (r._tag === 'Right') source.next(r.right.data as ChatsNotification);
    expect(states).toHaveLength(1);
    const state = states[0] as { resource: { userData: Record<string, unknown> } };
    const userData = state.resource.userData;
    // the keys are data, not a prototype: the object's prototype is still Object.prototype (or null)
    const proto: unknown = Object.getPrototypeOf(userData);
    expect(proto === Object.prototype || proto === null).toBe(true);
    expect((userData as { polluted?: unknown }).polluted).toBeUndefined();
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(typeof ({} as { constructor: unknown }).constructor).toBe('function');
  });

  test('1 MB message, deep nesting, non-string ids, huge / negative / fractional indices: decoded or failed', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 5000; i += 1) deep = { d: deep };
    const big = 'x'.repeat(1024 * 1024);
    const log = (index: unknown): unknown => ({
      channel: '/v2/me/chats',
      data: { ...seedChatLog.data, messages: [{ ...(seedChatLog.data.messages[0] as object), index }] },
    });
    const cases: unknown[] = [
      chatState('c-big', { userData: { big } }),
      chatState('c-deep', { userData: { deep } }),
      { channel: '/v2/me/chats', data: deep },
      chatState(42 as unknown as string, {}),
      chatState(null as unknown as string, {}),
      chatState({ toString: () => 'x' } as unknown as string, {}),
      log(Number.MAX_SAFE_INTEGER + 10),
      log(1e308),
      log(-1),
      log(1.5),
      log(Number.NaN),
      log('12abc'),
    ];
    const results = cases.map((m) => decodeNotification(m));
    const tags = results.map((r) => r._tag);
    expect(tags.slice(0, 2)).toEqual(['Right', 'Right']); // big and deep userData are opaque data
    expect(tags.slice(3)).toEqual(Array(cases.length - 3).fill('Left')); // bad ids and indices are refused
    for (const r of results) if (r._tag === 'Left') expect(r.left.errors.join('\n')).toMatch(/\S/);
  });

  test('the chat operator survives a mutated stream: no error, no completion, one state per live chat', () => {
    const source = new Subject<ChatsNotification>();
    const errors: unknown[] = [];
    let completed = false;
    let conversations = 0;
    source.pipe(chatConversations()).subscribe({
      next: (c) => {
        conversations += 1;
        c.state$.subscribe({ error: (e: unknown) => errors.push(e) });
      },
      error: (e: unknown) => errors.push(e),
      complete: () => (completed = true),
    });
    let fed = 0;
    fc.assert(
      fc.property(anyMessage, (m) => {
        const r = decodeNotification(m);
        if (r._tag === 'Right' && r.right.channel === '/v2/me/chats') {
          fed += 1;
          source.next(r.right.data);
        }
      }),
      { numRuns: 20_000, seed: 7 },
    );
    expect(fed).toBeGreaterThan(100);
    expect(conversations).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    expect(completed).toBe(false);
  });
});
