import requests
from requests.utils import get_netrc_auth

print(get_netrc_auth('https://api.example.com/endpoint'))

r = requests.post('https://api.example.com/endpoint',
                  headers={'Authorization': 'Bearer tok_live_8f2c4e9a1b7d3f'},
                  json={'key': 'value'})
print(r.status_code, r.headers.get('WWW-Authenticate'))
print(r.request.headers['Authorization'])
