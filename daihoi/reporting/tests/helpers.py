"""Reporting records built through the services, for tests of several apps."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from daihoi.accounts.models import Role
from daihoi.core.dates import today
from daihoi.organizations.permissions import Access
from daihoi.planning import services as planning_services
from daihoi.planning.models import Area, Phase
from daihoi.testing.files import docx_upload

from .. import services


def secretariat(world) -> Access:
    return Access(world.users["secretariat"], world.congress, Role.SECRETARIAT)


def officer(world, key: str = "officer") -> Access:
    agency = {"officer": "btg", "officer2": "stc"}[key]
    return Access(world.users[key], world.congress, Role.AGENCY_OFFICER, world.agencies[agency].pk)


def make_request(world, *, agencies=("btg",), days_left: int = 5, columns=(), template=False):
    return services.report_request_create(
        access=secretariat(world),
        title="Báo cáo số liệu phục vụ Báo cáo chính trị",
        deadline=today() + dt.timedelta(days=days_left),
        agencies=[world.agencies[k] for k in agencies],
        instructions="Gửi về Văn phòng Tỉnh ủy trước hạn.",
        columns=list(columns),
        template=docx_upload("mau.docx") if template else None,
    )


def overdue_task(world, title: str = "Hoàn thiện pano tuyên truyền", days: int = 5):
    return planning_services.task_create(
        access=secretariat(world),
        fields=planning_services.TaskFields(
            title=title,
            lead_agency=world.agencies["btg"],
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
            deadline=today() - dt.timedelta(days=days),
        ),
    )


def reporting_objects(world) -> dict:
    """For the permission matrix: a request to Ban Tuyên giáo with a template, its sent report
    with a file, and a request for explanation of an overdue task of Ban Tuyên giáo."""
    request = make_request(world, template=True)
    submission = request.submissions.get()
    services.submission_submit(
        access=officer(world),
        submission=submission,
        text="Báo cáo của Ban Tuyên giáo",
        files=[SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4 test\n%%EOF")],
    )
    task = overdue_task(world)
    explanation = services.explanation_request(
        access=secretariat(world), task=task, reason="Đề nghị giải trình lý do chậm."
    )
    return {
        "request_id": request.pk,
        "submission_id": submission.pk,
        "submission_file_id": submission.files.get().pk,
        "explanation_id": explanation.pk,
    }
