from .hub import home
from .readiness import (
    readiness_block,
    readiness_detail,
    readiness_form,
    readiness_list,
    readiness_photo,
    readiness_report,
)

__all__ = [
    "home",
    "readiness_block",
    "readiness_detail",
    "readiness_form",
    "readiness_list",
    "readiness_photo",
    "readiness_report",
]
