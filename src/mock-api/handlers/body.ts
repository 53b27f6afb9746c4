/**
 * Request bodies on resource routes, checked only after authentication succeeded: a wrong body is
 * 415 (media type, RFC 9110 §15.5.16), 400 (unparsable JSON) or 422 (valid JSON, wrong content,
 * RFC 9110 §15.5.21), which shows learners that not every failure is a 401.
 */
import { mediaType, type RequestContext } from '../context';
import { parseMultipart } from '../multipart';
import { decide, jsonReply, type Reply } from '../reply';
import type { RouteConfig } from '../server-state';

export type BodyOutcome = { ok: true; received: unknown } | { ok: false; reply: Reply };

const FORM = 'application/x-www-form-urlencoded';
const MULTIPART = 'multipart/form-data';

/** JSON media types: application/json and any +json suffix type (RFC 6839). */
export function isJsonType(type: string): boolean {
  return type === 'application/json' || /^application\/[\w.+-]+\+json$/.test(type);
}

/** A multi-map as httpbin and most frameworks show it: one value as a string, repeats as a list. */
export function flattenPairs(pairs: Iterable<[string, string]>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of pairs) {
    const existing = out[key];
    out[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

/** Text fields of a multipart body (file parts are named by their file name). */
export function multipartFields(ctx: RequestContext): [string, string][] | null {
  const parts = parseMultipart(ctx.body, ctx.headers.get('content-type') ?? '');
  return parts?.map((p) => [p.name, p.filename ?? new TextDecoder().decode(p.data)]) ?? null;
}

function tryJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

function unsupported(route: RouteConfig, reason: string): Reply {
  const accepted = route.body === 'json' ? 'application/json' : `application/json, ${FORM}`;
  const body = { error: 'unsupported_media_type', error_description: `Send the body as ${accepted}` };
  return jsonReply(415, body, decide('unsupported_media_type', `credentials are fine, but ${reason}`), [['accept-post', accepted]]);
}

/** Checks `route.requiredFields` on a parsed JSON value. */
function validate(route: RouteConfig, value: unknown): Reply | null {
  if (route.requiredFields.length === 0) return null;
  const object = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  const missing = route.requiredFields.filter((f) => typeof object?.[f] !== 'string' || object[f] === '');
  if (missing.length === 0) return null;
  const list = missing.join(', ');
  let reason = `credentials are fine, but the JSON body lacks ${list} (a non-empty string)`;
  if (typeof value === 'string' && tryJson(value).ok)
    reason =
      'credentials are fine, but the body is JSON-encoded twice (a JSON string holding JSON): pass json=payload, not json=json.dumps(payload)';
  else if (value === null) reason = `credentials are fine, but the request has no body; this route needs a JSON object with ${list}`;
  return jsonReply(
    422,
    { error: 'validation_failed', error_description: `Missing or invalid field: ${list}`, fields: missing },
    decide('invalid_body', reason),
  );
}

/** Parses and checks the body for `route`; `received` is what an echo shows. */
export function readRouteBody(ctx: RequestContext, route: RouteConfig): BodyOutcome {
  if (route.body === 'none') return { ok: true, received: null };
  const type = mediaType(ctx.headers);
  if (ctx.body.length === 0) {
    const problem = validate(route, null);
    return problem ? { ok: false, reply: problem } : { ok: true, received: null };
  }
  if (isJsonType(type)) {
    const parsed = tryJson(ctx.bodyText);
    if (!parsed.ok)
      return {
        ok: false,
        reply: jsonReply(
          400,
          { error: 'invalid_json', error_description: 'The request body is not valid JSON' },
          decide('invalid_json', `credentials are fine, but the body is not valid JSON (${parsed.error})`),
        ),
      };
    const problem = validate(route, parsed.value);
    return problem ? { ok: false, reply: problem } : { ok: true, received: parsed.value };
  }
  const looksJson = tryJson(ctx.bodyText).ok && /^\s*[[{]/.test(ctx.bodyText);
  const sent = type === '' ? 'no Content-Type' : `Content-Type ${type}`;
  if (route.body === 'json' || (route.body === 'json-or-form' && type !== FORM && type !== MULTIPART)) {
    const needs = route.body === 'json' ? 'JSON' : 'JSON or a form';
    const why = looksJson
      ? `the body is JSON sent with ${sent} (data=json.dumps(...) does not set it): use json=payload`
      : type === FORM || type === MULTIPART
        ? `the body is a form (${type}, what data= sends) but this route needs JSON: use json=payload`
        : `the body has ${sent}; this route needs ${needs}`;
    return { ok: false, reply: unsupported(route, why) };
  }
  if (type === FORM) return { ok: true, received: flattenPairs(new URLSearchParams(ctx.bodyText)) };
  if (type === MULTIPART) return { ok: true, received: flattenPairs(multipartFields(ctx) ?? []) };
  return { ok: true, received: looksJson ? (tryJson(ctx.bodyText) as { value: unknown }).value : ctx.bodyText };
}
