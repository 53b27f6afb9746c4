/**
 * Error shapes of cloud and enterprise APIs: Google, Microsoft identity platform, AWS, Atlassian.
 * Each rule cites where the shape is documented.
 */
import type { CauseId } from './causes';
import { headerValue } from './headers';
import { dig, host, str, type Recogniser } from './vendor-types';

/**
 * Google APIs: `{"error": {"code": 401, "message", "status": "UNAUTHENTICATED" | "PERMISSION_DENIED", "details"?}}`,
 * older APIs add `errors: [{"reason": "authError", "location": "Authorization"}]`.
 * Docs: https://cloud.google.com/apis/design/errors and https://developers.google.com/analytics/devguides/reporting/data/v1/errors
 */
export const google: Recogniser = ({ json }) => {
  const error = dig(json, 'error');
  const status = str(dig(error, 'status'));
  const reason = str(dig(error, 'errors', '0', 'reason')) ?? str(dig(error, 'details', '0', 'reason'));
  const message = str(dig(error, 'message')) ?? '';
  if (!status && reason !== 'authError') return null;
  const base = { vendor: 'Google', code: status ?? reason!, message, docs: 'https://cloud.google.com/apis/design/errors' };
  if (/API_KEY_INVALID|API key not valid/i.test(`${reason} ${message}`)) return { ...base, cause: 'invalid-token', weight: 60 };
  if (/ACCESS_TOKEN_SCOPE_INSUFFICIENT|insufficient authentication scopes/i.test(`${reason} ${message}`))
    return { ...base, cause: 'insufficient-scope', weight: 65 };
  if (/expected oauth 2 access token|login cookie or other valid authentication credential/i.test(message))
    return { ...base, cause: /invalid authentication credentials/i.test(message) ? 'invalid-token' : 'no-credentials', weight: 55 };
  if (status === 'UNAUTHENTICATED' || reason === 'authError') return { ...base, cause: 'invalid-token', weight: 50 };
  if (status === 'PERMISSION_DENIED') return { ...base, cause: 'forbidden-policy', weight: 50 };
  return null;
};

/** AADSTS codes with a known meaning for a script (https://learn.microsoft.com/entra/identity-platform/reference-error-codes). */
const AADSTS: Record<string, CauseId> = {
  '7000215': 'invalid-client', // invalid client secret
  '7000222': 'invalid-client', // client secret expired
  '700016': 'wrong-environment', // application not found in the directory (tenant)
  '90002': 'wrong-environment', // tenant not found
  '500011': 'wrong-environment', // resource principal not found
  '70011': 'insufficient-scope', // invalid scope
  '65001': 'insufficient-scope', // consent not granted
  '70008': 'invalid-grant', // code or refresh token expired
  '700082': 'invalid-grant', // refresh token expired by inactivity
  '50173': 'invalid-grant', // grant revoked (password change)
  '700024': 'clock-skew', // client assertion not within its valid time range
  '50126': 'invalid-token', // invalid username or password
};

/**
 * Microsoft identity platform token endpoint: `{"error", "error_description": "AADSTS7000215: …",
 * "error_codes": [7000215], "timestamp", "trace_id", "correlation_id"}`.
 * Docs: https://learn.microsoft.com/entra/identity-platform/reference-error-codes and the shape:
 * https://learn.microsoft.com/en-us/previous-versions/azure/dn645548(v=azure.100)
 */
export const microsoft: Recogniser = ({ json }) => {
  const description = str(dig(json, 'error_description')) ?? '';
  const codes = dig(json, 'error_codes');
  const aadsts = /AADSTS(\d+)/.exec(description)?.[1] ?? (Array.isArray(codes) ? String(codes[0]) : undefined);
  if (!aadsts || !(/AADSTS/.test(description) || dig(json, 'trace_id'))) return null;
  const error = str(dig(json, 'error')) ?? '';
  const cause: CauseId | undefined =
    AADSTS[aadsts] ?? (error === 'invalid_client' ? 'invalid-client' : error === 'invalid_grant' ? 'invalid-grant' : undefined);
  if (!cause) return null;
  return {
    vendor: 'Microsoft identity platform',
    code: `AADSTS${aadsts}`,
    message: description.split(/\r?\n/)[0],
    cause,
    weight: 70,
    docs: 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes',
  };
};

/** AWS common error codes → causes (https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html). */
const AWS: Record<string, CauseId> = {
  InvalidClientTokenId: 'invalid-token',
  UnrecognizedClientException: 'invalid-token',
  InvalidAccessKeyId: 'invalid-token',
  SignatureDoesNotMatch: 'aws-signature',
  IncompleteSignature: 'aws-signature',
  MissingAuthenticationToken: 'no-credentials',
  'Missing Authentication Token': 'no-credentials',
  ExpiredToken: 'token-expired',
  ExpiredTokenException: 'token-expired',
  RequestExpired: 'clock-skew',
  RequestTimeTooSkewed: 'clock-skew',
  AccessDenied: 'forbidden-policy',
  AccessDeniedException: 'forbidden-policy',
};

/**
 * AWS: XML `<ErrorResponse><Error><Code>InvalidClientTokenId</Code>…` (query APIs), `<Error><Code>…` (S3),
 * or JSON `{"__type": "…#UnrecognizedClientException", "message"}` / API Gateway `{"message": "Missing Authentication Token"}`.
 * Docs: https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html (found as
 * https://docs.amazonaws.cn/en_us/IAM/latest/APIReference/CommonErrors.md) and
 * https://docs.aws.amazon.com/cloudsearch/latest/developerguide/CommonErrors.html
 */
export const aws: Recogniser = ({ json, body, headers, url }) => {
  const xmlCode = /<Code>([A-Za-z]+)<\/Code>/.exec(body)?.[1];
  const jsonType = str(dig(json, '__type'))?.split('#').pop();
  const apiGateway = str(dig(json, 'message')) === 'Missing Authentication Token' ? 'Missing Authentication Token' : undefined;
  const code = xmlCode ?? jsonType ?? apiGateway ?? str(dig(json, 'Error', 'Code'));
  const awsHint =
    headerValue(headers, 'x-amzn-requestid') ??
    headerValue(headers, 'x-amz-request-id') ??
    (host(url).endsWith('amazonaws.com') ? url : undefined);
  if (!code || !(code in AWS) || !(xmlCode || jsonType || apiGateway || awsHint)) return null;
  const message = /<Message>([^<]*)<\/Message>/.exec(body)?.[1] ?? str(dig(json, 'message'));
  return {
    vendor: 'AWS',
    code,
    message,
    cause: AWS[code],
    weight: 65,
    docs: 'https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html',
  };
};

/**
 * Atlassian (Jira, Confluence): `{"errorMessages": […], "errors": {}}`, or the XML
 * `<status><status-code>401</status-code><message>Client must be authenticated to access this resource.</message></status>`,
 * often with `WWW-Authenticate: OAuth realm=…`. Cloud REST APIs take Basic email:API token.
 * Docs: https://developer.atlassian.com/cloud/jira/platform/basic-auth-for-rest-apis/ ; an unauthenticated call can
 * also look like "does not exist": https://support.atlassian.com/jira/kb/jira-api-with-curl-throws-error-errormessages-the-value-xxx-does-not-exist-for-the-field-project-errors/ ;
 * the XML shape: https://jira.atlassian.com/browse/JSDSERVER-16194
 */
export const atlassian: Recogniser = ({ json, body, status, url }) => {
  const messages = dig(json, 'errorMessages');
  const xml = /<status-code>(\d{3})<\/status-code>\s*<message>([^<]*)<\/message>/.exec(body);
  const first = Array.isArray(messages) ? str(messages[0]) : xml?.[2];
  if (first === undefined && !(Array.isArray(messages) && host(url).endsWith('atlassian.net'))) return null;
  const message = first ?? '';
  const base = {
    vendor: 'Atlassian',
    code: message || `HTTP ${status}`,
    message,
    docs: 'https://developer.atlassian.com/cloud/jira/platform/basic-auth-for-rest-apis/',
  };
  if (/must be authenticated|not authenticated|log ?in/i.test(message) || status === 401)
    return { ...base, cause: 'atlassian-basic', weight: 60 };
  if (
    /does not exist|do not have permission|not have the required permission/i.test(message) &&
    (status === 404 || status === 400 || status === 403)
  )
    return { ...base, cause: 'atlassian-basic', weight: 35 };
  return null;
};
