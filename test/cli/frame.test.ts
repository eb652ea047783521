// The live terminal frame: one write per frame inside synchronized output, redrawn in place on the alternate screen
// (never a full clear except on resize), clipped to the screen height, and a close() that restores the terminal.
import { liveFrame } from '../../src/cli/frame';
import type { FrameOutput } from '../../src/cli/frame';

// process.stdout (a tty.WriteStream when it is a terminal) is what the CLI passes: it must fit the interface.
const stdoutFits: FrameOutput = process.stdout;
void stdoutFits;

const ESC = '\x1b[';
const SYNC_BEGIN = `${ESC}?2026h`;
const SYNC_END = `${ESC}?2026l`;
const CLEAR = `${ESC}2J`;

/** A terminal stream that records writes and lets the test fire `resize`. */
class FakeTerminal implements FrameOutput {
  readonly writes: string[] = [];
  readonly listeners = new Set<() => void>();
  constructor(
    public columns: number | undefined = 40,
    public rows: number | undefined = 6,
  ) {}
  write(chunk: string): boolean {
    this.writes.push(chunk);
    return true;
  }
  on(_event: 'resize', listener: () => void): this {
    this.listeners.add(listener);
    return this;
  }
  off(_event: 'resize', listener: () => void): this {
    this.listeners.delete(listener);
    return this;
  }
  resize(columns: number, rows: number): void {
    this.columns = columns;
    this.rows = rows;
    for (const l of [...this.listeners]) l();
  }
  get last(): string {
    return this.writes[this.writes.length - 1] ?? '';
  }
}

/**
 * A tiny screen model for what the frame writer emits: printable text, CR, LF, `ESC[H`, `ESC[K`, `ESC[J`, `ESC[2J`
 * and the alternate screen (`ESC[?1049h/l`); other sequences (SGR, private modes) do not change the cells.
 */
class Screen {
  cells: string[][];
  saved: string[][] | undefined;
  row = 0;
  col = 0;
  constructor(
    readonly columns: number,
    readonly rows: number,
    initial: readonly string[] = [],
  ) {
    this.cells = this.blank();
    initial.forEach((line, r) => [...line].forEach((ch, c) => this.put(r, c, ch)));
  }
  private blank(): string[][] {
    return Array.from({ length: this.rows }, () => Array<string>(this.columns).fill(' '));
  }
  private put(r: number, c: number, ch: string): void {
    const line = this.cells[r];
    if (line && c < this.columns) line[c] = ch;
  }
  feed(data: string): void {
    // eslint-disable-next-line no-control-regex -- a terminal model has to match ESC
    const re = /\x1b\[([?\d;]*)([A-Za-z])|\r|\n|[^\x1b\r\n]/g;
    for (const m of data.matchAll(re)) {
      const [token, params, final] = m;
      if (token === '\r') this.col = 0;
      else if (token === '\n') this.row = Math.min(this.rows - 1, this.row + 1);
      else if (final === undefined) this.put(this.row, this.col++, token);
      else if (final === 'H') [this.row, this.col] = [0, 0];
      else if (final === 'K') for (let c = this.col; c < this.columns; c++) this.put(this.row, c, ' ');
      else if (final === 'J' && params === '2') this.cells = this.blank();
      else if (final === 'J') {
        for (let c = this.col; c < this.columns; c++) this.put(this.row, c, ' ');
        for (let r = this.row + 1; r < this.rows; r++) this.cells[r] = Array<string>(this.columns).fill(' ');
      } else if (final === 'h' && params === '?1049') {
        this.saved = this.cells;
        this.cells = this.blank();
      } else if (final === 'l' && params === '?1049' && this.saved) {
        this.cells = this.saved;
        this.saved = undefined;
      }
    }
  }
  text(): string[] {
    return this.cells.map((line) => line.join('').trimEnd());
  }
}

test('each draw is exactly one write, wrapped in synchronized output', () => {
  const out = new FakeTerminal();
  const frame = liveFrame(out);
  frame.draw(['a', 'b']);
  expect(out.writes).toHaveLength(1);
  frame.draw(['a', 'c']);
  frame.draw(['x']);
  expect(out.writes).toHaveLength(3);
  for (const w of out.writes) {
    expect(w.startsWith(SYNC_BEGIN)).toBe(true);
    expect(w.endsWith(SYNC_END)).toBe(true);
  }
});

test('the first draw enters the alternate screen, hides the cursor, stops auto-wrap; later ones do not repeat it', () => {
  const out = new FakeTerminal();
  const frame = liveFrame(out);
  frame.draw(['one']);
  frame.draw(['two']);
  expect(out.writes[0]).toContain(`${ESC}?1049h`);
  expect(out.writes[0]).toContain(`${ESC}?25l`);
  expect(out.writes[0]).toContain(`${ESC}?7l`); // auto-wrap off: an overlong line cannot push the rows down
  expect(out.writes[1]).not.toContain(`${ESC}?1049h`);
  expect(out.writes[1]).not.toContain(`${ESC}?25l`);
});

test('a normal frame never clears the whole screen: it moves home and overwrites', () => {
  const out = new FakeTerminal();
  const frame = liveFrame(out);
  for (let i = 0; i < 20; i++) frame.draw([`tick ${i}`, i % 2 === 0 ? 'even' : 'odd', 'x'.repeat(i)]);
  expect(out.writes).toHaveLength(20);
  for (const w of out.writes) {
    expect(w).not.toContain(CLEAR);
    expect(w).toContain(`${ESC}H`);
  }
});

test('an unchanged frame is not written again', () => {
  const out = new FakeTerminal();
  const frame = liveFrame(out);
  frame.draw(['same', 'lines']);
  frame.draw(['same', 'lines']);
  frame.draw(['same', 'lines'].slice());
  expect(out.writes).toHaveLength(1);
  frame.draw(['same', 'lines!']);
  expect(out.writes).toHaveLength(2);
});

test('every line ends with erase-to-end-of-line, and the last one is followed by erase-below', () => {
  const out = new FakeTerminal();
  const frame = liveFrame(out);
  frame.draw(['alpha', '\x1b[1mbold\x1b[0m', '']);
  const w = out.last;
  expect(w).toContain(`alpha${ESC}K\r\n\x1b[1mbold\x1b[0m${ESC}K\r\n${ESC}K${ESC}J${SYNC_END}`);
});

test('at most rows - 1 lines are written; the rest are not sent at all', () => {
  const out = new FakeTerminal(40, 4);
  const frame = liveFrame(out);
  frame.draw(['l1', 'l2', 'l3', 'l4', 'l5', 'l6']);
  expect(out.last).toContain('l3');
  expect(out.last).not.toContain('l4');
  expect(out.last).not.toContain('l5');
  expect(out.last.split(`${ESC}K`)).toHaveLength(4);
});

test('a line holding a newline counts as two rows of the screen', () => {
  const out = new FakeTerminal(40, 4);
  const frame = liveFrame(out);
  frame.draw(['first', 'two\nrows', 'fourth']);
  expect(out.last).toContain(`two${ESC}K\r\nrows${ESC}K`);
  expect(out.last).not.toContain('fourth');
});

test('the fallback height applies while the stream does not know its rows', () => {
  const out = new FakeTerminal();
  out.columns = undefined;
  out.rows = undefined;
  const frame = liveFrame(out, { fallbackRows: 3 });
  frame.draw(['a', 'b', 'c']);
  expect(out.last).toContain(`b${ESC}K`);
  expect(out.last).not.toContain(`c${ESC}K`);
});

test('a shorter frame after a longer one leaves no stale line on the screen', () => {
  const out = new FakeTerminal(20, 8);
  const screen = new Screen(20, 8, ['$ gws-rx demo']);
  const frame = liveFrame(out);
  frame.draw(['header', 'chat one: a long line', 'chat two', 'chat three']);
  frame.draw(['header', 'chat one', 'chat two']);
  const second = out.writes[1] ?? '';
  // The erase-below comes right after the last line, so rows 3 and below are cleared by the same write.
  expect(second).toContain(`chat two${ESC}K${ESC}J`);
  for (const w of out.writes) screen.feed(w);
  expect(screen.text()).toEqual(['header', 'chat one', 'chat two', '', '', '', '', '']);
});

test('resize redraws the last frame once, clipped to the new height, with one clear', () => {
  const out = new FakeTerminal(40, 6);
  const frame = liveFrame(out);
  frame.draw(['r1', 'r2', 'r3', 'r4']);
  out.resize(30, 3);
  expect(out.writes).toHaveLength(2);
  const redraw = out.last;
  expect(redraw.startsWith(SYNC_BEGIN) && redraw.endsWith(SYNC_END)).toBe(true);
  expect(redraw.split(CLEAR)).toHaveLength(2);
  expect(redraw).toContain(`r2${ESC}K`);
  expect(redraw).not.toContain('r3');
  // The redrawn frame is now the one on screen: drawing it again writes nothing.
  frame.draw(['r1', 'r2', 'r3', 'r4']);
  expect(out.writes).toHaveLength(2);
});

test('resize before the first draw writes nothing', () => {
  const out = new FakeTerminal();
  liveFrame(out);
  out.resize(100, 50);
  expect(out.writes).toHaveLength(0);
});

test('close leaves the alternate screen and shows the cursor, once, and stops listening for resize', () => {
  const out = new FakeTerminal();
  const frame = liveFrame(out);
  expect(out.listeners.size).toBe(1);
  frame.draw(['live']);
  frame.close();
  expect(out.writes).toHaveLength(2);
  expect(out.last).toContain(`${ESC}?1049l`);
  expect(out.last).toContain(`${ESC}?25h`);
  expect(out.last).toContain(`${ESC}?7h`);
  expect(out.listeners.size).toBe(0);
  frame.close();
  expect(out.writes).toHaveLength(2);
});

test('close restores the screen that was there before the first draw', () => {
  const out = new FakeTerminal(20, 5);
  const screen = new Screen(20, 5, ['$ gws-rx demo', 'shell output']);
  const frame = liveFrame(out);
  frame.draw(['live view']);
  frame.draw(['live view 2']);
  for (const w of out.writes) screen.feed(w);
  expect(screen.text()[0]).toBe('live view 2');
  frame.close();
  screen.feed(out.last);
  expect(screen.text()).toEqual(['$ gws-rx demo', 'shell output', '', '', '']);
});

test('close before any draw writes nothing (the terminal was never changed)', () => {
  const out = new FakeTerminal();
  const frame = liveFrame(out);
  frame.close();
  expect(out.writes).toHaveLength(0);
  expect(out.listeners.size).toBe(0);
});

test('draw after close writes nothing', () => {
  const out = new FakeTerminal();
  const frame = liveFrame(out);
  frame.draw(['before']);
  frame.close();
  const count = out.writes.length;
  frame.draw(['after']);
  frame.draw(['after', 'again']);
  expect(out.writes).toHaveLength(count);
  expect(out.writes.join('')).not.toContain('after');
});

describe('liveFrame on a terminal that reports no size', () => {
  test('0 rows (an unsized pseudo-terminal) draws with the fallback height instead of an empty frame', () => {
    const writes: string[] = [];
    const out = { write: (s: string) => (writes.push(s), true), rows: 0, columns: 0, on: () => out, off: () => out };
    const frame = liveFrame(out, { fallbackRows: 5 });
    frame.draw(['a', 'b', 'c', 'd', 'e', 'f']);
    const text = writes.join('');
    for (const line of ['a', 'b', 'c', 'd']) expect(text).toContain(`${line}\x1b[K`);
    expect(text).not.toContain('e\x1b[K');
  });
});
