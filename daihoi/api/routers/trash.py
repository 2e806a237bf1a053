"""The recycle bin: the congress's deleted records of each kind, and restoring one through the
app's own service of that kind. The secretariat's only, as the page "Thùng rác"."""

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Schema

from daihoi.audit.permissions import (
    ONLY_SECRETARIAT,
    access_deleted,
    access_trash_kind,
    can_use_trash,
)
from daihoi.audit.trash import KINDS, Kind
from daihoi.organizations.permissions import Access

from ..common import access, answers, gate, listed, write

router = Router(tags=["Thùng rác"])


class TrashKindOut(Schema):
    """A kind of record that goes to the trash, and how many of them are there now."""

    key: str
    label: str
    count: int


def _kind_of(obj: Any) -> Kind:
    return next(kind for kind in KINDS.values() if isinstance(obj, kind.model))


class DeletedOut(Schema):
    """A deleted record as the page lists it: its kind, what it was, when and by whom."""

    id: int
    kind: str
    label: str
    description: str
    deleted_at: dt.datetime | None
    deleted_by: str | None

    @staticmethod
    def resolve_kind(obj: Any) -> str:
        return _kind_of(obj).key

    @staticmethod
    def resolve_label(obj: Any) -> str:
        return _kind_of(obj).label

    @staticmethod
    def resolve_description(obj: Any) -> str:
        return _kind_of(obj).describe(obj)

    @staticmethod
    def resolve_deleted_by(obj: Any) -> str | None:
        return obj.deleted_by.display_name if obj.deleted_by else None


def _trash_user(request: HttpRequest, congress_id: int) -> Access:
    acting = access(request, congress_id)
    gate(can_use_trash(acting), ONLY_SECRETARIAT)
    return acting


@router.get(
    "/{congress_id}/trash/",
    response=answers(list[TrashKindOut]),
    summary="Thùng rác: các loại dữ liệu đã xóa và số lượng mỗi loại",
)
def trash_kinds(request: HttpRequest, congress_id: int) -> list[dict[str, Any]]:
    acting = _trash_user(request, congress_id)
    return [
        {"key": kind.key, "label": kind.label, "count": kind.in_trash(acting).count()}
        for kind in KINDS.values()
    ]


@listed(
    router,
    "/{congress_id}/trash/{kind}/",
    DeletedOut,
    "Các bản ghi đã xóa của một loại (xóa gần nhất trước)",
    description="`kind`: task, update, plan, meeting, document, incoming "
    "(xem `GET …/trash/`). Văn bản Mật, Tối mật chỉ hiện với người có tên.",
    ordering=("-deleted_at", "-id"),
)
def trash_list(request: HttpRequest, congress_id: int, kind: str) -> QuerySet[Any]:
    spec = access_trash_kind(kind)
    acting = _trash_user(request, congress_id)
    return spec.in_trash(acting).select_related("deleted_by", *spec.related)


@router.post(
    "/{congress_id}/trash/{kind}/{object_id}/restore/",
    response=answers(DeletedOut),
    summary="Khôi phục một bản ghi từ thùng rác",
)
def trash_restore(request: HttpRequest, congress_id: int, kind: str, object_id: int) -> Any:
    acting = access(request, congress_id)
    spec = access_trash_kind(kind)
    gate(can_use_trash(acting), ONLY_SECRETARIAT)
    obj = access_deleted(acting, spec, object_id)
    write(request, lambda: spec.restore(acting, obj))
    return spec.model.objects.select_related("deleted_by", *spec.related).get(pk=obj.pk)
