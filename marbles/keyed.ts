// Shared helpers for the keyed-state specs (devices, services, workbins): show a map as a comparable string.
export const show = <V>(m: ReadonlyMap<string, V>, value: (v: V) => string): string =>
  [...m].map(([k, v]) => `${k}=${value(v)}`).join(',');
