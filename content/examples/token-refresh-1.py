import requests
import datetime

token = 'YOUR_TOKEN'
token_expiration = datetime.datetime.utcnow() + datetime.timedelta(hours=1)

def refresh_token():
    # Implement token refresh logic here
    return 'NEW_TOKEN'

def make_request(endpoint, data):
    global token
    if datetime.datetime.utcnow() > token_expiration:
        token = refresh_token()
        token_expiration = datetime.datetime.utcnow() + datetime.timedelta(hours=1)

    response = requests.post(endpoint, 
                            headers={'Authorization': f'Bearer {token}'},
                            json=data)
    
    return response

response = make_request('https://api.example.com/endpoint', {'key': 'value'})

print(response.status_code)
