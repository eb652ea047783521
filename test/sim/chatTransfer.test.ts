// The simulator's chat Transfer, without HTTP: its parameters (one target, text-only options) and the notifications
// it causes (the agent's text, the agent leaving, the chat Completed without the agent; an Error for an unknown target).
import { chatOperations, isReply, operationNotifications, parseRequest } from '../../src/sim/operations';
import type { OperationContext, ParsedOperation } from '../../src/sim/operations';
import { SIM_QUEUES } from '../../src/sim/ops/chats';
import { decodeNotification } from '../../src/protocol/decode';

const now = Date.UTC(2026, 0, 5, 9, 30, 1, 7);
const agent = { nickname: 'Agent A', type: 'Agent', participantId: 'P-AGENT' };
const other = { nickname: 'Agent B', type: 'Agent', participantId: 'P-OTHER' };
const customer = { nickname: 'Alice', type: 'Customer', participantId: 'P-CUST' };
const chat = {
  id: 'c1',
  state: 'Chatting',
  uri: 'http://gws/api/v2/chats/c1',
  participants: [customer, agent],
  capabilities: ['Transfer', 'Leave', 'Complete'],
};
const ctx = (extra: Partial<Omit<OperationContext, 'params'>> = {}): Omit<OperationContext, 'params'> => ({
  resource: chat,
  referenceId: 42,
  lastIndex: 6,
  username: 'agent1',
  userIds: ['user-agent1', 'user-agent2'],
  baseUrl: 'http://127.0.0.1:5555',
  now,
  ...extra,
});
const parse = (body: Record<string, unknown>): ParsedOperation => {
  const parsed = parseRequest(chatOperations, JSON.stringify({ operationName: 'Transfer', ...body }));
  if (isReply(parsed)) throw new Error(`refused: ${JSON.stringify(parsed.body)}`);
  return parsed;
};
const refusal = (body: Record<string, unknown>) => {
  const parsed = parseRequest(chatOperations, JSON.stringify({ operationName: 'Transfer', ...body }));
  return isReply(parsed) ? { status: parsed.status, ...parsed.body } : parsed;
};
const transfer = (body: Record<string, unknown>, extra?: Partial<Omit<OperationContext, 'params'>>) =>
  operationNotifications(chatOperations, parse(body), ctx(extra));

describe('the simulator parses a Transfer', () => {
  test('to a user URL or to a queue, with text and its options', () => {
    expect(parse({ targetUri: 'http://gws:8080/api/v2/users/user-agent2' }).params).toEqual({
      targetUri: 'http://gws:8080/api/v2/users/user-agent2',
      userId: 'user-agent2',
    });
    expect(parse({ queueName: 'test-queue', text: 'One moment', messageType: 'Text', treatAs: 'System' })).toEqual({
      name: 'Transfer',
      params: { queueName: 'test-queue', text: 'One moment', messageType: 'Text', treatAs: 'System' },
    });
  });

  test('neither target is statusCode 1; both, a non-user URL, options without text or a bad treatAs are 2', () => {
    expect(refusal({})).toEqual({
      status: 400,
      statusCode: 1,
      statusMessage: 'Parameter targetUri or queueName is missing',
    });
    expect(refusal({ queueName: 'test-queue', targetUri: 'http://gws/api/v2/users/u2' })).toEqual({
      status: 400,
      statusCode: 2,
      statusMessage: 'Give one of targetUri, queueName, not both',
    });
    expect(refusal({ targetUri: 'http://gws/api/v2/queues/q' })).toMatchObject({ status: 400, statusCode: 2 });
    expect(refusal({ targetUri: 'http://gws/api/v2/users/%E0' })).toMatchObject({ status: 400, statusCode: 2 });
    expect(refusal({ queueName: '' })).toMatchObject({ status: 400, statusCode: 2 });
    expect(refusal({ queueName: 7 })).toMatchObject({ status: 400, statusCode: 2 });
    expect(refusal({ queueName: 'test-queue', messageType: 'Text' })).toEqual({
      status: 400,
      statusCode: 2,
      statusMessage: 'Parameters messageType and treatAs go only with text',
    });
    expect(refusal({ queueName: 'test-queue', text: 'hi', treatAs: 'Loud' })).toMatchObject({ statusCode: 2 });
  });
});

describe('the notifications of a Transfer', () => {
  test('to a queue with text: the text entry, the ParticipantLeft entry, then the chat Completed without the agent', () => {
    const out = transfer({ queueName: 'test-queue', text: 'A colleague takes over', messageType: 'Text' });
    expect(out.map((m) => decodeNotification(m)._tag)).toEqual(['Right', 'Right', 'Right']);
    expect(out[0]?.data).toMatchObject({
      messageType: 'MessageLogUpdated',
      chatUri: chat.uri,
      messages: [{ index: 7, type: 'Text', text: 'A colleague takes over', messageType: 'Text', from: agent }],
    });
    expect(out[1]?.data).toMatchObject({
      messageType: 'MessageLogUpdated',
      messages: [{ index: 8, type: 'ParticipantLeft', from: agent }],
    });
    expect(out[2]?.data).toEqual({
      messageType: 'ChatStateChangeMessage',
      notificationType: 'StatusChange',
      referenceId: 42,
      chat: { ...chat, state: 'Completed', capabilities: [], participants: [customer] },
    });
  });

  test('to another user without text: ParticipantLeft at the next index; only the transferring agent leaves', () => {
    const out = transfer(
      { targetUri: 'http://127.0.0.1:5555/api/v2/users/user-agent2' },
      { resource: { ...chat, participants: [customer, agent, other] } },
    );
    expect(out.map((m) => m.data.messageType)).toEqual(['MessageLogUpdated', 'ChatStateChangeMessage']);
    expect(out[0]?.data).toMatchObject({ messages: [{ index: 7, type: 'ParticipantLeft', from: agent }] });
    expect(out[1]?.data.chat).toMatchObject({ state: 'Completed', participants: [customer, other] });
  });

  test('every queue the simulator knows takes a transfer', () => {
    expect(SIM_QUEUES).toContain('test-queue');
    for (const queueName of SIM_QUEUES)
      expect(transfer({ queueName }).at(-1)?.data).toMatchObject({ chat: { state: 'Completed' } });
  });

  test('an unknown queue or user, or the agent itself: an Error on the unchanged chat, errorCode 2', () => {
    const error = (errorMessage: string) => [
      {
        channel: '/v2/me/chats',
        data: {
          messageType: 'ChatStateChangeMessage',
          notificationType: 'Error',
          referenceId: 42,
          errorMessage,
          errorCode: 2,
          chat,
        },
      },
    ];
    expect(transfer({ queueName: 'nowhere' })).toEqual(error('Transfer target queue "nowhere" not found'));
    expect(transfer({ targetUri: 'http://gws/api/v2/users/user-agent9' })).toEqual(
      error('Transfer target user user-agent9 not found'),
    );
    expect(transfer({ targetUri: 'http://gws/api/v2/users/user-agent1' })).toEqual(
      error('Cannot transfer a chat to its own agent'),
    );
    // without the user list, no user is known
    expect(
      transfer({ targetUri: 'http://gws/api/v2/users/user-agent2' }, { userIds: undefined })[0]?.data,
    ).toMatchObject({
      notificationType: 'Error',
    });
    // a name that does not look like one is not repeated
    expect(transfer({ queueName: 'x y; drop' })[0]?.data.errorMessage).toBe('Transfer target queue not found');
  });

  test('outside the capabilities (an Invited chat): the Error of any refused operation', () => {
    const out = transfer(
      { queueName: 'test-queue' },
      { resource: { ...chat, state: 'Invited', capabilities: ['Accept'] } },
    );
    expect(out).toHaveLength(1);
    expect(out[0]?.data).toMatchObject({
      notificationType: 'Error',
      errorMessage: 'Transfer is not allowed on chat c1 in state Invited',
    });
  });
});
