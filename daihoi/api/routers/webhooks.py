"""A congress's webhooks and their delivery log (the secretariat's, as the "Webhook" pages),
and the user's own API tokens (as the "Khóa API" page)."""

import datetime as dt

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from ninja import Router, Schema, Status

from daihoi.accounts.models import User
from daihoi.core.exceptions import PermissionDenied
from daihoi.organizations.permissions import Access

from .. import services, webhooks
from ..auth import token_of, user_of
from ..common import access, answers, gate, listed, valid, write
from ..forms import TokenForm, WebhookForm
from ..models import ApiToken, Delivery, Webhook

router = Router(tags=["Webhook"])
tokens_router = Router(tags=["Khóa API"])

NOT_BY_TOKEN = (
    "Khóa API không tạo được khóa mới (khóa hết hạn hay bị thu hồi phải thực sự hết tác dụng); "
    "hãy tạo khóa trong trang Khóa API của ứng dụng."
)


class WebhookOut(Schema):
    id: int
    name: str
    url: str
    events: list[str]
    active: bool
    created_at: dt.datetime


class WebhookDetail(WebhookOut):
    """With the secret the receiving system checks `X-Daihoi-Signature` with."""

    secret: str


class WebhookIn(Schema):
    """`events`: among `task.assigned`, `task.completed`, `task.accepted`, `task.returned`,
    `task.overdue`, `document.issued`."""

    name: str
    url: str
    events: list[str]
    active: bool = True


class DeliveryOut(Schema):
    id: int
    event: str
    state: str
    attempts: int
    next_attempt_at: dt.datetime | None
    last_status: int | None
    last_error: str
    created_at: dt.datetime
    delivered_at: dt.datetime | None


def _managing(request: HttpRequest, congress_id: int) -> Access:
    acting = access(request, congress_id)
    gate(acting.can_manage, webhooks.ONLY_SECRETARIAT)
    return acting


def _form(payload: WebhookIn) -> WebhookForm:
    return valid(WebhookForm(payload.model_dump()))


@listed(router, "/{congress_id}/webhooks/", WebhookOut, "Webhook của Đại hội")
def webhook_list(request: HttpRequest, congress_id: int) -> QuerySet[Webhook]:
    return Webhook.objects.filter(congress=_managing(request, congress_id).congress).order_by()


@router.post(
    "/{congress_id}/webhooks/", response=answers(WebhookDetail, 201), summary="Thêm webhook"
)
def webhook_create(request: HttpRequest, congress_id: int, payload: WebhookIn) -> Status:
    acting = _managing(request, congress_id)
    data = _form(payload).cleaned_data
    hook = write(
        request,
        lambda: webhooks.webhook_create(
            access=acting, name=data["name"], url=data["url"], events=data["events"]
        ),
    )
    return Status(201, hook)


@router.get(
    "/{congress_id}/webhooks/{webhook_id}/",
    response=answers(WebhookDetail),
    summary="Một webhook, với khóa bí mật để kiểm tra chữ ký",
)
def webhook_detail(request: HttpRequest, congress_id: int, webhook_id: int) -> Webhook:
    acting = access(request, congress_id)
    hook = webhooks.access_webhook(acting, webhook_id)
    gate(acting.can_manage, webhooks.ONLY_SECRETARIAT)
    return hook


@router.put(
    "/{congress_id}/webhooks/{webhook_id}/",
    response=answers(WebhookDetail),
    summary="Sửa webhook (địa chỉ, sự kiện, đang gửi hay tạm ngừng)",
)
def webhook_update(
    request: HttpRequest, congress_id: int, webhook_id: int, payload: WebhookIn
) -> Webhook:
    acting = access(request, congress_id)
    hook = webhooks.access_webhook(acting, webhook_id)
    gate(acting.can_manage, webhooks.ONLY_SECRETARIAT)
    data = _form(payload).cleaned_data
    return write(request, lambda: webhooks.webhook_update(access=acting, webhook=hook, **data))


@router.delete(
    "/{congress_id}/webhooks/{webhook_id}/",
    response={204: None, **answers(None)},
    summary="Xóa webhook và nhật ký gửi của nó",
)
def webhook_delete(request: HttpRequest, congress_id: int, webhook_id: int) -> Status:
    acting = access(request, congress_id)
    hook = webhooks.access_webhook(acting, webhook_id)
    gate(acting.can_manage, webhooks.ONLY_SECRETARIAT)
    write(request, lambda: webhooks.webhook_delete(access=acting, webhook=hook))
    return Status(204, None)


@listed(
    router,
    "/{congress_id}/webhooks/{webhook_id}/deliveries/",
    DeliveryOut,
    "Nhật ký gửi của webhook (mới nhất trước)",
    ordering=("-id",),
)
def webhook_deliveries(
    request: HttpRequest, congress_id: int, webhook_id: int
) -> QuerySet[Delivery]:
    acting = access(request, congress_id)
    hook = webhooks.access_webhook(acting, webhook_id)
    gate(acting.can_manage, webhooks.ONLY_SECRETARIAT)
    return Delivery.objects.filter(webhook=hook).order_by()


# The user's own tokens -------------------------------------------------------------------------


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    scope: str
    created_at: dt.datetime
    expires_at: dt.datetime
    revoked_at: dt.datetime | None
    last_used_at: dt.datetime | None
    live: bool

    @staticmethod
    def resolve_live(token: ApiToken) -> bool:
        return token.is_live()


class TokenMade(TokenOut):
    """`token`: the token itself, shown this once (only its hash is kept)."""

    token: str


class TokenIn(Schema):
    """`scope`: `read` or `read_write`; `days`: 30, 90, 180 or 365."""

    name: str
    scope: str
    days: int


def _owner(request: HttpRequest) -> User:
    return user_of(request)


@listed(tokens_router, "/", TokenOut, "Khóa API của tôi", ordering=("-id",))
def token_list(request: HttpRequest) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=_owner(request)).order_by()


@tokens_router.post(
    "/",
    response=answers(TokenMade, 201),
    summary="Tạo khóa API (chỉ từ phiên đăng nhập của ứng dụng, không bằng một khóa khác)",
)
def token_create(request: HttpRequest, payload: TokenIn) -> Status:
    if token_of(request) is not None:
        raise PermissionDenied(NOT_BY_TOKEN)
    data = valid(TokenForm(payload.model_dump())).cleaned_data
    token, raw = write(request, lambda: services.token_create(user=_owner(request), **data))
    token.token = raw  # type: ignore[attr-defined]
    return Status(201, token)


@tokens_router.post(
    "/{token_id}/revoke/",
    response=answers(TokenOut),
    summary="Thu hồi khóa API của tôi (có hiệu lực ngay)",
)
def token_revoke(request: HttpRequest, token_id: int) -> ApiToken:
    owner = _owner(request)
    token = ApiToken.objects.filter(pk=token_id, user=owner).first()
    if token is None:
        raise Http404
    return write(request, lambda: services.token_revoke(user=owner, token=token))
