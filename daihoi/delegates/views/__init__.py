from .accounts import account_create, account_create_all, account_list, slips_print
from .badges import badge_list, badge_pdf, badge_print
from .checkin import (
    by_name,
    gate,
    headcount_now,
    scan,
    search,
    session_create,
    session_headcount,
)
from .groups import group_assign, group_detail, group_list, group_print, group_remove
from .roster import (
    delegate_create,
    delegate_detail,
    delegate_edit,
    delegate_list,
    delegate_photo,
    delegate_replace,
)
from .setup import delegation_list, duty_list, duty_remove, roster_import, roster_template
from .statistics import statistics_docx, statistics_page, statistics_xlsx

__all__ = [
    "account_create",
    "account_create_all",
    "account_list",
    "slips_print",
    "by_name",
    "gate",
    "scan",
    "search",
    "session_create",
    "session_headcount",
    "headcount_now",
    "badge_list",
    "badge_pdf",
    "badge_print",
    "statistics_docx",
    "statistics_xlsx",
    "statistics_page",
    "group_assign",
    "group_detail",
    "group_list",
    "group_print",
    "group_remove",
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
