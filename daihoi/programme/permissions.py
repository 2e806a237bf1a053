"""Who keeps the programme and its running script, and fetch-and-authorise for its records.

Everyone in the congress reads the current programme. The secretariat, the administrator and
the members of the organising subcommittee (Tiểu ban Tổ chức phục vụ, or Tuyên truyền và Phục
vụ where one body does both) keep the draft, its script and publish it.
"""

from daihoi.core.views import first_or_404
from daihoi.organizations.models import Committee, Membership
from daihoi.organizations.permissions import Access

from .models import Cue, Item, Release, Session

ORGANISING_COMMITTEES = (Committee.Kind.SERVICE, Committee.Kind.PROPAGANDA_SERVICE)
ONLY_ORGANISERS = (
    "Chỉ Thường trực, Văn phòng và Tiểu ban Tổ chức phục vụ mới được soạn, sửa và ban hành "
    "chương trình Đại hội."
)


def can_keep_programme(access: Access) -> bool:
    if access.can_manage:
        return True
    return (
        access.person_id is not None
        and Membership.objects.filter(
            person_id=access.person_id,
            committee__congress=access.congress,
            committee__kind__in=ORGANISING_COMMITTEES,
        ).exists()
    )


def can_preside(access: Access) -> bool:
    """Runs the floor on the congress days from the presidium's screens: calls speakers, opens
    and closes votes. The office and the organising subcommittee operate them for the
    presidium (Đoàn Chủ tịch), so the rule is the programme keepers'."""
    return can_keep_programme(access)


def access_session(access: Access, session_id: int) -> Session:
    """A session of the access's congress; 404 alike when missing or in another congress."""
    return first_or_404(Session.objects.filter(pk=session_id, congress=access.congress))


def access_item(access: Access, item_id: int) -> Item:
    return first_or_404(
        Item.objects.select_related("session").filter(pk=item_id, session__congress=access.congress)
    )


def access_cue(access: Access, cue_id: int) -> Cue:
    return first_or_404(
        Cue.objects.select_related("item__session").filter(
            pk=cue_id, item__session__congress=access.congress
        )
    )


def access_release(access: Access, number: int) -> Release:
    return first_or_404(Release.objects.filter(congress=access.congress, number=number))
