import requests

headers = {'Authorization': 'Bearer tok_live_8f2c4e9a1b7d3f'}

for url in [
    'http://httpbin.org/redirect-to?url=https://httpbin.org/headers',
    'https://httpbin.org/redirect-to?url=/headers',
    'https://httpbin.org/absolute-redirect/1',
]:
    r = requests.get(url, headers=headers)
    location = r.history[0].headers['Location']
    scheme = url.split(':')[0]
    print(f"{scheme:5} Location: {location} -> {r.json()['headers'].get('Authorization')}")

r = requests.get('https://httpbin.org/redirect-to?url=https://api.example.com/items',
                 auth=('alice', 'wonderland'))
print('auth=', r.history[0].request.headers['Authorization'], '->', r.request.headers.get('Authorization'))

session = requests.Session()
print(session.should_strip_auth('https://httpbin.org/get', 'https://httpbin.org:8443/get'))
print(session.should_strip_auth('http://httpbin.org:8080/get', 'https://httpbin.org/get'))
print(session.should_strip_auth('https://httpbin.org:443/get', 'https://httpbin.org/get'))
