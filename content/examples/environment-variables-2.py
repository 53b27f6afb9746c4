import os

token = os.environ['API_KEY']
