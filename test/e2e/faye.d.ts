// Just the part of faye 1.4 (no bundled types) that the e2e helpers use.
declare module 'faye' {
  import type { Server } from 'node:http';
  export interface FayeMessage {
    channel: string;
    clientId?: string;
    subscription?: string | string[];
    data?: unknown;
  }
  export interface FayeExtension {
    incoming?(message: FayeMessage, callback: (message: FayeMessage) => void): void;
    outgoing?(message: FayeMessage, callback: (message: FayeMessage) => void): void;
  }
  export interface FayeClient {
    publish(channel: string, data: unknown): PromiseLike<unknown>;
    disconnect(): void;
  }
  export class NodeAdapter {
    constructor(options: { mount: string; timeout?: number });
    attach(server: Server): void;
    getClient(): FayeClient;
    addExtension(extension: FayeExtension): void;
    on(event: 'subscribe' | 'unsubscribe', listener: (clientId: string, channel: string) => void): void;
    on(event: 'handshake' | 'disconnect', listener: (clientId: string) => void): void;
    close(): void;
  }
}
