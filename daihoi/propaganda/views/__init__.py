from .items import (
    dashboard_block,
    item_create,
    item_detail,
    item_edit,
    item_list,
    item_state,
    photo_add,
    photo_file,
)
from .media import column_form, event_form, event_list, media_overview, outlet_form, piece_form
from .routes import (
    item_map,
    route_form,
    route_list,
    route_print,
    route_xlsx,
    slogan_form,
    slogan_list,
)

__all__ = [
    "column_form",
    "dashboard_block",
    "event_form",
    "event_list",
    "item_create",
    "item_detail",
    "item_edit",
    "item_list",
    "item_map",
    "item_state",
    "media_overview",
    "outlet_form",
    "photo_add",
    "photo_file",
    "piece_form",
    "route_form",
    "route_list",
    "route_print",
    "route_xlsx",
    "slogan_form",
    "slogan_list",
]
