import requests

token = 'tok_live_8f2c4e9a1b7d3f'

# The article's third example, with a real token
response = requests.post('https://api.example.com/endpoint',
                         headers={'Authorization': f'Bearer {token}',
                                  'Content-Type': 'application/json'},
                         json={'key': 'value'})
print(response.status_code, response.request.headers['Content-Type'])

# The same call without the hand-written Content-Type
response = requests.post('https://api.example.com/endpoint',
                         headers={'Authorization': f'Bearer {token}'},
                         json={'key': 'value'})
print(response.status_code, response.request.headers['Content-Type'])
