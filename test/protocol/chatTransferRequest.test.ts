// The chat Transfer request: exactly one target (an agent's targetUri or a queueName), messageType and treatAs only
// with text; a bad one is refused with the path of what is wrong. The types refuse the same requests at compile time.
import { ChatRequest, ChatTransferRequest } from '../../src/protocol/operations';
import { describeErrors } from '../../src/protocol/report';

const errorsOf = (u: unknown): string[] => {
  const r = ChatTransferRequest.decode(u);
  return r._tag === 'Left' ? describeErrors(r.left) : [];
};
const targetUri = 'http://gws:8080/api/v2/users/2e9c5bcd';

test('both forms decode, with or without text and its options; ChatRequest takes them too', () => {
  const valid: ChatTransferRequest[] = [
    { operationName: 'Transfer', targetUri },
    { operationName: 'Transfer', queueName: 'test-queue' },
    { operationName: 'Transfer', queueName: 'test-queue', text: 'One moment', messageType: 'Text', treatAs: 'System' },
    { operationName: 'Transfer', targetUri, text: 'Over to Bea', treatAs: 'Normal' },
  ];
  for (const request of valid) {
    expect(ChatTransferRequest.decode(request)).toEqual({ _tag: 'Right', right: request });
    expect(ChatRequest.decode(request)._tag).toBe('Right');
  }
});

test('both targets, or neither, are refused with the paths of both fields', () => {
  expect(errorsOf({ operationName: 'Transfer', targetUri, queueName: 'test-queue' })).toEqual([
    'queueName: expected absent (give one of targetUri, queueName), got "test-queue"',
    `targetUri: expected absent (give one of targetUri, queueName), got "${targetUri}"`,
  ]);
  expect(errorsOf({ operationName: 'Transfer' })).toEqual([
    'targetUri: expected string, got undefined',
    'queueName: expected string, got undefined',
  ]);
  expect(ChatRequest.decode({ operationName: 'Transfer', targetUri, queueName: 'q' })._tag).toBe('Left');
  expect(ChatRequest.decode({ operationName: 'Transfer' })._tag).toBe('Left');
});

test('messageType and treatAs without text, a bad treatAs or a non-string target are refused', () => {
  expect(errorsOf({ operationName: 'Transfer', queueName: 'q', messageType: 'Text' })).toContain(
    'messageType: expected absent (only with text), got "Text"',
  );
  expect(errorsOf({ operationName: 'Transfer', queueName: 'q', text: 'hi', treatAs: 'Loud' })).toContain(
    'treatAs: expected "Normal" | "System", got "Loud"',
  );
  expect(errorsOf({ operationName: 'Transfer', queueName: 7 })).toContain('queueName: expected string, got 7');
  expect(errorsOf({ operationName: 'Leave', queueName: 'q' })[0]).toMatch(/^operationName: /);
});

test('the type refuses what the codec refuses', () => {
  // @ts-expect-error both targets
  const both: ChatTransferRequest = { operationName: 'Transfer', targetUri, queueName: 'q' };
  // @ts-expect-error no target
  const neither: ChatTransferRequest = { operationName: 'Transfer' };
  // @ts-expect-error treatAs without text
  const untold: ChatRequest = { operationName: 'Transfer', queueName: 'q', treatAs: 'System' };
  for (const request of [both, neither, untold]) expect(ChatRequest.decode(request)._tag).toBe('Left');
});
