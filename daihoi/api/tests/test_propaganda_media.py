"""Press and media output and the art programme through the API: outlets, their columns, the
pieces and the weekly counts; exhibitions and performances; the pages' rules and messages."""

import datetime as dt

from daihoi.api.models import Scope
from daihoi.core.models import AuditEntry
from daihoi.propaganda import services
from daihoi.propaganda.models import ArtEvent, Column, MediaPiece, Outlet
from daihoi.propaganda.tests.helpers import in_days, propaganda_committee, secretariat

from .helpers import ApiClient


def base(world) -> str:
    return f"/congresses/{world.congress.pk}/propaganda"


def test_outlets_columns_and_pieces_are_kept_with_the_pages_rules(world):
    propaganda_committee(world)
    leader = ApiClient(world.users["leader"])
    outlet = leader.post(f"{base(world)}/outlets/", {"name": "Báo Kon Tum", "kind": "newspaper"})
    assert outlet.status_code == 201, outlet.content
    outlet_id = outlet.json()["id"]
    assert outlet.json()["kind_label"] == "Báo in, báo điện tử"
    entry = AuditEntry.objects.get(object_id=outlet_id, action="outlet.created")
    assert entry.data["api_token"] == leader.token.prefix
    twice = leader.post(f"{base(world)}/outlets/", {"name": "báo kon tum", "kind": "newspaper"})
    assert twice.status_code == 400
    assert twice.json()["errors"]["name"] == ["Cơ quan “báo kon tum” đã có."]

    column = leader.post(
        f"{base(world)}/columns/",
        {
            "outlet": outlet_id,
            "kind": "column",
            "name": "Hướng tới Đại hội",
            "link": "baokontum.vn",
        },
    )
    assert column.status_code == 201, column.content
    assert Column.objects.get(pk=column.json()["id"]).link == "https://baokontum.vn"
    other = Outlet.objects.create(congress=world.congress, name="Đài tỉnh", kind="broadcast")

    path = f"{base(world)}/pieces/"
    body = {
        "outlet": other.pk,
        "column": column.json()["id"],
        "kind": "article",
        "title": "Kon Tum sẵn sàng",
        "planned_on": "01/09/2020",
    }
    mismatch = leader.post(path, body)
    assert mismatch.status_code == 400
    assert mismatch.json()["errors"]["column"] == [
        "Chuyên trang, chuyên mục đã chọn không thuộc cơ quan báo chí này."
    ]
    piece = leader.post(path, body | {"outlet": outlet_id})
    assert piece.status_code == 201, piece.content
    assert piece.json()["column"]["name"] == "Hướng tới Đại hội"
    one = f"{path}{piece.json()['id']}/"
    published = leader.put(
        one, body | {"outlet": outlet_id, "published_on": "2020-09-02", "version": 1}
    )
    assert published.status_code == 200, published.content
    assert MediaPiece.objects.get(pk=piece.json()["id"]).published_on == dt.date(2020, 9, 2)
    assert leader.put(one, body | {"outlet": outlet_id, "version": 1}).status_code == 409
    renamed = leader.put(
        f"{base(world)}/outlets/{outlet_id}/",
        {"name": "Báo Kon Tum điện tử", "kind": "newspaper", "version": 1},
    )
    assert renamed.status_code == 200 and renamed.json()["version"] == 2

    member = ApiClient(world.users["member"])
    assert member.put(one, body | {"outlet": outlet_id}).status_code == 403
    assert ApiClient(world.users["leader"], scope=Scope.READ).post(path, body).status_code == 403
    beside = f"/congresses/{world.other.pk}/propaganda/pieces/{piece.json()['id']}/"
    assert ApiClient(world.users["outsider"]).get(beside).status_code == 404


def test_the_overview_counts_pieces_per_week_and_the_list_filters_as_the_page(world):
    access = secretariat(world)
    outlet = services.outlet_create(access=access, name="Báo Kon Tum", kind="newspaper")
    radio = services.outlet_create(access=access, name="Đài tỉnh", kind="broadcast")
    monday = dt.date(2020, 8, 31)
    for n, (where, published) in enumerate(((outlet, True), (outlet, False), (radio, True))):
        services.piece_create(
            access=access,
            fields=services.PieceFields(
                outlet=where,
                kind="article",
                title=f"Tin số {n}",
                planned_on=monday,
                published_on=monday + dt.timedelta(days=2) if published else None,
            ),
        )
    client = ApiClient(world.users["officer2"])
    overview = client.get(f"{base(world)}/media/")
    assert overview.status_code == 200, overview.content
    [week] = overview.json()["weeks"]
    assert week["monday"] == "2020-08-31" and week["sunday"] == "2020-09-06"
    assert (week["planned"], week["published"], week["by_kind"]) == (3, 2, {"article": 2})
    assert {o["name"]: o["planned"] for o in overview.json()["outlets"]} == {
        "Báo Kon Tum": 2,
        "Đài tỉnh": 1,
    }
    only = client.get(f"{base(world)}/media/", {"outlet": radio.pk}).json()["weeks"]
    assert only[0]["planned"] == 1
    waiting = client.all(f"{base(world)}/pieces/", {"published": "no"})
    assert [p["title"] for p in waiting] == ["Tin số 1"]
    assert len(client.all(f"{base(world)}/pieces/", {"outlet": outlet.pk})) == 2


def test_exhibitions_are_kept_and_a_late_one_is_marked_behind(world):
    secretariat_client = ApiClient(world.users["secretariat"])
    path = f"{base(world)}/events/"
    body = {
        "kind": "exhibition",
        "title": "Triển lãm ảnh thành tựu",
        "venue": "Nhà văn hóa tỉnh",
        "starts_on": in_days(3).strftime("%d/%m/%Y"),
        "agency": world.agencies["svh"].pk,
    }
    backwards = secretariat_client.post(path, body | {"ends_on": in_days(1).isoformat()})
    assert backwards.status_code == 400
    assert backwards.json()["errors"]["ends_on"] == ["Ngày kết thúc không được trước ngày bắt đầu."]
    created = secretariat_client.post(path, body)
    assert created.status_code == 201, created.content
    assert created.json()["readiness"] == "not_started" and created.json()["behind"] is True
    assert created.json()["agency"]["id"] == world.agencies["svh"].pk
    one = f"{path}{created.json()['id']}/"
    ready = secretariat_client.put(one, body | {"readiness": "ready", "version": 1})
    assert ready.status_code == 200 and ready.json()["behind"] is False
    assert ArtEvent.objects.get(pk=created.json()["id"]).readiness == "ready"
    assert secretariat_client.put(one, body | {"version": 1}).status_code == 409
    officer = ApiClient(world.users["officer"])
    assert officer.get(one).json()["readiness_label"] == "Sẵn sàng"
    refused = officer.post(path, body)
    assert refused.status_code == 403


def test_the_media_lists_take_a_fixed_number_of_queries(world, django_assert_max_num_queries):
    access = secretariat(world)
    for n in range(5):
        outlet = services.outlet_create(access=access, name=f"Báo số {n}", kind="newspaper")
        column = services.column_create(access=access, outlet=outlet, kind="page", name="Đại hội")
        services.piece_create(
            access=access,
            fields=services.PieceFields(
                outlet=outlet, column=column, kind="article", title="Tin", planned_on=in_days(-n)
            ),
        )
        services.event_create(
            access=access,
            fields=services.EventFields(
                kind="display",
                title=f"Trưng bày số {n}",
                venue="Bảo tàng tỉnh",
                starts_on=in_days(n),
                agency=world.agencies["btg"],
            ),
        )
    client = ApiClient(world.users["member"])
    for path in ("/pieces/", "/events/"):
        with django_assert_max_num_queries(8):
            response = client.get(base(world) + path)
        assert response.status_code == 200 and len(response.json()["results"]) == 5, path
    with django_assert_max_num_queries(10):
        overview = client.get(f"{base(world)}/media/")
    assert [len(o["columns"]) for o in overview.json()["outlets"]] == [1] * 5


def test_the_media_lists_ask_as_many_queries_for_one_row_as_for_many(world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    access = secretariat(world)
    client = ApiClient(world.users["member"])

    def add(n: int) -> None:
        outlet = services.outlet_create(access=access, name=f"Báo số {n}", kind="newspaper")
        column = services.column_create(access=access, outlet=outlet, kind="page", name="Đại hội")
        services.piece_create(
            access=access,
            fields=services.PieceFields(
                outlet=outlet, column=column, kind="article", title="Tin", planned_on=in_days(-n)
            ),
        )
        services.event_create(
            access=access,
            fields=services.EventFields(
                kind="display", title=f"Trưng bày {n}", venue="Bảo tàng", starts_on=in_days(n)
            ),
        )

    def counts() -> list[int]:
        client.get(base(world) + "/slogans/")  # the token's first use is noted once
        found = []
        for path in ("/pieces/", "/events/", "/media/"):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(base(world) + path).status_code == 200, path
            found.append(len(queries))
        return found

    add(0)
    few = counts()
    for n in range(1, 6):
        add(n)
    assert counts() == few
