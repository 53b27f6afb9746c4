import requests

API = 'https://api.example.com'
read_only = {'Authorization': 'Bearer tok_read_5a1e7c2b9d4f60'}

r = requests.get(f'{API}/items', headers=read_only)
print('GET  /items:', r.status_code)

r = requests.post(f'{API}/items', headers=read_only, json={'name': 'stapler'})
print('POST /items:', r.status_code)
print(r.headers['WWW-Authenticate'])
