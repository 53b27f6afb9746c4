/** One documented error shape per recognised API (the URLs are in src/doctor/vendors-*.ts). */
import { describe, expect, it } from 'vitest';
import { recogniseVendor } from '../../../src/doctor/vendors';

const input = (status: number, body: string, url?: string, headers: [string, string][] = []) => {
  let json: unknown = null;
  try {
    json = JSON.parse(body);
  } catch {
    /* XML */
  }
  return { status, body, json, url, headers };
};

describe('recogniseVendor', () => {
  it.each([
    ['GitHub', input(401, '{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest"}'), 'invalid-token'],
    [
      'GitHub',
      input(
        401,
        '{"message":"Requires authentication","documentation_url":"https://docs.github.com/rest/users/users#get-the-authenticated-user"}',
      ),
      'no-credentials',
    ],
    [
      'OpenAI',
      input(
        401,
        '{"error":{"message":"Incorrect API key provided: sk-proj-****ZXY. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}',
      ),
      'invalid-token',
    ],
    [
      'Stripe',
      input(401, '{"error":{"message":"Invalid API Key provided: sk_test_****1234","type":"invalid_request_error"}}'),
      'invalid-token',
    ],
    [
      'Stripe',
      input(
        400,
        '{"error":{"code":"resource_missing","message":"No such customer: \'cus_123\'; a similar object exists in live mode, but a test mode key was used to make this request.","type":"invalid_request_error"}}',
      ),
      'wrong-environment',
    ],
    ['Slack', input(200, '{"ok":false,"error":"not_authed"}'), 'no-credentials'],
    ['Slack', input(200, '{"ok":false,"error":"invalid_auth"}'), 'invalid-token'],
    [
      'Google',
      input(
        401,
        '{"error":{"code":401,"message":"Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.","status":"UNAUTHENTICATED"}}',
      ),
      'invalid-token',
    ],
    [
      'Google',
      input(
        403,
        '{"error":{"code":403,"message":"Request had insufficient authentication scopes.","status":"PERMISSION_DENIED","details":[{"reason":"ACCESS_TOKEN_SCOPE_INSUFFICIENT"}]}}',
      ),
      'insufficient-scope',
    ],
    [
      'Microsoft identity platform',
      input(
        401,
        '{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided.\\r\\nTrace ID: x","error_codes":[7000215],"trace_id":"x","correlation_id":"y"}',
      ),
      'invalid-client',
    ],
    [
      'AWS',
      input(
        403,
        '<ErrorResponse><Error><Type>Sender</Type><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided.</Message></Error></ErrorResponse>',
      ),
      'aws-signature',
    ],
    [
      'AWS',
      input(403, '{"message":"Missing Authentication Token"}', 'https://abc.execute-api.eu-west-1.amazonaws.com/prod/items'),
      'no-credentials',
    ],
    [
      'Atlassian',
      input(
        401,
        '<?xml version="1.0"?><status><status-code>401</status-code><message>Client must be authenticated to access this resource.</message></status>',
      ),
      'atlassian-basic',
    ],
  ])('%s: %#', (vendor, given, cause) => {
    expect(recogniseVendor(given)).toMatchObject({ vendor, cause });
  });

  it('recognises nothing in a generic body', () => {
    expect(recogniseVendor(input(401, '{"error":"unauthorized"}'))).toBeNull();
  });
});
