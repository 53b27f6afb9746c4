import requests
from requests.utils import parse_dict_header

r = requests.post('https://api.example.com/items',
                  headers={'Authorization': 'Bearer tok_read_5a1e7c2b9d4f60'},
                  json={'name': 'stapler'})
print(r.status_code)

scheme, _, params = r.headers['WWW-Authenticate'].partition(' ')
challenge = parse_dict_header(params)
print(scheme, challenge)
if challenge.get('error') == 'insufficient_scope':
    print('The token is fine; it needs scope', challenge['scope'])
