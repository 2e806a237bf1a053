import datetime as dt

import pytest

from daihoi.documents import services
from daihoi.organizations.models import Agency


@pytest.fixture
def party_office(world) -> Agency:
    """Văn phòng Tỉnh ủy (VPTU) under Tỉnh ủy Kon Tum (TU)."""
    office = world.agencies["vptu"]
    office.parent = Agency.objects.create(
        congress=world.congress, name="Tỉnh ủy Kon Tum", short_name="TU", code="TU"
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
        congress=world.congress, name="Văn phòng", short_name="VP", code="VP", parent=parent
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
