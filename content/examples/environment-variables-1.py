import os
import requests

token = os.environ.get('API_KEY')
print(repr(token))

response = requests.post('https://api.example.com/endpoint',
                         headers={'Authorization': f'Bearer {token}'},
                         data={'key': 'value'})

print(response.request.headers['Authorization'])
print(response.status_code)
print(response.headers.get('WWW-Authenticate'))
