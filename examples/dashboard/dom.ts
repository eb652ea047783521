// The small DOM helpers every module of the dashboard draws with (no framework).

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
