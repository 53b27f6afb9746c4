import base64
import requests

r = requests.get('https://bob:builder@api.example.com/basic/report')
print(r.status_code, base64.b64decode(r.request.headers['Authorization'][6:]))

session = requests.Session()
session.trust_env = False  # no ~/.netrc
r = session.get('https://bob:builder@api.example.com/basic/report')
print(r.status_code, base64.b64decode(r.request.headers['Authorization'][6:]))
