"""Control characters already stored (before the shared cleaning rule) never break a writer."""

import datetime as dt
import io
import random

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from daihoi.core.text import clean_text
from daihoi.documents import rendering
from daihoi.meetings import services
from daihoi.meetings.models import CalendarFeed, Conclusion, Meeting
from daihoi.planning import services as planning_services
from daihoi.planning.models import Area, Phase, Task

pytestmark = pytest.mark.django_db

POISON = "Báo cáo\u000bdòng hai\u0001\u001f\u007f\u0085\u009f\ufffe kết thúc"


def controls(rng: random.Random, length: int = 40) -> str:
    """Text mixing Vietnamese letters with every C0/C1 control, DEL and odd code points."""
    alphabet = [chr(c) for c in [*range(0, 32), *range(0x7F, 0xA0), 0xFFFE, 0xFFFF, 0x2028]]
    alphabet += list("ăâđêôơưáàảãạ Nhiệm vụ") + ["e\u0301"]
    return "".join(rng.choice(alphabet) for _ in range(length))


def test_the_shared_rule_keeps_tab_and_newline_and_leaves_no_other_control():
    rng = random.Random(11)
    for _ in range(500):
        for multiline in (True, False):
            text = clean_text(controls(rng), multiline=multiline)
            bad = [c for c in text if ord(c) < 32 and c not in "\t\n" or 0x7F <= ord(c) < 0xA0]
            assert not bad
            assert "\ufffe" not in text and "\ufffd" not in text
            assert multiline or "\n" not in text
    assert clean_text("a\u000bb") == "a\nb"
    assert clean_text("a\u000bb", multiline=False) == "a b"
    assert clean_text("Vie\u0302\u0323t\tx\r\ny") == "Việt\tx\ny"


def test_a_title_with_controls_typed_into_a_form_is_stored_clean(world, client, meeting):
    client.force_login(world.users["secretariat"])
    Task.objects.all().delete()
    response = client.post(
        f"/dai-hoi/{world.congress.pk}/nhiem-vu/them/",
        {
            "title": "Chuẩn bị\u000bkhánh tiết\u0001",
            "lead_agency": world.agencies["btg"].pk,
            "area": Area.PROPAGANDA,
            "phase": Phase.BEFORE,
            "deadline": "10/01/2099",
        },
    )
    assert response.status_code in (200, 302)
    task = Task.objects.get()
    assert task.title == "Chuẩn bị\nkhánh tiết"


def test_stored_controls_still_export_to_xlsx_render_the_notice_and_the_ics(
    world, client, held_meeting, secretariat_access
):
    task = planning_services.task_create(
        access=secretariat_access,
        fields=planning_services.TaskFields(
            title="Tạm",
            lead_agency=world.agencies["btg"],
            area=Area.FINANCE,
            phase=Phase.BEFORE,
            deadline=dt.date(2099, 1, 10),
        ),
    )
    services.conclusion_add(access=secretariat_access, meeting=held_meeting, text="Một.")
    # Written past the forms, as rows stored before the cleaning rule existed.
    Task.objects.filter(pk=task.pk).update(title=POISON)
    Conclusion.objects.filter(meeting=held_meeting).update(text=POISON)
    Meeting.objects.filter(pk=held_meeting.pk).update(title=POISON, place=POISON)
    client.force_login(world.users["secretariat"])

    response = client.get(f"/dai-hoi/{world.congress.pk}/bao-cao/nhiem-vu/excel/")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    titles = [c.value for row in sheet.iter_rows() for c in row if c.value]
    assert "Báo cáo\ndòng hai\n kết thúc" in titles

    document = services.meeting_issue_notice(
        access=secretariat_access,
        meeting=Meeting.objects.get(pk=held_meeting.pk),
        issuer=world.agencies["vptu"],
        signer=world.chair,
        recipients="- Lưu: VT.",
    )
    assert rendering.render_docx(document)[:2] == b"PK"

    feed = CalendarFeed.objects.create(user=world.users["officer"])
    response = client.get(f"/lich/{feed.token}.ics")
    assert response.status_code == 200
    summaries = {str(e["SUMMARY"]) for e in Calendar.from_ical(response.content).walk("VEVENT")}
    assert "Hạn: Báo cáo dòng hai  kết thúc" in summaries
    assert "Báo cáo dòng hai  kết thúc" in summaries
