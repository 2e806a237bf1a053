"""Who runs the list of speakers, and fetch-and-authorise for its records.

The presidium's screens (the queue, calling speakers, the board) follow the programme's rule
`can_preside`: the office and the organising subcommittee operate them for the presidium. The
same people register a delegate from the paper form (phiếu đăng ký phát biểu). Everyone in the
congress reads the record of speeches delivered. A full-text file attached to a registration is
read by those helpers and by its own delegate only.
"""

from daihoi.core.views import first_or_404
from daihoi.organizations.permissions import Access
from daihoi.programme.permissions import can_preside

from .models import Speech

ONLY_PRESIDIUM = (
    "Chỉ bộ phận giúp việc Đoàn Chủ tịch (Văn phòng, Tiểu ban Tổ chức phục vụ) mới được điều hành "
    "danh sách phát biểu."
)


def can_run_speeches(access: Access) -> bool:
    return can_preside(access)


def can_read_speech_text(access: Access, speech: Speech) -> bool:
    """The full text a delegate attached: the presidium's helpers and the delegate themself,
    never another delegate."""
    if speech.congress_id != access.congress.pk:
        return False
    return can_run_speeches(access) or (
        access.delegate_id is not None and access.delegate_id == speech.delegate_id
    )


def access_speech(access: Access, speech_id: int) -> Speech:
    """A registration of the access's congress; 404 alike when missing or in another congress."""
    return first_or_404(
        Speech.objects.select_related("session", "item", "delegate__delegation").filter(
            pk=speech_id, congress=access.congress
        )
    )


def access_own_speech(access: Access, speech_id: int) -> Speech:
    """A delegate's own registration; 404 alike for anyone else's, missing or elsewhere."""
    return first_or_404(
        Speech.objects.select_related("session", "delegate").filter(
            pk=speech_id, congress=access.congress, delegate_id=access.delegate_id or 0
        )
    )
