"""Tuyên truyền: the register of visual propaganda items (photos, states, the map, the
dashboard's card), slogans, routes (their printed list and spreadsheet), press and media output,
exhibitions and the art programme."""

from . import C, Target

P = C + "/propaganda"
ITEM = P + "/items/{visual_id}/"

COVERAGE: dict[str, Target] = {
    "item-list": (("get", P + "/items/"),),
    "item-create": (("post", P + "/items/"),),
    "item-detail": (("get", ITEM),),
    "item-edit": (("get", ITEM), ("put", ITEM)),
    "photo-add": (("post", ITEM + "photos/"),),
    "item-state": (("post", ITEM + "state/"),),
    "photo-file": (("get", P + "/photos/{proof_id}/"),),
    "item-map": (("get", P + "/map/"),),
    "dashboard-block": (("get", P + "/overdue/"),),
    "slogan-list": (("get", P + "/slogans/"),),
    "slogan-create": (("post", P + "/slogans/"),),
    "slogan-edit": (("get", P + "/slogans/{slogan_id}/"), ("put", P + "/slogans/{slogan_id}/")),
    "route-list": (("get", P + "/routes/"),),
    "route-create": (("post", P + "/routes/"),),
    "route-edit": (("get", P + "/routes/{route_id}/"), ("put", P + "/routes/{route_id}/")),
    # The printable page is the route with its total and its items in the order they stand.
    "route-print": (
        ("get", P + "/routes/{route_id}/"),
        ("get", P + "/routes/{route_id}/items/"),
    ),
    "route-xlsx": (("get", P + "/routes/{route_id}/xlsx/"),),
    "media": (("get", P + "/media/"), ("get", P + "/pieces/")),
    "outlet-create": (("post", P + "/outlets/"),),
    "outlet-edit": (("get", P + "/outlets/{outlet_id}/"), ("put", P + "/outlets/{outlet_id}/")),
    "column-create": (("post", P + "/columns/"),),
    "column-edit": (("get", P + "/columns/{column_id}/"), ("put", P + "/columns/{column_id}/")),
    "piece-create": (("post", P + "/pieces/"),),
    "piece-edit": (("get", P + "/pieces/{piece_id}/"), ("put", P + "/pieces/{piece_id}/")),
    "event-list": (("get", P + "/events/"),),
    "event-create": (("post", P + "/events/"),),
    "event-edit": (("get", P + "/events/{event_id}/"), ("put", P + "/events/{event_id}/")),
}
