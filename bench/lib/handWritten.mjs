// The hand-written chat handler the benches compare gws-rx with: chats kept in mutable Maps, each notification
// applied in place (what a user could reach by hand, with no immutable states and no decoding).
import { CHANNEL } from './shapes.mjs';

/** @typedef {{ id: string, state: string, chat: any, transcript: any[] }} HandChat */

/**
 * A handler for `/v2/me/chats` payloads: a state change creates or updates the chat's record (a Completed one is
 * forgotten), a transcript update appends the messages newer than the last one; messages of a chat not seen yet wait
 * for its first state change. `changed` hears each chat a payload changed.
 * @param {(chat: HandChat) => void} changed
 * @returns {(data: any) => void}
 */
export function handWrittenChats(changed) {
  /** @type {Map<string, HandChat>} */
  const chats = new Map();
  /** @type {Map<string, any[]>} */
  const early = new Map();
  return (d) => {
    if (d.messageType === 'ChatStateChangeMessage') {
      const id = d.chat.id;
      let c = chats.get(id);
      if (!c) {
        c = { id, state: d.chat.state, chat: d.chat, transcript: early.get(id) ?? [] };
        early.delete(id);
        chats.set(id, c);
      }
      c.state = d.chat.state;
      c.chat = d.chat;
      if (c.state === 'Completed') chats.delete(id);
      changed(c);
    } else if (d.messageType === 'MessageLogUpdated') {
      const uri = d.chatUri;
      const id = uri.slice(uri.lastIndexOf('/') + 1);
      const c = chats.get(id);
      const t = c ? c.transcript : (early.get(id) ?? early.set(id, []).get(id));
      for (const e of d.messages) if (t.length === 0 || t[t.length - 1].index < e.index) t.push(e);
      if (c) changed(c);
    }
  };
}

/** The same for wire strings: parsed, and those of other channels or without an object payload skipped. */
export const handWrittenWire = (/** @type {(chat: HandChat) => void} */ changed) => {
  const apply = handWrittenChats(changed);
  return (/** @type {string} */ s) => {
    const m = JSON.parse(s);
    if (m.channel === CHANNEL && typeof m.data === 'object' && m.data !== null) apply(m.data);
  };
};
