"""The roll-up over the tree of congresses, read from the per-congress totals kept by the
writes (`planning/tree_counts.py`), against a direct count of the tasks."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.urls import reverse

from daihoi.core.dates import today as local_today
from daihoi.levels import services
from daihoi.levels.rollup import Counts, Rollup, Row, direct_totals, rollup
from daihoi.levels.tests.helpers import build_tree
from daihoi.levels.views.rollup import table_rows
from daihoi.organizations.models import Agency, Congress
from daihoi.organizations.permissions import ADMIN, Access
from daihoi.planning import summary
from daihoi.planning.models import CongressTaskCount
from daihoi.planning.status import MAIN_CLASSES, StatusClass
from daihoi.planning.tests.test_summary import Writer

pytestmark = pytest.mark.django_db
LEADS = ["btg", "stc", "vptu"]


@pytest.fixture
def tree(world):
    build_tree(world)
    return world


def totals_of(result):
    return dict(result.total.by_class)


@pytest.mark.parametrize("seed", [1, 2])
def test_the_rollup_equals_a_direct_count_after_random_writes_at_two_levels(tree, seed):
    today = local_today()
    for congress in (tree.congress, tree.district):
        summary.rebuild(congress.pk)
    writer = Writer(tree, seed)
    for _ in range(40):
        writer.step()
    office = Agency.objects.get(congress=tree.district)
    district_world = SimpleNamespace(
        **{**vars(tree), "congress": tree.district, "agencies": dict.fromkeys(LEADS, office)}
    )
    district_writer = Writer(district_world, seed + 10)
    for _ in range(10):
        district_writer.create()
    national = rollup(tree.national, today)
    assert totals_of(national) == direct_totals(tree.national, today)
    province = rollup(tree.congress, today)
    assert totals_of(province) == direct_totals(tree.congress, today)
    assert sum(direct_totals(tree.district, today).values()) == 10
    # The province's row in the national roll-up is its whole subtree.
    row = next(r for r in national.rows if r.congress.pk == tree.congress.pk)
    assert dict(row.counts.by_class) == direct_totals(tree.congress, today)
    district_row = next(r for r in province.rows if r.congress.pk == tree.district.pk)
    assert dict(district_row.counts.by_class) == direct_totals(tree.district, today)


def test_moving_a_congress_moves_its_tasks_in_the_rollup(tree):
    today = local_today()
    summary.rebuild(tree.congress.pk)
    Writer(tree, 3).create()
    before = rollup(tree.national, today).total.total
    assert before >= 1
    admin = Access(tree.admin, tree.national, ADMIN)
    services.congress_set_parent(access=admin, congress=tree.congress, parent=None)
    assert rollup(tree.national, today).total.total == 0
    tree.congress.refresh_from_db()
    assert CongressTaskCount.objects.filter(congress=tree.congress, d0=tree.congress.pk).exists()


def test_the_worst_by_overdue_share_lists_the_congress_behind(tree):
    today = local_today()
    summary.rebuild(tree.congress.pk)
    writer = Writer(tree, 4)
    from daihoi.planning import services as planning_services
    from daihoi.planning.models import Area, Phase

    planning_services.task_create(
        access=writer.secretariat,
        fields=planning_services.TaskFields(
            title="Báo cáo chính trị",
            lead_agency=tree.agencies["btg"],
            area=Area.DOCUMENTS,
            phase=Phase.BEFORE,
            deadline=today - dt.timedelta(days=3),
        ),
    )
    worst = rollup(tree.national, today).worst
    assert worst[0].congress.pk == tree.congress.pk and worst[0].overdue >= 1
    assert rollup(tree.national, today).total.by_class[StatusClass.OPEN_OVERDUE] >= 1


def test_the_national_office_drills_down_and_exports(tree, client, django_assert_max_num_queries):
    client.force_login(tree.users["parent"])
    url = reverse("levels:rollup", kwargs={"congress_id": tree.national.pk})
    with django_assert_max_num_queries(20):
        response = client.get(url)
    assert response.status_code == 200 and tree.congress.name in response.content.decode()
    response = client.get(url, {"cap": tree.congress.pk})
    assert tree.district.name in response.content.decode()
    xlsx = client.get(
        reverse("levels:rollup-xlsx", kwargs={"congress_id": tree.national.pk}),
        {"cap": tree.congress.pk},
    )
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


def test_a_province_cannot_drill_into_a_sibling_or_above(tree, client):
    client.force_login(tree.users["secretariat"])
    url = reverse("levels:rollup", kwargs={"congress_id": tree.congress.pk})
    for other in (tree.other.pk, tree.national.pk, "x"):
        assert client.get(url, {"cap": other}).status_code == 404


def test_the_parent_reads_a_descendants_dashboard_and_the_sibling_does_not(tree, client):
    url = reverse("levels:descendant", kwargs={"congress_id": tree.district.pk})
    client.force_login(tree.users["parent"])
    assert client.get(url).status_code == 200
    client.force_login(tree.users["sibling"])
    assert client.get(url).status_code == 404
    # Its own pages stay closed to the parent: reading is only through the levels pages.
    client.force_login(tree.users["parent"])
    assert client.get(f"/dai-hoi/{tree.district.pk}/").status_code == 404


def test_a_new_congress_starts_with_empty_totals(tree):
    assert rollup(Congress.objects.get(pk=tree.district.pk), local_today()).total.total == 0


def kept_and_fresh_subtrees() -> tuple[dict, dict]:
    """The subtree rows as kept by the writes, and as summed afresh from the totals."""
    from daihoi.planning.models import SubtreeTaskCount

    paths = dict(Congress.objects.values_list("pk", "path"))
    fresh: dict = {}
    for cid, status, n, a in CongressTaskCount.objects.values_list(
        "congress_id", "status", "tasks", "awaiting"
    ):
        ids = [int(p) for p in paths[cid].strip("/").split("/") if p]
        for parent, child in zip(ids, ids[1:], strict=False):
            row = fresh.setdefault((parent, child, status), [0, 0])
            row[0] += n
            row[1] += a
    kept = {
        (p, c, s): [n, a]
        for p, c, s, n, a in SubtreeTaskCount.objects.values_list(
            "parent_id", "child_id", "status", "tasks", "awaiting"
        )
        if n or a
    }
    return kept, {k: v for k, v in fresh.items() if any(v)}


def test_subtree_rows_and_overdue_shares_equal_a_fresh_sum_after_writes_rebuilds_and_moves(
    tree,
):
    from daihoi.planning.models import CongressOverdueShare

    today = local_today()
    summary.rebuild(tree.congress.pk)
    writer = Writer(tree, 7)
    for _ in range(30):
        writer.step()
    kept, fresh = kept_and_fresh_subtrees()
    assert kept == fresh and kept
    summary.rebuild(tree.congress.pk)  # a rebuild recounts the congress's totals
    assert kept_and_fresh_subtrees()[0] == kept_and_fresh_subtrees()[1]
    admin = Access(tree.admin, tree.national, ADMIN)
    services.congress_set_parent(access=admin, congress=tree.congress, parent=None)
    kept, fresh = kept_and_fresh_subtrees()
    assert kept == fresh
    assert not any(p == tree.national.pk for p, _, _ in kept)
    tree.congress.refresh_from_db()
    share = CongressOverdueShare.objects.get(congress=tree.congress)
    counts = direct_totals(tree.congress, today)
    assert share.total == sum(counts.values())
    assert share.overdue == counts[StatusClass.OPEN_OVERDUE]
    assert share.d0 == tree.congress.pk


@pytest.mark.parametrize("seed", [1, 2])
def test_guidance_tasks_still_to_do_equal_a_direct_count_after_random_writes(tree, seed):
    """The kept count per item against a count of the tasks, after the random writes of the
    summary's test (among them cancel, resume, delete, restore, delete for good), an
    acceptance and a plain UPDATE."""
    from daihoi.accounts.models import Role
    from daihoi.levels import counts, selectors
    from daihoi.levels.models import GuidanceItem, GuidanceItemCount
    from daihoi.levels.tests.helpers import guidance_objects
    from daihoi.planning import services as planning_services
    from daihoi.planning.models import Area, Task

    guidance_objects(tree)  # the province's to its district, the national one to the province
    national = Access(tree.users["parent"], tree.national, Role.SECRETARIAT)
    guidance = services.guidance_create(access=national, kind="guidance", title="Hướng dẫn")
    for i in range(3):
        services.guidance_item_add(
            access=national,
            guidance=guidance,
            fields=services.ItemFields(title=f"Nhiệm vụ {i}", area=Area.GENERAL),
        )
    send = services.guidance_send(
        access=national, guidance=guidance, congress_ids=[tree.congress.pk]
    )
    services.deliver(send.pk)

    def kept_and_direct() -> tuple[dict, dict]:
        kept = dict(GuidanceItemCount.objects.values_list("item_id", "open_tasks"))
        direct = counts.direct_counts(GuidanceItem.objects.values_list("pk", flat=True))
        return {k: v for k, v in kept.items() if v}, {k: v for k, v in direct.items() if v}

    assert sum(kept_and_direct()[0].values()) == 5
    summary.rebuild(tree.congress.pk)
    writer = Writer(tree, seed)
    for _ in range(60):
        writer.step()
    kept, direct = kept_and_direct()
    assert kept == direct
    received = Task.objects.filter(from_guidance__isnull=False, congress=tree.congress)
    if task := received.filter(accepted=False, cancelled=False, paused=False).first():
        lead = Access(
            tree.users["officer"], tree.congress, Role.AGENCY_OFFICER, task.lead_agency_id
        )
        planning_services.task_report_progress(
            access=lead, task=task, text="Xong", percent=100, reports_completion=True
        )
        planning_services.task_accept(access=writer.secretariat, task=task)
    Task.objects.filter(pk__in=received.values("pk")[:1]).update(cancelled=True)
    kept, direct = kept_and_direct()
    assert kept == direct
    national_open = sum(n for _, n in selectors.open_guidance_tasks(tree.national))
    national_items = GuidanceItem.objects.filter(guidance__congress=tree.national)
    assert national_open == sum(
        direct.get(pk, 0) for pk in national_items.values_list("pk", flat=True)
    )


def test_the_table_rows_escape_names_group_thousands_and_label_every_cell(tree):
    tree.district.name = 'Đảng bộ <b onclick="x">Đắk Hà</b>'
    counts = Counts()
    counts.add(StatusClass.OPEN_OVERDUE, 12345, 0)
    counts.add(StatusClass.OPEN_ON_TIME, 987655, 0)
    row = Row(tree.district, counts, {"held": 1500}, unanswered=2)
    result = Rollup(tree.national, counts, Counts(), [row], [], {}, 0)
    html = table_rows(result, "/dai-hoi/1/cac-cap/tong-hop/")
    assert "<b" not in html and "&lt;b onclick=&quot;x&quot;&gt;" in html
    assert ">12.345</td>" in html and ">987.655</td>" in html and ">1.500</td>" in html
    assert '<td data-label="Tỷ lệ quá hạn">1%</td>' in html
    for c in MAIN_CLASSES:
        assert f'data-label="{c.label}"' in html
    assert f"?cap={tree.district.pk}" in html
    assert reverse("levels:descendant", kwargs={"congress_id": tree.district.pk}) in html
