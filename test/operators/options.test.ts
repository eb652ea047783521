// Operators check their options when they are made: a mistake (an array where the options object belongs, a
// misspelt option, a bad seed, a negative bound) throws a TypeError whose message names the operator and the option,
// instead of being ignored. These calls are what plain JavaScript, or a cast, can hand an operator; TypeScript
// rejects them, hence the `as never`. No test subscribes: making the operator is enough to throw.
import { callConversations } from '../../src/operators/callConversations';
import { chatConversations } from '../../src/operators/chatConversations';
import { deviceStates } from '../../src/operators/deviceStates';
import { emailConversations } from '../../src/operators/emailConversations';
import { facebookConversations } from '../../src/operators/facebookConversations';
import { facebookSessionConversations } from '../../src/operators/facebookSessionConversations';
import { imSessionConversations } from '../../src/operators/imSessionConversations';
import { openmediaConversations } from '../../src/operators/openmediaConversations';
import { serviceStates } from '../../src/operators/serviceStates';
import { tweetConversations } from '../../src/operators/tweetConversations';
import { workbinContents } from '../../src/operators/workbinContents';
import { workitemConversations } from '../../src/operators/workitemConversations';
import { reduceConversation } from '../../src/operators/reduceConversation';

/** What `make` threw (or `undefined`). */
const thrown = (make: () => unknown): unknown => {
  try {
    make();
  } catch (e) {
    return e;
  }
  return undefined;
};

/** `make` throws a TypeError with exactly `message`. */
const expectTypeError = (make: () => unknown, message: string): void => {
  const e = thrown(make);
  expect(e).toBeInstanceOf(TypeError);
  expect((e as Error).message).toBe(message);
};

// Every conversation operator, by the name its messages use. Each takes (options?: ConversationOptions<R>).
const conversationOperators: readonly [string, (options?: never) => unknown][] = [
  ['chatConversations', chatConversations],
  ['callConversations', callConversations],
  ['emailConversations', emailConversations],
  ['workitemConversations', workitemConversations],
  ['openmediaConversations', openmediaConversations],
  ['facebookConversations', facebookConversations],
  ['tweetConversations', tweetConversations],
  ['facebookSessionConversations', facebookSessionConversations],
  ['imSessionConversations', imSessionConversations],
];

const KNOWN = 'endStates, initial, maxPendingMessages, maxPendingConversations, maxEndedIds, scheduler';

describe.each(conversationOperators)('%s options', (name, operator) => {
  const make = (options: unknown) => () => operator(options as never);

  test('an array instead of the options object', () => {
    expectTypeError(
      make([{ id: 'c1' }]),
      `gws-rx ${name}: options must be an object such as { endStates: … }, not an array`,
    );
  });

  test('null or a non-object instead of the options object', () => {
    expectTypeError(make(null), `gws-rx ${name}: options must be an object such as { endStates: … }, not null`);
    expectTypeError(
      make('Completed'),
      `gws-rx ${name}: options must be an object such as { endStates: … }, not string`,
    );
  });

  test('an unknown (misspelt) option names itself and the known ones', () => {
    expectTypeError(make({ endState: ['Done'] }), `gws-rx ${name}: unknown option "endState" (known: ${KNOWN})`);
  });

  test('bad initial: not an array, or items without a string id', () => {
    expectTypeError(make({ initial: { id: 'c1' } }), `gws-rx ${name}: option initial must be an array`);
    expectTypeError(
      make({ initial: [{ id: 'c1' }, { state: 'Chatting' }] }),
      `gws-rx ${name}: option initial must hold objects with a string id`,
    );
    expectTypeError(
      make({ initial: [{ id: 7 }] }),
      `gws-rx ${name}: option initial must hold objects with a string id`,
    );
    expectTypeError(make({ initial: [null] }), `gws-rx ${name}: option initial must hold objects with a string id`);
  });

  test('bounds: negative, fractional, NaN or numeric strings are refused', () => {
    expectTypeError(
      make({ maxPendingMessages: -1 }),
      `gws-rx ${name}: option maxPendingMessages must be a whole number >= 0`,
    );
    expectTypeError(
      make({ maxPendingConversations: 1.5 }),
      `gws-rx ${name}: option maxPendingConversations must be a whole number >= 0`,
    );
    expectTypeError(
      make({ maxEndedIds: Number.NaN }),
      `gws-rx ${name}: option maxEndedIds must be a whole number >= 0`,
    );
    expectTypeError(make({ maxEndedIds: '3' }), `gws-rx ${name}: option maxEndedIds must be a whole number >= 0`);
  });

  test('endStates must be an array of strings; scheduler must have now()', () => {
    expectTypeError(make({ endStates: 'Completed' }), `gws-rx ${name}: option endStates must be an array of strings`);
    expectTypeError(
      make({ endStates: ['Completed', 3] }),
      `gws-rx ${name}: option endStates must be an array of strings`,
    );
    expectTypeError(make({ scheduler: {} }), `gws-rx ${name}: option scheduler must have a now() method`);
    expectTypeError(make({ scheduler: 5 }), `gws-rx ${name}: option scheduler must have a now() method`);
  });

  test('valid options are accepted: none, {}, undefined values, zero bounds, a plain { now } clock', () => {
    for (const options of [
      undefined,
      {},
      { endStates: undefined, initial: undefined },
      { endStates: [], initial: [], maxPendingMessages: 0, maxPendingConversations: 0, maxEndedIds: 0 },
      { initial: [{ id: 'c1', state: 'Chatting' }], scheduler: { now: () => 0 } },
    ])
      expect(thrown(make(options))).toBeUndefined();
  });
});

describe.each([
  ['deviceStates', deviceStates],
  ['serviceStates', serviceStates],
] as const)('%s options', (name, operator) => {
  const make = (options: unknown) => () => operator(options as never);

  test('an array instead of { initial } (the positional form of earlier versions)', () => {
    expectTypeError(
      make([{ id: 'x1' }]),
      `gws-rx ${name}: options must be an object such as { initial: … }, not an array`,
    );
  });

  test('an unknown (misspelt) option', () => {
    expectTypeError(make({ initail: [] }), `gws-rx ${name}: unknown option "initail" (known: initial)`);
    expectTypeError(
      make({ initial: [], maxEndedIds: 3 }),
      `gws-rx ${name}: unknown option "maxEndedIds" (known: initial)`,
    );
  });

  test('bad initial: not an array, or items without a string id', () => {
    expectTypeError(make({ initial: 'x1' }), `gws-rx ${name}: option initial must be an array`);
    expectTypeError(
      make({ initial: [{ state: 'Active' }] }),
      `gws-rx ${name}: option initial must hold objects with a string id`,
    );
  });

  test('valid options are accepted', () => {
    for (const options of [undefined, {}, { initial: undefined }, { initial: [] }, { initial: [{ id: 'x1' }] }])
      expect(thrown(make(options))).toBeUndefined();
  });
});

describe('workbinContents options', () => {
  const make = (options: unknown) => () => workbinContents(options as never);

  test('an array instead of { initial }', () => {
    expectTypeError(
      make([{ id: 'w1', items: [] }]),
      'gws-rx workbinContents: options must be an object such as { initial: … }, not an array',
    );
  });

  test('an unknown (misspelt) option', () => {
    expectTypeError(make({ seeds: [] }), 'gws-rx workbinContents: unknown option "seeds" (known: initial)');
  });

  test('bad initial: not an array, or workbins without a string id or an items array', () => {
    const message = 'gws-rx workbinContents: option initial must be an array of { id, items: [...] }';
    expectTypeError(make({ initial: { id: 'w1', items: [] } }), message);
    expectTypeError(make({ initial: [{ id: 'w1' }] }), message);
    expectTypeError(make({ initial: [{ items: [] }] }), message);
    // a list of items where workbins belong
    expectTypeError(make({ initial: [{ id: 'e1', state: 'InWorkbin' }] }), message);
  });

  test('valid options are accepted', () => {
    for (const options of [undefined, {}, { initial: [] }, { initial: [{ id: 'w1', items: [{ id: 'e1' }] }] }])
      expect(thrown(make(options))).toBeUndefined();
  });
});

describe('other checks', () => {
  test('a scheduler may be any object or function with now(), such as Date', () => {
    expect(thrown(() => chatConversations({ scheduler: Date }))).toBeUndefined();
    expectTypeError(
      () => chatConversations({ scheduler: (() => 1) as never }),
      'gws-rx chatConversations: option scheduler must have a now() method',
    );
  });

  test('reduceConversation refuses a kind that is not a conversation kind', () => {
    const event = { type: 'resource', id: 'd1', resource: { id: 'd1' } } as const;
    expectTypeError(
      () => reduceConversation(undefined, event, { kind: 'device' as never }),
      'gws-rx reduceConversation: "device" is not a conversation kind',
    );
    expectTypeError(
      () => reduceConversation(undefined, event, { kind: 'nope' as never }),
      'gws-rx reduceConversation: "nope" is not a conversation kind',
    );
  });
});
