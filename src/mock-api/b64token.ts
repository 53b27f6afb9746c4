/**
 * RFC 6750 §2.1 b64token: the only characters a Bearer token may have. Its own module, free of zod,
 * because the browser's mock API needs it: importing it from the zod schema of the server state pulled zod into the
 * client bundle, and zod's first parse probes `new Function('')`, which the CSP (no 'unsafe-eval')
 * blocks and reports as a violation.
 */
export const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;
