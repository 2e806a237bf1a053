"""Drafts, groups and comments built through the services, for this app's tests and others'."""

import dataclasses
import datetime as dt
from types import SimpleNamespace

from daihoi.accounts.models import Role
from daihoi.consultation import services as consultation_services
from daihoi.consultation.models import Draft
from daihoi.core.dates import today as local_today
from daihoi.delegates.models import DiscussionGroup
from daihoi.delegates.services.groups import group_assign, group_create
from daihoi.delegates.tests.helpers import make_delegate, make_delegation
from daihoi.organizations.permissions import Access

from .. import services
from ..models import GroupComment

REPORT_BODY = """Báo cáo đánh giá kết quả nhiệm kỳ qua và phương hướng nhiệm kỳ tới.
I. KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT
1. Kinh tế tăng trưởng khá, thu ngân sách vượt kế hoạch.
II. PHƯƠNG HƯỚNG, MỤC TIÊU
1. Phát triển nông nghiệp công nghệ cao gắn với dược liệu.
III. NHIỆM VỤ, GIẢI PHÁP
1. Nâng cao chất lượng đội ngũ cán bộ."""


def secretariat(world) -> Access:
    return Access(world.users["secretariat"], world.congress, Role.SECRETARIAT)


def as_delegate(access: Access, delegate_id: int) -> Access:
    """The same user signing in as a delegate (delegate accounts give `Access.delegate_id`)."""
    return dataclasses.replace(access, delegate_id=delegate_id)


def political_report(world) -> Draft:
    consultation = consultation_services.consultation_send(
        access=secretariat(world),
        title="Dự thảo Báo cáo chính trị trình Đại hội",
        kind="BC",
        drafting_agency=world.agencies["btg"],
        deadline=local_today() + dt.timedelta(days=10),
        body=REPORT_BODY,
        send_to=consultation_services.SendTo(agencies=[world.agencies["svh"]]),
    )
    return consultation_services.current_draft(consultation)


def two_groups(world) -> SimpleNamespace:
    """Tổ 1 and Tổ 2, each with a secretary delegate."""
    access = secretariat(world)
    delegation = make_delegation(access)
    groups: list[DiscussionGroup] = []
    secretaries = []
    for number, name in [(1, "A Lâm"), (2, "Y Hương")]:
        group = group_create(access=access, name=f"Tổ số {number}", order=number)
        delegate = make_delegate(access, delegation, full_name=name)
        group_assign(access=access, group=group, delegate=delegate, role="secretary")
        groups.append(group)
        secretaries.append(delegate)
    return SimpleNamespace(groups=groups, secretaries=secretaries)


def record(
    access: Access, group: DiscussionGroup, draft: Draft, text: str, label: str | None = None
) -> GroupComment:
    section = draft.sections.get(label=label) if label else None
    return services.group_comment_record(
        access=access,
        group=group,
        fields=services.CommentFields(draft_id=draft.pk, section=section, session=None, text=text),
    )
