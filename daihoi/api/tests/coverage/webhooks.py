"""Webhook của Đại hội (Thường trực / Văn phòng)."""

from . import C, Target

H = C + "/webhooks/{webhook_id}/"

COVERAGE: dict[str, Target] = {
    "webhook-list": (("get", C + "/webhooks/"), ("post", C + "/webhooks/")),
    "webhook-detail": (("get", H), ("put", H), ("get", H + "deliveries/")),
    "webhook-delete": (("delete", H),),
}
