import datetime as dt
import io

import pytest
from docx import Document as DocxDocument
from openpyxl import load_workbook

from daihoi.planning.models import Task
from daihoi.planning.status import StatusClass
from daihoi.reporting import report, selectors
from daihoi.testing.factories import TaskFactory

from .helpers import secretariat

pytestmark = pytest.mark.django_db
AS_OF = dt.date(2020, 9, 10)


@pytest.fixture
def tasks(world):
    btg, ca = world.agencies["btg"], world.agencies["ca"]
    TaskFactory(lead_agency=btg, title="Treo pano tại trung tâm tỉnh", deadline=dt.date(2020, 9, 1))
    TaskFactory(lead_agency=ca, title="Phương án bảo vệ Đại hội", deadline=dt.date(2020, 9, 5))
    TaskFactory(lead_agency=ca, title="Kiểm tra hội trường", deadline=dt.date(2020, 9, 30))
    TaskFactory(
        lead_agency=btg,
        title="Xây dựng chuyên mục",
        deadline=dt.date(2020, 9, 5),
        reported_complete_on=dt.date(2020, 9, 4),
        accepted=True,
    )
    return Task.objects.all()


def _docx_text(content: bytes) -> tuple[str, list[list[str]]]:
    doc = DocxDocument(io.BytesIO(content))
    paragraphs = "\n".join(p.text for p in doc.paragraphs)
    rows = [[cell.text for cell in row.cells] for table in doc.tables for row in table.rows]
    return paragraphs, rows


def test_the_consolidated_docx_reads_back_with_counts_and_overdue_tasks(world, tasks):
    access = secretariat(world)
    data = selectors.consolidated(access, AS_OF)
    assert data.counts[StatusClass.OPEN_OVERDUE] == 2
    text, rows = _docx_text(report.render_docx(access, data, dt.date(2020, 9, 11)))
    assert "BÁO CÁO" in text
    assert "Kết quả thực hiện nhiệm vụ phục vụ Đại hội (tính đến ngày 10/09/2020)" in text
    assert "tổng số nhiệm vụ được giao là 4" in text
    assert "đã hoàn thành 1 nhiệm vụ (đúng hạn 1, quá hạn 0)" in text
    assert "đang thực hiện 3 nhiệm vụ (trong hạn 1, quá hạn 2)" in text
    assert ["1", "Đang thực hiện trong hạn", "1", "25"] in rows
    assert ["2", "Đang thực hiện quá hạn", "2", "50"] in rows
    overdue = [
        r for r in rows if r[1] in ("Treo pano tại trung tâm tỉnh", "Phương án bảo vệ Đại hội")
    ]
    assert [
        "1",
        "Treo pano tại trung tâm tỉnh",
        "Ban Tuyên giáo Tỉnh ủy",
        "01/09/2020",
        "9",
    ] in overdue
    assert ["2", "Phương án bảo vệ Đại hội", "Công an tỉnh", "05/09/2020", "5"] in overdue
    agency_rows = [r for r in rows if r[1] == "Công an tỉnh"]
    assert agency_rows == [["2", "Công an tỉnh", "2", "0", "0", "1", "1"]]
    assert any("-BC/VPTU" in cell and "VĂN PHÒNG TỈNH ỦY" in cell for row in rows for cell in row)


def test_status_as_of_an_earlier_date_uses_the_same_conditions(world, tasks):
    data = selectors.consolidated(secretariat(world), dt.date(2020, 9, 2))
    assert data.counts[StatusClass.OPEN_OVERDUE] == 1
    assert [t.title for t in data.overdue] == ["Treo pano tại trung tâm tỉnh"]


def test_the_consolidated_xlsx_has_a_sheet_per_part(world, tasks):
    content = report.render_xlsx(selectors.consolidated(secretariat(world), AS_OF))
    workbook = load_workbook(io.BytesIO(content))
    assert workbook.sheetnames == [
        "Tổng hợp",
        "Theo đơn vị",
        "Theo lĩnh vực",
        "Quá hạn",
        "Vướng mắc",
        "Kết luận chưa xong",
    ]
    overdue = [[c.value for c in row] for row in workbook["Quá hạn"].iter_rows(min_row=2)]
    assert [r[0] for r in overdue] == ["Treo pano tại trung tâm tỉnh", "Phương án bảo vệ Đại hội"]
    assert overdue[0][3] == 9


def test_the_docx_view_takes_the_date_from_the_query(world, tasks, client):
    client.force_login(world.users["leader"])
    url = f"/dai-hoi/{world.congress.pk}/bao-cao/tong-hop/docx/?as_of=02/09/2020"
    response = client.get(url)
    assert response["Content-Disposition"].endswith('bao-cao-ket-qua-nhiem-vu-20200902.docx"')
    text, _ = _docx_text(response.content)
    assert "tính đến ngày 02/09/2020" in text
