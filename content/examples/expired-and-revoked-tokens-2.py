import requests

API = 'https://api.example.com'
CLIENT = ('demo-client', 's3cr3t-Pa55')

def renew(grant):
    """A new access token: refresh if the grant has a refresh token, else ask again."""
    if 'refresh_token' in grant:
        data = {'grant_type': 'refresh_token', 'refresh_token': grant['refresh_token']}
    else:  # client_credentials (RFC 6749 §4.4.3): no refresh token, just ask again
        data = {'grant_type': 'client_credentials'}
    return requests.post(f'{API}/oauth/token', data=data, auth=CLIENT)

def call(token):
    return requests.post(f'{API}/endpoint', headers={'Authorization': f'Bearer {token}'},
                         json={'key': 'value'})

job = requests.post(f'{API}/oauth/token', data={'grant_type': 'client_credentials'},
                    auth=CLIENT).json()
print('client_credentials gave:', sorted(job))
print('renewed by asking again:', renew(job).status_code)

# A grant a user made earlier (authorization code flow) comes with a refresh token.
user = renew({'refresh_token': 'rt_demo_9e4b2c7a1d8f53'}).json()
print('refresh gave:', sorted(user))
print('before revoking:', call(user['access_token']).status_code)

# RFC 7009: revoke the refresh token (as a "log out" button would)
r = requests.post(f'{API}/oauth/revoke', data={'token': user['refresh_token']}, auth=CLIENT)
print('revocation endpoint:', r.status_code)

after = call(user['access_token'])
print('access token now:', after.status_code, after.json()['error_description'])

r = renew(user)
print('refresh attempt:', r.status_code, r.json())
