import os
import requests

token = os.environ['API_TOKEN']
print(repr(token))

response = requests.post('https://api.example.com/endpoint',
                         headers={'Authorization': f'Bearer {token}'},
                         data={'key': 'value'})
print(response.status_code)
