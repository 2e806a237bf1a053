"""Consultations built through the services, for the tests of this app and of others."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from daihoi.accounts.models import Role
from daihoi.core.dates import today as local_today
from daihoi.organizations.permissions import Access

from .. import services
from ..models import Consultation

RULE_BODY = """Quy chế này quy định nguyên tắc làm việc của Tiểu ban.
Điều 1. Phạm vi điều chỉnh
Quy chế quy định chế độ làm việc, trách nhiệm của các thành viên.
Điều 2. Nguyên tắc làm việc
1. Tiểu ban làm việc theo chế độ tập thể, kết hợp trách nhiệm cá nhân.
2. Trưởng Tiểu ban phân công nhiệm vụ cho từng thành viên.
Điều 3. Chế độ họp
Tiểu ban họp định kỳ mỗi tháng một lần."""


def officer(world, key: str = "btg") -> Access:
    users = {"btg": "officer", "stc": "officer2"}
    return Access(
        world.users[users[key]], world.congress, Role.AGENCY_OFFICER, world.agencies[key].pk
    )


def secretariat(world) -> Access:
    return Access(world.users["secretariat"], world.congress, Role.SECRETARIAT)


def in_days(days: int) -> dt.date:
    return local_today() + dt.timedelta(days=days)


def send(world, **changes) -> Consultation:
    """`consultation_send` by the secretariat with the working rule's fields, but `changes`."""
    return services.consultation_send(**send_kwargs(world) | changes)


def send_kwargs(world) -> dict:
    return {
        "access": secretariat(world),
        "title": "Dự thảo Quy chế làm việc của Tiểu ban Tổ chức phục vụ Đại hội",
        "kind": "QC",
        "drafting_agency": world.agencies["vptu"],
        "committee": world.committee,
        "deadline": in_days(10),
        "body": RULE_BODY,
        "send_to": services.SendTo(agencies=[world.agencies["btg"]]),
    }


def send_rule(
    world, *, agencies=("btg", "stc"), people=(), deadline_days: int = 10, upload=None
) -> Consultation:
    """The working rule drafted by Văn phòng Tỉnh ủy, sent to Ban Tuyên giáo and Sở Tài chính."""
    return send(
        world,
        deadline=in_days(deadline_days),
        upload=upload,
        send_to=services.SendTo(
            agencies=[world.agencies[k] for k in agencies], people=list(people)
        ),
    )


def consultation_objects(world) -> dict:
    """A working rule sent to Ban Tuyên giáo (officer) — not to Sở Tài chính (officer2) — and
    to the committee's head (the leader's person); Ban Tuyên giáo has commented on Điều 2."""
    upload = SimpleUploadedFile("du-thao-quy-che.pdf", b"%PDF-1.4 du thao\n%%EOF")
    consultation = send_rule(world, agencies=("btg",), people=[world.chair], upload=upload)
    draft = services.current_draft(consultation)
    section = draft.sections.get(label="Điều 2")
    comment = services.comments_submit(
        access=officer(world),
        draft=draft,
        entries=[services.Entry(section.pk, "Bổ sung chế độ báo cáo định kỳ.")],
    )[0]
    return {
        "consultation_id": consultation.pk,
        "comment_id": comment.pk,
        "draft_id": draft.pk,
    }
