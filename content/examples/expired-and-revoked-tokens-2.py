import requests

API = 'https://api.example.com'
CLIENT = ('demo-client', 's3cr3t-Pa55')

grant = requests.post(f'{API}/oauth/token', data={'grant_type': 'client_credentials'},
                      auth=CLIENT).json()

def call(token):
    return requests.post(f'{API}/endpoint', headers={'Authorization': f'Bearer {token}'},
                         json={'key': 'value'})

print('before revoking:', call(grant['access_token']).status_code)

# RFC 7009: revoke the refresh token (as a "log out" button would)
r = requests.post(f'{API}/oauth/revoke', data={'token': grant['refresh_token']}, auth=CLIENT)
print('revocation endpoint:', r.status_code)

after = call(grant['access_token'])
print('access token now:', after.status_code, after.json()['error_description'])

r = requests.post(f'{API}/oauth/token', auth=CLIENT,
                  data={'grant_type': 'refresh_token', 'refresh_token': grant['refresh_token']})
print('refresh attempt:', r.status_code, r.json())
