#!/usr/bin/env python3
# Writes the token seed corpus: tokens signed with the fuzzer's secret (fuzz_token.cpp,
# kSecret) in TokenSigner's format, so fuzzing starts past the signature check.
import base64, hashlib, hmac, json, os

SECRET = b'storefront-fuzz-secret'
HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'corpus')


def b64(b):
    return base64.urlsafe_b64encode(b).rstrip(b'=')


def token(claims, key=SECRET):
    c = json.dumps(claims, separators=(',', ':'), sort_keys=True).encode()
    return b64(c) + b'.' + b64(hmac.new(key, c, hashlib.sha256).digest())


FUTURE, PAST = 1893456000, 1600000000  # 2030, 2020; the fuzzer's "now" is 2024-06-01
SEEDS = {
    'shopper': token({'sub': 1, 'name': 'alice', 'role': 'SHOPPER', 'exp': FUTURE}),
    'admin': token({'sub': 2, 'name': 'admin', 'role': 'ADMIN', 'exp': FUTURE}),
    'expired': token({'sub': 3, 'name': 'bob', 'role': 'SHOPPER', 'exp': PAST}),
    'badrole': token({'sub': 4, 'name': 'eve', 'role': 'ROOT', 'exp': FUTURE}),
    'nosub': token({'name': 'eve', 'role': 'ADMIN', 'exp': FUTURE}),
    'forged': token({'sub': 1, 'name': 'alice', 'role': 'ADMIN', 'exp': FUTURE}, b'wrong'),
    'bearer': b'Bearer ' + token({'sub': 5, 'name': 'x', 'role': 'SHOPPER', 'exp': FUTURE}),
    'garbage': b'not-a-token.!!!',
}
for name, data in SEEDS.items():
    with open(os.path.join(HERE, name), 'wb') as f:
        f.write(data)
