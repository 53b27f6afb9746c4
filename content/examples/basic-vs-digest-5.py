import time
import requests
from requests.auth import HTTPDigestAuth

def nc(request):
    header = request.headers.get('Authorization') or ''
    return header.split('nc=')[1][:8] if 'nc=' in header else None

auth = HTTPDigestAuth('alice', 'wonderland')
for attempt in ('first', 'second'):
    r = requests.get('https://api.example.com/digest/report', auth=auth)
    print(attempt, r.status_code, 'requests sent:', len(r.history) + 1, 'nc:', nc(r.request))

time.sleep(400)  # the server's nonces live 300 s
r = requests.get('https://api.example.com/digest/report', auth=auth)
print('stale', r.status_code, 'requests sent:', len(r.history) + 1,
      'stale=true' in r.history[0].headers['WWW-Authenticate'])

r = requests.get('https://api.example.com/digest/report', auth=HTTPDigestAuth('alice', 'wrong'))
print('wrong password', r.status_code, 'requests sent:', len(r.history) + 1)

r = requests.get('https://httpbin.org/basic-auth/alice/wonderland', auth=HTTPDigestAuth('alice', 'wonderland'))
print('Basic challenge', r.status_code, 'requests sent:', len(r.history) + 1,
      'Authorization:', r.request.headers.get('Authorization'))

r = requests.get('https://httpbin.org/digest-auth/auth-int/alice/wonderland',
                 auth=HTTPDigestAuth('alice', 'wonderland'))
print('qop=auth-int', r.status_code, 'requests sent:', len(r.history) + 1,
      'Authorization:', r.request.headers.get('Authorization'))
