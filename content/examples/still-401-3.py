import requests

headers = {'Authorization': 'Bearer tok_live_8f2c4e9a1b7d3f'}
r = requests.get('https://httpbin.org/redirect-to?url=https://api.example.com/items', headers=headers)
print(r.status_code, r.history, r.url)
print(r.headers.get('WWW-Authenticate'))

r = requests.get('https://httpbin.org/redirect-to?url=/headers', headers=headers)
print(r.status_code, r.json()['headers'].get('Authorization'))

print(requests.Session().should_strip_auth('https://httpbin.org/redirect-to', 'https://api.example.com/items'))
