"""Benchmark of the API's task list at scale, beside the HTML task list page.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/daihoi_bench \
        .venv/bin/python bench/api_tasks.py --tasks 100000

Reuses the planning benchmark's generator (`bench/planning_pages.py`): generation is skipped when
the bench congress already has the requested number of tasks.
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
# The benchmark's own token must not be held back by the per-token limit.
os.environ.setdefault("DAIHOI_API_RATE", "1000000/m")

from django.test import Client  # noqa: E402
from planning_pages import generate, timed, vacuum  # noqa: E402

from daihoi.accounts.models import Role, User  # noqa: E402
from daihoi.api import services as api_services  # noqa: E402
from daihoi.organizations.models import Agency, Participation  # noqa: E402
from daihoi.planning.models import Task  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=int, default=20000)
    parser.add_argument("--agencies", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    congress = generate(args.tasks, args.agencies)
    vacuum()
    user, _ = User.objects.get_or_create(username="bench-secretariat")
    Participation.objects.get_or_create(
        user=user, congress=congress, defaults={"role": Role.SECRETARIAT}
    )
    agency = Agency.objects.filter(congress=congress).order_by("pk")[0]
    officer, _ = User.objects.get_or_create(username="bench-officer")
    Participation.objects.get_or_create(
        user=officer, congress=congress, defaults={"role": Role.AGENCY_OFFICER, "agency": agency}
    )
    total = Task.objects.filter(congress=congress).count()
    print(f"congress tasks: {total}; agencies: {args.agencies}")

    def api_client(who: User) -> tuple[Client, dict[str, str]]:
        _, raw = api_services.token_create(user=who, name="Đo tải", scope="read", days=30)
        return Client(), {"Authorization": f"Bearer {raw}"}

    api, headers = api_client(user)
    page = Client()
    page.force_login(user)
    api_base = f"/api/v1/congresses/{congress.pk}/tasks/"
    html_base = f"/dai-hoi/{congress.pk}/nhiem-vu/"
    repeat = max(5, args.repeat // 2)

    def get_api(query: str = ""):
        response = api.get(api_base + query, headers=headers)
        assert response.status_code == 200, response.content[:200]
        return response

    for label, query in [
        ("", ""),
        (" ?status=open_overdue", "?status=open_overdue"),
        (" ?q=khanh tiet", "?q=khanh%20tiet"),
        (" ?area=security&status=open_overdue", "?area=security&status=open_overdue"),
    ]:
        timed(f"API task list{label}", lambda q=query: get_api(q), repeat)
        timed(f"HTML task list{label}", lambda q=query: page.get(html_base + q), repeat)

    # Deep in the list: the cursor's 200th page (of 50) costs what the first does.
    cursor_url = get_api("?page_size=50").json()["next"]
    for _ in range(199):
        cursor_url = api.get(cursor_url, headers=headers).json()["next"]
    timed("API task list, page 200 by cursor", lambda: api.get(cursor_url, headers=headers), repeat)
    timed("HTML task list, page 200", lambda: page.get(html_base + "?page=200"), repeat)

    officer_api, officer_headers = api_client(officer)
    timed(
        "API task list (officer of one agency)",
        lambda: officer_api.get(api_base, headers=officer_headers),
        repeat,
    )


if __name__ == "__main__":
    main()
