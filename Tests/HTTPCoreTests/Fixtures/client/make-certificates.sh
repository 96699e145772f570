#!/bin/sh
# Regenerates the test certificates of the HTTP client tests (see README.md). Valid 50 years.
set -eu
cd "$(dirname "$0")"
days=18263
openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days "$days" \
    -subj "/CN=Switchboard Test CA" -keyout ca.key -out ca.pem \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
for name in localhost wrong; do
    if [ "$name" = localhost ]; then
        subject="/CN=localhost"; san="subjectAltName=IP:127.0.0.1,DNS:localhost"
    else
        subject="/CN=wrong.example"; san="subjectAltName=DNS:wrong.example"
    fi
    openssl req -newkey rsa:2048 -nodes -sha256 -subj "$subject" -keyout "$name.key" -out "$name.csr"
    printf '%s\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' "$san" > "$name.ext"
    openssl x509 -req -in "$name.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -sha256 -days "$days" \
        -extfile "$name.ext" -out "$name.pem"
    rm "$name.csr" "$name.ext"
done
rm -f ca.srl
