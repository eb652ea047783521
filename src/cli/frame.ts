// A live terminal frame redrawn in place: the alternate screen, one write per frame inside synchronized output,
// each line erased to its end and the rest of the screen erased below the last one. No full-screen clear per frame
// (it flickers), and no terminal package: browser consumers of gws-rx install none.

const ESC = '\x1b[';
/** Begin / end synchronized output (DEC mode 2026): the terminal shows the frame at once; others ignore it. */
const SYNC_BEGIN = `${ESC}?2026h`;
const SYNC_END = `${ESC}?2026l`;
/** Enter / leave the alternate screen buffer (the normal screen and its scrollback are kept aside). */
const ALT_SCREEN_ON = `${ESC}?1049h`;
const ALT_SCREEN_OFF = `${ESC}?1049l`;
const CURSOR_HIDE = `${ESC}?25l`;
const CURSOR_SHOW = `${ESC}?25h`;
/** Auto-wrap off / on (DECAWM): a line wider than the screen is cut at the margin instead of pushing rows down. */
const WRAP_OFF = `${ESC}?7l`;
const WRAP_ON = `${ESC}?7h`;
const HOME = `${ESC}H`;
const ERASE_LINE_END = `${ESC}K`;
const ERASE_BELOW = `${ESC}J`;
const CLEAR_SCREEN = `${ESC}2J`;

/** The part of a terminal stream (`process.stdout` when it is a TTY) that {@link liveFrame} uses. */
export interface FrameOutput {
  /** Writes a string; the return value (backpressure) is not used. */
  write(chunk: string): boolean;
  /** Screen width in columns, when known. Not used to measure lines: they come clipped. */
  readonly columns?: number;
  /** Screen height in rows, when known; a frame shows at most `rows - 1` lines. */
  readonly rows?: number;
  on(event: 'resize', listener: () => void): unknown;
  off(event: 'resize', listener: () => void): unknown;
}

/** Options of {@link liveFrame}. */
export interface LiveFrameOptions {
  /** Screen height assumed while `out.rows` is unknown or 0. Default 24. */
  readonly fallbackRows?: number;
}

/** A frame redrawn in place by {@link liveFrame}. */
export interface LiveFrame {
  /**
   * Shows `lines` as the whole screen, at most `rows - 1` of them (a line holding `\n` counts as several). Each line
   * is expected to fit in `columns` already: it is not measured (ANSI colour codes take no columns). Does nothing
   * when the frame equals the one on screen, or after {@link LiveFrame.close}.
   */
  draw(lines: readonly string[]): void;
  /**
   * Leaves the alternate screen, shows the cursor again and stops listening for `resize`: the terminal is as it was
   * before the first draw. Safe to call more than once.
   */
  close(): void;
}

/**
 * Draws a live view on a terminal, in place and without flicker: one write per frame, wrapped in synchronized output.
 *
 * Unlike writing `ESC[H ESC[2J` and the lines on each update (the screen goes blank between two frames), a frame
 * overwrites the previous one line by line on the alternate screen: each line ends with erase-to-end-of-line, the
 * last one with erase-below, so a shorter frame leaves nothing stale. A frame equal to the previous one is not
 * written. On `resize` the last frame is drawn again on a cleared screen (the only full clear). The first draw enters
 * the alternate screen and hides the cursor (and turns auto-wrap off, so an overlong line is cut at the margin
 * instead of shifting the rows below it); {@link LiveFrame.close} undoes all three.
 *
 * A line exactly `columns` wide may lose its last character on terminals whose erase-to-end-of-line also erases the
 * last column (xterm does): render to `columns - 1` to keep it.
 *
 * @example
 * ```ts
 * import { liveFrame } from './frame';
 *
 * const frame = liveFrame(process.stdout);
 * const timer = setInterval(() => frame.draw([`time: ${new Date().toISOString()}`, 'Ctrl-C to exit']), 100);
 * process.once('SIGINT', () => {
 *   clearInterval(timer);
 *   frame.close();
 *   process.exit(0);
 * });
 * ```
 */
export function liveFrame(out: FrameOutput, options: LiveFrameOptions = {}): LiveFrame {
  const fallbackRows = options.fallbackRows ?? 24;
  let entered = false;
  let closed = false;
  let lastLines: readonly string[] | undefined;
  let lastBody: string | undefined;

  /** The frame's text for the current screen height: home, each line erased to its end, then erase below. */
  const body = (lines: readonly string[]): string => {
    // A terminal that reports no size (0 rows: a pseudo-terminal nobody sized) gets the fallback, not an empty frame.
    const rows = out.rows !== undefined && out.rows > 1 ? out.rows : fallbackRows;
    const max = Math.max(0, rows - 1);
    const shown: string[] = [];
    for (const line of lines) {
      for (const row of line.split(/\r?\n/)) {
        if (shown.length === max) break;
        shown.push(row + ERASE_LINE_END);
      }
      if (shown.length === max) break;
    }
    return HOME + shown.join('\r\n') + ERASE_BELOW;
  };

  const write = (text: string, clear: boolean): void => {
    const enter = entered ? '' : ALT_SCREEN_ON + CURSOR_HIDE + WRAP_OFF;
    entered = true;
    lastBody = text;
    out.write(SYNC_BEGIN + enter + (clear ? CLEAR_SCREEN : '') + text + SYNC_END);
  };

  const onResize = (): void => {
    if (closed || lastLines === undefined) return;
    write(body(lastLines), true);
  };
  out.on('resize', onResize);

  return {
    draw(lines) {
      if (closed) return;
      const text = body(lines);
      lastLines = [...lines];
      if (text === lastBody) return;
      write(text, false);
    },
    close() {
      if (closed) return;
      closed = true;
      out.off('resize', onResize);
      lastLines = undefined;
      if (entered) out.write(WRAP_ON + CURSOR_SHOW + ALT_SCREEN_OFF);
    },
  };
}
