"""Giao thành nhiệm vụ: the conclusion's sentence proposes lead, partners, deadline and area."""

import datetime as dt

import pytest
from django.utils import timezone

from daihoi.core.audit import history_of
from daihoi.core.exceptions import BusinessError
from daihoi.meetings import services
from daihoi.meetings.models import ConclusionAction, Meeting
from daihoi.meetings.proposals import propose_task, year_that_makes_sense
from daihoi.planning.models import Area, Phase, Task, TaskAssignment
from daihoi.planning.wording import confident_area

pytestmark = pytest.mark.django_db


def meeting_on(world, access, day: dt.date) -> Meeting:
    start = timezone.make_aware(dt.datetime.combine(day, dt.time(8, 0)))
    return services.meeting_plan(
        access=access,
        title="Phiên họp Tiểu ban Tổ chức phục vụ",
        kind=Meeting.Kind.SUBCOMMITTEE,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=3),
        place="Phòng họp số 2",
        chair=world.chair,
        committee=world.committee,
    )


def proposal_for(world, access, text, day=dt.date(2020, 8, 20)):
    meeting = meeting_on(world, access, day)
    conclusion = services.conclusion_add(access=access, meeting=meeting, text=text)
    return conclusion, propose_task(
        conclusion, agencies=world.congress.agencies.all(), congress=world.congress
    )


def test_sentence_proposes_lead_coordinating_agency_and_deadline_in_the_meetings_year(
    world, secretariat_access
):
    _, proposal = proposal_for(
        world,
        secretariat_access,
        "Giao Sở Tài chính chủ trì, phối hợp với Ban Tuyên giáo Tỉnh ủy hoàn thành trước ngày 15/9",
    )
    assert proposal.lead is not None and proposal.lead.agency == world.agencies["stc"]
    assert [p.agency for p in proposal.coordinating] == [world.agencies["btg"]]
    assert proposal.deadline == dt.date(2020, 9, 15)
    assert proposal.deadline_after_congress is None
    # "Sở Tài chính" names the agency, not the area: no area is chosen for the officer.
    assert proposal.area is None


def test_abbreviated_agency_matches_the_registry(world, secretariat_access):
    _, proposal = proposal_for(
        world,
        secretariat_access,
        "Giao Sở VH-TT&DL chủ trì tổ chức chương trình văn nghệ chào mừng Đại hội.",
    )
    assert proposal.lead is not None and proposal.lead.agency == world.agencies["svh"]
    assert proposal.area == Area.CULTURE


def test_agency_written_with_old_style_accents_matches_the_registry(world, secretariat_access):
    _, proposal = proposal_for(
        world,
        secretariat_access,
        "Sở Văn hoá, Thể thao và Du lịch chủ trì trang trí khánh tiết hội trường.",
    )
    assert proposal.lead is not None and proposal.lead.agency == world.agencies["svh"]
    assert proposal.area == Area.CEREMONY


def test_unknown_agency_is_proposed_unmatched_for_the_officer_to_pick(world, secretariat_access):
    _, proposal = proposal_for(
        world,
        secretariat_access,
        "Sở Xây dựng chủ trì, phối hợp với Sở Văn hóa, Thể thao và Du lịch sửa chữa hệ thống "
        "âm thanh hội trường trước ngày 30/9/2020.",
    )
    assert proposal.lead is not None
    assert proposal.lead.written == "Sở Xây dựng" and not proposal.lead.is_matched
    assert proposal.initial()["lead_agency"] is None
    assert proposal.initial()["coordinating_agencies"] == [world.agencies["svh"].pk]
    assert proposal.area == Area.LOGISTICS


def test_deadline_without_a_year_falls_after_the_meeting_even_across_new_year(
    world, secretariat_access
):
    _, proposal = proposal_for(
        world,
        secretariat_access,
        "Văn phòng Tỉnh ủy hoàn thành việc in tài liệu Đại hội trước ngày 10/01.",
        day=dt.date(2019, 12, 20),
    )
    assert proposal.deadline == dt.date(2020, 1, 10)


def test_year_that_makes_sense_keeps_a_written_year_and_moves_a_missing_one_forward():
    meeting_day = dt.date(2020, 8, 20)
    assert year_that_makes_sense(dt.date(2020, 3, 30), "trước 30/3", meeting_day) == dt.date(
        2021, 3, 30
    )
    assert year_that_makes_sense(dt.date(2020, 3, 30), "trước 30/3/2020", meeting_day) == dt.date(
        2020, 3, 30
    )
    assert year_that_makes_sense(dt.date(2020, 8, 20), "ngay 20/8", meeting_day) == meeting_day


def test_deadline_after_the_congress_is_flagged(world, secretariat_access):
    _, proposal = proposal_for(
        world,
        secretariat_access,
        "Ban Tuyên giáo Tỉnh ủy tổng kết công tác tuyên truyền trước ngày 30/11.",
    )
    assert proposal.deadline == dt.date(2020, 11, 30)
    congress = world.congress
    assert proposal.deadline_after_congress == (congress.closing_date or congress.opening_date)
    assert proposal.area == Area.PROPAGANDA


def test_area_is_proposed_only_when_one_area_clearly_leads():
    assert confident_area("trang trí khánh tiết hội trường") == Area.CEREMONY
    assert confident_area("tuyên truyền trên báo chí") is None
    assert confident_area("hoàn thành trước ngày 15/9") is None


def test_conclusion_to_task_without_an_area_is_refused_and_nothing_saved(
    world, secretariat_access, meeting
):
    conclusion = services.conclusion_add(
        access=secretariat_access, meeting=meeting, text="Sở Tài chính hoàn thành trước 15/9."
    )
    with pytest.raises(BusinessError, match="Chưa chọn lĩnh vực") as refused:
        services.conclusion_to_task(
            access=secretariat_access,
            conclusion=conclusion,
            lead_agency=world.agencies["stc"],
            area="",
            phase=Phase.BEFORE,
        )
    assert refused.value.field == "area"
    assert not Task.objects.exists()


def url(world, meeting, conclusion):
    return f"/dai-hoi/{world.congress.pk}/cuoc-hop/{meeting.pk}/ket-luan/{conclusion.pk}/giao-viec/"


def test_form_comes_filled_with_the_proposal_and_leaves_the_area_to_choose(
    world, client, secretariat_access
):
    conclusion, _ = proposal_for(
        world,
        secretariat_access,
        "Giao Sở Tài chính chủ trì, phối hợp với Ban Tuyên giáo Tỉnh ủy và Sở Nội vụ hoàn "
        "thành trước ngày 15/9",
    )
    client.force_login(world.users["secretariat"])
    response = client.get(url(world, conclusion.meeting, conclusion))
    form = response.context["form"]
    page = response.content.decode()
    assert form["lead_agency"].value() == world.agencies["stc"].pk
    assert form["coordinating_agencies"].value() == [world.agencies["btg"].pk]
    assert form["deadline"].value() == "15/09/2020"
    assert form["area"].value() == ""
    assert "“Sở Nội vụ”" in page and "Chưa khớp danh mục" in page
    assert "Kết luận không nêu rõ lĩnh vực" in page


def test_posting_without_an_area_shows_the_message_and_creates_no_task(
    world, client, secretariat_access
):
    conclusion, _ = proposal_for(
        world, secretariat_access, "Giao Sở Tài chính chủ trì hoàn thành trước ngày 15/9"
    )
    client.force_login(world.users["secretariat"])
    response = client.post(
        url(world, conclusion.meeting, conclusion),
        {
            "title": conclusion.text,
            "lead_agency": world.agencies["stc"].pk,
            "deadline": "15/09/2020",
            "area": "",
            "phase": Phase.BEFORE,
        },
    )
    assert response.status_code == 200
    assert "Chưa chọn lĩnh vực: kết luận không nêu rõ lĩnh vực" in response.content.decode()
    assert not Task.objects.exists()


def test_officer_corrects_a_proposed_field_and_the_task_keeps_the_correction(
    world, client, secretariat_access
):
    conclusion, _ = proposal_for(
        world,
        secretariat_access,
        "Giao Sở Tài chính chủ trì, phối hợp với Ban Tuyên giáo Tỉnh ủy bố trí kinh phí in "
        "tài liệu trước ngày 15/9",
    )
    client.force_login(world.users["secretariat"])
    response = client.post(
        url(world, conclusion.meeting, conclusion),
        {
            "title": conclusion.text,
            "lead_agency": world.agencies["stc"].pk,
            "coordinating_agencies": [world.agencies["vptu"].pk],
            "deadline": "15/09/2020",
            "area": Area.FINANCE,
            "phase": Phase.BEFORE,
        },
    )
    assert response.status_code == 302
    task = Task.objects.get()
    assert task.lead_agency == world.agencies["stc"]
    partners = task.assignments.filter(role=TaskAssignment.Role.COORDINATE)
    assert [a.agency for a in partners] == [world.agencies["vptu"]]
    assert task.deadline == dt.date(2020, 9, 15) and task.area == Area.FINANCE
    entry = history_of(conclusion)[0]
    assert entry.action == ConclusionAction.TASKED
    assert entry.data["corrected"] == ["coordinating_agencies"]


def test_conclusion_task_page_query_count_does_not_grow_with_agencies(
    world, client, secretariat_access, django_assert_max_num_queries
):
    from daihoi.organizations.models import Agency

    conclusion, _ = proposal_for(
        world, secretariat_access, "Giao Sở Tài chính chủ trì hoàn thành trước ngày 15/9"
    )
    client.force_login(world.users["secretariat"])
    page = url(world, conclusion.meeting, conclusion)
    with django_assert_max_num_queries(14) as few:
        client.get(page)
    Agency.objects.bulk_create(
        Agency(congress=world.congress, name=f"Sở ngành số {n}") for n in range(40)
    )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(page)


def test_agencies_named_in_general_are_proposed_as_such_not_as_unknown(world, secretariat_access):
    _, proposal = proposal_for(
        world,
        secretariat_access,
        "Các sở, ban, ngành chủ động phối hợp với các đơn vị liên quan để thực hiện nhiệm vụ.",
    )
    assert proposal.lead is not None and proposal.lead.is_generic
    assert proposal.initial()["lead_agency"] is None
