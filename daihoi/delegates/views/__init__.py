from .roster import (
    delegate_create,
    delegate_detail,
    delegate_edit,
    delegate_list,
    delegate_photo,
    delegate_replace,
)
from .setup import delegation_list, duty_list, duty_remove, roster_import, roster_template

__all__ = [
    "delegate_create",
    "delegate_detail",
    "delegate_edit",
    "delegate_list",
    "delegate_photo",
    "delegate_replace",
    "delegation_list",
    "duty_list",
    "duty_remove",
    "roster_import",
    "roster_template",
]
