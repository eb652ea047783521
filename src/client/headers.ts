import { basicAuthorization } from './options';
import type { GwsClientOptions, HeaderMap, ResolvedOptions } from './options';
import type { CometDConfiguration } from './port';

/**
 * The headers a client sends with every CometD request: the options' `headers`, then what the headerProvider last
 * provided, then the Basic `Authorization` of `credentials`. `refresh()` asks the headerProvider again.
 *
 * @example
 * ```ts
 * const headers = new RequestHeaders({ headers: { 'X-CSRF-TOKEN': csrf }, headerProvider: () => login() });
 * await headers.refresh();
 * port.configure(cometdConfiguration(resolveOptions(options), headers.current()));
 * ```
 * @internal
 */
export class RequestHeaders {
  private providedHeaders: HeaderMap = {};

  constructor(private readonly options: Pick<GwsClientOptions, 'headers' | 'credentials' | 'headerProvider'>) {}

  /** Whether there is a headerProvider to ask. */
  get hasProvider(): boolean {
    return this.options.headerProvider !== undefined;
  }

  /** What the headerProvider provided last (empty before its first answer). */
  get provided(): HeaderMap {
    return this.providedHeaders;
  }

  /** The headers to send now. */
  current(): Record<string, string> {
    const h: Record<string, string> = { ...this.options.headers, ...this.providedHeaders };
    const credentials = this.options.credentials;
    if (credentials) h.Authorization = basicAuthorization(credentials.username, credentials.password);
    return h;
  }

  /**
   * Calls the headerProvider (synchronously, before the first `await`) and keeps its headers; rejects with what it
   * threw. Without a headerProvider it resolves at once.
   */
  async refresh(): Promise<void> {
    const provider = this.options.headerProvider;
    if (!provider) return;
    this.providedHeaders = { ...(await provider()) };
  }
}

/**
 * The CometD configuration of a client, with the given request headers.
 *
 * @example
 * ```ts
 * port.configure(cometdConfiguration(resolveOptions(options), headers.current()));
 * ```
 * @internal
 */
export function cometdConfiguration(
  config: ResolvedOptions,
  requestHeaders: Record<string, string>,
): CometDConfiguration {
  // The resolved options as they are: CometD ignores the one it does not know (maxHandshakeAttempts).
  return { ...config, requestHeaders };
}
