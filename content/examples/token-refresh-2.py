import time
import requests
import datetime

token = 'tok_live_8f2c4e9a1b7d3f'  # a real token, valid for one hour
token_expiration = datetime.datetime.now(datetime.UTC) + datetime.timedelta(hours=1)

def refresh_token():
    # Implement token refresh logic here
    return 'NEW_TOKEN'

def make_request(endpoint, data):
    global token, token_expiration          # the fix for the UnboundLocalError
    if datetime.datetime.now(datetime.UTC) > token_expiration:
        token = refresh_token()
        token_expiration = datetime.datetime.now(datetime.UTC) + datetime.timedelta(hours=1)
    return requests.post(endpoint, headers={'Authorization': f'Bearer {token}'}, json=data)

print('now:        ', make_request('https://api.example.com/endpoint', {'key': 'value'}).status_code)
time.sleep(3700)  # the sandbox's clock jumps ahead; the server's clock too
r = make_request('https://api.example.com/endpoint', {'key': 'value'})
print('1 h later:  ', r.status_code, r.headers['WWW-Authenticate'])
print('token sent: ', r.request.headers['Authorization'])
