"""Two officers editing one draft: the second save is refused and shown what the first changed."""

import pytest
from django.test import Client

from daihoi.documents import services
from daihoi.documents.models import Document
from daihoi.testing.conflicts import CONFLICT, edit_meanwhile, two_editors

pytestmark = pytest.mark.django_db


def test_a_stale_draft_form_is_refused_shows_the_change_then_saves_knowingly(
    world, client, make_draft, secretariat_access, party_office
):
    draft = make_draft()
    client.force_login(world.users["secretariat"])
    url = f"/dai-hoi/{world.congress.pk}/van-ban/{draft.pk}/sua/"
    data = {
        "kind": draft.kind,
        "issuer": party_office.pk,
        "subject": "Thông báo kết luận (sửa theo góp ý)",
        "body": draft.body,
        "recipients": draft.recipients,
        "recipient_agencies": [world.agencies["btg"].pk],
        "signer": world.chair.pk,
        "signer_title": draft.signer_title,
        "authority": draft.authority,
        "confidentiality": draft.confidentiality,
    }
    stale, again = edit_meanwhile(
        client,
        url,
        data,
        lambda: services.document_update(
            access=secretariat_access, document=draft, subject="Thông báo kết luận phiên họp"
        ),
        lambda: Document.objects.get(pk=draft.pk).subject == "Thông báo kết luận phiên họp",
    )
    body = stale.content.decode()
    assert stale.status_code == 200 and CONFLICT in body and "Thông báo kết luận phiên họp" in body
    assert again.status_code == 302
    assert Document.objects.get(pk=draft.pk).subject == "Thông báo kết luận (sửa theo góp ý)"


def test_a_stale_incoming_register_form_is_refused_shows_the_change_then_saves_knowingly(
    world, register_incoming
):
    incoming = register_incoming()
    mine, theirs = Client(), Client()
    mine.force_login(world.users["secretariat"])
    theirs.force_login(world.admin)
    url = f"/dai-hoi/{world.congress.pk}/van-ban/den/{incoming.pk}/sua/"
    two_editors(url, mine, theirs, incoming, "subject")
