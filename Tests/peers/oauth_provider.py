"""The OAuth 2.0 provider the OAuth flow and the token refresher are tested against.

It is oidc-provider-mock (PyPI, built on Authlib) with six things that package leaves out,
added through Authlib's own extension points:

- PKCE is checked (RFC 7636): Authlib's CodeChallenge extension on the authorization code grant,
  with the challenge stored beside the code. oidc-provider-mock registers no PKCE extension.
- Refresh tokens rotate (RFC 9700 §4.14.2): every refresh issues a new refresh token and the old
  one stops working. oidc-provider-mock keeps the old one and issues none.
- An error redirect (the Deny button) carries the `state` back, as RFC 6749 §4.1.2.1 requires;
  the package drops it.
- `/userinfo` answers an unknown access token with 401 `invalid_token` (RFC 6750 §3.1), so an
  API client sees what a revoked token looks like; the package answers 400.
- The client-credentials grant (RFC 6749 §4.4), with basic or body client authentication: the
  client is the token's subject (a user named after the client id, so `/userinfo` answers the
  token as it answers a user's). The package registers only the code and refresh grants.
- `--token-response form` answers the token endpoint with application/x-www-form-urlencoded (as
  GitHub does), which no provider on PyPI does.

For the tests it counts the token requests by grant type (`GET /test/token-requests`) and can
slow the refresh grant down (`--refresh-delay SECONDS`) so concurrent refreshes overlap.

Prints `PORT <n>` once it listens on 127.0.0.1 (port chosen by the system) and exits when its
standard input closes.
"""

import argparse
import io
import json
import os
import sys
import threading
import time
from datetime import timedelta
from urllib.parse import parse_qsl, urlencode

os.environ.setdefault("AUTHLIB_INSECURE_TRANSPORT", "1")

import authlib.oauth2.rfc6749  # noqa: E402
import flask  # noqa: E402
import werkzeug.serving  # noqa: E402
from authlib.oauth2.rfc7636 import CodeChallenge  # noqa: E402

import oidc_provider_mock  # noqa: E402
from oidc_provider_mock import _app as provider  # noqa: E402


# The package's codes are frozen dataclasses: the PKCE challenge of each code is kept here.
challenges = {}
challenges_lock = threading.Lock()


class PKCEAuthorizationCodeGrant(provider.AuthorizationCodeGrant):
    """The package's grant with PKCE required and the challenge kept beside the code."""

    TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic", "client_secret_post"]

    def __init__(self, request, server):
        super().__init__(request, server)
        StoredCodeChallenge(required=True)(self)

    def save_authorization_code(self, code, request):
        super().save_authorization_code(code, request)
        data = request.payload.data
        with challenges_lock:
            challenges[code] = (data.get("code_challenge"), data.get("code_challenge_method"))


class StoredCodeChallenge(CodeChallenge):
    """Authlib's PKCE check reading the challenge kept beside the code."""

    def get_authorization_code_challenge(self, authorization_code):
        with challenges_lock:
            return challenges.get(authorization_code.code, (None, None))[0]

    def get_authorization_code_challenge_method(self, authorization_code):
        with challenges_lock:
            return challenges.get(authorization_code.code, (None, None))[1]


class RotatingRefreshTokenGrant(provider.RefreshTokenGrant):
    """The package's refresh grant issuing a new refresh token and revoking the old one."""

    INCLUDE_NEW_REFRESH_TOKEN = True
    # Authlib's default accepts only basic here; registered clients still get their own method.
    TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic", "client_secret_post"]

    def revoke_old_credential(self, refresh_token):
        super().revoke_old_credential(refresh_token)
        provider.storage.remove_refresh_token(refresh_token.token)


class ClientCredentialsGrant(authlib.oauth2.rfc6749.ClientCredentialsGrant):
    """Authlib's client-credentials grant saving the token for a user named after the client
    (the package's `save_token` and `/userinfo` need a user), with the provider's token lifetime."""

    TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic", "client_secret_post"]
    # Set from --token-lifetime; the package configures a lifetime for its code grant only.
    token_lifetime = 3600

    def create_token_response(self):
        client_id = self.request.client.id
        provider.storage.store_user(provider.User(sub=client_id, claims={"client_id": client_id}))
        self.request.user = provider.storage.get_user(client_id)
        # The package's scope filter fails on a request without `scope` (optional, RFC 6749 §4.4.2).
        token = self.generate_token(
            scope=self.request.payload.scope or "", expires_in=self.token_lifetime, include_refresh_token=False)
        self.save_token(token)
        return 200, token, self.TOKEN_RESPONSE_HEADER


def issue_token_with_client_credentials(package_view):
    """The token view answering `grant_type=client_credentials` itself (the package's view
    asserts the grant is one of its two) and passing every other grant to the package's."""

    def view():
        if flask.request.form.get("grant_type") != "client_credentials":
            return package_view()
        return flask.g._authlib_authorization_server.create_token_response()

    return view


class InvalidTokenValidator(provider.TokenValidator):
    """The package's `/userinfo` token check answering an unknown token with 401
    `invalid_token` (RFC 6750 §3.1), where the package answers 400 `access_denied`."""

    def authenticate_token(self, token_string):
        return provider.storage.get_access_token(token_string)


# The package registers its grants and validator by these module names when the app is set up.
provider.AuthorizationCodeGrant = PKCEAuthorizationCodeGrant
provider.RefreshTokenGrant = RotatingRefreshTokenGrant
provider.TokenValidator = InvalidTokenValidator
# Every client the package makes up, or registers, may use the client-credentials grant.
provider.Client.GRANT_TYPES_SUPPORTED = (*provider.Client.GRANT_TYPES_SUPPORTED, "client_credentials")


class TestHooks:
    """WSGI middleware: counts token requests, slows refreshes, re-encodes token responses."""

    def __init__(self, app, refresh_delay, form_responses):
        self.app = app
        self.refresh_delay = refresh_delay
        self.form_responses = form_responses
        self.lock = threading.Lock()
        self.counts = {}

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path == "/test/token-requests":
            with self.lock:
                body = json.dumps(self.counts).encode()
            start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
            return [body]
        if path == "/oauth2/authorize":
            return self.app(environ, self.keeping_state(environ, start_response))
        if path != "/oauth2/token" or environ.get("REQUEST_METHOD") != "POST":
            return self.app(environ, start_response)

        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length)
        environ["wsgi.input"] = io.BytesIO(body)
        grant_type = dict(parse_qsl(body.decode("utf-8", "replace"))).get("grant_type", "")
        with self.lock:
            self.counts[grant_type] = self.counts.get(grant_type, 0) + 1
        if grant_type == "refresh_token" and self.refresh_delay > 0:
            time.sleep(self.refresh_delay)
        if not self.form_responses:
            return self.app(environ, start_response)

        captured = {}

        def capture(status, headers, exc_info=None):
            captured["status"] = status
            captured["headers"] = headers
            return lambda data: None

        chunks = b"".join(self.app(environ, capture))
        try:
            answer = json.loads(chunks)
            encoded = urlencode({key: value for key, value in answer.items() if value is not None}).encode()
        except ValueError:
            encoded = chunks
        headers = [(name, value) for name, value in captured["headers"] if name.lower() not in ("content-type", "content-length")]
        headers += [("Content-Type", "application/x-www-form-urlencoded"), ("Content-Length", str(len(encoded)))]
        start_response(captured["status"], headers)
        return [encoded]


    @staticmethod
    def keeping_state(environ, start_response):
        """Adds the request's `state` to an error redirect that lacks it (the package's Deny
        button drops it, where RFC 6749 §4.1.2.1 requires it)."""
        state = dict(parse_qsl(environ.get("QUERY_STRING", ""))).get("state")

        def start(status, headers, exc_info=None):
            if state and status.startswith("302"):
                fixed = []
                for name, value in headers:
                    if name.lower() == "location" and "error=" in value and "state=" not in value:
                        value += ("&" if "?" in value else "?") + urlencode({"state": state})
                    fixed.append((name, value))
                headers = fixed
            return start_response(status, headers, exc_info)

        return start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--token-lifetime", type=int, default=3600, help="access token lifetime in seconds")
    parser.add_argument("--refresh-delay", type=float, default=0.0, help="seconds each refresh grant waits")
    parser.add_argument("--token-response", choices=["json", "form"], default="json")
    arguments = parser.parse_args()

    app = oidc_provider_mock.app(access_token_max_age=timedelta(seconds=arguments.token_lifetime))
    ClientCredentialsGrant.token_lifetime = arguments.token_lifetime
    # The package's authorization server exists only as a request global its blueprint sets.
    with app.test_request_context():
        app.preprocess_request()
        flask.g._authlib_authorization_server.register_grant(ClientCredentialsGrant)
    app.view_functions["oidc-provider-mock.issue_token"] = issue_token_with_client_credentials(
        app.view_functions["oidc-provider-mock.issue_token"])
    hooked = TestHooks(app.wsgi_app, arguments.refresh_delay, arguments.token_response == "form")
    app.wsgi_app = hooked
    server = werkzeug.serving.make_server("127.0.0.1", 0, app, threaded=True)
    print(f"PORT {server.server_port}", flush=True)

    def exit_when_stdin_closes():
        while sys.stdin.buffer.read(1024):
            pass
        os._exit(0)

    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
