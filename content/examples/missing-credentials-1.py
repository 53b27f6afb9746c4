import requests

response = requests.post('https://api.example.com/endpoint',
                         headers={'Authorization': 'Bearer YOUR_TOKEN'},
                         data={'key': 'value'})

print(response.status_code)
print(response.headers.get('WWW-Authenticate'))
