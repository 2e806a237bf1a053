"""Elections built through the services, for the tests of this app and of others."""

from daihoi.accounts.models import Role
from daihoi.organizations.permissions import Access

from .. import services
from ..models import Election

# In ballot order (by given name): An, Bình, Cường, Dũng.
NAMES = ("Lê Văn Cường", "Trần Thị Bình", "Phạm Đức Dũng", "Nguyễn Văn An")


def secretariat(world) -> Access:
    return Access(world.users["secretariat"], world.congress, Role.SECRETARIAT)


def station_a(world) -> Access:
    """The subcommittee member, put at station A by `election_with_board`."""
    return Access(world.users["member"], world.congress, Role.MEMBER)


def station_b(world) -> Access:
    """The subcommittee leader, put at station B by `election_with_board`."""
    return Access(world.users["leader"], world.congress, Role.COMMITTEE_LEADER)


def election_with_board(
    world,
    *,
    seats: int = 2,
    names: tuple[str, ...] = NAMES,
    summoned: int = 12,
    excused: int = 5,
    issued: int = 10,
    collected: int | None = 10,
) -> Election:
    access = secretariat(world)
    election = services.election_create(
        access=access,
        fields=services.ElectionFields(
            title="Bầu Ban Chấp hành Đảng bộ tỉnh khóa XVI",
            seats=seats,
            summoned=summoned,
            excused=excused,
            issued=issued,
            collected=collected,
            candidates=names,
        ),
    )
    services.board_member_add(
        access=access, election=election, user=world.users["member"], station="A"
    )
    services.board_member_add(
        access=access, election=election, user=world.users["leader"], station="B"
    )
    return election


def ids(election: Election, *given_names: str) -> list[int]:
    """The candidates' ids by the last word of their names."""
    by_given = {c.full_name.split()[-1]: c.pk for c in election.candidates.all()}
    return [by_given[name] for name in given_names]


def enter_both(world, election: Election, number: int, *crossed: str, reason: str = "") -> None:
    """Both stations read ballot `number` alike."""
    for access in (station_a(world), station_b(world)):
        services.ballot_enter(
            access=access,
            election=election,
            number=number,
            crossed=ids(election, *crossed),
            chosen_reason=reason,
        )
