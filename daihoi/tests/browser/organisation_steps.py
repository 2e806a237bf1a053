"""Browser steps for setting up a congress's organisation, shared by the flows that need one:
each step drives the pages as a secretariat user would and returns when the page has saved."""

from collections.abc import Sequence


def congress_url(live_server, congress_id: int, path: str = "") -> str:
    return f"{live_server.url}/dai-hoi/{congress_id}/{path}"


def add_person(page, live_server, congress_id: int, full_name: str, titles: str, agency: str):
    """From the people list ("Cán bộ" in the menu): a person with titles and agency."""
    page.goto(congress_url(live_server, congress_id, "tieu-ban/"))
    page.click("nav >> text=Cán bộ")
    page.get_by_role("link", name="Thêm cán bộ").click()
    page.fill("input[name=full_name]", full_name)
    page.fill("input[name=titles]", titles)
    page.select_option("select[name=agency]", label=agency)
    page.click("button:has-text('Lưu')")
    page.wait_for_load_state("networkidle")


def found_committee(
    page,
    live_server,
    congress_id: int,
    name: str,
    kind: str,
    *,
    parent: str = "",
    functions: str = "",
    duties: Sequence[str] = (),
) -> None:
    """From "Tiểu ban" in the menu: a committee; ends on its page."""
    page.goto(congress_url(live_server, congress_id))
    page.click("nav >> text=Tiểu ban")
    page.get_by_role("link", name="Thành lập tiểu ban, tổ").click()
    page.select_option("select[name=kind]", label=kind)
    page.fill("input[name=name]", name)
    if parent:
        page.select_option("select[name=parent]", label=parent)
    page.fill("textarea[name=functions]", functions)
    page.fill("textarea[name=duties]", "\n".join(duties))
    page.click("button:has-text('Lưu')")
    page.wait_for_load_state("networkidle")


def add_member(
    page,
    person: str,
    role: str,
    *,
    duties: Sequence[str] = (),
    areas: Sequence[str] = (),
    agencies: Sequence[str] = (),
) -> None:
    """On a committee's page: a member with role, duties, areas and agencies followed (labels as
    shown); ends back on the committee's page."""
    page.get_by_role("link", name="Thêm thành viên").click()
    page.select_option("select[name=person]", label=person)
    page.select_option("select[name=role]", label=role)
    page.fill("textarea[name=duties]", "\n".join(duties))
    for label in [*areas, *agencies]:
        page.get_by_label(label, exact=True).check()
    page.click("button:has-text('Lưu')")
    page.wait_for_load_state("networkidle")
