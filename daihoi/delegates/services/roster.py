"""The roster kept by the secretariat and the credentials subcommittee: delegations, delegates
typed one by one, replacement by an alternate, and the delegate duties."""

import datetime as dt
from dataclasses import asdict, dataclass

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from daihoi.core.audit import changes_since, record, snapshot
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require, require_same_congress
from daihoi.core.text import fold, normalize
from daihoi.core.uploads import validate_attachment
from daihoi.core.versioning import check_version
from daihoi.organizations.models import Participation
from daihoi.organizations.permissions import Access

from ..models import (
    Delegate,
    DelegateAction,
    Delegation,
    DelegationAction,
    Duty,
    DutyAction,
    Replacement,
)
from ..permissions import (
    ONLY_MANAGERS,
    ONLY_ROSTER_KEEPERS,
    can_give_duties,
    can_keep_roster,
    roster_rights,
)
from .accounts import delegate_account_ensure, delegate_account_lock_replaced

# A delegate joins the Party at 18 at the earliest (Điều lệ Đảng); a few months' slack for
# records that give only the year of birth.
MIN_JOINING_AGE = 17
MIN_BIRTH_YEAR = 1920
PHOTO_TYPES = ("image/jpeg", "image/png")


@dataclass
class DelegateFields:
    """What a form or an import row gives for one delegate (the photo comes apart)."""

    kind: str
    full_name: str
    gender: str
    delegation: Delegation
    birth_year: int | None = None
    ethnicity: str = "Kinh"
    religion: str = "Không"
    education: str = ""
    professional_level: str = ""
    theory_level: str = ""
    party_joined_on: dt.date | None = None
    position: str = ""
    workplace: str = ""
    is_ex_officio: bool = False
    phone: str = ""


EDITABLE = [name for name in DelegateFields.__dataclass_fields__]


def check_fields(fields: DelegateFields, today: dt.date) -> list[tuple[str, str]]:
    """Every problem of one delegate's fields as (field, Vietnamese message); empty when fine."""
    problems: list[tuple[str, str]] = []
    if not normalize(fields.full_name):
        problems.append(("full_name", "Họ và tên không được để trống."))
    if fields.kind not in Delegate.Kind.values:
        problems.append(("kind", "Loại đại biểu phải là chính thức, dự khuyết hoặc khách mời."))
    if fields.gender not in Delegate.Gender.values:
        problems.append(("gender", "Giới tính phải là Nam hoặc Nữ."))
    year = fields.birth_year
    if year is None and fields.kind != Delegate.Kind.GUEST:
        problems.append(("birth_year", "Đại biểu chính thức, dự khuyết phải có năm sinh."))
    elif year is not None and not MIN_BIRTH_YEAR <= year <= today.year - 18:
        problems.append(
            (
                "birth_year",
                f"Năm sinh {year} không hợp lệ (từ {MIN_BIRTH_YEAR} đến {today.year - 18}).",
            )
        )
    joined = fields.party_joined_on
    if joined is not None:
        if joined > today:
            problems.append(("party_joined_on", "Ngày vào Đảng không thể ở sau hôm nay."))
        elif year is not None and joined.year < year + MIN_JOINING_AGE:
            problems.append(
                (
                    "party_joined_on",
                    f"Ngày vào Đảng {joined:%d/%m/%Y} không thể: khi đó người sinh năm {year} "
                    f"chưa đủ {MIN_JOINING_AGE} tuổi.",
                )
            )
    elif fields.kind != Delegate.Kind.GUEST:
        problems.append(
            ("party_joined_on", "Đại biểu chính thức, dự khuyết phải có ngày vào Đảng.")
        )
    for name, choices in (
        ("professional_level", Delegate.Professional.values),
        ("theory_level", Delegate.Theory.values),
    ):
        if getattr(fields, name) and getattr(fields, name) not in choices:
            problems.append((name, "Giá trị không có trong danh mục."))
    return problems


def apply_fields(delegate: Delegate, fields: DelegateFields) -> None:
    for name, value in asdict(fields).items():
        if name == "delegation":
            continue
        setattr(delegate, name, normalize(value) if isinstance(value, str) else value)
    delegate.delegation = fields.delegation
    delegate.name_key = fold(delegate.full_name)


def _refuse_problems(fields: DelegateFields) -> None:
    problems = check_fields(fields, timezone.localdate())
    if problems:
        field, message = problems[0]
        raise BusinessError(message, field=field)


def _refuse_duplicate(delegate: Delegate) -> None:
    twins = Delegate.objects.filter(
        congress_id=delegate.congress_id,
        is_active=True,
        name_key=delegate.name_key,
        birth_year=delegate.birth_year,
    ).exclude(pk=delegate.pk)
    if delegate.is_active and twins.exists():
        raise BusinessError(
            f"{delegate.full_name} (sinh năm {delegate.birth_year or '—'}) đã có trong danh sách.",
            field="full_name",
        )


def _check_photo(photo: UploadedFile | None) -> None:
    if photo is None:
        return
    kind = validate_attachment(photo)
    if kind not in PHOTO_TYPES:
        raise BusinessError("Ảnh đại biểu phải là tệp JPG hoặc PNG.", field="photo")


def _save(delegate: Delegate) -> None:
    """Saves; the database's uniqueness answers a concurrent duplicate in Vietnamese."""
    try:
        with transaction.atomic():
            delegate.save()
    except IntegrityError:
        raise BusinessError(
            f"{delegate.full_name} (sinh năm {delegate.birth_year or '—'}) đã có trong danh sách.",
            field="full_name",
        ) from None


@transaction.atomic
def delegation_create(*, access: Access, name: str, order: int = 0) -> Delegation:
    require(can_keep_roster(roster_rights(access)), ONLY_ROSTER_KEEPERS)
    name = normalize(name)
    if not name:
        raise BusinessError("Tên đoàn không được để trống.", field="name")
    if Delegation.objects.filter(congress=access.congress, name__iexact=name).exists():
        raise BusinessError(f"Đã có đoàn “{name}”.", field="name")
    delegation = Delegation.objects.create(congress=access.congress, name=name, order=order)
    record(access, DelegationAction.CREATED, delegation)
    return delegation


@transaction.atomic
def delegate_create(
    *, access: Access, fields: DelegateFields, photo: UploadedFile | None = None
) -> Delegate:
    """Adds one delegate typed in a form; refuses a person already on the roster."""
    require(can_keep_roster(roster_rights(access)), ONLY_ROSTER_KEEPERS)
    require_same_congress(access.congress, fields.delegation)
    _refuse_problems(fields)
    _check_photo(photo)
    delegate = Delegate(congress=access.congress)
    apply_fields(delegate, fields)
    if photo is not None:
        delegate.photo = photo
    _refuse_duplicate(delegate)
    _save(delegate)
    record(access, DelegateAction.CREATED, delegate)
    return delegate


@transaction.atomic
def delegate_update(
    *,
    access: Access,
    delegate: Delegate,
    fields: DelegateFields,
    photo: UploadedFile | None = None,
    version: int | None = None,
) -> Delegate:
    """Changes a delegate's record; locks the row and refuses a stale form (`version`)."""
    require(can_keep_roster(roster_rights(access)), ONLY_ROSTER_KEEPERS)
    require_same_congress(access.congress, delegate, fields.delegation)
    _refuse_problems(fields)
    _check_photo(photo)
    locked = Delegate.objects.select_for_update().get(pk=delegate.pk)
    check_version(locked, version, "Thông tin đại biểu")
    before = snapshot(locked, EDITABLE)
    apply_fields(locked, fields)
    if photo is not None:
        locked.photo = photo
    changes = changes_since(locked, before)
    if photo is not None:
        changes.append(["Ảnh", "", "ảnh mới"])
    if changes:
        _refuse_duplicate(locked)
        _save(locked)
        record(access, DelegateAction.UPDATED, locked, changes=changes)
    return locked


@transaction.atomic
def delegate_replace(
    *,
    access: Access,
    delegate: Delegate,
    substitute: Delegate,
    reason: str,
    decided_on: dt.date,
) -> Replacement:
    """An alternate takes the seat of an official delegate who can no longer attend.

    Locks both rows (lower id first). The replaced delegate stays on file, inactive; the
    alternate becomes official; both keep the `Replacement` that links them."""
    require(can_keep_roster(roster_rights(access)), ONLY_ROSTER_KEEPERS)
    require_same_congress(access.congress, delegate, substitute)
    rows = {
        d.pk: d
        for d in Delegate.objects.select_for_update()
        .filter(pk__in=[delegate.pk, substitute.pk])
        .order_by("pk")
    }
    replaced, alternate = rows[delegate.pk], rows[substitute.pk]
    if not replaced.is_active or replaced.kind != Delegate.Kind.OFFICIAL:
        raise BusinessError("Chỉ thay được đại biểu chính thức đang có tên trong danh sách.")
    if not alternate.is_active or alternate.kind != Delegate.Kind.ALTERNATE:
        raise BusinessError("Người thay phải là đại biểu dự khuyết.", field="substitute")
    if not normalize(reason):
        raise BusinessError("Hãy ghi lý do thay thế.", field="reason")
    if decided_on > timezone.localdate():
        raise BusinessError("Ngày quyết định không thể ở sau hôm nay.", field="decided_on")
    replaced.is_active = False
    replaced.version += 1
    replaced.save(update_fields=["is_active", "version", "updated_at"])
    alternate.kind = Delegate.Kind.OFFICIAL
    alternate.version += 1
    alternate.save(update_fields=["kind", "version", "updated_at"])
    replacement = Replacement.objects.create(
        congress=access.congress,
        replaced=replaced,
        substitute=alternate,
        reason=normalize(reason),
        decided_on=decided_on,
        created_by=access.user,
    )
    data = {"reason": replacement.reason, "decided_on": decided_on.isoformat()}
    record(access, DelegateAction.REPLACED, replaced, reason=replacement.reason, data=data)
    record(access, DelegateAction.SUBSTITUTED, alternate, reason=replacement.reason, data=data)
    # The replaced delegate's account is locked; the alternate gets one (its slip is printed
    # from the accounts page) unless it has one already.
    delegate_account_lock_replaced(access, replaced)
    if Participation.objects.filter(delegate=replaced).exists():
        delegate_account_ensure(access, alternate)
    return replacement


@transaction.atomic
def duty_give(*, access: Access, user_id: int, kind: str) -> Duty:
    """Gives a delegate duty to a user who takes part in the congress."""
    require(can_give_duties(access), ONLY_MANAGERS)
    if kind not in Duty.Kind.values:
        raise BusinessError("Công việc không hợp lệ.", field="kind")
    if not Participation.objects.filter(congress=access.congress, user_id=user_id).exists():
        raise BusinessError("Người dùng này chưa tham gia Đại hội.", field="user")
    duty, created = Duty.objects.get_or_create(congress=access.congress, user_id=user_id, kind=kind)
    if not created:
        raise BusinessError("Người này đã được phân công việc này.", field="user")
    record(access, DutyAction.GIVEN, duty)
    return duty


@transaction.atomic
def duty_remove(*, access: Access, duty: Duty) -> None:
    require(can_give_duties(access), ONLY_MANAGERS)
    require_same_congress(access.congress, duty)
    record(access, DutyAction.REMOVED, duty)
    duty.delete()
