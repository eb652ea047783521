// Operations (asynchronous requests, PROTOCOL.md "Operations"): the bodies gws-rx POSTs and the answer GWS returns.
// An answer only means "accepted"; the outcome arrives later as a notification (see src/operations/).
// The codecs are built at module level: `@__PURE__` lets a bundler drop those an app does not use.
import * as t from 'io-ts';
import { NumberFromStringOrNumber } from './common';

/**
 * The HTTP answer to an operation: `statusCode` 0 means accepted; any other value (1 missing parameter, 2 not valid in
 * the current state, 3 forbidden, 4 internal error, 5 no permission, 6 not found) comes with a `statusMessage` and
 * means nothing changed. Some servers add a `referenceId` that the resulting notifications carry too.
 * @example
 * ```ts
 * import { OperationAnswer } from 'gws-rx';
 * OperationAnswer.decode({ statusCode: 0, referenceId: 7 }); // Right
 * OperationAnswer.decode({ statusCode: 2, statusMessage: 'Invalid state' }); // Right: a refusal, still an answer
 * ```
 */
export const OperationAnswer = /* @__PURE__ */ t.intersection(
  [
    /* @__PURE__ */ t.type({ statusCode: NumberFromStringOrNumber }),
    /* @__PURE__ */ t.partial({ statusMessage: t.string, referenceId: NumberFromStringOrNumber }),
  ],
  'OperationAnswer',
);
/**
 * A decoded `OperationAnswer`: what the codec of the same name returns.
 * @example
 * ```ts
 * import type { OperationAnswer } from 'gws-rx';
 * const accepted = (a: OperationAnswer) => a.statusCode === 0;
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface OperationAnswer extends t.TypeOf<typeof OperationAnswer> {}

/**
 * A request codec, as the operations of `src/operations/` take it.
 * @internal
 */
export type RequestCodec<R> = t.Decoder<unknown, R>;

/** `{ operationName }` with one of `names`, plus required and optional fields. */
const op = <N extends string, R extends t.Props, O extends t.Props>(names: readonly N[], required: R, optional: O) =>
  t.intersection([
    t.type({ operationName: t.keyof(Object.fromEntries(names.map((n) => [n, null])) as Record<N, null>), ...required }),
    t.partial(optional),
  ]);
const text = { text: t.string };

/**
 * The body of an agent-state operation, `POST <base>/api/v2/me/channels/voice`: Ready (optional `workMode` ManualIn,
 * AutoIn), NotReady (optional `reasonCode`, `workMode`), AfterCallWork (optional `wrapUpTime`), AuxWork (optional
 * `reasonCode`).
 * @example
 * ```ts
 * import { AgentStateRequest } from 'gws-rx';
 * AgentStateRequest.decode({ operationName: 'NotReady', reasonCode: 'Lunch' }); // Right
 * AgentStateRequest.decode({ operationName: 'Lunch' }); // Left
 * ```
 */
export const AgentStateRequest = /* @__PURE__ */ t.union(
  [
    /* @__PURE__ */ op(['Ready'], {}, { workMode: t.string }),
    /* @__PURE__ */ op(['NotReady'], {}, { reasonCode: t.string, workMode: t.string }),
    /* @__PURE__ */ op(['AfterCallWork'], {}, { wrapUpTime: /* @__PURE__ */ t.union([t.string, t.number]) }),
    /* @__PURE__ */ op(['AuxWork'], {}, { reasonCode: t.string }),
  ],
  'AgentStateRequest',
);
/**
 * A decoded `AgentStateRequest`: what the codec of the same name returns.
 * @example
 * ```ts
 * import type { AgentStateRequest } from 'gws-rx';
 * const ready: AgentStateRequest = { operationName: 'Ready' };
 * ```
 */
export type AgentStateRequest = t.TypeOf<typeof AgentStateRequest>;

/**
 * The body of a call operation, `POST <base>/api/v2/me/calls/{id}`: Answer, Hold, Retrieve, Hangup, ClearCall, or
 * AttachUserData / UpdateUserData with a `userData` object.
 * @example
 * ```ts
 * import { CallRequest } from 'gws-rx';
 * CallRequest.decode({ operationName: 'Hold' }); // Right
 * CallRequest.decode({ operationName: 'AttachUserData', userData: { case: 42 } }); // Right
 * ```
 */
export const CallRequest = /* @__PURE__ */ t.union(
  [
    /* @__PURE__ */ op(['Answer', 'Hold', 'Retrieve', 'Hangup', 'ClearCall'], {}, {}),
    /* @__PURE__ */ op(['AttachUserData', 'UpdateUserData'], { userData: t.UnknownRecord }, {}),
  ],
  'CallRequest',
);
/**
 * A decoded `CallRequest`: what the codec of the same name returns.
 * @example
 * ```ts
 * import type { CallRequest } from 'gws-rx';
 * const hold: CallRequest = { operationName: 'Hold' };
 * ```
 */
export type CallRequest = t.TypeOf<typeof CallRequest>;

/**
 * A field that must be absent, named after the reason, so that a refusal reads `queueName: expected absent (…)`.
 * (io-ts's `t.undefined` would say only "expected undefined".)
 */
const absent = (why: string) =>
  new t.Type<undefined, undefined, unknown>(
    `absent (${why})`,
    (u): u is undefined => u === undefined,
    (u, c) => (u === undefined ? t.success(undefined) : t.failure(u, c)),
    () => undefined,
  );
const oneTarget = 'give one of targetUri, queueName';
const withText = 'only with text';

/**
 * The body of a chat Transfer, `POST <base>/api/v2/me/chats/{id}`: to an agent (`targetUri`, the user's URL
 * `<base>/api/v2/users/<userId>`) or to a queue (`queueName`), exactly one of them; optionally with `text` sent to the
 * customer first, and then only, `messageType` (default Text) and `treatAs` (Normal or System). On success the agent
 * leaves the chat.
 * @example
 * ```ts
 * import { ChatTransferRequest } from 'gws-rx';
 * ChatTransferRequest.decode({ operationName: 'Transfer', queueName: 'test-queue' }); // Right
 * ChatTransferRequest.decode({ operationName: 'Transfer', queueName: 'q', targetUri: 'http://gws/users/u2' }); // Left
 * ```
 */
export const ChatTransferRequest = /* @__PURE__ */ t.intersection(
  [
    /* @__PURE__ */ op(['Transfer'], {}, {}),
    /* @__PURE__ */ t.union([
      /* @__PURE__ */ t.intersection([
        /* @__PURE__ */ t.type({ targetUri: t.string }),
        /* @__PURE__ */ t.partial({ queueName: /* @__PURE__ */ absent(oneTarget) }),
      ]),
      /* @__PURE__ */ t.intersection([
        /* @__PURE__ */ t.type({ queueName: t.string }),
        /* @__PURE__ */ t.partial({ targetUri: /* @__PURE__ */ absent(oneTarget) }),
      ]),
    ]),
    /* @__PURE__ */ t.union([
      /* @__PURE__ */ t.intersection([
        /* @__PURE__ */ t.type(text),
        /* @__PURE__ */ t.partial({
          messageType: t.string,
          treatAs: /* @__PURE__ */ t.keyof({ Normal: null, System: null }),
        }),
      ]),
      /* @__PURE__ */ t.partial({
        text: /* @__PURE__ */ absent('form without text'),
        messageType: /* @__PURE__ */ absent(withText),
        treatAs: /* @__PURE__ */ absent(withText),
      }),
    ]),
  ],
  'ChatTransferRequest',
);
/**
 * A decoded `ChatTransferRequest`: a Transfer to an agent or to a queue (a caller cannot give both, or neither).
 * @example
 * ```ts
 * import type { ChatTransferRequest } from 'gws-rx';
 * const toQueue: ChatTransferRequest = { operationName: 'Transfer', queueName: 'test-queue', text: 'One moment' };
 * ```
 */
export type ChatTransferRequest = t.TypeOf<typeof ChatTransferRequest>;

/**
 * The body of a chat operation, `POST <base>/api/v2/me/chats/{id}`, with GWS's operation names: Accept, SendMessage
 * (`text`), SendUrl (`url`), SendStartTypingNotification, SendStopTypingNotification, SendCustomNotice (`noticeText`),
 * Complete, Leave, and Transfer (see `ChatTransferRequest`).
 * @example
 * ```ts
 * import { ChatRequest } from 'gws-rx';
 * ChatRequest.decode({ operationName: 'SendMessage', text: 'Hello' }); // Right
 * ChatRequest.decode({ operationName: 'SendMessage' }); // Left: text is missing
 * ```
 */
export const ChatRequest = /* @__PURE__ */ t.union(
  [
    /* @__PURE__ */ op(
      ['Accept', 'SendStartTypingNotification', 'SendStopTypingNotification', 'Complete', 'Leave'],
      {},
      {},
    ),
    /* @__PURE__ */ op(['SendMessage'], text, {}),
    /* @__PURE__ */ op(['SendUrl'], { url: t.string }, {}),
    /* @__PURE__ */ op(['SendCustomNotice'], { noticeText: t.string }, {}),
    ChatTransferRequest,
  ],
  'ChatRequest',
);
/**
 * A decoded `ChatRequest`: what the codec of the same name returns.
 * @example
 * ```ts
 * import type { ChatRequest } from 'gws-rx';
 * const hello: ChatRequest = { operationName: 'SendMessage', text: 'Hello' };
 * ```
 */
export type ChatRequest = t.TypeOf<typeof ChatRequest>;

/**
 * The body of an IM-session operation, `POST <base>/api/v2/me/im-sessions/{id}`: Accept, SendMessage (`text`),
 * Complete.
 * @example
 * ```ts
 * import { ImSessionRequest } from 'gws-rx';
 * ImSessionRequest.decode({ operationName: 'SendMessage', text: 'On my way' }); // Right
 * ```
 */
export const ImSessionRequest = /* @__PURE__ */ t.union(
  [/* @__PURE__ */ op(['Accept', 'Complete'], {}, {}), /* @__PURE__ */ op(['SendMessage'], text, {})],
  'ImSessionRequest',
);
/**
 * A decoded `ImSessionRequest`: what the codec of the same name returns.
 * @example
 * ```ts
 * import type { ImSessionRequest } from 'gws-rx';
 * const accept: ImSessionRequest = { operationName: 'Accept' };
 * ```
 */
export type ImSessionRequest = t.TypeOf<typeof ImSessionRequest>;

/**
 * The body of an email operation, `POST <base>/api/v2/me/emails/{id}`: Accept, Reply (makes an outbound reply in
 * state Composing), Send (of an outbound email, optional `to`, `subject`, `body`), Complete.
 * @example
 * ```ts
 * import { EmailRequest } from 'gws-rx';
 * EmailRequest.decode({ operationName: 'Send', subject: 'Re: your order' }); // Right
 * ```
 */
export const EmailRequest = /* @__PURE__ */ t.union(
  [
    /* @__PURE__ */ op(['Accept', 'Reply', 'Complete'], {}, {}),
    /* @__PURE__ */ op(['Send'], {}, { to: /* @__PURE__ */ t.array(t.string), subject: t.string, body: t.string }),
  ],
  'EmailRequest',
);
/**
 * A decoded `EmailRequest`: what the codec of the same name returns.
 * @example
 * ```ts
 * import type { EmailRequest } from 'gws-rx';
 * const reply: EmailRequest = { operationName: 'Reply' };
 * ```
 */
export type EmailRequest = t.TypeOf<typeof EmailRequest>;

/**
 * The body of a workitem operation, `POST <base>/api/v2/me/workitems/{id}`: Accept, Complete.
 * @example
 * ```ts
 * import { WorkitemRequest } from 'gws-rx';
 * WorkitemRequest.decode({ operationName: 'Complete' }); // Right
 * ```
 */
export const WorkitemRequest = /* @__PURE__ */ op(['Accept', 'Complete'], {}, {});
/**
 * A decoded `WorkitemRequest`: what the codec of the same name returns.
 * @example
 * ```ts
 * import type { WorkitemRequest } from 'gws-rx';
 * const done: WorkitemRequest = { operationName: 'Complete' };
 * ```
 */
export type WorkitemRequest = t.TypeOf<typeof WorkitemRequest>;
