import requests
from requests.auth import HTTPDigestAuth

r = requests.get('https://api.example.com/basic/profile', auth=('test', '123£'))
print('Basic,  str password:', r.status_code, r.request.headers['Authorization'])

r = requests.get('https://api.example.com/digest/report', auth=HTTPDigestAuth('test', '123£'))
print('Digest, str password:', r.status_code)

try:
    requests.get('https://api.example.com/basic/profile', auth=('test', '12€'))
except UnicodeEncodeError as e:
    print('Basic with €:', e)
