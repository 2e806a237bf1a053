from .hub import home
from .lodging import (
    hotel_detail,
    hotel_form,
    hotel_manifest,
    hotel_manifest_xlsx,
    lodging,
    lodging_auto,
    room_edit,
    rooms_add,
    stay_assign,
    stay_release,
)
from .readiness import (
    readiness_block,
    readiness_detail,
    readiness_form,
    readiness_list,
    readiness_photo,
    readiness_report,
)

__all__ = [
    "hotel_detail",
    "hotel_form",
    "hotel_manifest",
    "hotel_manifest_xlsx",
    "lodging",
    "lodging_auto",
    "room_edit",
    "rooms_add",
    "stay_assign",
    "stay_release",
    "home",
    "readiness_block",
    "readiness_detail",
    "readiness_form",
    "readiness_list",
    "readiness_photo",
    "readiness_report",
]
