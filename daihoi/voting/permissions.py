"""Who runs a vote and who casts one, and fetch-and-authorise for motions.

The presidium's screens (`programme.permissions.can_preside`: the office and the organising
subcommittee operate them for the Đoàn Chủ tịch) create, open and close motions. Everyone of
the congress's staff reads the motions and their results. A delegate votes only from their own
account, only on a motion of their congress, while it is open, when present at its session.
"""

from daihoi.core.views import first_or_404
from daihoi.organizations.permissions import Access
from daihoi.programme.permissions import can_preside

from .models import Motion
from .selectors import voted_by

ONLY_PRESIDIUM = "Chỉ Đoàn Chủ tịch (Văn phòng, Tiểu ban Tổ chức phục vụ) mới điều hành biểu quyết."


def can_run_votes(access: Access) -> bool:
    return can_preside(access)


def access_motion(access: Access, motion_id: int) -> Motion:
    """A motion of the access's congress; 404 alike when missing or in another congress."""
    return first_or_404(
        Motion.objects.select_related("session").filter(pk=motion_id, congress=access.congress)
    )


def access_ballot(access: Access, motion_id: int, *, mark_vote_of: int | None = None) -> Motion:
    """A motion of the access's congress as a delegate's ballot: open or closed (a draft is the
    presidium's own), 404 alike otherwise. With `mark_vote_of` (a delegate's id) it carries
    `has_voted` for that delegate, read in the same query."""
    motions = (
        Motion.objects.select_related("session")
        .filter(pk=motion_id, congress=access.congress)
        .exclude(state=Motion.State.DRAFT)
    )
    if mark_vote_of is not None:
        motions = motions.annotate(has_voted=voted_by(mark_vote_of))
    return first_or_404(motions)
