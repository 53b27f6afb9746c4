import base64
import requests
from requests.auth import HTTPBasicAuth

url = 'https://api.example.com/basic/notes'
by_hand = 'Basic ' + base64.b64encode(b'alice:wonderland').decode('ascii')

for label, kwargs in [
    ('auth=tuple       ', {'auth': ('alice', 'wonderland')}),
    ('HTTPBasicAuth    ', {'auth': HTTPBasicAuth('alice', 'wonderland')}),
    ('headers= by hand ', {'headers': {'Authorization': by_hand}}),
    ('both, auth= wins ', {'headers': {'Authorization': 'Bearer tok_live_8f2c4e9a1b7d3f'},
                           'auth': ('alice', 'wonderland')}),
]:
    r = requests.post(url, json={'text': 'hi'}, **kwargs)
    print(label, r.status_code, r.request.headers['Authorization'])
