// Notification payloads shaped like the seeds' ChatStateChangeMessage / MessageLogUpdated (test/fixtures/seeds.ts).
// The publish time (process.hrtime, nanoseconds, a clock shared by all processes of the machine) travels in the text
// of the transcript message, so every variant reads it the same way.

export const CHANNEL = '/v2/me/chats';

/** @param {string} id @param {string} state */
export function chatState(id, state) {
  return {
    notificationType: 'StatusChange',
    messageType: 'ChatStateChangeMessage',
    chat: {
      userData: { key1: 'value1', key2: 'value2' },
      state,
      capabilities: ['Transfer', 'Leave', 'Invite', 'Complete', 'SendMessage'],
      uri: `http://localhost:8080/api/v2/chats/${id}`,
      participants: [
        { nickname: 'customer', type: 'Customer', participantId: `${id}C` },
        { nickname: 'agent', type: 'Agent', participantId: `${id}A` },
      ],
      id,
    },
    referenceId: 83,
  };
}

/** @param {string} id @param {number} index @param {string} text */
export function chatLog(id, index, text) {
  return {
    notificationType: 'NewMessages',
    messageType: 'MessageLogUpdated',
    messages: [
      {
        index,
        from: { nickname: 'agent', type: 'Agent', participantId: `${id}A` },
        text,
        visibility: 'All',
        timestamp: '2014-01-09 11:58:12.035+0200',
        type: 'Text',
        timestampSeconds: 1389261492035,
      },
    ],
    chatUri: `http://localhost:8080/api/v2/chats/${id}`,
  };
}

export const chatId = (/** @type {number} */ i) => `0000Wa9CAM6W${String(i).padStart(5, '0')}`;

/** Publish time carried in a transcript text. @param {string} text */
export const sentNs = (text) => Number(text.slice(2));
