import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404

from daihoi.accounts.models import Role
from daihoi.meetings import services
from daihoi.meetings.permissions import (
    access_conclusion,
    access_meeting,
    access_meeting_attachment,
)
from daihoi.organizations.permissions import Access

pytestmark = pytest.mark.django_db


@pytest.fixture
def outsider(world) -> Access:
    return Access(world.users["outsider"], world.other, Role.AGENCY_OFFICER, world.other_agency.pk)


@pytest.fixture
def uninvited(world) -> Access:
    """The officer of an agency the meeting does not invite (Công an tỉnh)."""
    return Access(
        world.users["officer"], world.congress, Role.AGENCY_OFFICER, world.agencies["ca"].pk
    )


def test_access_meeting_gives_the_meeting_to_an_invited_agency(meeting, propaganda_access):
    assert access_meeting(propaganda_access, meeting.pk) == meeting


def test_access_meeting_answers_404_for_another_congress(meeting, outsider):
    with pytest.raises(Http404):
        access_meeting(outsider, meeting.pk)


def test_access_meeting_answers_404_for_an_agency_not_invited(meeting, uninvited):
    with pytest.raises(Http404):
        access_meeting(uninvited, meeting.pk)


def test_access_meeting_answers_404_for_a_missing_meeting(secretariat_access):
    with pytest.raises(Http404):
        access_meeting(secretariat_access, 999_999)


def test_access_conclusion_answers_404_outside_the_meeting_or_the_congress(
    meeting, secretariat_access, outsider, uninvited
):
    conclusion = services.conclusion_add(access=secretariat_access, meeting=meeting, text="Một.")
    assert access_conclusion(secretariat_access, meeting.pk, conclusion.pk) == conclusion
    for access in (outsider, uninvited):
        with pytest.raises(Http404):
            access_conclusion(access, meeting.pk, conclusion.pk)
    with pytest.raises(Http404):
        access_conclusion(secretariat_access, meeting.pk + 1, conclusion.pk)


def test_access_meeting_attachment_answers_404_outside_the_meeting_or_the_congress(
    meeting, secretariat_access, outsider, uninvited
):
    upload = SimpleUploadedFile(
        "bao-cao.pdf", b"%PDF-1.4 test\n%%EOF", content_type="application/pdf"
    )
    (attachment,) = services.meeting_attach(
        access=secretariat_access, meeting=meeting, uploads=[upload]
    )
    assert access_meeting_attachment(secretariat_access, meeting.pk, attachment.pk) == attachment
    for access in (outsider, uninvited):
        with pytest.raises(Http404):
            access_meeting_attachment(access, meeting.pk, attachment.pk)
