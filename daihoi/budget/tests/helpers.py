"""Budget records built through the services, for tests of several apps."""

import datetime as dt
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from daihoi.accounts.models import Role
from daihoi.organizations.permissions import ADMIN, Access
from daihoi.planning import services as planning_services
from daihoi.planning.models import Area, Phase

from .. import services
from ..models import Category


def accesses(world) -> dict[str, Access]:
    return {
        "admin": Access(world.admin, world.congress, ADMIN),
        "secretariat": Access(world.users["secretariat"], world.congress, Role.SECRETARIAT),
        "btg": Access(
            world.users["officer"], world.congress, Role.AGENCY_OFFICER, world.agencies["btg"].pk
        ),
        "finance": Access(
            world.users["officer2"],
            world.congress,
            Role.AGENCY_OFFICER,
            world.agencies["stc"].pk,
            agency_is_finance=True,
        ),
    }


def make_norm(world, **overrides):
    values: dict[str, Any] = {
        "code": "DM01",
        "name": "Bồi dưỡng đại biểu dự Đại hội",
        "unit": "người/ngày",
        "max_unit_price": 200_000,
        "category": Category.ALLOWANCE,
        "legal_basis": "Nghị quyết số 12/2019/NQ-HĐND",
    }
    values.update(overrides)
    return services.norm_create(access=accesses(world)["finance"], **values)


def approved_estimate_with_spending(world) -> dict:
    """Ban Tuyên giáo's estimate, approved, with one spending record and its receipt."""
    a = accesses(world)
    task = planning_services.task_create(
        access=a["secretariat"],
        fields=planning_services.TaskFields(
            title="In pano, áp phích chào mừng Đại hội",
            lead_agency=world.agencies["btg"],
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
        ),
    )
    norm = make_norm(world)
    estimate = services.estimate_create(access=a["btg"], title="Dự trù kinh phí tuyên truyền")
    line = services.estimate_line_add(
        access=a["btg"],
        estimate=estimate,
        content="Bồi dưỡng cộng tác viên",
        quantity=10,
        unit_price=200_000,
        norm=norm,
        task=task,
    )
    services.estimate_submit(access=a["btg"], estimate=estimate)
    services.estimate_approve(
        access=a["finance"],
        estimate=estimate,
        decisions=[services.LineDecision(line_id=line.pk, approved_amount=2_000_000)],
    )
    spending = services.spending_record(
        access=a["btg"],
        line=line,
        amount=1_500_000,
        spent_on=dt.date(2020, 9, 1),
        content="Chi bồi dưỡng đợt 1",
        attachments=[SimpleUploadedFile("phieu-chi.pdf", b"%PDF-1.4 phieu chi\n%%EOF")],
    )
    return {
        "norm_id": norm.pk,
        "estimate_id": estimate.pk,
        "line_id": line.pk,
        "spending_attachment_id": spending.attachments.get().pk,
    }
