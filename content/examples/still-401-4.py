import requests
from requests.auth import _basic_auth_str  # what HTTPBasicAuth uses internally

print(_basic_auth_str('test', '123£'))
print(_basic_auth_str('test'.encode('utf-8'), '123£'.encode('utf-8')))
try:
    _basic_auth_str('test', '123€')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError:', e)

r = requests.get('https://api.example.com/basic/report', auth=('test', '123£'))
print(r.status_code, r.headers.get('WWW-Authenticate'))
