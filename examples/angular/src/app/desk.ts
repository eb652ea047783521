import { ChangeDetectionStrategy, Component, PLATFORM_ID, inject, signal } from '@angular/core';
import { isPlatformBrowser } from '@angular/common';
import { GwsService } from './gws.service';
import type { ChatConversationState } from 'gws-rx';
import { agentLabel, agentState, callLabel, can, customerOf, linesOf, serviceLabel, typingOf } from './view';

/** The simulator's demo user (never put real credentials in code). */
const SIMULATOR_USER = { username: 'agent1', password: 'agent1-demo' };

/**
 * The login form, then the agent desk: connection, agents, chats (transcript, typing), calls, services, and the
 * agent's operations (Ready/NotReady; accept, send, complete a chat; answer, hold, retrieve, hang up a call), each
 * offered only while the resource's `capabilities` list it.
 */
@Component({
  selector: 'gws-desk',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header>
      <strong>gws-rx desk</strong>
      <span class="badge" data-testid="connection-status" [attr.data-status]="gws.connection().status">{{
        gws.status()
      }}</span>
      <span class="muted" data-testid="sync" [attr.data-status]="gws.sync().status">state {{ gws.sync().status }}</span>
      <span class="muted"
        >decode failures: <span data-testid="decode-failures">{{ gws.decodeFailures() }}</span></span
      >
      @if (gws.signedIn()) {
        <button type="button" data-testid="logout" (click)="gws.logout()">Sign out</button>
      }
    </header>
    @if (!gws.signedIn()) {
      <form class="login" data-testid="login" (submit)="$event.preventDefault(); signIn()">
        <h2>Sign in to GWS</h2>
        <label
          >Base URL
          <input name="baseUrl" data-testid="base-url" [value]="baseUrl()" (input)="baseUrl.set(value($event))"
        /></label>
        <label
          >User
          <input name="username" autocomplete="username" [value]="username()" (input)="username.set(value($event))"
        /></label>
        <label
          >Password
          <input
            name="password"
            type="password"
            autocomplete="current-password"
            [value]="password()"
            (input)="password.set(value($event))"
        /></label>
        <button type="submit" [disabled]="gws.busy()">Sign in</button>
        <button type="button" data-testid="use-simulator" [disabled]="gws.busy()" (click)="useSimulator()">
          Use the simulator
        </button>
        @if (gws.loginError(); as error) {
          <p class="error" data-testid="login-error">{{ error }}</p>
        }
      </form>
    } @else {
      <main>
        <section>
          <h2>Agents</h2>
          <p>
            <button type="button" data-testid="agent-ready" (click)="gws.agentState({ operationName: 'Ready' })">
              Ready
            </button>
            <button type="button" data-testid="agent-not-ready" (click)="gws.agentState({ operationName: 'NotReady' })">
              Not ready
            </button>
            @if (gws.pending()['agent']; as op) {
              <span class="muted">{{ op }}…</span>
            }
          </p>
          @if (gws.lastOperation(); as result) {
            <p data-testid="operation-result" [class.error]="!result.ok">{{ result.text }}</p>
          }
          <ul data-testid="agents">
            @for (d of gws.agents(); track d.id) {
              <li data-testid="agent" [attr.data-id]="d.id">
                <b>{{ agentLabel(d) }}</b> {{ agentState(d) }}
              </li>
            }
          </ul>
          <h2>Services</h2>
          <ul>
            @for (s of gws.services(); track s.id) {
              <li data-testid="service">{{ serviceLabel(s) }}: {{ s.state ?? '?' }}</li>
            }
          </ul>
        </section>
        <section>
          <h2>
            Chats (<span data-testid="conversation-count">{{ gws.chats().length }}</span
            >)
          </h2>
          @for (c of gws.chats(); track c.id) {
            <div
              class="chat"
              data-testid="conversation"
              [attr.data-id]="c.id"
              [attr.data-state]="c.state"
              [attr.data-messages]="c.transcript.length"
            >
              <b>{{ customerOf(c) }}</b> <span class="muted">{{ c.state }} · {{ c.transcript.length }} msgs</span>
              <ul>
                @for (line of linesOf(c); track $index) {
                  <li data-testid="transcript-line">
                    <span class="muted">{{ line.who }}:</span> {{ line.text }}
                  </li>
                }
              </ul>
              <div class="muted" data-testid="typing">{{ typingOf(c) }}</div>
              @if (can(c, 'Accept')) {
                <button type="button" data-testid="chat-accept" (click)="gws.chat(c, { operationName: 'Accept' })">
                  Accept
                </button>
              }
              @if (can(c, 'SendMessage')) {
                <form (submit)="$event.preventDefault(); send(c, draft)">
                  <input #draft name="message" data-testid="chat-message" placeholder="Message" />
                  <button type="submit" data-testid="chat-send">Send</button>
                </form>
              }
              @if (can(c, 'Complete')) {
                <button type="button" data-testid="chat-complete" (click)="gws.chat(c, { operationName: 'Complete' })">
                  Complete
                </button>
              }
            </div>
          }
        </section>
        <section>
          <h2>Calls</h2>
          <ul>
            @for (c of gws.calls(); track c.id) {
              <li data-testid="call" [attr.data-id]="c.id" [attr.data-state]="c.state">
                {{ callLabel(c) }}: {{ c.state }}
                @for (op of callOperations; track op) {
                  @if (can(c, op)) {
                    <button
                      type="button"
                      [attr.data-testid]="'call-' + op"
                      (click)="gws.call(c, { operationName: op })"
                    >
                      {{ op }}
                    </button>
                  }
                }
              </li>
            }
          </ul>
        </section>
      </main>
    }
  `,
})
export class Desk {
  protected readonly gws = inject(GwsService);
  private readonly browser = isPlatformBrowser(inject(PLATFORM_ID));
  /** Default: this page's origin (a dev-server proxy or the simulator serving the app); `?gws=<url>` for CORS. */
  protected readonly baseUrl = signal(
    this.browser ? (new URLSearchParams(window.location.search).get('gws') ?? window.location.origin) : '',
  );
  protected readonly username = signal('');
  protected readonly password = signal('');

  protected readonly agentLabel = agentLabel;
  protected readonly agentState = agentState;
  protected readonly customerOf = customerOf;
  protected readonly linesOf = linesOf;
  protected readonly typingOf = typingOf;
  protected readonly callLabel = callLabel;
  protected readonly serviceLabel = serviceLabel;
  protected readonly can = can;
  protected readonly callOperations = ['Answer', 'Hold', 'Retrieve', 'Hangup'] as const;

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected signIn(): void {
    void this.gws.login({ baseUrl: this.baseUrl(), username: this.username(), password: this.password() });
    this.password.set('');
  }

  protected send(chat: ChatConversationState, input: HTMLInputElement): void {
    const text = input.value.trim();
    if (text === '') return;
    this.gws.chat(chat, { operationName: 'SendMessage', text });
    input.value = '';
  }

  protected useSimulator(): void {
    void this.gws.login({ baseUrl: this.baseUrl(), ...SIMULATOR_USER });
  }
}
