// The small DOM helpers every module of the dashboard draws with (no framework).
import type { MapChanges } from '../../src/index';

/** An element with attributes and children. */
export const el = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Readonly<Record<string, string>> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
};

/** `v` when it is a string, else `fallback`. */
export const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);

/** `v` as a record to read fields from, or an empty one. */
export const rec = (v: unknown): Readonly<Record<string, unknown>> =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};

/**
 * Keeps `target`'s children in step with a live Map, one element per entry, from `mapChanges()`'s emissions: an
 * entry's element is drawn again only when the entry changed, added ones go at the end (where a Map puts them),
 * removed ones leave. The rest of the DOM is not touched, so a redraw costs what changed, not the whole list.
 */
export const keyedRows = <V>(
  target: HTMLElement,
  row: (value: V) => HTMLElement,
): ((changes: MapChanges<string, V>) => void) => {
  const rows = new Map<string, HTMLElement>();
  target.replaceChildren();
  return ({ added, updated, removed }) => {
    for (const key of removed.keys()) {
      rows.get(key)?.remove();
      rows.delete(key);
    }
    const fresh: HTMLElement[] = [];
    for (const [key, value] of updated) {
      const next = row(value);
      const old = rows.get(key);
      if (old) old.replaceWith(next);
      else fresh.push(next);
      rows.set(key, next);
    }
    for (const [key, value] of added) {
      const next = row(value);
      rows.get(key)?.remove();
      rows.set(key, next);
      fresh.push(next);
    }
    if (fresh.length > 0) target.append(...fresh);
  };
};
