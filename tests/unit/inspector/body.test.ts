import { describe, expect, it } from 'vitest';
import { bodyKind, prettyBody } from '../../../src/inspector/body';
import { prettyJson } from '../../../src/inspector/json-text';

describe('body pretty-printing', () => {
  it('indents JSON keeping every token as written (big numbers, duplicate keys, escapes)', () => {
    expect(prettyJson('{"a":1,"a":12345678901234567890,"s":"x\\"y","e":[],"o":{"k":[1,2]}}')).toBe(
      '{\n  "a": 1,\n  "a": 12345678901234567890,\n  "s": "x\\"y",\n  "e": [],\n  "o": {\n    "k": [\n      1,\n      2\n    ]\n  }\n}',
    );
  });

  it('recognises JSON sent without a JSON content type, and form fields by shape', () => {
    expect(bodyKind('{"a": 1}', 'application/x-www-form-urlencoded')).toBe('json');
    expect(bodyKind('grant_type=client_credentials&scope=items%3Aread')).toBe('form');
    expect(bodyKind('hello world')).toBe('text');
    expect(bodyKind('')).toBe('empty');
  });

  it('shows form fields one per line, decoded', () => {
    expect(
      prettyBody('grant_type=client_credentials&scope=items%3Aread+items%3Awrite&bad=%E0', 'application/x-www-form-urlencoded'),
    ).toEqual({
      kind: 'form',
      text: 'grant_type = client_credentials\nscope = items:read items:write\nbad = %E0',
    });
  });
});
