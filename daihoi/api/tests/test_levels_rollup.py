"""The roll-up and a congress below read from above, through the API: the same figures as
`levels.rollup`, the drill-down one level at a time, the spreadsheet, and nothing for the
congress beside."""

import io

from openpyxl import load_workbook

from daihoi.core.dates import today as local_today
from daihoi.levels.rollup import direct_totals
from daihoi.levels.tests.helpers import build_tree
from daihoi.planning import summary
from daihoi.planning.tests.test_summary import Writer

from .helpers import ApiClient


def test_the_rollup_drills_down_level_by_level_with_the_direct_counts(world):
    build_tree(world)
    summary.rebuild(world.congress.pk)
    writer = Writer(world, 5)
    for _ in range(6):
        writer.create()
    today = local_today()
    parent = ApiClient(world.users["parent"])
    base = f"/congresses/{world.national.pk}/rollup/"

    national = parent.get(base)
    assert national.status_code == 200, national.content
    body = national.json()
    assert body["total"]["by_class"] == direct_totals(world.national, today)
    assert body["total"]["total"] == sum(direct_totals(world.national, today).values()) >= 6
    row = next(r for r in body["rows"] if r["congress"]["id"] == world.congress.pk)
    assert row["counts"]["by_class"] == direct_totals(world.congress, today)
    assert {r["congress"]["id"] for r in body["rows"]} == {world.congress.pk, world.other.pk}

    down = parent.get(base, {"cap": world.congress.pk}).json()
    assert down["congress"]["id"] == world.congress.pk
    assert [c["id"] for c in down["trail"]] == [world.national.pk]
    assert [r["congress"]["id"] for r in down["rows"]] == [world.district.pk]
    assert down["own"]["total"] == sum(direct_totals(world.congress, today).values())

    sheet = parent.get(base + "xlsx/", {"cap": world.congress.pk})
    assert sheet.status_code == 200
    assert sheet["Content-Type"].startswith("application/vnd.openxmlformats")
    cells = [c for r in load_workbook(io.BytesIO(sheet.content)).active.values for c in r]
    assert world.district.name in cells

    sibling = ApiClient(world.users["sibling"])
    assert (
        sibling.get(f"/congresses/{world.other.pk}/rollup/", {"cap": world.congress.pk}).status_code
        == 404
    )
    assert sibling.get(base).status_code == 404
    assert (
        ApiClient(world.users["officer"])
        .get(f"/congresses/{world.congress.pk}/rollup/")
        .status_code
        == 403
    )
    # Up the tree is not down: the world's congress cannot drill into the national one.
    secretariat = ApiClient(world.users["secretariat"])
    up = secretariat.get(f"/congresses/{world.congress.pk}/rollup/", {"cap": world.national.pk})
    assert up.status_code == 404


def test_a_congress_below_is_read_from_above_and_not_from_beside(world):
    build_tree(world)
    summary.rebuild(world.congress.pk)
    Writer(world, 6).create()
    path = f"/congresses/{world.congress.pk}/from-above/"
    read = ApiClient(world.users["parent"]).get(path)
    assert read.status_code == 200, read.content
    body = read.json()
    assert body["congress"]["id"] == world.congress.pk
    own = ApiClient(world.users["secretariat"]).get(f"/congresses/{world.congress.pk}/dashboard/")
    assert body["counts"] == own.json()["counts"] and body["counts"]["total"] >= 1
    assert ApiClient(world.users["secretariat"]).get(path).status_code == 200
    assert ApiClient(world.users["sibling"]).get(path).status_code == 404
    # The national congress is above the world's: never read from below.
    above = f"/congresses/{world.national.pk}/from-above/"
    assert ApiClient(world.users["secretariat"]).get(above).status_code == 404
