"""Tài khoản: signing in and out and the password are the pages' own; the API authenticates
by a personal token, never by a password."""

from . import UI_ONLY, Target

COVERAGE: dict[str, Target] = {
    "login": UI_ONLY + "sign-in form with a password; the API acts by a personal token",
    "logout": UI_ONLY + "ends the browser session; a token is revoked instead",
    "invitation-accept": UI_ONLY
    + "the invitee sets the password they sign in with, before they could hold any token",
    "password-change": UI_ONLY + "the sign-in password; a token never changes its owner's password",
    "password-reset": UI_ONLY + "forgotten password by e-mail, for someone who cannot sign in",
    "password-reset-done": UI_ONLY + "confirmation page of the e-mailed password reset",
    "password-reset-confirm": UI_ONLY + "the e-mailed link setting a new sign-in password",
}
