// Marble diagrams: the text grammar and the SVG drawing (scripts/marbles/diagram.ts), one diagram per public operator
// run by its spec, and the README's drawn diagram kept up to date.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  MarbleSyntaxError,
  operatorDiagrams,
  parseDiagrams,
  parseMarble,
  renderSvg,
  textBlocks,
  tsdocOf,
} from '../../scripts/marbles/diagram';
import { diagramsOf } from '../../marbles/documented';
import { publicOperators, ROOT } from './operators';

const count = (svg: string, pattern: RegExp): number => svg.match(pattern)?.length ?? 0;

describe('marble text', () => {
  test('values, completion, error and (un)subscription at their frames; a group shares its first frame', () => {
    expect(parseMarble('-a-(bc|)')).toEqual({
      events: [
        { frame: 1, column: 1, kind: 'value', value: 'a' },
        { frame: 3, column: 4, kind: 'value', value: 'b' },
        { frame: 3, column: 5, kind: 'value', value: 'c' },
        { frame: 3, column: 6, kind: 'complete' },
      ],
      groups: [{ open: 3, close: 7 }],
    });
    expect(parseMarble('^-1-#').events.map((e) => [e.kind, e.frame])).toEqual([
      ['subscribe', 0],
      ['value', 2],
      ['error', 4],
    ]);
    expect(parseMarble('--^--!').events.map((e) => [e.kind, e.frame])).toEqual([
      ['subscribe', 2],
      ['unsubscribe', 5],
    ]);
  });

  test.each([
    ['-a-|-b', /'b' after the end/],
    ['-(a(b))', /groups cannot nest/],
    ['-(ab', /'\(' without '\)'/],
    ['-a)', /'\)' without '\('/],
    ['-()-', /an empty group/],
    ["-a'-", /is not marble syntax/],
    ['^-^', /a second '\^'/],
  ])('%s is refused with a reason', (marble, reason) => {
    expect(() => parseMarble(marble)).toThrow(MarbleSyntaxError);
    expect(() => parseMarble(marble)).toThrow(reason);
  });

  test('rows: label, marble, legend, continued legends; rows share one time axis; blank lines part diagrams', () => {
    const [one, two] = parseDiagrams(
      [
        'source:   --a--|      a = first',
        'inner$:     1-|',
        'f({ x }):  S--|      S = seed',
        '                     and more',
        '',
        'other: -b-|',
      ].join('\n'),
    );
    expect(one?.rows.map((r) => [r.label, r.marble, r.offset, r.legend, r.notes])).toEqual([
      ['source', '--a--|', 0, 'a = first', []],
      ['inner$', '1-|', 2, '', []],
      ['f({ x })', 'S--|', 1, 'S = seed', ['and more']],
    ]);
    expect(one?.frames).toBe(6);
    expect(two?.rows.map((r) => r.label)).toEqual(['other']);
  });

  test('a label may end in two spaces instead of a colon', () => {
    const [d] = parseDiagrams(['POST answer   -----a', 'send            -----a|     (subscribed at r)'].join('\n'));
    expect(d?.rows.map((r) => [r.label, r.marble, r.offset, r.legend])).toEqual([
      ['POST answer', '-----a', 0, ''],
      ['send', '-----a|', 2, '(subscribed at r)'],
    ]);
  });

  test('lines that are not rows, repeated labels and bad marbles name what is wrong', () => {
    expect(() => parseDiagrams('just words')).toThrow(/not a row/);
    expect(() => parseDiagrams('  indented first')).toThrow();
    expect(() => parseDiagrams('a: -x-\na: -y-')).toThrow(/two rows named 'a'/);
    expect(() => parseDiagrams('out: -x-|-y')).toThrow(/row 'out': marble '-x-\|-y'/);
  });

  test('an exported function’s TSDoc and its text blocks; other code blocks are not diagrams', () => {
    const source = [
      '/**',
      ' * Doubles.',
      ' *',
      ' * ```text',
      ' * source: -a-|',
      ' * output: -A-|   A = 2a',
      ' * ```',
      ' * ```ts',
      ' * of(1).pipe(double())',
      ' * ```',
      ' */',
      'export function double(): unknown {',
    ].join('\n');
    expect(tsdocOf(source, 'double')).toContain('Doubles.');
    expect(tsdocOf(source, 'triple')).toBeUndefined();
    expect(textBlocks(tsdocOf(source, 'double') ?? '')).toEqual(['source: -a-|\noutput: -A-|   A = 2a\n']);
    expect(operatorDiagrams(source, 'double')[0]?.rows.map((r) => r.marble)).toEqual(['-a-|', '-A-|']);
  });
});

describe('SVG drawing', () => {
  const [d] = parseDiagrams('src: ^-a-(bc|)   a < b & c\nerr:   -x-#\nhot: --y--!-');
  const svg = renderSvg(d!, 'a <title>');

  test('one circle per value, labelled; a bar per completion, a cross per error, marks for ^ and !, a box per group', () => {
    expect(count(svg, /<circle /g)).toBe(5);
    const labels = [
      ...svg.matchAll(/<g class="marble-value"><title>[^<]*<\/title><circle [^>]*\/><text [^>]*>(\w)<\/text><\/g>/g),
    ];
    expect(labels.map((m) => m[1])).toEqual(['a', 'b', 'c', 'x', 'y']);
    expect(count(svg, /class="marble-complete"/g)).toBe(1);
    expect(count(svg, /class="marble-error"/g)).toBe(1);
    expect(count(svg, /class="marble-subscribe"/g)).toBe(1);
    expect(count(svg, /class="marble-unsubscribe"/g)).toBe(1);
    expect(count(svg, /class="marble-group"/g)).toBe(1);
    // Rows that go on end in an arrow; ended ones do not.
    expect(count(svg, /class="marble-arrow"/g)).toBe(1);
    expect(count(svg, /class="marble-frame"/g)).toBeGreaterThan(10);
  });

  test('a row that starts later is drawn later; text is escaped; the source text travels along', () => {
    const lineStart = (row: number): number =>
      Number(/<line class="marble-timeline" x1="([\d.]+)"/g.exec(svg.split('class="marble-row"')[row] ?? '')?.[1]);
    expect(lineStart(2)).toBeGreaterThan(lineStart(1));
    expect(svg).toContain('<title>a &lt;title&gt;</title>');
    expect(svg).toContain('a &lt; b &amp; c');
    expect(svg).not.toMatch(/ id="/);
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* width="\d+" height="\d+" viewBox="0 0 \d+ \d+"/,
    );
  });
});

describe('one diagram per public operator', () => {
  const operators = publicOperators();

  test('the API reports list the operators', () => {
    expect(operators).toEqual(expect.arrayContaining(['chatConversations', 'liveConversations', 'deviceStates']));
  });

  test.each(operators)('%s: a diagram in its TSDoc, run by its marble spec', (name) => {
    const { file, diagrams } = diagramsOf(name);
    expect({ name, diagrams: diagrams.length > 0 }).toEqual({ name, diagrams: true });
    expect(file).toMatch(/^src\//);
    const spec = join(ROOT, 'marbles', `${name}.marbles.ts`);
    expect({ spec: existsSync(spec) }).toEqual({ spec: true });
    // documented() fails the spec when a row of the diagram is never run (marbles/documented.ts).
    expect(readFileSync(spec, 'utf8')).toContain(`documented('${name}')`);
  });
});

describe('the README’s drawn diagram', () => {
  const image = 'docs/images/chatConversations.svg';

  test('is drawn from chatConversations’ TSDoc as it is now (after a change: npm run docs)', () => {
    const [first] = diagramsOf('chatConversations').diagrams;
    const drawn = renderSvg(first!, 'chatConversations: marble diagram');
    const committed = readFileSync(join(ROOT, image), 'utf8');
    expect(committed === drawn ? 'up to date' : `${image} is stale: run npm run docs`).toBe('up to date');
  });

  test('the README shows it by a relative path and says how to build the docs', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`](${image})`);
    expect(readme).toContain('npm run docs');
  });
});
