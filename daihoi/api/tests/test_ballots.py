"""Elections through the API: the secretariat sets them up and names the board, the two
stations enter the paper ballots and are reconciled, the count and its minutes are read by
those who follow it (everyone once final), with the pages' rules and messages."""

import io

import pytest
from docx import Document as DocxDocument

from daihoi.api.models import Scope
from daihoi.ballots import selectors, services
from daihoi.ballots.models import BoardMember, Election, Entry
from daihoi.ballots.tests.helpers import election_with_board, enter_both, ids
from daihoi.core.models import AuditEntry

from .helpers import ApiClient

pytestmark = pytest.mark.django_db

BODY = {
    "title": "Bầu Ban Chấp hành Đảng bộ tỉnh khóa XVI",
    "seats": 2,
    "candidates": "Lê Văn Cường\nTrần Thị Bình\nNguyễn Văn An",
    "summoned": 12,
    "excused": 5,
    "issued": 10,
}


def _base(world) -> str:
    return f"/congresses/{world.congress.pk}/elections/"


def test_the_secretariat_sets_up_an_election_and_its_board(world):
    secretariat = ApiClient(world.users["secretariat"])
    created = secretariat.post(_base(world), BODY)
    assert created.status_code == 201, created.content
    election = created.json()
    # In ballot order, by given name.
    assert [c["full_name"] for c in election["candidates"]][0] == "Nguyễn Văn An"
    entry = AuditEntry.objects.get(object_id=election["id"], action="election.created")
    assert entry.data.get("api_token") == secretariat.token.prefix

    url = f"{_base(world)}{election['id']}/"
    edited = secretariat.put(url, BODY | {"seats": 1, "version": election["version"]})
    assert edited.status_code == 200, edited.content
    assert Election.objects.get(pk=election["id"]).seats == 1
    stale = secretariat.put(url, BODY | {"version": election["version"]})
    assert stale.status_code == 409

    added = secretariat.post(url + "board/", {"user": world.users["member"].pk, "station": "A"})
    assert added.status_code == 201, added.content
    assert added.json()["station_label"] == "Tổ A"
    again = secretariat.post(url + "board/", {"user": world.users["member"].pk, "station": "B"})
    assert again.status_code == 400
    assert "mỗi người chỉ ở một tổ" in again.json()["errors"]["user"][0]
    removed = secretariat.delete(f"{url}board/{added.json()['id']}/")
    assert removed.status_code == 204
    assert not BoardMember.objects.filter(election_id=election["id"]).exists()


def test_the_form_answers_field_by_field_in_vietnamese(world):
    refused = ApiClient(world.users["secretariat"]).post(_base(world), {"title": "Bầu"})
    assert refused.status_code == 400
    assert refused.json()["errors"]["seats"] == ["Trường này là bắt buộc."]
    assert "candidates" in refused.json()["errors"]
    assert not Election.objects.exists()


def test_the_two_stations_enter_a_ballot_and_are_reconciled(world):
    election = election_with_board(world, collected=1)
    url = f"{_base(world)}{election.pk}/entries/"
    station_a = ApiClient(world.users["member"])
    desk = station_a.get(url)
    assert desk.status_code == 200 and desk.json()["station"] == "A"
    assert desk.json()["next_number"] == 1

    wrong = station_a.post(url, {"number": 1, "positions": "9"})
    assert wrong.status_code == 400
    assert wrong.json()["errors"]["positions"] == ["Không có tên số 9 trên phiếu (1–4)."]
    first = station_a.post(url, {"number": 1, "crossed": ids(election, "Cường", "Dũng")})
    assert first.status_code == 201, first.content
    assert first.json()["state"] == "waiting"
    assert first.json()["message"] == "Đã lưu phiếu số 1; chờ tổ B nhập."
    twice = station_a.post(url, {"number": 1, "positions": "1"})
    assert (
        twice.status_code == 400
        and "Tổ A đã nhập phiếu số 1" in twice.json()["errors"]["number"][0]
    )

    second = ApiClient(world.users["leader"]).post(url, {"number": 1, "positions": "3 4"})
    assert second.status_code == 201, second.content
    assert second.json()["state"] == "agreed" and second.json()["desk"]["tally"]["final"]
    assert Entry.objects.filter(election=election, number=1).count() == 2

    # Once final, everyone of the congress reads the count and its minutes.
    officer = ApiClient(world.users["officer"])
    assert officer.post(url, {"number": 1}).status_code == 403
    read = officer.get(f"{_base(world)}{election.pk}/")
    assert read.json()["tally"]["valid"] == 1
    minutes = officer.get(f"{_base(world)}{election.pk}/minutes/docx/")
    assert minutes.status_code == 200
    text = "\n".join(p.text for p in DocxDocument(io.BytesIO(minutes.content)).paragraphs)
    assert "Số phiếu hợp lệ: 1." in text


def test_the_count_and_its_minutes_are_hidden_until_final_and_another_congress_sees_nothing(
    world, django_capture_on_commit_callbacks
):
    election = election_with_board(world, collected=None)
    enter_both(world, election, 1, "Cường")
    detail = f"{_base(world)}{election.pk}/"
    officer = ApiClient(world.users["officer"])
    assert officer.get(detail).json()["tally"] is None
    refused = officer.get(detail + "minutes/docx/")
    assert refused.status_code == 403
    assert refused.json()["detail"].startswith("Kết quả kiểm phiếu chỉ công bố")
    assert officer.post(detail + "minutes/pdf/").status_code == 403

    outsider = ApiClient(world.users["outsider"])
    assert outsider.get(f"/congresses/{world.other.pk}/elections/{election.pk}/").status_code == 404
    read_only = ApiClient(world.users["secretariat"], scope=Scope.READ)
    assert read_only.post(detail + "minutes/pdf/").status_code == 403

    secretariat = ApiClient(world.users["secretariat"])
    assert secretariat.get(detail + "minutes/pdf/").status_code == 404  # not made yet
    with django_capture_on_commit_callbacks() as enqueued:
        asked = secretariat.post(detail + "minutes/pdf/")
    assert asked.status_code == 202 and len(enqueued) == 1
    assert (
        AuditEntry.objects.filter(object_id=election.pk, action="election.minutes_pdf_requested")
        .get()
        .data.get("api_token")
        == secretariat.token.prefix
    )
    # What the worker stores once it has made the PDF of the count as it stands.
    fingerprint = selectors.tally_of(election).fingerprint
    services.minutes_store_pdf(election_id=election.pk, pdf=b"%PDF-1.4\n", fingerprint=fingerprint)
    assert secretariat.get(detail).json()["pdf_ready"] is True
    pdf = secretariat.get(detail + "minutes/pdf/")
    assert pdf.status_code == 200 and pdf.getvalue().startswith(b"%PDF")


def test_the_election_list_reads_in_a_fixed_number_of_queries(world, django_assert_max_num_queries):
    secretariat = ApiClient(world.users["secretariat"])
    election_with_board(world)
    with django_assert_max_num_queries(8) as few:
        assert len(secretariat.all(_base(world))) == 1
    for _ in range(4):
        election_with_board(world, names=("Lê Văn Cường", "Trần Thị Bình"))
    with django_assert_max_num_queries(len(few.captured_queries)):
        rows = secretariat.all(_base(world))
    assert len(rows) == 5 and rows[-1]["candidate_count"] == 2
