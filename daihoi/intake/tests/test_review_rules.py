"""What the review screen proposes and what confirming creates, beyond matching agencies."""

import datetime as dt

import pytest

from daihoi.intake.drafts import clean_task, sensible_deadline, strip_deadline
from daihoi.meetings.models import Meeting

from .test_views import _confirm_data, review, url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("written", "title"),
    [
        (
            "Hoàn thiện phương án trang trí, hoàn thành trước ngày 15/9/2020",
            "Hoàn thiện phương án trang trí",
        ),
        ("Gửi báo cáo về Văn phòng chậm nhất ngày 20/10", "Gửi báo cáo về Văn phòng"),
        ("Treo cờ trên các tuyến phố trong tháng 9", "Treo cờ trên các tuyến phố"),
        ("Rà soát danh sách đại biểu trước D-30", "Rà soát danh sách đại biểu"),
    ],
)
def test_the_deadline_phrase_does_not_stay_in_the_task_title(written, title):
    assert clean_task(written, []) == title


def test_a_title_that_is_only_a_deadline_is_kept_as_written():
    assert strip_deadline("Trước ngày 5/9") == "Trước ngày 5/9"


def test_a_deadline_without_a_year_never_falls_before_its_meeting():
    meeting_day = dt.date(2020, 11, 11)
    assert sensible_deadline(dt.date(2020, 1, 10), "trước ngày 10/01", meeting_day) == dt.date(
        2021, 1, 10
    )
    assert sensible_deadline(dt.date(2020, 11, 12), "trước ngày 12/11", meeting_day) == dt.date(
        2020, 11, 12
    )


def test_a_year_written_out_is_kept_even_before_the_meeting():
    day = dt.date(2020, 1, 10)
    assert sensible_deadline(day, "trước ngày 10/01/2020", dt.date(2020, 11, 11)) == day


def test_the_review_flags_deadlines_already_past_before_anything_is_saved(world, client):
    client.force_login(world.users["secretariat"])
    response = review(client, world)
    flagged = [f for f in response.context["formset"].forms if f.past_deadline]
    assert flagged and response.context["past_deadlines"] == len(flagged)
    assert "Hạn đã qua" in response.content.decode()
    assert not Meeting.objects.exists()


def test_place_is_optional_and_a_meeting_in_the_past_is_created_as_held(world, client):
    client.force_login(world.users["secretariat"])
    first = review(client, world)
    unmatched = next(
        i for i, f in enumerate(first.context["formset"].forms) if f.initial["agency"] is None
    )
    data = _confirm_data(first, {unmatched: {"create_agency": True}})
    data["place"] = ""
    assert client.post(url(world, "xac-nhan/"), data).status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.place == ""
    assert meeting.status == Meeting.Status.HELD
    assert meeting.attendance.get().person == meeting.chair


def test_a_meeting_still_ahead_is_created_as_planned(world, client):
    client.force_login(world.users["secretariat"])
    first = review(client, world)
    unmatched = next(
        i for i, f in enumerate(first.context["formset"].forms) if f.initial["agency"] is None
    )
    data = _confirm_data(first, {unmatched: {"create_agency": True}})
    data["date"] = (dt.date.today() + dt.timedelta(days=20)).strftime("%d/%m/%Y")
    assert client.post(url(world, "xac-nhan/"), data).status_code == 302
    assert Meeting.objects.get().status == Meeting.Status.PLANNED


def test_every_row_offers_to_add_a_coordinating_agency(world, client):
    client.force_login(world.users["secretariat"])
    body = review(client, world).content.decode()
    assert body.count("+ Thêm cơ quan phối hợp") >= 4  # each row and the empty row template
    assert "intake/review.js" in body


def test_text_import_is_in_the_congress_menu_for_those_who_run_meetings(world, client):
    link = f'href="{url(world)}"'
    client.force_login(world.users["secretariat"])
    assert link in client.get(f"/dai-hoi/{world.congress.pk}/").content.decode()
    client.force_login(world.users["officer"])
    assert link not in client.get(f"/dai-hoi/{world.congress.pk}/").content.decode()
