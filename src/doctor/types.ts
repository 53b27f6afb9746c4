/**
 * Shared shapes of the 401 doctor: what a pasted response becomes once read, what the code
 * analyzer (analyze.py) reports, and the ranked causes the page shows.
 */

/** The formats a learner can paste into "The response you got". */
export type ResponseFormat = 'empty' | 'raw-http' | 'curl-verbose' | 'python' | 'har' | 'body-only';

/** One header field as it arrived, name spelled as sent. */
export type HeaderField = [name: string, value: string];

/** What we learned about the request that was sent (curl's `>` lines, a HAR entry). */
export interface SentRequest {
  method?: string;
  url?: string;
  headers: HeaderField[];
}

/** A Python exception seen in pasted output (`Type: message` on the traceback's last line). */
export interface PythonException {
  type: string;
  message: string;
}

/** A pasted response, read. Every field is optional because learners paste fragments. */
export interface ParsedResponse {
  format: ResponseFormat;
  status?: number;
  reason?: string;
  headers: HeaderField[];
  body: string;
  url?: string;
  request?: SentRequest;
  /** Earlier responses of the same exchange (redirects), oldest first. */
  history: { status: number; location?: string }[];
  exception?: PythonException;
}

/** One finding of the code analyzer (src/doctor/analyze.py), as JSON. */
export interface CodeFinding {
  id: string;
  line: number;
  /** The source line quoted (secrets masked later, on display). */
  snippet: string;
  /** Plain words, specific to this code. */
  detail: string;
  confidence: 'high' | 'medium' | 'low';
}

/** What analyze.py returns. */
export interface CodeAnalysis {
  ok: boolean;
  /** A SyntaxError, when the code does not parse. */
  error?: string;
  findings: CodeFinding[];
  /** Facts the ranking uses: schemes the code sends, whether it uses Basic auth, etc. */
  facts: {
    authSchemes: string[];
    usesBasicAuth: boolean;
    usesDigestAuth: boolean;
    sendsAuthorization: boolean;
    envVars: string[];
    files: string[];
    /** Some call passes auth= (so a Basic header sent may be the code's own, not ~/.netrc's). */
    passesAuth: boolean;
  };
}

/** One piece of evidence behind a cause: a quoted line of code, header or body. */
export interface Evidence {
  source: 'code' | 'response' | 'request' | 'exception';
  label: string;
  text: string;
}

/** A cause as ranked for the page. */
export interface RankedCause {
  id: string;
  score: number;
  title: string;
  explanation: string;
  fix: string;
  side: 'code' | 'server' | 'either';
  /** What to ask the API's owner when the evidence points to their side. */
  askOwner?: string;
  lesson: { href: string; title: string };
  scenario?: string;
  evidence: Evidence[];
}
