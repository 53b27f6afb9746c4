import os
import requests
from requests.auth import AuthBase

class BearerAuth(AuthBase):
    def __init__(self, token):
        self.token = token

    def __call__(self, r):
        r.headers['Authorization'] = f'Bearer {self.token}'
        return r

token = os.environ['API_TOKEN']          # 'tok_live_8f2c4e9a1b7d3f\n'
try:
    requests.post('https://api.example.com/endpoint', auth=BearerAuth(token), json={'key': 'value'})
except Exception as e:
    print(type(e).__name__, e)

r = requests.post('https://api.example.com/endpoint', auth=BearerAuth(' ' + token.strip()),
                  json={'key': 'value'})
print(r.status_code, repr(r.request.headers['Authorization']))
