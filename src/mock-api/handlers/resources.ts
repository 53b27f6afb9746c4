/** What a resource route does once credentials and body are accepted: echo, list or create. */
import type { Decision } from '../contract';
import type { RequestContext } from '../context';
import { jsonReply, type Reply } from '../reply';
import type { RouteConfig } from '../server-state';

/**
 * The answer for `route`. `identity` describes the caller in the body (e.g. `token_scopes`), as
 * many APIs echo who they think you are.
 */
export function performAction(
  ctx: RequestContext,
  route: RouteConfig,
  received: unknown,
  identity: Record<string, unknown>,
  decision: Decision,
): Reply {
  const { items } = ctx.state;
  switch (route.action) {
    case 'list-items':
      return jsonReply(200, { items }, decision);
    case 'create-item': {
      const fields =
        typeof received === 'object' && received !== null && !Array.isArray(received) ? (received as Record<string, unknown>) : {};
      const id = items.reduce((max, item) => Math.max(max, item.id), 0) + 1;
      const item = { ...fields, id, name: typeof fields['name'] === 'string' ? fields['name'] : `item ${id}` };
      items.push(item);
      // RFC 9110 §15.3.2: 201 names the new resource in Location.
      return jsonReply(201, item, { ...decision, reason: `${decision.reason}; created item ${id}` }, [['location', `/items/${id}`]]);
    }
    case 'echo':
      return jsonReply(200, { ok: true, received, ...identity }, decision);
  }
}
