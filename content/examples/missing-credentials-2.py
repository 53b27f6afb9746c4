import requests

response = requests.post('https://api.example.com/endpoint', data={'key': 'value'})

print(response.status_code)
print(response.headers.get('WWW-Authenticate'))
