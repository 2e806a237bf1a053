"""Benchmark of logistics at the national size: 1,500 delegates in 30 delegations, 840 rooms in
four hotels, a hall of three blocks (1,560 seats). Times automatic lodging and automatic seating
of everyone (each run from empty), then the pages: lodging, a hotel's rooms and its nightly
manifest, the seating plan, meals.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/daihoi_bench \\
        .venv/bin/python bench/logistics_bench.py --delegates 1500
"""

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from django.db import transaction  # noqa: E402
from django.test import Client  # noqa: E402
from planning_pages import timed  # noqa: E402  (sets Django up)

from daihoi.accounts.models import Role, User  # noqa: E402
from daihoi.core.dates import today  # noqa: E402
from daihoi.core.text import fold  # noqa: E402
from daihoi.delegates.models import Delegate, Delegation  # noqa: E402
from daihoi.logistics import services  # noqa: E402
from daihoi.logistics.models import Hall, Hotel, Seat, Stay, StayMove  # noqa: E402
from daihoi.organizations.models import Congress, Participation  # noqa: E402
from daihoi.organizations.permissions import Access  # noqa: E402


def generate(n_delegates: int) -> Congress:
    opening = today() + dt.timedelta(days=30)
    congress, _ = Congress.objects.get_or_create(
        organization="Bench hậu cần",
        ordinal=1,
        defaults=dict(
            name="Đại hội thử tải hậu cần",
            level="national",
            term_start=2026,
            term_end=2031,
            opening_date=opening,
            closing_date=opening + dt.timedelta(days=6),
        ),
    )
    if Delegate.objects.filter(congress=congress).count() >= n_delegates:
        return congress
    with transaction.atomic():
        delegations = Delegation.objects.bulk_create(
            Delegation(congress=congress, name=f"Đoàn đại biểu số {n:02d}", order=n)
            for n in range(30)
        )
        Delegate.objects.bulk_create(
            Delegate(
                congress=congress,
                delegation=delegations[n % 30],
                kind=Delegate.Kind.OFFICIAL if n % 10 else Delegate.Kind.GUEST,
                full_name=f"Đại biểu thử {n:04d}",
                name_key=fold(f"Đại biểu thử {n:04d}"),
                gender=Delegate.Gender.FEMALE if n % 3 == 0 else Delegate.Gender.MALE,
                birth_year=1960 + n % 30,
            )
            for n in range(n_delegates)
        )
    return congress


def setting(access: Access) -> tuple[Hotel, Hall]:
    hotels = list(Hotel.objects.filter(congress=access.congress))
    if not hotels:
        for h in range(4):
            hotel = services.hotel_save(access=access, name=f"Khách sạn thử {h}")
            services.rooms_create(
                access=access, hotel=hotel, numbers="1-130", capacity=2, gender_rule="male"
            )
            services.rooms_create(
                access=access, hotel=hotel, numbers="201-280", capacity=2, gender_rule="female"
            )
            hotels.append(hotel)
    hall = Hall.objects.filter(congress=access.congress).first()
    if hall is None:
        hall = services.hall_save(access=access, name="Hội trường thử")
        blocks = [
            services.block_save(
                access=access, hall=hall, name=f"Khối {c}", order=n, rows=26, seats_per_row=20
            )
            for n, c in enumerate("ABC", start=1)
        ]
        delegations = list(Delegation.objects.filter(congress=access.congress))
        for n, block in enumerate(blocks):
            services.block_delegations_set(
                access=access, block=block, delegations=delegations[n * 10 : (n + 1) * 10]
            )
    return hotels[0], hall


def once(label: str, fn) -> None:
    start = time.perf_counter()
    result = fn()
    print(f"{label:<42} {1000 * (time.perf_counter() - start):8.1f} ms   {result}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--delegates", type=int, default=1500)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    congress = generate(args.delegates)
    user, _ = User.objects.get_or_create(username="bench-logistics")
    Participation.objects.get_or_create(
        user=user, congress=congress, defaults={"role": Role.SECRETARIAT}
    )
    access = Access(user, congress, Role.SECRETARIAT)
    hotel, hall = setting(access)
    Stay.objects.filter(congress=congress).delete()
    StayMove.objects.filter(congress=congress).delete()
    Seat.objects.filter(hall=hall).delete()
    print(f"delegates: {Delegate.objects.filter(congress=congress).count()}")
    once("automatic lodging, everyone", lambda: services.stays_auto_assign(access=access))
    once("automatic seating, everyone", lambda: services.seats_auto(access=access, hall=hall))
    client = Client()
    client.force_login(user)
    base = f"/dai-hoi/{congress.pk}/hau-can"
    first_night, _ = services.congress_nights(congress)
    night = first_night.strftime("%d/%m/%Y")
    for label, url in [
        ("GET lodging page", f"{base}/noi-nghi/"),
        ("GET hotel rooms (210 rooms)", f"{base}/noi-nghi/{hotel.pk}/"),
        ("GET nightly manifest", f"{base}/noi-nghi/{hotel.pk}/danh-sach/?night={night}"),
        ("GET nightly manifest XLSX", f"{base}/noi-nghi/{hotel.pk}/danh-sach.xlsx?night={night}"),
        ("GET seating plan (1,560 seats)", f"{base}/cho-ngoi/{hall.pk}/"),
        ("GET meals page", f"{base}/an-uong/"),
    ]:
        timed(label, lambda url=url: client.get(url), args.repeat)


if __name__ == "__main__":
    main()
