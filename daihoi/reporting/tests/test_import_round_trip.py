"""The task export and the import share their columns: export, edit, preview, import back."""

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import Workbook, load_workbook

from daihoi.planning import services as planning_services
from daihoi.planning.models import Area, Phase, Task
from daihoi.reporting import imports, task_sheet
from daihoi.testing.factories import TaskFactory

from .helpers import secretariat

pytestmark = pytest.mark.django_db


def make_task(world, title="Trang trí hội trường", **extra) -> Task:
    fields = {
        "title": title,
        "lead_agency": world.agencies["vptu"],
        "area": Area.CEREMONY,
        "phase": Phase.BEFORE,
        "deadline": dt.date(2020, 10, 1),
    } | extra
    return planning_services.task_create(
        access=secretariat(world), fields=planning_services.TaskFields(**fields)
    )


def export(world, client) -> Workbook:
    client.force_login(world.users["secretariat"])
    response = client.get(f"/dai-hoi/{world.congress.pk}/bao-cao/nhiem-vu/excel/")
    return load_workbook(io.BytesIO(response.content))


def as_upload(workbook: Workbook) -> SimpleUploadedFile:
    out = io.BytesIO()
    workbook.save(out)
    return SimpleUploadedFile("nhiem-vu.xlsx", out.getvalue())


def header_line(sheet) -> int:
    return next(r[0].row for r in sheet.iter_rows() if r[1].value == "Nội dung nhiệm vụ")


def column(name: str) -> int:
    return task_sheet.LABELS.index(name) + 1


def sheet_of(*rows) -> SimpleUploadedFile:
    workbook = Workbook()
    workbook.active.append(task_sheet.LABELS)
    for row in rows:
        workbook.active.append(list(row))
    return as_upload(workbook)


def row(**values) -> list:
    cells = {
        "Nội dung nhiệm vụ": "In pano chào mừng",
        "Đơn vị chủ trì": "BTGTU",
        "Lĩnh vực": "Tuyên truyền",
        "Giai đoạn": "Trước Đại hội",
    } | values
    return [cells.get(label, "") for label in task_sheet.LABELS]


def test_the_export_and_the_template_share_one_column_set(world, client):
    make_task(world)
    sheet = export(world, client).active
    header = [c.value for c in sheet[header_line(sheet)]]
    template = load_workbook(io.BytesIO(imports.template_xlsx(world.congress, dt.date.today())))
    assert header == task_sheet.LABELS == [c.value for c in template.active[1]]


def test_an_exported_list_edited_and_reimported_previews_each_change_then_updates_the_task(
    world, client
):
    task = make_task(world, coordinating_agencies=[world.agencies["stc"]])
    untouched = make_task(world, title="Đón tiếp đại biểu")
    workbook = export(world, client)
    sheet = workbook.active
    line = next(
        r[0].row for r in sheet.iter_rows() if r[column("Mã nhiệm vụ") - 1].value == task.pk
    )
    sheet.cell(line, column("Nội dung nhiệm vụ"), "Trang trí khánh tiết hội trường")
    sheet.cell(line, column("Đơn vị thẩm định"), "Sở Văn hóa, Thể thao và Du lịch")
    sheet.cell(line, column("Kế hoạch"), world.plan.symbol)
    sheet.cell(line, column("Hạn hoàn thành"), "D-10")
    sheet.append(row())

    result = imports.read_tasks(as_upload(workbook), world.congress)
    assert result.ok, result.row_errors
    assert (result.new_count, result.changed_count) == (1, 1)
    edited = next(r for r in result.rows if r.code == task.pk)
    assert {label: (old, new) for label, old, new in edited.changes} == {
        "Nội dung nhiệm vụ": ("Trang trí hội trường", "Trang trí khánh tiết hội trường"),
        "Đơn vị thẩm định": ("—", "Sở Văn hóa, Thể thao và Du lịch"),
        "Kế hoạch": ("—", world.plan.symbol),
        "Hạn hoàn thành": ("01/10/2020", "D−10 (04/10/2020)"),
    }
    assert next(r for r in result.rows if r.code == untouched.pk).unchanged
    assert Task.objects.get(pk=task.pk).title == "Trang trí hội trường"  # nothing saved yet

    rows = imports.unsign_rows(imports.sign_rows(result.rows))
    created, updated = imports.tasks_import(access=secretariat(world), rows=rows)
    task.refresh_from_db()
    assert [t.pk for t in updated] == [task.pk] and len(created) == 1
    assert task.title == "Trang trí khánh tiết hội trường" and task.plan == world.plan
    assert (task.deadline, task.deadline_offset_days) == (dt.date(2020, 10, 4), -10)
    roles = {a.agency.short_name: a.role for a in task.assignments.select_related("agency")}
    assert roles == {"VPTU": "lead", "STC": "coordinate", "SVHTTDL": "appraise"}
    assert Task.objects.get(pk=untouched.pk).version == untouched.version


def test_a_task_edited_after_the_preview_refuses_the_whole_import(world):
    task = make_task(world)
    result = imports.read_tasks(
        sheet_of(row(**{"Mã nhiệm vụ": task.pk, "Nội dung nhiệm vụ": "Mới"}), row()),
        world.congress,
    )
    Task.objects.filter(pk=task.pk).update(version=task.version + 1)
    with pytest.raises(imports.TaskImportError) as error:
        imports.tasks_import(access=secretariat(world), rows=result.rows)
    assert "vừa được người khác sửa" in error.value.errors[0]
    assert Task.objects.count() == 1 and Task.objects.get().title == "Trang trí hội trường"


def test_bad_rows_get_vietnamese_messages_and_nothing_is_saved(world):
    foreign = TaskFactory.create(lead_agency=world.other_agency)
    mine = make_task(world)
    upload = sheet_of(
        row(**{"Mã nhiệm vụ": foreign.pk}),
        row(**{"Đơn vị chủ trì": "Sở Ngoại vụ"}),
        row(**{"Kế hoạch": "99-KH/TU"}),
        row(**{"Ngày bắt đầu": "30/02/2020"}),
        row(**{"Ngày bắt đầu": "10/10/2020", "Hạn hoàn thành": "D-30"}),
        row(**{"Đơn vị thẩm định": "BTGTU"}),
        row(**{"Mã nhiệm vụ": mine.pk}),
        row(**{"Mã nhiệm vụ": mine.pk}),
        row(**{"Mã nhiệm vụ": "abc"}),
    )
    result = imports.read_tasks(upload, world.congress)
    assert not result.ok
    errors = result.row_errors
    assert errors[0] == f"Dòng 2: mã nhiệm vụ {foreign.pk} không phải nhiệm vụ của Đại hội này."
    assert "“Sở Ngoại vụ” không có trong danh mục" in errors[1]
    assert "kế hoạch “99-KH/TU” không có trong Đại hội này" in errors[2]
    assert "“30/02/2020” không phải ngày hợp lệ" in errors[3]
    assert "hạn hoàn thành trước ngày bắt đầu" in errors[4]
    assert "phải khác đơn vị chủ trì" in errors[5]
    assert errors[6] == f"Dòng 9: mã nhiệm vụ {mine.pk} xuất hiện ở nhiều dòng."
    assert "mã nhiệm vụ “abc” không hợp lệ" in errors[7]
    assert Task.objects.filter(congress=world.congress).count() == 1
    foreign.refresh_from_db()
    assert foreign.title != "In pano chào mừng"


def test_a_d_minus_deadline_needs_the_opening_day(world):
    world.congress.opening_date = None
    world.congress.save()
    result = imports.read_tasks(sheet_of(row(**{"Hạn hoàn thành": "D−30"})), world.congress)
    assert "chưa có ngày khai mạc" in result.row_errors[0]


def test_the_preview_reads_in_the_same_number_of_queries_for_ten_or_forty_rows(world):
    tasks = [make_task(world, title=f"Nhiệm vụ {i}") for i in range(40)]

    def queries(n: int) -> int:
        upload = sheet_of(
            *(
                row(**{"Mã nhiệm vụ": t.pk, "Đơn vị phối hợp": "STC; CA", "Kế hoạch": "06-KH/TU"})
                for t in tasks[:n]
            ),
            *(row() for _ in range(n)),
        )
        with CaptureQueriesContext(connection) as captured:
            result = imports.read_tasks(upload, world.congress)
        assert result.ok, result.row_errors
        return len(captured)

    assert queries(10) == queries(40) <= 6
