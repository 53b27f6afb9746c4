import requests

session = requests.Session()
session.headers['Authorization'] = 'Bearer tok_read_5a1e7c2b9d4f60'

r = session.get('https://httpbin.org/headers', headers={'Authorization': 'Bearer tok_live_8f2c4e9a1b7d3f'})
print('request header:', r.json()['headers'].get('Authorization'))

r = session.get('https://httpbin.org/headers', headers={'Authorization': None})
print('None:          ', r.json()['headers'].get('Authorization'))
print('session keeps:  ', session.headers['Authorization'])

r = requests.post('https://httpbin.org/anything', data={'key': 'value'}, json={'name': 'stapler'})
print('data= and json=:', r.request.headers['Content-Type'], r.request.body)
print('httpbin got:    ', 'form', r.json()['form'], 'json', r.json()['json'])
