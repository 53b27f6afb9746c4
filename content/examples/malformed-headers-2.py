import requests

try:
    requests.post('https://api.example.com/endpoint',
                  headers={'Authorization': ' Bearer tok_live_8f2c4e9a1b7d3f'},
                  data={'key': 'value'})
except requests.exceptions.InvalidHeader as error:
    print('InvalidHeader:', error)
