"""The data the two-server check needs, made with the domain's own services."""

import uuid

from django.contrib.auth.hashers import PBKDF2PasswordHasher

from daihoi.accounts.models import Role, User
from daihoi.organizations.models import Agency, Congress, Participation
from daihoi.organizations.permissions import Access
from daihoi.planning import services
from daihoi.planning.models import Area, Attachment, Phase

from .smoke import Scenario

PASSWORD = "mat-khau-kiem-tra-hai-may"


def make_scenario() -> Scenario:
    tag = uuid.uuid4().hex[:6]
    congress = Congress.objects.create(
        organization=f"Kiểm tra hai máy {tag}",
        ordinal=1,
        name="Đại hội kiểm tra",
        level="province",
        term_start=2025,
        term_end=2030,
    )
    agency = Agency.objects.create(congress=congress, name=f"Ban kiểm tra {tag}")
    # Hashed with the production hasher whatever the caller's settings (tests use a fast one).
    hasher = PBKDF2PasswordHasher()
    password = hasher.encode(PASSWORD, hasher.salt())
    secretariat = User.objects.create(username=f"smoke-vp-{tag}", password=password)
    officer = User.objects.create(username=f"smoke-cb-{tag}", password=password)
    victim = User.objects.create(username=f"smoke-khoa-{tag}", password=password)
    Participation.objects.create(user=secretariat, congress=congress, role=Role.SECRETARIAT)
    Participation.objects.create(
        user=officer, congress=congress, role=Role.AGENCY_OFFICER, agency=agency
    )
    task = services.task_create(
        access=Access(secretariat, congress, Role.SECRETARIAT),
        fields=services.TaskFields(
            title="Trang trí hội trường",
            lead_agency=agency,
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
        ),
    )
    return Scenario(officer.username, PASSWORD, congress.pk, task.pk, victim.username)


def attachment_of(task_id: int, filename: str) -> int:
    return (
        Attachment.objects.filter(update__task_id=task_id, original_name=filename)
        .values_list("pk", flat=True)
        .get()
    )
