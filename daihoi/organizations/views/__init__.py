"""Thin views: parse, fetch-and-authorise, call a service or selector, render.

By subdomain, one module each (`accounts`, `committees`, ...); the URLconf reads them from here.
"""

from . import setup
from .accounts import (
    account_deactivate,
    account_detail,
    account_invite,
    account_list,
    account_password_reset,
    account_reactivate,
    account_reinvite,
    account_remove,
    account_role,
)
from .committees import committee_detail, committee_list, home

__all__ = [
    "account_deactivate",
    "account_detail",
    "account_invite",
    "account_list",
    "account_password_reset",
    "account_reactivate",
    "account_reinvite",
    "account_remove",
    "account_role",
    "committee_detail",
    "committee_list",
    "home",
    "setup",
]
