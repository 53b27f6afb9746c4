import hashlib
import requests
from requests.auth import HTTPDigestAuth
from requests.utils import parse_dict_header

r = requests.get('https://api.example.com/digest/report',
                 auth=HTTPDigestAuth('alice', 'wonderland'))
p = parse_dict_header(r.request.headers['Authorization'][len('Digest '):])

md5 = lambda s: hashlib.md5(s.encode()).hexdigest()
ha1 = md5(f"alice:{p['realm']}:wonderland")          # what the server must store
ha2 = md5(f"GET:{p['uri']}")
response = md5(f"{ha1}:{p['nonce']}:{p['nc']}:{p['cnonce']}:{p['qop']}:{ha2}")
print('HA1      ', ha1)
print('computed ', response)
print('sent     ', p['response'])
print('status   ', r.status_code)
