import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from daihoi.core.audit import entries_for
from daihoi.intake.models import IntakeAction
from daihoi.meetings.models import Conclusion, Meeting
from daihoi.organizations.models import Agency, Person
from daihoi.planning.models import Task

pytestmark = pytest.mark.django_db

# Written for the tests in the style of a conclusion notice.
NOTICE = (
    "Chiều 14/9/2020, đồng chí Nguyễn Hữu Hải, Phó Chủ tịch Thường trực UBND tỉnh, Trưởng Tiểu "
    "ban chủ trì cuộc họp Tiểu ban Tổ chức phục vụ Đại hội đại biểu Đảng bộ tỉnh lần thứ XV, "
    "nhiệm kỳ 2020-2025.\n\n"
    "Kết luận cuộc họp, đồng chí yêu cầu Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Sở Văn "
    "hóa, Thể thao và Du lịch hoàn thành treo pano trên các tuyến phố chính trước ngày 05/10. "
    "Sở Tài chính khẩn trương tổng hợp dự trù kinh phí của các cơ quan, báo cáo Tiểu ban trước "
    "ngày 25/9. Bộ Chỉ huy Quân sự tỉnh bảo đảm an toàn khu vực hội trường."
)


def url(world, path=""):
    return f"/dai-hoi/{world.congress.pk}/nhap-van-ban/{path}"


def review(client, world, text=NOTICE, **extra):
    return client.post(url(world), {"text": text, "committee": world.committee.pk, **extra})


def test_pasted_text_proposes_rows_matched_to_the_registry(world, client):
    client.force_login(world.users["secretariat"])
    response = review(client, world)
    assert response.status_code == 200
    formset = response.context["formset"]
    rows = {(f.initial["written_agency"], f.initial["role"]): f.initial for f in formset.forms}
    assert rows[("Ban Tuyên giáo Tỉnh ủy", "lead")]["agency"] == world.agencies["btg"].pk
    assert (
        rows[("Sở Văn hóa, Thể thao và Du lịch", "coordinate")]["agency"]
        == world.agencies["svh"].pk
    )
    assert rows[("Sở Tài chính", "lead")]["deadline"][0].isoformat() == "2020-09-25"
    assert rows[("Bộ Chỉ huy Quân sự tỉnh", "lead")]["agency"] is None
    body = response.content.decode()
    assert "Chưa khớp danh mục" in body
    assert '<mark id="evidence-1"' in body
    assert response.context["meeting_form"].initial["chair_name"] == "Nguyễn Hữu Hải"


def _confirm_data(response, row_overrides=None):
    """The review page's form as the browser would post it back."""
    formset = response.context["formset"]
    committee = response.context["committee"]
    data = {
        "committee": committee.pk if committee else "",
        "source_text": response.context["source_text"],
        "form-TOTAL_FORMS": str(formset.total_form_count()),
        "form-INITIAL_FORMS": "0",
        "title": "Phiên họp Tiểu ban Tổ chức phục vụ",
        "date": "14/09/2020",
        "start_time": "14:00",
        "place": "Phòng họp Tỉnh ủy",
        "chair_name": "Nguyễn Hữu Hải",
        "chair_titles": "Phó Chủ tịch Thường trực UBND tỉnh",
    }
    for i, form in enumerate(formset.forms):
        values = dict(form.initial)
        values.update((row_overrides or {}).get(i, {}))
        deadline = values.get("deadline") or (None, None)
        for key, value in values.items():
            if key == "deadline":
                value = deadline[0].strftime("%d/%m/%Y") if deadline[0] else ""
            if key in ("include", "create_agency"):
                if value:
                    data[f"form-{i}-{key}"] = "on"
                continue
            data[f"form-{i}-{key}"] = "" if value is None else value
    return data


def test_unmatched_agency_must_be_resolved_and_nothing_is_half_created(world, client):
    client.force_login(world.users["secretariat"])
    response = client.post(url(world, "xac-nhan/"), _confirm_data(review(client, world)))
    assert response.status_code == 200
    assert "Chưa khớp với cơ quan nào" in response.content.decode()
    assert not Meeting.objects.exists() and not Task.objects.exists()


def test_confirm_creates_the_meeting_conclusions_and_tasks_in_one_go(world, client):
    client.force_login(world.users["secretariat"])
    first = review(client, world)
    unmatched = next(
        i for i, f in enumerate(first.context["formset"].forms) if f.initial["agency"] is None
    )
    data = _confirm_data(first, {unmatched: {"create_agency": True}})
    response = client.post(url(world, "xac-nhan/"), data)
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.committee == world.committee and meeting.chair == world.chair
    tasks = {t.lead_agency.name: t for t in Task.objects.all()}
    assert set(tasks) == {"Ban Tuyên giáo Tỉnh ủy", "Sở Tài chính", "Bộ Chỉ huy Quân sự tỉnh"}
    pano = tasks["Ban Tuyên giáo Tỉnh ủy"]
    assert pano.title.startswith("Hoàn thành treo pano")
    assert [a.agency.name for a in pano.partner_assignments] == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert "Ban Tuyên giáo Tỉnh ủy chủ trì" in pano.source_text
    assert pano.source == "conclusion" and pano.conclusion.meeting == meeting
    assert Conclusion.objects.count() == 3
    assert Agency.objects.filter(name="Bộ Chỉ huy Quân sự tỉnh").exists()
    assert Person.objects.filter(full_name="Nguyễn Hữu Hải").count() == 1
    (entry,) = entries_for(action=IntakeAction.CONFIRMED)
    assert entry.object_id == meeting.pk and entry.actor == world.users["secretariat"]
    assert sorted(entry.data["tasks"]) == sorted(t.pk for t in tasks.values())


def test_rows_can_be_corrected_or_dropped_before_confirming(world, client):
    client.force_login(world.users["secretariat"])
    first = review(client, world)
    forms = first.context["formset"].forms
    unmatched = next(i for i, f in enumerate(forms) if f.initial["agency"] is None)
    finance = next(i for i, f in enumerate(forms) if f.initial["written_agency"] == "Sở Tài chính")
    data = _confirm_data(
        first,
        {
            unmatched: {"include": False},
            finance: {"deadline": None, "task": "Tổng hợp dự trù kinh phí"},
        },
    )
    data[f"form-{finance}-deadline"] = "D-20"
    assert client.post(url(world, "xac-nhan/"), data).status_code == 302
    task = Task.objects.get(lead_agency=world.agencies["stc"])
    assert task.title == "Tổng hợp dự trù kinh phí" and task.deadline_offset_days == -20
    assert Task.objects.count() == 2


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"text": ""}, "dán nội dung"),
        ({"text": "x" * 210_000}, "quá dài"),
        ({"file": SimpleUploadedFile("a.txt", b"\x00\x01binary")}, "nhị phân"),
        (
            {"text": "Please prepare the venue and the budget before the opening day, thanks."},
            "không phải tiếng Việt",
        ),
    ],
)
def test_bad_input_gets_a_message_and_creates_nothing(world, client, payload, message):
    client.force_login(world.users["secretariat"])
    response = client.post(url(world), payload)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Meeting.objects.exists()


def test_docx_upload_is_read(world, client):
    from docx import Document as Docx

    document = Docx()
    for paragraph in NOTICE.split("\n\n"):
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    client.force_login(world.users["leader"])
    upload = SimpleUploadedFile("thong-bao.docx", buffer.getvalue())
    response = client.post(url(world), {"file": upload})
    assert len(response.context["formset"].forms) == 4


def test_conclusions_can_be_added_to_an_existing_meeting(world, client, secretariat_access):
    import datetime as dt

    from django.utils import timezone

    from daihoi.meetings import services

    start = timezone.now()
    meeting = services.meeting_plan(
        access=secretariat_access,
        title="Họp giao ban",
        kind="briefing",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=1),
        place="P1",
        chair=world.chair,
    )
    client.force_login(world.users["secretariat"])
    text = "Sở Tài chính bố trí kinh phí in tài liệu trước ngày 30/9/2020."
    first = client.post(url(world), {"text": text, "meeting": meeting.pk})
    data = _confirm_data(first)
    data.pop("committee")
    data["meeting"] = meeting.pk
    assert client.post(url(world, "xac-nhan/"), data).status_code == 302
    assert Meeting.objects.count() == 1
    task = meeting.conclusions.get().task
    assert task is not None and task.lead_agency == world.agencies["stc"]


def test_a_confirm_posted_twice_with_its_token_creates_one_meeting(world, client):
    client.force_login(world.users["secretariat"])
    first = review(client, world)
    unmatched = next(
        i for i, f in enumerate(first.context["formset"].forms) if f.initial["agency"] is None
    )
    data = _confirm_data(first, {unmatched: {"create_agency": True}})
    data["_once"] = "c0ffee" * 4
    saved = client.post(url(world, "xac-nhan/"), data)
    again = client.post(url(world, "xac-nhan/"), data, follow=True)
    assert Meeting.objects.count() == 1 and Task.objects.count() == 3
    assert again.redirect_chain[-1][0] == saved["Location"]
    assert "không tạo thêm bản sao" in again.content.decode()
