// lastSegment turns a chatUri / imSessionPath into a conversation id; it is written with index arithmetic for speed,
// so it is checked against the plain regular-expression definition on arbitrary URIs.
import fc from 'fast-check';
import { lastSegment } from '../../src/protocol/links';

/** The definition: trim, drop query and fragment, drop trailing slashes, take what follows the last slash. */
const byRegex = (u: string): string | undefined => {
  const trimmed = u
    .trim()
    .replace(/[?#].*$/s, '')
    .replace(/\/+$/, '');
  const id = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  return id === '' ? undefined : id;
};

describe('lastSegment', () => {
  test.each([
    ['http://localhost:8080/api/v2/chats/00048aAPEQJ8000U', '00048aAPEQJ8000U'],
    ['/api/v2/me/im-sessions/abc/', 'abc'],
    [' http://h/api/v2/chats/c1?x=1#f ', 'c1'],
    ['http://h/api/v2/chats/c1#frag/ment', 'c1'],
    ['c1', 'c1'],
    ['///', undefined],
    ['', undefined],
    ['http://h/chats/?q', 'chats'],
  ])('%j → %j', (input, id) => {
    expect(lastSegment(input)).toBe(id);
  });

  test('undefined has no id', () => {
    expect(lastSegment(undefined)).toBeUndefined();
  });

  test('agrees with the regular-expression definition on arbitrary strings built from URI parts', () => {
    const part = fc.constantFrom('/', '?', '#', ' ', '\n', 'a', 'b1', 'chats', '//', 'x=1', '\u00a0');
    const uri = fc.array(part, { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(uri, fc.string()), (u) => {
        expect(lastSegment(u)).toBe(byRegex(u));
      }),
      { numRuns: 5000 },
    );
  });
});
