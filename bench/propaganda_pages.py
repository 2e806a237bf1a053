"""Benchmark of the propaganda register at scale: generate items on routes, then time the
selectors and pages (list, overdue filter, map, a route's printed list and spreadsheet, the
dashboard's card, the press page).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/daihoi_bench \
        .venv/bin/python bench/propaganda_pages.py --items 20000

Generation is skipped when the bench congress already has the requested number of items.
"""

import argparse
import datetime as dt
import random
import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from planning_pages import timed  # noqa: E402  (sets Django up)

from daihoi.accounts.models import Role, User  # noqa: E402
from daihoi.core.dates import today  # noqa: E402
from daihoi.organizations.models import Agency, Congress, Participation  # noqa: E402
from daihoi.organizations.permissions import Access  # noqa: E402
from daihoi.propaganda import selectors  # noqa: E402
from daihoi.propaganda.models import (  # noqa: E402
    ItemKind,
    ItemState,
    MediaPiece,
    Outlet,
    Route,
    Slogan,
    VisualItem,
)


def generate(n_items: int, n_routes: int) -> Congress:
    congress, _ = Congress.objects.get_or_create(
        organization="Bench tuyên truyền",
        ordinal=1,
        defaults=dict(
            name="Đại hội thử tải tuyên truyền",
            level="province",
            term_start=2025,
            term_end=2030,
            opening_date=today() + dt.timedelta(days=30),
        ),
    )
    if VisualItem.objects.filter(congress=congress).count() >= n_items:
        return congress
    rng = random.Random(7)
    with transaction.atomic():
        VisualItem.objects.filter(congress=congress).delete()
        agencies = [
            Agency.objects.get_or_create(congress=congress, name=f"Đơn vị {i}")[0]
            for i in range(40)
        ]
        slogans = [
            Slogan.objects.get_or_create(congress=congress, text=f"Khẩu hiệu số {i}")[0]
            for i in range(12)
        ]
        routes = []
        for r in range(n_routes):
            lat, lon = 14.30 + rng.random() * 0.1, 107.95 + rng.random() * 0.1
            path = [[lat + k * 0.002, lon + k * 0.003] for k in range(5)]
            routes.append(
                Route.objects.get_or_create(congress=congress, name=f"Tuyến {r}", path=path)[0]
            )
        states = list(ItemState.values)
        items = []
        for i in range(n_items):
            route = routes[i % n_routes]
            start = route.path[0]
            install = today() + dt.timedelta(days=rng.randint(-20, 20))
            kind = rng.choice(ItemKind.values)
            items.append(
                VisualItem(
                    congress=congress,
                    kind=kind,
                    route=route,
                    location=f"Vị trí {i}",
                    latitude=Decimal(f"{start[0] + rng.random() * 0.01:.6f}"),
                    longitude=Decimal(f"{start[1] + rng.random() * 0.012:.6f}"),
                    quantity=rng.randint(1, 200),
                    slogan=rng.choice(slogans) if ItemKind.carries_slogan(kind) else None,
                    agency=rng.choice(agencies),
                    install_on=install,
                    remove_on=install + dt.timedelta(days=40),
                    state=rng.choice(states),
                )
            )
        VisualItem.objects.bulk_create(items, batch_size=2000)
        outlet, _ = Outlet.objects.get_or_create(
            congress=congress, name="Báo thử", kind="newspaper"
        )
        MediaPiece.objects.bulk_create(
            MediaPiece(
                congress=congress,
                outlet=outlet,
                kind=rng.choice(MediaPiece.Kind.values),
                title=f"Tin bài {i}",
                planned_on=today() - dt.timedelta(days=rng.randint(0, 120)),
                published_on=today() - dt.timedelta(days=rng.randint(0, 120)) if i % 3 else None,
            )
            for i in range(n_items // 4)
        )
    return congress


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=20000)
    parser.add_argument("--routes", type=int, default=80)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    congress = generate(args.items, args.routes)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE propaganda_visualitem")
            cursor.execute("VACUUM ANALYZE propaganda_mediapiece")
    user, _ = User.objects.get_or_create(username="bench-propaganda")
    Participation.objects.get_or_create(
        user=user, congress=congress, defaults={"role": Role.SECRETARIAT}
    )
    access = Access(user, congress, Role.SECRETARIAT)
    day = today()
    total = VisualItem.objects.filter(congress=congress).count()
    print(f"database: {connection.vendor}; items: {total}; routes: {args.routes}")
    timed("overdue board (dashboard card)", lambda: selectors.overdue_board(access, day), 20)
    timed(
        "item list page 1",
        lambda: list(selectors.items_of(access, selectors.ItemFilters(), day)[:25]),
        args.repeat,
    )
    timed("weekly press counts", lambda: selectors.weekly_counts(access), args.repeat)

    route = Route.objects.filter(congress=congress).order_by("pk").first()
    assert route is not None
    client = Client()
    client.force_login(user)
    base = f"/dai-hoi/{congress.pk}/tuyen-truyen/"
    for label, path in [
        ("GET item list page", ""),
        ("GET item list ?overdue=on", "?overdue=on"),
        ("GET map (capped at 2,000 points)", "ban-do/"),
        (f"GET map of one route ({total // args.routes} items)", f"ban-do/?route={route.pk}"),
        ("GET route printed list", f"tuyen/{route.pk}/in/"),
        ("GET route XLSX", f"tuyen/{route.pk}/danh-sach.xlsx"),
        ("GET dashboard card", "khoi-tong-quan/"),
        ("GET press page", "bao-chi/"),
    ]:

        def fetch(path: str = path) -> None:
            response = client.get(base + path)
            assert response.status_code == 200, (path, response.status_code)

        timed(label, fetch, args.repeat)


if __name__ == "__main__":
    main()
