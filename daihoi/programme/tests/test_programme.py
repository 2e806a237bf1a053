"""The programme and its running script: sessions, items in order, script lines, releases."""

import datetime as dt

import pytest
from django.test import Client

from daihoi.accounts.models import Role
from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.organizations.permissions import Access
from daihoi.testing.conflicts import two_editors

from .. import selectors, services
from ..models import Item, Release, Session
from .helpers import at, opening_session, secretariat

pytestmark = pytest.mark.django_db


def _officer(world) -> Access:
    return Access(
        world.users["officer"], world.congress, Role.AGENCY_OFFICER, world.agencies["btg"].pk
    )


def _titles(session: Session) -> list[str]:
    return list(session.items.order_by("position").values_list("title", flat=True))


def test_items_are_numbered_in_order_and_moving_one_swaps_it_with_its_neighbour(world):
    session = opening_session(world)
    speech = session.items.get(title="Diễn văn khai mạc Đại hội")
    services.item_move(access=secretariat(world), item=speech, step=-1)
    assert _titles(session) == ["Diễn văn khai mạc Đại hội", "Nghi thức chào cờ"]
    with pytest.raises(BusinessError, match="đầu hoặc cuối"):
        services.item_move(access=secretariat(world), item=speech, step=-1)


def test_an_item_edited_after_a_move_keeps_its_new_place(world):
    session = opening_session(world)
    salute, speech = session.items.order_by("position")
    services.item_move(access=secretariat(world), item=speech, step=-1)
    # `speech` still says position 2: the edit must not put it back.
    services.item_save(
        access=secretariat(world),
        session=session,
        item=speech,
        fields=services.ItemFields(title="Diễn văn khai mạc", starts_at=dt.time(7, 30)),
    )
    assert _titles(session) == ["Diễn văn khai mạc", "Nghi thức chào cờ"]


def test_deleting_an_item_closes_the_gap_in_the_numbering(world):
    session = opening_session(world)
    services.item_save(
        access=secretariat(world),
        session=session,
        fields=services.ItemFields(title="Báo cáo chính trị", starts_at=dt.time(8, 0)),
    )
    services.item_delete(access=secretariat(world), item=session.items.get(position=1))
    assert list(session.items.order_by("position").values_list("position", "title")) == [
        (1, "Diễn văn khai mạc Đại hội"),
        (2, "Báo cáo chính trị"),
    ]


def test_a_session_must_end_after_it_starts_and_fall_near_the_congress_days(world):
    day = world.congress.opening_date
    fields = dict(kind=Session.Kind.WORKING, title="Phiên làm việc thứ nhất")
    with pytest.raises(BusinessError, match="sau giờ bắt đầu"):
        services.session_create(
            access=secretariat(world),
            fields=services.SessionFields(**fields, starts_at=at(day, 14), ends_at=at(day, 13)),
        )
    far = day + dt.timedelta(days=60)
    with pytest.raises(BusinessError, match="quanh những ngày Đại hội"):
        services.session_create(
            access=secretariat(world),
            fields=services.SessionFields(**fields, starts_at=at(far, 8), ends_at=at(far, 11)),
        )
    assert not Session.objects.exists()


def test_an_item_time_outside_its_session_is_refused(world):
    session = opening_session(world)
    with pytest.raises(BusinessError, match="trong giờ của phiên"):
        services.item_save(
            access=secretariat(world),
            session=session,
            fields=services.ItemFields(title="Nghỉ giải lao", starts_at=dt.time(13, 0)),
        )
    assert session.items.count() == 2


def test_the_organising_subcommittee_keeps_the_programme_and_an_agency_officer_does_not(world):
    # The leader's person heads Tiểu ban Tổ chức phục vụ.
    leader = Access(
        world.users["leader"], world.congress, Role.COMMITTEE_LEADER, person_id=world.chair.pk
    )
    session = opening_session(world, access=leader)
    with pytest.raises(PermissionDenied):
        services.item_save(
            access=_officer(world), session=session, fields=services.ItemFields(title="Chen")
        )
    with pytest.raises(PermissionDenied):
        services.programme_publish(access=_officer(world))
    assert session.items.count() == 2


def test_publishing_numbers_releases_and_refuses_an_unchanged_or_empty_programme(world):
    with pytest.raises(BusinessError, match="chưa có phiên"):
        services.programme_publish(access=secretariat(world))
    session = opening_session(world)
    first = services.programme_publish(access=secretariat(world), note="Bản đầu")
    with pytest.raises(BusinessError, match="không thay đổi so với bản số 1"):
        services.programme_publish(access=secretariat(world))
    services.item_save(
        access=secretariat(world),
        session=session,
        item=session.items.get(position=2),
        fields=services.ItemFields(title="Diễn văn khai mạc", starts_at=dt.time(7, 45)),
    )
    second = services.programme_publish(access=secretariat(world), note="Đổi giờ diễn văn")
    assert (first.number, second.number) == (1, 2)
    assert selectors.current_release(world.congress) == second
    # The first release keeps the programme as it was published.
    speech = first.content["days"][0]["sessions"][0]["items"][1]
    assert (speech["time"], speech["title"]) == ("07:40", "Diễn văn khai mạc Đại hội")


def test_the_release_content_is_written_as_it_prints(world):
    opening_session(world)
    content = selectors.programme_content(world.congress)
    day = content["days"][0]
    assert (day["date"], day["weekday"]) == ("14/10/2020", "Thứ Tư")
    session = day["sessions"][0]
    assert (session["starts"], session["ends"]) == ("07:30", "11:30")
    assert session["presidium"] == [
        "Đồng chí Bí thư Tỉnh ủy",
        "Đồng chí Phó Bí thư Thường trực Tỉnh ủy",
    ]
    cues = session["items"][0]["cues"]
    assert [(c["kind"], c["actor"]) for c in cues] == [
        ("Lời dẫn, phát biểu", "Người dẫn chương trình"),
        ("Nhạc", "Bộ phận âm thanh"),
    ]


def _page(client: Client, world, path: str = "") -> str:
    response = client.get(f"/dai-hoi/{world.congress.pk}/chuong-trinh/{path}")
    assert response.status_code == 200
    return response.content.decode()


def test_the_programme_page_marks_the_current_release_and_unpublished_changes(world, client):
    session = opening_session(world)
    services.programme_publish(access=secretariat(world))
    client.force_login(world.users["officer"])
    body = _page(client, world)
    assert "Bản hiện hành:" in body and "<strong>bản số 1</strong>" in body
    assert "chưa ban hành" not in body and "Thêm phiên" not in body
    services.item_delete(access=secretariat(world), item=session.items.get(position=2))
    body = _page(client, world)
    assert "Bản nháp có thay đổi chưa ban hành" in body
    # The print page follows the release, not the draft.
    assert "Diễn văn khai mạc Đại hội" in _page(client, world, "in/")
    assert "Diễn văn khai mạc Đại hội" not in _page(client, world, f"phien/{session.pk}/")


def test_print_pages_say_draft_before_any_release_and_name_the_release_after(world, client):
    opening_session(world)
    client.force_login(world.users["member"])
    assert "DỰ THẢO — chưa ban hành" in _page(client, world, "in/")
    services.programme_publish(access=secretariat(world))
    script = _page(client, world, "in-kich-ban/")
    assert "Bản số 1, ban hành" in script and "KỊCH BẢN ĐIỀU HÀNH ĐẠI HỘI" in script
    assert "Kính mời các đồng chí đứng nghiêm" in script and "Bật nhạc khi" in script


def test_an_earlier_release_says_it_was_replaced_and_links_the_current_one(world, client):
    session = opening_session(world)
    services.programme_publish(access=secretariat(world))
    services.item_delete(access=secretariat(world), item=session.items.get(position=1))
    services.programme_publish(access=secretariat(world))
    client.force_login(world.users["officer"])
    body = _page(client, world, "ban/1/")
    assert "Đã thay thế" in body and "bản số 2" in body
    assert client.get(f"/dai-hoi/{world.congress.pk}/chuong-trinh/ban/9/").status_code == 404


def test_publishing_from_the_page_creates_the_release_once(world, client):
    opening_session(world)
    client.force_login(world.users["secretariat"])
    url = f"/dai-hoi/{world.congress.pk}/chuong-trinh/ban-hanh/"
    form = {"note": "Bản trình Ban Thường vụ", "_once": "mot-lan-duy-nhat-0001"}
    assert client.post(url, form).status_code == 302
    assert client.post(url, form).status_code == 302
    assert list(Release.objects.values_list("number", "note")) == [(1, "Bản trình Ban Thường vụ")]


def test_adding_an_item_and_a_script_line_through_the_pages(world, client):
    session = opening_session(world)
    client.force_login(world.users["leader"])
    base = f"/dai-hoi/{world.congress.pk}/chuong-trinh/"
    answer = client.post(
        f"{base}phien/{session.pk}/muc/them/",
        {"title": "Báo cáo chính trị", "starts_at": "08:00", "minutes": "40"},
    )
    assert answer.status_code == 302
    item = session.items.get(title="Báo cáo chính trị")
    assert item.position == 3
    answer = client.post(
        f"{base}muc/{item.pk}/kich-ban/them/",
        {"kind": "film", "actor": "Bộ phận kỹ thuật", "text": "Chiếu phim tài liệu", "at": "08:00"},
    )
    assert answer.status_code == 302 and item.cues.get().kind == "film"
    refused = client.post(f"{base}muc/{item.pk}/kich-ban/them/", {"kind": "film", "actor": ""})
    assert refused.status_code == 200 and "Trường này là bắt buộc" in refused.content.decode()


def test_a_stale_session_form_is_refused_shows_the_change_then_saves_knowingly(world):
    session = opening_session(world)
    mine, theirs = Client(), Client()
    mine.force_login(world.users["secretariat"])
    theirs.force_login(world.users["leader"])
    url = f"/dai-hoi/{world.congress.pk}/chuong-trinh/phien/{session.pk}/sua/"
    two_editors(url, mine, theirs, session, "title")


def test_another_congress_cannot_open_or_change_the_programme(world, client):
    session = opening_session(world)
    client.force_login(world.users["outsider"])
    base = f"/dai-hoi/{world.congress.pk}/chuong-trinh/"
    assert client.get(base).status_code == 404
    assert client.get(f"{base}phien/{session.pk}/").status_code == 404
    item = session.items.get(position=1)
    assert client.post(f"{base}muc/{item.pk}/xoa/").status_code == 404
    assert Item.objects.filter(pk=item.pk).exists()


def test_the_programme_page_reads_in_a_fixed_number_of_queries(
    world, client, django_assert_max_num_queries
):
    session = opening_session(world)
    for n in range(12):
        item = services.item_save(
            access=secretariat(world),
            session=session,
            fields=services.ItemFields(title=f"Tham luận số {n + 1}"),
        )
        services.cue_save(
            access=secretariat(world),
            item=item,
            fields=services.CueFields(actor="Người dẫn chương trình", text="Kính mời"),
        )
    services.programme_publish(access=secretariat(world))
    client.force_login(world.users["secretariat"])
    with django_assert_max_num_queries(14):
        _page(client, world)
    with django_assert_max_num_queries(14):
        _page(client, world, f"phien/{session.pk}/")


def test_a_stale_item_or_script_line_form_is_refused_shows_the_change_then_saves_knowingly(
    world,
):
    session = opening_session(world)
    access = secretariat(world)
    item = services.item_save(
        access=access, session=session, fields=services.ItemFields(title="Chào cờ")
    )
    cue = services.cue_save(
        access=access,
        item=item,
        fields=services.CueFields(kind="speech", actor="Người dẫn", text="Kính thưa"),
    )
    mine, theirs = Client(), Client()
    mine.force_login(world.users["secretariat"])
    theirs.force_login(world.users["leader"])
    base = f"/dai-hoi/{world.congress.pk}/chuong-trinh"
    two_editors(f"{base}/phien/{session.pk}/muc/{item.pk}/sua/", mine, theirs, item, "title")
    two_editors(f"{base}/muc/{item.pk}/kich-ban/{cue.pk}/sua/", mine, theirs, cue, "actor")
