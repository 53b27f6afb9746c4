import requests
from requests.adapters import HTTPAdapter
from requests.auth import HTTPProxyAuth

# What a 407 looks like: the proxy's challenge is in Proxy-Authenticate.
r = requests.get('https://httpbin.org/status/407')
print(r.status_code, r.reason, '|', r.headers.get('Proxy-Authenticate'), '|', r.headers.get('WWW-Authenticate'))

# HTTPProxyAuth only sets a header on the request itself.
r = requests.get('https://httpbin.org/headers?show_env=1', auth=HTTPProxyAuth('me', 'p@ss'))
print('HTTPProxyAuth:', r.request.headers['Proxy-Authorization'], '(reached httpbin.org:',
      'Proxy-Authorization' in r.json()['headers'], end=')\n')

# Credentials in the proxy URL become the proxy's Proxy-Authorization (CONNECT for https).
print('proxy URL:    ', HTTPAdapter().proxy_headers('http://me:p%40ss@proxy.internal:3128'))

try:
    requests.get('https://api.example.com/items', proxies={'https': 'http://me:p%40ss@proxy.internal:3128'})
except requests.exceptions.ProxyError as e:
    print('ProxyError:', e.args[0].reason.args[1].strerror)
