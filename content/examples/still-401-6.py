import requests

headers = {'Authorization': 'Bearer tok_live_8f2c4e9a1b7d3f'}

for status in (301, 302, 303, 307, 308):
    r = requests.post(f'https://httpbin.org/redirect-to?url=/anything&status_code={status}',
                      headers=headers, data={'key': 'value'})
    echoed = r.json()
    print(status, r.history, '->', echoed['method'], echoed['form'])
