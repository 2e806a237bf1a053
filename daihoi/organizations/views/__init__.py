"""Thin views: parse, fetch-and-authorise, call a service or selector, render.

By subdomain, one module each (`accounts`, `committees`, `people`, `leaders`, ...); the URLconf
reads them from here.
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
from .committees import (
    committee_detail,
    committee_edit,
    committee_list,
    home,
    membership_add,
    membership_edit,
    membership_remove,
)
from .leaders import leader_edit, leader_list
from .people import person_create, person_edit, person_list

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
    "committee_edit",
    "committee_list",
    "home",
    "setup",
    "leader_edit",
    "leader_list",
    "membership_add",
    "membership_edit",
    "membership_remove",
    "person_create",
    "person_edit",
    "person_list",
]
