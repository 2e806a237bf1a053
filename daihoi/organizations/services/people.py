"""People (cán bộ) of a congress with their titles and agency, kept by the secretariat."""

from django.db import transaction

from daihoi.core.audit import changes_since, record, snapshot
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require, require_same_congress
from daihoi.core.versioning import check_version

from ..models import Agency, Person, PersonAction
from ..permissions import Access, can_manage_people

PERSON_FIELDS = ["full_name", "titles", "agency"]


def _check(full_name: str) -> str:
    name = " ".join(full_name.split())
    if not name:
        raise BusinessError("Họ và tên không được để trống.", field="full_name")
    return name


@transaction.atomic
def person_create(
    *, access: Access, full_name: str, titles: str = "", agency: Agency | None = None
) -> Person:
    require(can_manage_people(access), "Chỉ Thường trực / Văn phòng mới được thêm cán bộ.")
    require_same_congress(access.congress, agency)
    person = Person.objects.create(
        congress=access.congress,
        full_name=_check(full_name),
        titles=titles.strip(),
        agency=agency,
    )
    record(access, PersonAction.CREATED, person)
    return person


@transaction.atomic
def person_update(
    *,
    access: Access,
    person: Person,
    full_name: str,
    titles: str,
    agency: Agency | None,
    expected_version: int | None = None,
) -> Person:
    require(can_manage_people(access), "Chỉ Thường trực / Văn phòng mới được sửa cán bộ.")
    require_same_congress(access.congress, person, agency)
    person = Person.objects.select_for_update().get(pk=person.pk)
    check_version(person, expected_version, "Cán bộ")
    before = snapshot(person, PERSON_FIELDS)
    person.full_name = _check(full_name)
    person.titles = titles.strip()
    person.agency = agency
    changes = changes_since(person, before)
    if changes:
        person.save()
        record(access, PersonAction.UPDATED, person, changes=changes)
    return person
