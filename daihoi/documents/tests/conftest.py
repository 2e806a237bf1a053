import datetime as dt
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from daihoi.accounts.models import Role, User
from daihoi.documents import services
from daihoi.organizations.models import Agency, Participation
from daihoi.organizations.permissions import Access
from daihoi.testing.factories import UserFactory


@pytest.fixture
def party_office(world) -> Agency:
    """Văn phòng Tỉnh ủy (VPTU) under Tỉnh ủy Kon Tum (TU)."""
    office = world.agencies["vptu"]
    office.parent = Agency.objects.create(
        congress=world.congress, name="Tỉnh ủy Kon Tum", short_name="TU", code="TU", is_issuer=True
    )
    office.save()
    return office


@pytest.fixture
def state_office(world) -> Agency:
    """Văn phòng (VP) under UBND thành phố (UBND), in a congress following the state rules."""
    world.congress.document_rules = "state"
    world.congress.save()
    parent = Agency.objects.create(
        congress=world.congress, name="Ủy ban nhân dân thành phố Hải Dương", code="UBND"
    )
    return Agency.objects.create(
        congress=world.congress,
        name="Văn phòng",
        short_name="VP",
        code="VP",
        parent=parent,
        is_issuer=True,
    )


@pytest.fixture
def make_draft(world, secretariat_access, party_office):
    def make(access=None, issuer=None, kind="TB", **fields):
        values = {
            "subject": "Kết luận của đồng chí Nguyễn Hữu Hải tại cuộc họp Tiểu ban",
            "body": "Đoạn một.\nĐoạn hai.",
            "recipients": "Như trên\nCác đồng chí thành viên Tiểu ban",
            "recipient_agencies": [world.agencies["btg"]],
            "signer": world.chair,
            "signer_title": "Trưởng Tiểu ban",
            "authority": "T/M TIỂU BAN",
        }
        values.update(fields)
        return services.document_create(
            access=access or secretariat_access,
            kind=kind,
            issuer=issuer or party_office,
            **values,
        )

    return make


ISSUED_ON = dt.date(2020, 10, 5)


PDF = b"%PDF-1.4 van ban den\n%%EOF"


def pdf(name: str = "van-ban.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


@pytest.fixture
def colleague(world) -> User:
    """A second secretariat officer, not named on secret documents unless a test says so."""
    user = UserFactory.create(username="vanthu2", full_name="Trần Thị Văn Thư")
    Participation.objects.create(
        user=user, congress=world.congress, role=Role.SECRETARIAT, agency=world.agencies["vptu"]
    )
    return user


@pytest.fixture
def colleague_access(world, colleague) -> Access:
    return Access(colleague, world.congress, Role.SECRETARIAT, world.agencies["vptu"].pk)


@pytest.fixture
def register_incoming(secretariat_access):
    def register(access=None, **fields):
        values: dict[str, Any] = {
            "received_on": RECEIVED_ON,
            "subject": "Hướng dẫn công tác nhân sự Ban Chấp hành khóa mới",
            "sender_symbol": "12-HD/BTCTW",
            "issued_on": RECEIVED_ON - dt.timedelta(days=3),
            "issuer_name": "Ban Tổ chức Trung ương",
        }
        values.update(fields)
        return services.incoming_register(access=access or secretariat_access, **values)

    return register


RECEIVED_ON = dt.date(2025, 3, 10)
