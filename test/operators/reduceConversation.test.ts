import { mediaKinds } from '../../src/protocol/media';
import { reduceConversation } from '../../src/operators/reduceConversation';
import type {
  ConversationEvent,
  ConversationKind,
  ConversationState,
  ReduceOptions,
} from '../../src/operators/reduceConversation';

interface Res {
  readonly id: string;
  readonly state?: string;
  readonly userData?: Readonly<Record<string, unknown>>;
}
interface Msg {
  readonly index: number;
  readonly type: string;
  readonly from?: { readonly nickname?: string; readonly participantId?: string; readonly type?: string };
}
type S = ConversationState<Res, Msg>;
type E = ConversationEvent<Res, Msg>;

const ctx = (now = 10): ReduceOptions => ({ kind: 'chat', endStates: ['Completed'], now });
const res = (state: string, extra: Partial<E & { type: 'resource' }> = {}): E => ({
  type: 'resource',
  id: 'c1',
  resource: { id: 'c1', state },
  ...extra,
});
const msgs = (...messages: Msg[]): E => ({ type: 'messages', id: 'c1', messages });
const by = (index: number, type: string, who: string): Msg => ({
  index,
  type,
  from: { nickname: `nick-${who}`, participantId: who, type: 'Agent' },
});
const run = (events: readonly E[], start?: S): S | undefined =>
  events.reduce<S | undefined>((s, e, i) => reduceConversation(s, e, ctx(i)), start);

// Freezes o and everything reachable through own enumerable properties (what NgRx's runtime checks and Immer do),
// optionally stopping at the transcript (whose shared backing array is append-only by design).
const deepFreeze = <T>(o: T, skipTranscript = false): T => {
  if (typeof o === 'object' && o !== null && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const [k, v] of Object.entries(o)) if (!(skipTranscript && k === 'transcript')) deepFreeze(v, skipTranscript);
  }
  return o;
};

describe('reduceConversation', () => {
  test('messages before any state change: undefined (the operator buffers them)', () => {
    expect(reduceConversation<Res, Msg>(undefined, msgs(by(1, 'Text', 'a')), ctx())).toBeUndefined();
  });

  test('a resource event: kind, id, trimmed state, empty transcript, updatedAt from the context clock', () => {
    const s = reduceConversation<Res, Msg>(undefined, res('  Chatting '), ctx(42));
    expect(s).toMatchObject({ kind: 'chat', id: 'c1', state: 'Chatting', ended: false, updatedAt: 42 });
    expect(s?.transcript.length).toBe(0);
    expect(s?.lastError).toBeUndefined();
  });

  test('an end state (after trim) marks ended; a non-string state is undefined and not ended', () => {
    expect(run([res('Completed ')])?.ended).toBe(true);
    const odd: E = { type: 'resource', id: 'c1', resource: { id: 'c1' } };
    expect(run([odd])).toMatchObject({ state: undefined, ended: false });
  });

  test('a later resource keeps the transcript, typing and presence', () => {
    const s = run([res('Chatting'), msgs(by(1, 'ParticipantJoined', 'a'), by(2, 'TypingStarted', 'a')), res('Held')]);
    expect(s?.state).toBe('Held');
    expect(s?.transcript.length).toBe(2);
    expect(s?.typing).toEqual(['a']);
    expect(s?.present.map((p) => p.id)).toEqual(['a']);
  });

  test('typing: started adds once, Text or TypingStopped or leaving clears', () => {
    let s = run([res('Chatting'), msgs(by(1, 'TypingStarted', 'a'), by(2, 'TypingStarted', 'b'))]);
    expect(s?.typing).toEqual(['a', 'b']);
    s = reduceConversation(s, msgs(by(3, 'TypingStarted', 'a')), ctx());
    expect(s?.typing).toEqual(['a', 'b']);
    s = reduceConversation(s, msgs(by(4, 'Text', 'a')), ctx());
    expect(s?.typing).toEqual(['b']);
    s = reduceConversation(s, msgs(by(5, 'TypingStopped', 'b')), ctx());
    expect(s?.typing).toEqual([]);
  });

  test('presence: joined in order with nickname and type; left removes; rejoined comes back once', () => {
    let s = run([res('Chatting'), msgs(by(1, 'ParticipantJoined', 'a'), by(2, 'ParticipantJoined', 'b'))]);
    expect(s?.present).toEqual([
      { id: 'a', nickname: 'nick-a', type: 'Agent' },
      { id: 'b', nickname: 'nick-b', type: 'Agent' },
    ]);
    s = reduceConversation(s, msgs(by(3, 'TypingStarted', 'a'), by(4, 'ParticipantLeft', 'a')), ctx());
    expect(s?.present.map((p) => p.id)).toEqual(['b']);
    expect(s?.typing).toEqual([]);
    s = reduceConversation(s, msgs(by(5, 'ParticipantRejoined', 'a'), by(6, 'ParticipantJoined', 'a')), ctx());
    expect(s?.present.map((p) => p.id)).toEqual(['b', 'a']);
  });

  test('without participantId the nickname identifies the participant', () => {
    const s = run([res('Chatting'), msgs({ index: 1, type: 'TypingStarted', from: { nickname: 'Ann' } })]);
    expect(s?.typing).toEqual(['Ann']);
  });

  test('nothing new (duplicate messages): returns prev itself, so operators emit nothing', () => {
    const s = run([res('Chatting'), msgs(by(1, 'Text', 'a'))]);
    expect(reduceConversation(s, msgs(by(1, 'Text', 'a')), ctx(99))).toBe(s);
  });

  test('late (out-of-order) events are stored but do not change typing or presence', () => {
    const s = run([res('Chatting'), msgs(by(5, 'Text', 'a')), msgs(by(2, 'TypingStarted', 'a'))]);
    expect(s?.transcript.toArray().map((m) => m.index)).toEqual([2, 5]);
    expect(s?.typing).toEqual([]);
  });

  test('notificationType Error records referenceId, message and time; a later success keeps it', () => {
    const s = run([res('Chatting'), res('Chatting', { notificationType: ' Error ', referenceId: 12 })]);
    expect(s?.lastError).toEqual({ referenceId: 12, message: 'operation failed (referenceId 12)', at: 1 });
    const withText = run([res('Chatting', { notificationType: 'Error', errorMessage: 'Not allowed' })]);
    expect(withText?.lastError).toEqual({ referenceId: undefined, message: 'Not allowed', at: 0 });
    expect(reduceConversation(s, res('Held'), ctx(5))?.lastError?.referenceId).toBe(12);
  });

  test('never mutates the previous state (deep-frozen input works and is unchanged)', () => {
    const prev = deepFreeze(
      run([res('Chatting'), msgs(by(1, 'ParticipantJoined', 'a'), by(2, 'TypingStarted', 'a'))]),
      true,
    );
    const before = JSON.stringify({ ...prev, transcript: prev?.transcript.toArray() });
    const next = run([msgs(by(3, 'Text', 'a'), by(4, 'ParticipantLeft', 'a')), res('Completed')], prev);
    expect(next?.ended).toBe(true);
    expect(JSON.stringify({ ...prev, transcript: prev?.transcript.toArray() })).toBe(before);
  });

  // Regression: a state deep-frozen by the app (NgRx strictStateImmutability, Immer autoFreeze) freezes the
  // transcript's shared backing array; appending to it used to throw inside the operator. It now copies.
  test('a fully deep-frozen state (NgRx / Immer) still accepts new messages', () => {
    const prev = deepFreeze(run([res('Chatting'), msgs(by(1, 'Text', 'a'))]));
    const next = reduceConversation(prev, msgs(by(2, 'Text', 'a')), ctx());
    expect(next?.transcript.length).toBe(2);
  });

  test('userData with a __proto__ key (JSON.parse) neither pollutes prototypes nor is lost', () => {
    const resource = JSON.parse('{"id":"c1","state":"Chatting","userData":{"__proto__":{"polluted":true}}}') as Res;
    const s = reduceConversation<Res, Msg>(undefined, { type: 'resource', id: 'c1', resource }, ctx());
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // nothing on the state's prototype chain came from the payload: it ends at Object.prototype, and what is on the
    // way (the class that makes states) has no enumerable properties
    expect((s as unknown as Record<string, unknown>).polluted).toBeUndefined();
    let proto: unknown = Object.getPrototypeOf(s);
    for (; proto !== Object.prototype && proto !== null; proto = Object.getPrototypeOf(proto))
      expect(Object.keys(proto as object)).toEqual([]);
    expect(proto).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(s?.resource.userData, '__proto__')).toBe(true);
  });
});

// With `{ kind }` alone, end states and transcript order come from the registry of media kinds.
describe('reduceConversation options: { kind } uses the registry, endStates overrides it', () => {
  const state = (kind: ConversationKind, st: string, options: Partial<ReduceOptions> = {}): S | undefined =>
    reduceConversation<Res, Msg>(undefined, res(st), { kind, ...options });

  test('a chat ends on Completed, Revoked and JoinFailed (after trim), not on Chatting', () => {
    expect(state('chat', 'JoinFailed')).toMatchObject({ kind: 'chat', state: 'JoinFailed', ended: true });
    expect(state('chat', ' Completed ')?.ended).toBe(true);
    expect(state('chat', 'Revoked')?.ended).toBe(true);
    expect(state('chat', 'Chatting')?.ended).toBe(false);
  });

  test('a call ends on Released only: Completed, a chat end state, does not end it', () => {
    expect(state('call', 'Released')).toMatchObject({ kind: 'call', ended: true });
    expect(state('call', 'Completed')?.ended).toBe(false);
    expect(state('call', 'Held')?.ended).toBe(false);
  });

  test('an IM session ends on Completed, Released or Ended', () => {
    for (const st of ['Completed', 'Released', 'Ended']) expect(state('imSession', st)?.ended).toBe(true);
    expect(state('imSession', 'Revoked')?.ended).toBe(false);
  });

  test('every conversation kind ends on each of its registry end states, and not on another state', () => {
    const kinds = Object.keys(mediaKinds).filter(
      (k): k is ConversationKind => 'endStates' in mediaKinds[k as keyof typeof mediaKinds],
    );
    expect(kinds.sort()).toEqual(
      ['call', 'chat', 'email', 'facebook', 'facebookSession', 'imSession', 'openmedia', 'tweet', 'workitem'].sort(),
    );
    for (const kind of kinds) {
      for (const st of mediaKinds[kind].endStates) expect(state(kind, st)).toMatchObject({ kind, ended: true });
      expect(state(kind, 'Talking')?.ended).toBe(false);
    }
  });

  test('IM keeps arrival order (no index to sort or deduplicate by); a chat orders by index and drops duplicates', () => {
    const arrivals = [by(3, 'Text', 'a'), by(1, 'Text', 'b'), by(3, 'Text', 'a'), by(2, 'Text', 'c')];
    const fold = (kind: ConversationKind) =>
      arrivals
        .reduce<S | undefined>(
          (s, m) => reduceConversation(s, msgs(m), { kind, now: 1 }),
          reduceConversation<Res, Msg>(undefined, res('Chatting'), { kind, now: 0 }),
        )
        ?.transcript.toArray()
        .map((m) => m.index);
    expect(fold('imSession')).toEqual([3, 1, 3, 2]);
    expect(fold('chat')).toEqual([1, 2, 3]);
  });

  test('endStates replaces the kind’s end states (it does not add to them)', () => {
    expect(state('chat', 'Archived', { endStates: ['Archived'] })?.ended).toBe(true);
    expect(state('chat', 'JoinFailed', { endStates: ['Archived'] })?.ended).toBe(false);
    expect(state('call', 'Released', { endStates: [] })?.ended).toBe(false);
  });

  test('endStates keeps the kind’s transcript order', () => {
    const s = [by(2, 'Text', 'a'), by(1, 'Text', 'a')].reduce<S | undefined>(
      (acc, m) => reduceConversation(acc, msgs(m), { kind: 'imSession', endStates: ['Done'] }),
      state('imSession', 'Talking', { endStates: ['Done'] }),
    );
    expect(s?.transcript.toArray().map((m) => m.index)).toEqual([2, 1]);
  });

  test('without now, updatedAt (and lastError.at) read Date.now', () => {
    const now = jest.spyOn(Date, 'now').mockReturnValue(1_700_000_000_000);
    try {
      const s = reduceConversation<Res, Msg>(undefined, res('Chatting', { notificationType: 'Error' }), {
        kind: 'chat',
      });
      expect(s?.updatedAt).toBe(1_700_000_000_000);
      expect(s?.lastError?.at).toBe(1_700_000_000_000);
    } finally {
      now.mockRestore();
    }
  });
});
