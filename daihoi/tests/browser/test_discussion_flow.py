"""Group discussion on a 375 px phone: the group's comment recorded from the minutes, section
and supporters included, and shown in the group's list."""

import pytest
from playwright.sync_api import expect

from daihoi.discussion.models import GroupComment
from daihoi.discussion.tests.helpers import political_report, two_groups
from daihoi.organizations.models import Committee, Membership, Participation, Person
from daihoi.testing.factories import PASSWORD, build_world

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _document_committee_member(world) -> None:
    """The member user sits on the Document subcommittee (Tiểu ban Văn kiện)."""
    person = Person.objects.create(congress=world.congress, full_name="Trần Thị Mai")
    committee = Committee.objects.create(
        congress=world.congress, kind=Committee.Kind.DOCUMENTS, name="Tiểu ban Văn kiện"
    )
    Membership.objects.create(committee=committee, person=person, role=Membership.Role.SECRETARY)
    Participation.objects.filter(user=world.users["member"], congress=world.congress).update(
        person=person
    )


def test_a_groups_secretary_records_a_comment_on_a_phone(phone_page, live_server):
    world = build_world()
    draft = political_report(world)
    groups = two_groups(world)
    _document_committee_member(world)
    login(phone_page, live_server, "member", PASSWORD)
    phone_page.goto(f"{live_server.url}/dai-hoi/{world.congress.pk}/chuong-trinh/")
    phone_page.click("nav.tabs >> text=Thảo luận tổ")
    phone_page.click("text=Tổ số 2")
    expect(phone_page.locator("h1")).to_have_text("Tổ số 2")
    section = draft.sections.get(label="II.1")
    phone_page.select_option("select[name=section]", value=str(section.pk))
    phone_page.fill("textarea[name=text]", "Bổ sung liên kết tiêu thụ sâm Ngọc Linh.")
    phone_page.fill("input[name=supporters]", "8")
    phone_page.click("button:has-text('Ghi ý kiến')")
    listed = phone_page.locator("#y-kien .comment")
    expect(listed).to_have_count(1)
    expect(listed).to_contain_text("Bổ sung liên kết tiêu thụ sâm Ngọc Linh.")
    expect(listed).to_contain_text("8 đại biểu cùng ý kiến")
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, "the recording page fits a 375 px phone"
    comment = GroupComment.objects.get()
    assert comment.group == groups.groups[1] and comment.draft == draft
    assert comment.section is not None and comment.section.label == "II.1"
