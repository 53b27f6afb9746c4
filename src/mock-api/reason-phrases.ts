/**
 * Reason phrases for the status line. requests shows them in `r.reason` and in raise_for_status()'s
 * "401 Client Error: Unauthorized for url: …", so they must be what a real HTTP/1.1 server sends.
 * The default table is Python's `http.HTTPStatus` (3.14), which follows RFC 9110 §15 and the IANA
 * registry; a status outside it gets an empty phrase (`HTTP/1.1 599 \r\n`), which http.client accepts.
 */
const PHRASES: Readonly<Record<number, string>> = {
  100: 'Continue',
  101: 'Switching Protocols',
  102: 'Processing',
  103: 'Early Hints',
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  203: 'Non-Authoritative Information',
  204: 'No Content',
  205: 'Reset Content',
  206: 'Partial Content',
  207: 'Multi-Status',
  208: 'Already Reported',
  226: 'IM Used',
  300: 'Multiple Choices',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  305: 'Use Proxy',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  407: 'Proxy Authentication Required',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  417: 'Expectation Failed',
  418: "I'm a Teapot",
  421: 'Misdirected Request',
  422: 'Unprocessable Content',
  423: 'Locked',
  424: 'Failed Dependency',
  425: 'Too Early',
  426: 'Upgrade Required',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported',
  506: 'Variant Also Negotiates',
  507: 'Insufficient Storage',
  508: 'Loop Detected',
  510: 'Not Extended',
  511: 'Network Authentication Required',
};

export function reasonPhrase(status: number): string {
  return PHRASES[status] ?? '';
}

/**
 * httpbin.org runs an old Werkzeug (before 2.0) that upper-cases its own table: learners there see
 * "401 Client Error: UNAUTHORIZED", and "599 UNKNOWN" for a status it has no name for.
 */
const WERKZEUG_DIFFERENT: Readonly<Record<number, string>> = {
  203: 'Non Authoritative Information',
  207: 'Multi Status',
  413: 'Request Entity Too Large',
  414: 'Request URI Too Long',
  416: 'Requested Range Not Satisfiable',
  418: "I'm a teapot",
  422: 'Unprocessable Entity',
  449: 'Retry With',
};
const WERKZEUG_MISSING = new Set([103, 208, 425, 506, 508, 511]);

export function werkzeugReasonPhrase(status: number): string {
  const phrase = WERKZEUG_DIFFERENT[status] ?? (WERKZEUG_MISSING.has(status) ? '' : reasonPhrase(status));
  return (phrase || 'Unknown').toUpperCase();
}
