"""The pages: a station's desk, the election's page and its query count, the minutes."""

import io
import shutil
import subprocess

import pytest
from django.test import Client
from django.urls import reverse
from docx import Document as DocxDocument

from daihoi.testing.mail import run_worker

from .. import selectors
from ..models import Entry
from .helpers import election_with_board, enter_both, ids

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_station_types_the_numbers_of_the_names_crossed_and_goes_to_the_next_ballot(world):
    election = election_with_board(world)
    url = reverse("ballots:ballot-entry", args=[world.congress.pk, election.pk])
    member = _client(world.users["member"])
    response = member.post(url, {"number": "7", "positions": "3 4", "invalid_reason": ""})
    assert response.status_code == 302 and response["Location"].endswith("?so=8")
    entry = Entry.objects.get(election=election, number=7)
    assert entry.station == "A"
    assert sorted(entry.crossed.values_list("pk", flat=True)) == sorted(
        ids(election, "Cường", "Dũng")
    )
    page = member.get(response["Location"])
    assert "chờ tổ B nhập" in page.content.decode()
    assert 'value="8"' in page.content.decode()
    again = member.post(url, {"number": "7", "crossed": [str(ids(election, "An")[0])]})
    assert again.status_code == 200
    assert "Tổ A đã nhập phiếu số 7" in again.content.decode()


def test_a_name_number_not_on_the_ballot_is_refused_on_the_form(world):
    election = election_with_board(world)
    url = reverse("ballots:ballot-entry", args=[world.congress.pk, election.pk])
    response = _client(world.users["member"]).post(url, {"number": "1", "positions": "2 9"})
    assert response.status_code == 200
    assert "Không có tên số 9 trên phiếu" in response.content.decode()
    assert not Entry.objects.exists()


def test_the_election_page_reads_a_fixed_number_of_queries_whatever_the_ballots(
    world, django_assert_max_num_queries
):
    election = election_with_board(world, collected=None)
    client = _client(world.users["secretariat"])
    url = reverse("ballots:election-detail", args=[world.congress.pk, election.pk])
    enter_both(world, election, 1, "Cường", "Dũng")
    client.get(url)
    with django_assert_max_num_queries(30) as few:
        client.get(url)
    for number in range(2, 11):
        enter_both(world, election, number, "Bình", "Dũng")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert "Tạm tính trên 10 phiếu" in response.content.decode()


def test_the_count_is_hidden_from_those_outside_the_board_until_it_is_final(world):
    election = election_with_board(world, collected=1)
    url = reverse("ballots:election-detail", args=[world.congress.pk, election.pk])
    officer = _client(world.users["officer"])
    assert "Kết quả kiểm phiếu được công bố khi" in officer.get(url).content.decode()
    enter_both(world, election, 1, "Cường", "Dũng")
    page = officer.get(url).content.decode()
    assert "Chính thức" in page and "Trúng cử" in page


def _minutes_text(election) -> str:
    tally = selectors.tally_of(election)
    from ..minutes import minutes_docx

    document = DocxDocument(io.BytesIO(minutes_docx(election, tally, selectors.board_of(election))))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines += [" | ".join(cell.text for cell in row.cells) for row in table.rows]
    return "\n".join(lines)


def test_the_minutes_state_the_figures_the_votes_and_who_is_elected(world):
    election = election_with_board(world, collected=3)
    enter_both(world, election, 1, "Cường", "Dũng")
    enter_both(world, election, 2, "Cường", "Dũng")
    enter_both(world, election, 3, "Dũng")  # three names left: invalid
    text = _minutes_text(election)
    assert "BIÊN BẢN" in text and "BAN KIỂM PHIẾU" in text
    assert "Số phiếu hợp lệ: 2." in text
    assert "Phiếu để lại nhiều tên hơn số lượng cần bầu: 1 phiếu" in text
    assert "1 | Nguyễn Văn An | 2 | 100,00% | 16,67%" in text
    assert "tạm tính" not in text  # all three collected ballots are reconciled: final


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
@pytest.mark.django_db(transaction=True)  # the worker reads committed data
def test_the_worker_makes_the_minutes_pdf_and_it_renders_to_pictures(world, tmp_path):
    election = election_with_board(world, collected=1)
    enter_both(world, election, 1, "Cường", "Dũng")
    client = _client(world.users["secretariat"])
    args = [world.congress.pk, election.pk]
    response = client.post(reverse("ballots:minutes-pdf-request", args=args))
    assert response.status_code == 302
    run_worker()
    election.refresh_from_db()
    assert election.minutes_pdf_of == selectors.tally_of(election).fingerprint
    pdf = client.get(reverse("ballots:minutes-pdf", args=args)).getvalue()
    assert pdf.startswith(b"%PDF")
    (tmp_path / "minutes.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", str(tmp_path / "minutes.pdf"), str(tmp_path / "page")],
        check=True,
    )
    assert list(tmp_path.glob("page*.png"))
