"""Khóa API: the user's own tokens. A new token is made through the API only from the app's
signed-in session (a token that made tokens would outlive its own expiry and revocation)."""

from . import Target

COVERAGE: dict[str, Target] = {
    "token-list": (("get", "/tokens/"), ("post", "/tokens/")),
    "token-revoke": (("post", "/tokens/{token_id}/revoke/"),),
}
