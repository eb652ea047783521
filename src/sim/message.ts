/**
 * A Bayeux message the simulator sends: a channel and its `data`.
 *
 * @example
 * ```ts
 * import type { SimMessage } from 'gws-rx/sim';
 * const m: SimMessage = { channel: '/v2/me/chats', data: { messageType: 'ChatStateChangeMessage', chat: { id: 'c1' } } };
 * sim.publish(m.channel, m.data);
 * ```
 */
export interface SimMessage {
  readonly channel: string;
  readonly data: Readonly<Record<string, unknown>>;
}
