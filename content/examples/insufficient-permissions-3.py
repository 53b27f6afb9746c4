import requests

API = 'https://api.example.com'
client = ('demo-client', 's3cr3t-Pa55')

for asked in ['items:read', 'items:read items:write']:
    grant = requests.post(f'{API}/oauth/token', auth=client,
                          data={'grant_type': 'client_credentials',
                                'scope': asked}).json()
    token = grant['access_token']
    r = requests.post(f'{API}/items', json={'name': 'stapler'},
                      headers={'Authorization': f'Bearer {token}'})
    print(f'asked {asked!r}, got {grant["scope"]!r}:', r.status_code)
