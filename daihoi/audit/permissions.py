"""Fetch-and-authorise for the trash: only the secretariat sees deleted records."""

from django.db.models import Model
from django.http import Http404

from daihoi.core.views import first_or_404
from daihoi.organizations.permissions import Access

from .trash import KINDS, Kind

ONLY_SECRETARIAT = "Chỉ Thường trực / Văn phòng mới xem thùng rác và khôi phục dữ liệu."


def can_use_trash(access: Access) -> bool:
    return access.can_manage


def access_trash_kind(kind: str) -> Kind:
    """The kind of record named in the URL; 404 for an unknown one."""
    try:
        return KINDS[kind]
    except KeyError:
        raise Http404 from None


def access_deleted(access: Access, kind: Kind, object_id: int) -> Model:
    """A deleted record of the access's congress; 404 alike when missing, not deleted or not
    the congress's."""
    qs = kind.in_trash(access).filter(pk=object_id)
    return first_or_404(qs.select_related(*kind.related) if kind.related else qs)
