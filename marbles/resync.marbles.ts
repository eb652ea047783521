// A state read's Resync, folded by every state operator beside its topic's notifications: listed resources are put in
// place (a conversation not known yet starts), removed ids end / leave the Map, transcript entries merge by index.
import { map, mergeMap } from 'rxjs';
import { chatConversations } from '../src/operators/chatConversations';
import { callConversations } from '../src/operators/callConversations';
import { deviceStates } from '../src/operators/deviceStates';
import { liveConversations } from '../src/operators/liveConversations';
import { serviceStates } from '../src/operators/serviceStates';
import { workbinContents } from '../src/operators/workbinContents';
import type { Device, DevicesNotification } from '../src/protocol/devices';
import type { ResyncOf } from '../src/protocol/resync';
import type { Service, ServicesNotification } from '../src/protocol/services';
import type { CallsNotification } from '../src/protocol/calls';
import type { WorkbinsNotification } from '../src/protocol/workbins';
import { chatLog, chatState, event, scheduler, text } from './helpers';
import type { ChatNote, Entry } from './helpers';
import { show } from './keyed';

type ChatIn = ChatNote | ResyncOf<'/v2/me/chats'>;
const chatResync = (
  resources: [string, string][],
  removed: string[] = [],
  messages?: Record<string, Entry[]>,
): ResyncOf<'/v2/me/chats'> => ({
  messageType: 'Resync',
  read: 1,
  resources: resources.map(([id, state]) => ({ id, state })),
  removed,
  ...(messages ? { messages } : {}),
});

describe('Resync in chatConversations', () => {
  test('a listed unknown chat starts; a listed known one is replaced; removed ends one, keeping its resource', () => {
    scheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const source = hot<ChatIn>('-a-b----r------|', {
        a: chatState('c1', 'Chatting'),
        b: chatState('c2', 'Invited'),
        r: chatResync(
          [
            ['c2', 'Chatting'],
            ['c3', 'Chatting'],
          ],
          ['c1'],
        ),
      });
      const states = source.pipe(
        chatConversations(),
        mergeMap((c) => c.state$.pipe(map((s) => `${s.id}:${s.state}${s.ended ? '!' : ''}`))),
      );
      expectObservable(states).toBe('-a-b----(xyz)--|', {
        a: 'c1:Chatting',
        b: 'c2:Invited',
        x: 'c2:Chatting',
        y: 'c3:Chatting',
        z: 'c1:Chatting!',
      });
      expectObservable(
        source.pipe(
          chatConversations(),
          liveConversations(),
          map((m) => [...m.keys()].join()),
        ),
      ).toBe('-a-b----(xyz)--|', { a: 'c1', b: 'c1,c2', x: 'c1,c2', y: 'c1,c2,c3', z: 'c2,c3' });
      expectSubscriptions(source.subscriptions).toBe(['^--------------!', '^--------------!']);
    });
  });

  test('removing an unknown id, or an empty Resync, changes nothing', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<ChatIn>('-a-r-e-|', {
        a: chatState('c1', 'Chatting'),
        r: chatResync([], ['nope']),
        e: chatResync([]),
      });
      const states = source.pipe(
        chatConversations(),
        mergeMap((c) => c.state$.pipe(map((s) => s.state))),
      );
      expectObservable(states).toBe('-a-----|', { a: 'Chatting' });
    });
  });

  test('transcript: the read fills the gaps, without duplicates, whatever arrived live before or after', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<ChatIn>('-a-l-r----m-|', {
        a: chatState('c1', 'Chatting'),
        l: chatLog('c1', text(1), text(4)),
        r: chatResync([['c1', 'Chatting']], [], { c1: [text(1), text(2), text(3), text(4)] }),
        m: chatLog('c1', text(4), text(5)),
      });
      const states = source.pipe(
        chatConversations(),
        mergeMap((c) =>
          c.state$.pipe(map((s) => `${[...s.transcript].map((e) => e.index).join()}|${s.transcript.gaps.length}`)),
        ),
      );
      // At r the resource is replaced (one state) and the entries merged (another); m adds only index 5.
      expectObservable(states).toBe('-a-l-(rs)-m-|', {
        a: '|0',
        l: '1,4|1',
        r: '1,4|1',
        s: '1,2,3,4|0',
        m: '1,2,3,4,5|0',
      });
    });
  });

  test('typing and presence follow transcript order when the read brings earlier entries late', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<ChatIn>('-a-l-r-|', {
        a: chatState('c1', 'Chatting'),
        // Live: the customer typed (index 3). The read then brings their join (1) and a text that ended typing (4)
        // out of order: 4 before 1, the typing at 3 is already there.
        l: chatLog('c1', event(3, 'TypingStarted')),
        r: chatResync([], [], { c1: [text(4), event(1, 'ParticipantJoined'), event(2, 'TypingStopped')] }),
      });
      const states = source.pipe(
        chatConversations(),
        mergeMap((c) =>
          c.state$.pipe(map((s) => `typing=${s.typing.join()} present=${s.present.map((p) => p.id).join()}`)),
        ),
      );
      expectObservable(states).toBe('-a-l-r-|', {
        a: 'typing= present=',
        l: 'typing=cust present=',
        r: 'typing= present=cust',
      });
    });
  });

  test('messages of a chat the read does not start are buffered until its first state, like early logs', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<ChatIn>('-r-a-|', {
        r: chatResync([], [], { c9: [text(1)] }),
        a: chatState('c9', 'Chatting'),
      });
      const states = source.pipe(
        chatConversations(),
        mergeMap((c) => c.state$.pipe(map((s) => s.transcript.length))),
      );
      expectObservable(states).toBe('---a-|', { a: 1 });
    });
  });

  test('calls: removed ends the call (no transcript kind)', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<CallsNotification | ResyncOf<'/v2/me/calls'>>('-a-r-|', {
        a: {
          messageType: 'CallStateChangeMessage',
          notificationType: 'StatusChange',
          call: { id: 'k1', state: 'Held' },
        },
        r: { messageType: 'Resync', read: 3, resources: [], removed: ['k1'] },
      });
      const states = source.pipe(
        callConversations(),
        mergeMap((c) => c.state$.pipe(map((s) => `${s.state}${s.ended ? '!' : ''}`))),
      );
      expectObservable(states).toBe('-a-r-|', { a: 'Held', r: 'Held!' });
    });
  });
});

describe('Resync in the Map operators', () => {
  const dev = (id: string, state: string): Device => ({ id, deviceState: 'Active', userState: { state } });
  test('deviceStates: listed replace, removed leave; one emission per Resync, none when nothing changes', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<DevicesNotification | ResyncOf<'/v2/me/devices'>>('-a-r-s-|', {
        a: { messageType: 'DeviceStateChangeMessage', devices: [dev('d1', 'Ready'), dev('d2', 'Ready')] },
        r: { messageType: 'Resync', read: 1, resources: [dev('d1', 'NotReady'), dev('d3', 'Ready')], removed: ['d2'] },
        s: { messageType: 'Resync', read: 2, resources: [], removed: ['d2'] },
      });
      expectObservable(
        source.pipe(
          deviceStates(),
          map((m) => show(m, (d) => d.userState?.state ?? '?')),
        ),
      ).toBe('-a-r---|', { a: 'd1=Ready,d2=Ready', r: 'd1=NotReady,d3=Ready' });
    });
  });

  test('serviceStates: a removed service leaves the Map', () => {
    const svc = (id: string, state: string): Service => ({ id, name: id, type: 'Voice', state });
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<ServicesNotification | ResyncOf<'/notifications/services'>>('-a-b-r-|', {
        a: { messageType: 'ServiceStateChangeMessage', service: svc('s1', 'Active') },
        b: { messageType: 'ServiceStateChangeMessage', service: svc('s2', 'Active') },
        r: { messageType: 'Resync', read: 1, resources: [svc('s1', 'Inactive')], removed: ['s2'] },
      });
      expectObservable(
        source.pipe(
          serviceStates(),
          map((m) => show(m, (s) => String(s.state))),
        ),
      ).toBe('-a-b-r-|', {
        a: 's1=Active',
        b: 's1=Active,s2=Active',
        r: 's1=Inactive',
      });
    });
  });

  test('workbinContents: a listed workbin replaces its items, a removed one leaves', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<WorkbinsNotification | ResyncOf<'/v2/me/workbins'>>('-a-b-r-|', {
        a: { messageType: 'WorkbinStateChangeMessage', id: 'wb1', action: 'ItemAdded', item: { id: 'e1' } },
        b: { messageType: 'WorkbinStateChangeMessage', id: 'wb2', action: 'ItemAdded', item: { id: 'e2' } },
        r: {
          messageType: 'Resync',
          read: 1,
          resources: [{ id: 'wb1', items: [{ id: 'e3' }, { id: 'e4' }] }],
          removed: ['wb2'],
        },
      });
      const view = (m: ReadonlyMap<string, ReadonlyMap<string, unknown>>): string =>
        show(m, (items) => [...items.keys()].join('+'));
      expectObservable(source.pipe(workbinContents(), map(view))).toBe('-a-b-r-|', {
        a: 'wb1=e1',
        b: 'wb1=e1,wb2=e2',
        r: 'wb1=e3+e4',
      });
    });
  });
});
