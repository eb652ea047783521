import { Component, DestroyRef, PLATFORM_ID, PendingTasks, inject, signal } from '@angular/core';
import { isPlatformBrowser } from '@angular/common';
import { filter, firstValueFrom, take, timeout } from 'rxjs';
import { createGwsClient } from 'gws-rx';
import { describe } from './gws.service';

/**
 * Proof, prerendered at build time, that gws-rx's browser entry is safe in a server render: a client created on the
 * server (which apps should not do; GwsService never does) reports `failed` with its reason instead of throwing a
 * ReferenceError on `window`. The build's test reads this page's prerendered HTML.
 */
@Component({
  selector: 'gws-server-check',
  template: `<p data-testid="server-check">{{ result() }}</p>`,
})
export class ServerCheck {
  protected readonly result = signal('not run: this page was rendered in a browser');

  constructor() {
    if (isPlatformBrowser(inject(PLATFORM_ID))) return;
    const client = createGwsClient({ url: 'http://127.0.0.1:9' });
    const topic = client.topic('/v2/me/chats').subscribe();
    inject(DestroyRef).onDestroy(() => {
      topic.unsubscribe();
      void client.close();
    });
    // The render waits for this task: the page is written once the state is known.
    void inject(PendingTasks).run(async () => {
      const state = await firstValueFrom(
        client.connection$.pipe(
          filter((s) => s.status !== 'idle' && s.status !== 'connecting'),
          take(1),
          timeout(5000),
        ),
      ).catch((e: unknown) => ({ status: 'threw', reason: String(e) }) as const);
      this.result.set(`server render: ${'reason' in state ? `${state.status}: ${state.reason}` : describe(state)}`);
    });
  }
}
