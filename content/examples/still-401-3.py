import requests

headers = {'Authorization': 'Bearer tok_live_8f2c4e9a1b7d3f'}
old_url = 'https://httpbin.org/redirect-to?url=https://api.example.com/items'

r = requests.get(old_url, headers=headers)
print(r.status_code, r.reason, r.url)
print('history:  ', r.history)
print('sent:     ', r.request.headers.get('Authorization'))
print('challenge:', r.headers['WWW-Authenticate'])

r = requests.get(old_url, headers=headers, allow_redirects=False)
print(r.status_code, r.reason, r.headers['Location'])

r = requests.get('https://api.example.com/items', headers=headers)
print(r.status_code, r.reason)
