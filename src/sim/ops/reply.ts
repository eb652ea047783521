// GWS's answers to requests (`{ statusCode, statusMessage }`) and the parsing every operation request shares.
import { isRecord } from '../../protocol/canonical';

/** An HTTP answer in GWS's shape: `statusCode` 0 on success, else a GWS status code and a `statusMessage`. */
export interface GwsReply {
  readonly status: number;
  readonly body: Readonly<Record<string, unknown>>;
}

/** GWS status codes (GWS "Return Values"), and 20 for a request without a session. */
export const GwsStatus = {
  ok: 0,
  missingParameter: 1,
  invalidParameter: 2,
  forbidden: 3,
  internalError: 4,
  noPermission: 5,
  notFound: 6,
  notAuthenticated: 20,
} as const;

/** The HTTP status that goes with a non-zero GWS status code: 400 for 1 and 2, 403 for 3 and 5, 500 for 4, 404 for 6. */
export const httpStatusOf = (statusCode: number): number =>
  statusCode === GwsStatus.notFound
    ? 404
    : statusCode === GwsStatus.forbidden || statusCode === GwsStatus.noPermission
      ? 403
      : statusCode === GwsStatus.internalError
        ? 500
        : statusCode === GwsStatus.notAuthenticated
          ? 401
          : 400;

/** The replies this module builds; {@link isReply} knows them by their class, whatever a parameter holds. */
class Reply implements GwsReply {
  constructor(
    readonly status: number,
    readonly body: Readonly<Record<string, unknown>>,
  ) {}
}

/** Builds an error reply with a GWS status code and a message. */
export const gwsError = (status: number, statusCode: number, statusMessage: string): GwsReply =>
  new Reply(status, { statusCode, statusMessage });

/** Tells an error reply (built by {@link gwsError}) from a result: a parsed operation, a parameter, a user. */
export const isReply = (x: unknown): x is GwsReply => x instanceof Reply;

/** Names safe to repeat in an error: short words only, so nothing a caller pasted by mistake is echoed back. */
export const quoteIfPlain = (s: string): string => (/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(s) ? ` "${s}"` : '');

/** An id repeated in an error only when it looks like one. */
export const idIfPlain = (id: string): string => (/^[\w.-]{1,100}$/.test(id) ? ` ${id}` : '');

/** A request body that parsed: its `operationName` and every field (the parameters). */
export interface OperationBody {
  readonly name: string;
  readonly body: Readonly<Record<string, unknown>>;
}

/**
 * Parses the JSON body of an operation. Returns its name and fields, or a 400 reply saying what is wrong; never
 * repeats the body (it could hold anything).
 */
export function parseOperationBody(raw: string): OperationBody | GwsReply {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return gwsError(400, GwsStatus.invalidParameter, 'Request body is not valid JSON');
  }
  if (!isRecord(body)) return gwsError(400, GwsStatus.invalidParameter, 'Request body must be a JSON object');
  const name = body.operationName;
  if (name === undefined) return gwsError(400, GwsStatus.missingParameter, 'Parameter operationName is missing');
  if (typeof name !== 'string') return gwsError(400, GwsStatus.invalidParameter, 'operationName must be a string');
  return { name, body };
}

/** The parameters an operation read (and checked) from its body, by name. */
export type Params = Readonly<Record<string, unknown>>;

/** Reads parameter `name` as a non-empty string: 1 when absent, 2 when not a non-empty string. */
export const requiredString = (body: Readonly<Record<string, unknown>>, name: string): string | GwsReply => {
  const v = body[name];
  if (v === undefined) return gwsError(400, GwsStatus.missingParameter, `Parameter ${name} is missing`);
  if (typeof v !== 'string' || v === '')
    return gwsError(400, GwsStatus.invalidParameter, `Parameter ${name} must be a non-empty string`);
  return v;
};

/** Reads optional parameter `name` as a non-empty string: undefined when absent, 2 when not a non-empty string. */
export const optionalString = (body: Readonly<Record<string, unknown>>, name: string): string | undefined | GwsReply =>
  body[name] === undefined ? undefined : requiredString(body, name);

/** Reads parameter `name` as a JSON object: 1 when absent, 2 when not an object. */
export const requiredObject = (
  body: Readonly<Record<string, unknown>>,
  name: string,
): Readonly<Record<string, unknown>> | GwsReply => {
  const v = body[name];
  if (v === undefined) return gwsError(400, GwsStatus.missingParameter, `Parameter ${name} is missing`);
  if (!isRecord(v)) return gwsError(400, GwsStatus.invalidParameter, `Parameter ${name} must be a JSON object`);
  return v;
};
