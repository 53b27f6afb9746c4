import requests

token = 'tok_live_8f2c4e9a1b7d3f'

variants = [
    {'Authorisation': f'Bearer {token}'},    # British
    {'Authorization': token},                # no scheme
    {'Authorization': f'Bearer{token}'},     # no space
    {'Authorization': f'Token {token}'},     # other scheme
    {'Authorization': f'Bearer "{token}"'},  # quoted
    {'Authorization': 'Bearer {token}'},     # f missing
    {'authorization': f'bearer {token}'},    # lower case
]
for headers in variants:
    r = requests.post('https://api.example.com/endpoint',
                      headers=headers, data={'key': 'value'})
    print(r.status_code, headers)
    print('   ', r.headers.get('WWW-Authenticate'))
