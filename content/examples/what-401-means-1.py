import requests

API = 'https://api.example.com'


def show(label, response):
    print(label, response.status_code)
    print('  WWW-Authenticate:', response.headers.get('WWW-Authenticate'))


# 1. No credentials at all
show('no token:', requests.post(f'{API}/endpoint', data={'key': 'value'}))

# 2. A valid token that may only read, asking to write
show('read-only token:', requests.post(f'{API}/items',
     headers={'Authorization': 'Bearer tok_read_5a1e7c2b9d4f60'},
     json={'name': 'stapler'}))

# 3. Credentials the server cannot parse: the token variable was empty
token = ''
show('empty token:', requests.post(f'{API}/endpoint',
     headers={'Authorization': f'Bearer {token}'},
     data={'key': 'value'}))
