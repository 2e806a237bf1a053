"""The group discussion pages in the permission matrix (see `daihoi/testing/matrix.py`).

The secretariat and the administrator (the Document subcommittee's rights) record for any group,
group the comments and mark them; readers of the whole congress (committee leaders, members)
read the overview, a draft's synthesis and its report; an agency's officer has no part (403).
No user of the matrix is a group's secretary: the secretaries are tested in test_permissions."""

from daihoi.delegates.models import DiscussionGroup
from daihoi.testing.matrix import expect

from .. import services
from .helpers import political_report, record, secretariat

READERS = dict(officer=403, officer2=403)
RECORDERS = dict(leader=403, member=403, officer=403, officer2=403)
# The matrix's delegate is no group's secretary: the overview opens, a group's pages refuse.
DELEGATE_READS = dict(delegate=200)
DELEGATE_REFUSED = dict(delegate=403)

ROWS = {
    "discussion:overview": ("get", expect(200, **READERS, **DELEGATE_READS)),
    "discussion:group-record": ("get", expect(200, **RECORDERS, **DELEGATE_REFUSED)),
    "discussion:comment-edit": ("get", expect(200, **RECORDERS, **DELEGATE_REFUSED)),
    "discussion:comment-delete": ("post", expect(302, **RECORDERS, **DELEGATE_REFUSED)),
    "discussion:comment-resolve": ("post", expect(302, **RECORDERS)),
    "discussion:synthesis": ("get", expect(200, **READERS)),
    "discussion:theme-create": ("post", expect(302, **RECORDERS)),
    "discussion:report-docx": ("get", expect(200, **READERS)),
    "discussion:theme-edit": ("get", expect(200, **RECORDERS)),
    "discussion:theme-dissolve": ("post", expect(302, **RECORDERS)),
}

KWARG_KEYS = [
    ["congress_id", "group_comment_id"],
    ["congress_id", "discussed_draft_id"],
    ["congress_id", "comment_theme_id"],
]


def objects(world, base: dict) -> dict:
    access = secretariat(world)
    group = DiscussionGroup.objects.get(pk=base["discussion_group_id"])
    draft = political_report(world)
    loose = record(access, group, draft, "Đề nghị bổ sung chỉ tiêu thu ngân sách.", "I.1")
    grouped = record(access, group, draft, "Nên nêu rõ vùng trồng dược liệu.", "II.1")
    theme = services.theme_create(
        access=access,
        comment_ids=[grouped.pk],
        summary="Làm rõ vùng trồng dược liệu",
        draft_id=draft.pk,
    )
    return {
        "discussed_draft_id": draft.pk,
        "group_comment_id": loose.pk,
        "comment_theme_id": theme.pk,
    }
