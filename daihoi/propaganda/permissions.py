"""Who may do what with the propaganda register and the press output.

The propaganda subcommittee (members of a Tiểu ban Tuyên truyền of the congress, whatever their
account's role) and the secretariat keep the register, the slogan list and the press output.
Everyone of the congress reads them: visual propaganda stands on the streets for all to see.
The officer of the agency that carries out an item may add its photo proof and mark it
installed or removed, from the street.

The `access_*` functions fetch an object and authorise the user at once: a missing object and one
of another congress both answer 404.
"""

from django.db.models import Model, QuerySet

from daihoi.core.views import first_or_404
from daihoi.organizations.models import Committee, Membership
from daihoi.organizations.permissions import Access

from .models import ArtEvent, Column, ItemPhoto, MediaPiece, Outlet, Route, Slogan, VisualItem

PROPAGANDA_COMMITTEES = (Committee.Kind.PROPAGANDA, Committee.Kind.PROPAGANDA_SERVICE)
WRITERS_ONLY = "Chỉ Tiểu ban Tuyên truyền và Thường trực, Văn phòng cập nhật nội dung này."
PROOF_ONLY = (
    "Chỉ Tiểu ban Tuyên truyền, Thường trực, Văn phòng và đơn vị thực hiện hạng mục "
    "được gửi ảnh minh chứng, cập nhật trạng thái."
)


def in_propaganda_committee(access: Access) -> bool:
    """The user's person is a member of one of the congress's propaganda subcommittees."""
    if access.person_id is None:
        return False
    return Membership.objects.filter(
        person_id=access.person_id,
        committee__congress=access.congress,
        committee__kind__in=PROPAGANDA_COMMITTEES,
    ).exists()


def can_write(access: Access) -> bool:
    """Keep the register, the slogans and the press output."""
    return access.can_manage or in_propaganda_committee(access)


def can_report_on_item(access: Access, item: VisualItem, *, writer: bool | None = None) -> bool:
    """Add photo proof, mark installed or removed: the writers, or the carrying-out agency."""
    if item.congress_id != access.congress.pk:
        return False
    if access.is_agency_officer and access.agency_id == item.agency_id:
        return True
    return can_write(access) if writer is None else writer


# Fetch and authorise ----------------------------------------------------------------------------


def _get[M: Model](queryset: QuerySet[M], access: Access, object_id: int) -> M:
    return first_or_404(queryset.filter(pk=object_id, congress=access.congress))


def access_slogan(access: Access, slogan_id: int) -> Slogan:
    return _get(Slogan.objects.all(), access, slogan_id)


def access_route(access: Access, route_id: int) -> Route:
    return _get(Route.objects.all(), access, route_id)


def access_item(access: Access, item_id: int) -> VisualItem:
    queryset = VisualItem.objects.select_related("route", "slogan", "agency")
    return _get(queryset, access, item_id)


def access_photo(access: Access, photo_id: int) -> ItemPhoto:
    return first_or_404(
        ItemPhoto.objects.select_related("item").filter(pk=photo_id, item__congress=access.congress)
    )


def access_outlet(access: Access, outlet_id: int) -> Outlet:
    return _get(Outlet.objects.all(), access, outlet_id)


def access_column(access: Access, column_id: int) -> Column:
    return first_or_404(
        Column.objects.select_related("outlet").filter(
            pk=column_id, outlet__congress=access.congress
        )
    )


def access_piece(access: Access, piece_id: int) -> MediaPiece:
    return _get(MediaPiece.objects.select_related("outlet", "column"), access, piece_id)


def access_event(access: Access, event_id: int) -> ArtEvent:
    return _get(ArtEvent.objects.select_related("agency"), access, event_id)
