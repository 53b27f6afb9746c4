import requests
from requests.auth import HTTPDigestAuth

r = requests.get('https://api.example.com/digest/report',
                 auth=HTTPDigestAuth('alice', 'wonderland'))

first = r.history[0]
print('1st request Authorization:', first.request.headers.get('Authorization'))
print('1st answer:', first.status_code, first.headers['WWW-Authenticate'])
print('2nd request Authorization:', r.request.headers['Authorization'])
print('2nd answer:', r.status_code, '| history:', r.history)
