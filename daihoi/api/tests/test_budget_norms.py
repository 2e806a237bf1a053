"""Budget norms, spending with receipts, the overview and Finance's compilation through the
API: the budget pages' forms, services and rules, and their Vietnamese messages."""

import io

from openpyxl import load_workbook

from daihoi.budget.models import Norm, Spending
from daihoi.budget.tests.helpers import approved_estimate_with_spending, make_norm
from daihoi.budget.tests.test_spreadsheets import upload
from daihoi.core.models import AuditEntry
from daihoi.testing.files import pdf_upload

from .helpers import ApiClient

FINANCE_ONLY = "Chỉ Sở Tài chính mới thực hiện được thao tác này."
NORM = {
    "code": "dm02",
    "name": "In tài liệu Đại hội",
    "category": "printing",
    "unit": "trang",
    "max_unit_price": "1.500",
    "valid_from": "01/01/2020",
    "valid_to": "31/12/2020",
}


def test_finance_adds_edits_imports_and_exports_the_norms_everyone_reads(world):
    finance = ApiClient(world.users["officer2"])
    base = f"/congresses/{world.congress.pk}/norms/"
    created = finance.post(base, NORM)
    assert created.status_code == 201, created.content
    norm = created.json()
    assert (norm["code"], norm["max_unit_price"], norm["valid_to"]) == ("DM02", 1500, "2020-12-31")
    twice = finance.post(base, NORM)
    assert twice.status_code == 400 and twice.json()["errors"]["code"] == [
        "Mã định mức DM02 đã có."
    ]
    wrong = finance.post(base, NORM | {"code": "DM03", "max_unit_price": "năm trăm"})
    assert "max_unit_price" in wrong.json()["errors"]

    path = f"{base}{norm['id']}/"
    stale = finance.put(path, NORM | {"name": "In", "version": norm["version"] - 1})
    assert stale.status_code == 409
    edited = finance.put(path, NORM | {"name": "In tài liệu", "version": norm["version"]})
    assert edited.status_code == 200 and edited.json()["name"] == "In tài liệu"

    officer = ApiClient(world.users["officer"])
    assert officer.get(path).json()["name"] == "In tài liệu"
    refused = officer.put(path, NORM | {"name": "Tự sửa"})
    assert refused.status_code == 403 and refused.json()["detail"] == FINANCE_ONLY
    assert officer.post_form(base + "import/", {"file": upload([])}).status_code == 403

    bad = upload([["DM04", "Âm", "", "bộ", -5, "", None, None]])
    rejected = finance.post_form(base + "import/", {"file": bad})
    assert rejected.status_code == 400
    assert rejected.json()["errors"]["file"] == [
        "Tệp có 1 lỗi, chưa lưu dòng nào.",
        "Dòng 2: mức chi tối đa không được âm.",
    ]
    good = upload(
        [
            ["DM02", "In tài liệu", "", "trang", "2.000", "", None, None],
            ["DM05", "Thuê xe", "", "chuyến", "3.000.000", "", None, None],
        ]
    )
    imported = finance.post_form(base + "import/", {"file": good})
    assert imported.status_code == 200, imported.content
    assert imported.json() == {"created": 1, "updated": 1}
    assert Norm.objects.get(congress=world.congress, code="DM02").max_unit_price == 2000

    listed = officer.all(base)
    assert [n["code"] for n in listed] == ["DM02", "DM05"]
    sheet = officer.get(base + "xlsx/")
    assert sheet.status_code == 200
    cells = [
        c.value for row in load_workbook(io.BytesIO(sheet.content)).active.iter_rows() for c in row
    ]
    assert "Thuê xe" in cells
    entry = AuditEntry.objects.filter(object_id=norm["id"], action__startswith="norm.").latest("id")
    assert entry.data.get("api_token") == finance.token.prefix

    theirs = Norm.objects.create(
        congress=world.other, code="DM01", name="Khác", unit="bộ", max_unit_price=1
    )
    assert finance.get(f"{base}{theirs.pk}/").status_code == 404
    assert finance.put(f"{base}{theirs.pk}/", NORM).status_code == 404
    assert ApiClient(world.users["outsider"]).get(base).status_code == 404


def test_the_agency_records_spending_with_a_receipt_that_only_those_who_see_it_download(world):
    objects = approved_estimate_with_spending(world)
    officer = ApiClient(world.users["officer"])
    base = f"/congresses/{world.congress.pk}"
    path = f"{base}/estimates/{objects['estimate_id']}/spendings/"
    body = {"line": objects["line_id"], "content": "Chi bồi dưỡng đợt 2", "spent_on": "01/09/2020"}
    wrong = officer.post_form(path, body | {"amount": "0"})
    assert wrong.status_code == 400, wrong.content
    assert wrong.json()["errors"]["amount"] == ["Số tiền chi phải lớn hơn 0."]
    recorded = officer.post_form(
        path, body | {"amount": "700.000", "attachments": pdf_upload("phieu-chi-2.pdf")}
    )
    assert recorded.status_code == 201, recorded.content
    spending = recorded.json()
    assert spending["amount"] == 700_000
    assert [a["original_name"] for a in spending["attachments"]] == ["phieu-chi-2.pdf"]

    finance = ApiClient(world.users["officer2"])
    refused = finance.post_form(path, body | {"amount": "1"})
    assert refused.status_code == 403
    assert refused.json()["detail"] == "Chỉ đầu mối của đơn vị được giao kinh phí mới ghi nhận chi."
    listed = finance.all(path)
    assert [s["amount"] for s in listed] == [700_000, 1_500_000]

    receipt = f"{base}/spending-attachments/{spending['attachments'][0]['id']}/"
    download = finance.get(receipt)
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert ApiClient(world.users["outsider"]).get(receipt).status_code == 404

    overview = officer.get(f"{base}/budget/").json()
    assert overview["approved"] == 2_000_000 and overview["spent"] == 2_200_000
    assert [line["id"] for line in overview["overspent_lines"]] == [objects["line_id"]]
    assert overview["own_estimate_id"] == objects["estimate_id"]
    assert Spending.objects.filter(congress=world.congress).count() == 2


def test_the_compilation_is_finance_s_and_the_leaders_in_json_xlsx_and_docx(world):
    objects = approved_estimate_with_spending(world)
    base = f"/congresses/{world.congress.pk}/budget/compilation/"
    finance = ApiClient(world.users["officer2"])
    compiled = finance.get(base).json()
    row = next(r for r in compiled["by_agency"] if r["agency_id"] == world.agencies["btg"].pk)
    assert (row["estimate_id"], row["status"], row["approved"], row["spent"]) == (
        objects["estimate_id"],
        "approved",
        2_000_000,
        1_500_000,
    )
    assert compiled["approved"] == 2_000_000
    sheet = finance.get(base + "xlsx/")
    assert sheet.status_code == 200 and sheet.content.startswith(b"PK")
    docx = ApiClient(world.users["leader"]).get(base + "docx/")
    assert docx.status_code == 200 and docx.content.startswith(b"PK")

    refused = ApiClient(world.users["officer"]).get(base)
    assert refused.status_code == 403
    assert refused.json()["detail"] == "Chỉ Sở Tài chính và lãnh đạo Đại hội xem bảng tổng hợp."
    assert ApiClient(world.users["outsider"]).get(base + "xlsx/").status_code == 404


def test_the_norm_and_spending_lists_take_a_fixed_number_of_queries(
    world, django_assert_max_num_queries
):
    objects = approved_estimate_with_spending(world)
    for n in range(2, 7):
        make_norm(world, code=f"DM0{n}")
    officer = ApiClient(world.users["officer"])
    base = f"/congresses/{world.congress.pk}"
    with django_assert_max_num_queries(6):
        norms = officer.get(base + "/norms/")
    assert len(norms.json()["results"]) == 6
    with django_assert_max_num_queries(9):
        spendings = officer.get(f"{base}/estimates/{objects['estimate_id']}/spendings/")
    assert len(spendings.json()["results"]) == 1
