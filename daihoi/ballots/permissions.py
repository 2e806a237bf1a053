"""Who sets up an election, who counts its ballots, who reads its count; fetch-and-authorise.

The secretariat and the administrator set up elections and name the vote-counting board (Ban
Kiểm phiếu): users of the congress, each at station A or B. Only the board's members enter
ballots, each at their own station. The board, the secretariat and the subcommittee leaders
follow the count while it runs; everyone in the congress reads it once it is final.
"""

from daihoi.core.views import first_or_404
from daihoi.organizations.permissions import Access

from .models import BoardMember, Election

ONLY_MANAGERS = (
    "Chỉ Thường trực, Văn phòng Đại hội mới được tạo cuộc bầu cử và phân công kiểm phiếu."
)
ONLY_BOARD = "Chỉ thành viên Ban Kiểm phiếu được phân công ở tổ A hoặc tổ B mới được nhập phiếu."
NOT_YET = "Kết quả kiểm phiếu chỉ công bố khi đã kiểm xong toàn bộ số phiếu thu vào."


def can_manage_elections(access: Access) -> bool:
    return access.can_manage


def station_of(access: Access, election: Election) -> str | None:
    """The station the user enters ballots at in this election, or None."""
    return (
        BoardMember.objects.filter(election=election, user=access.user)
        .values_list("station", flat=True)
        .first()
    )


def can_follow_count(access: Access, election: Election) -> bool:
    """Sees the count while it runs: the board, the secretariat, the leaders."""
    return access.can_accept or station_of(access, election) is not None


def access_election(access: Access, election_id: int) -> Election:
    """An election of the access's congress; 404 alike when missing or in another congress."""
    return first_or_404(Election.objects.filter(pk=election_id, congress=access.congress))


def access_board_member(access: Access, election: Election, board_member_id: int) -> BoardMember:
    return first_or_404(
        BoardMember.objects.select_related("user").filter(pk=board_member_id, election=election)
    )
