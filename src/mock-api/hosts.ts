/** The hosts the practice API serves, on their own so code that only checks a host loads no handler. */

/** The only hosts the sandbox reaches; everything else is a network error. */
export const MOCKED_HOSTS: readonly string[] = ['api.example.com', 'httpbin.org'];

export function isMockedHost(host: string): boolean {
  return MOCKED_HOSTS.includes(host.toLowerCase());
}
