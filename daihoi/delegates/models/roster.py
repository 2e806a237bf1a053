"""The roster (danh sách đại biểu): delegations, delegates, replacements by an alternate, and the
per-congress duties that open the roster's personal data or the gate's check-in page."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from daihoi.core.audit import AuditAction
from daihoi.core.versioning import Versioned


class Delegation(models.Model):
    """Đoàn đại biểu: the delegates one Party organisation below sends (Đoàn Đảng bộ Khối…)."""

    congress = models.ForeignKey(
        "organizations.Congress",
        on_delete=models.CASCADE,
        related_name="delegations",
        verbose_name=_("Đại hội"),
    )
    name = models.CharField(_("tên đoàn"), max_length=255)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("đoàn đại biểu")
        verbose_name_plural = _("đoàn đại biểu")
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["congress", "name"], name="delegation_name_unique"),
        ]

    def __str__(self) -> str:
        return self.name


def _photo_path(instance: "Delegate", filename: str) -> str:
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "jpg"
    return f"delegates/{instance.congress_id}/photos/{secrets.token_hex(12)}.{suffix}"


class Delegate(Versioned):
    """One delegate (or guest) of a congress.

    A replaced delegate stays, inactive, with its `Replacement` row naming who took the seat;
    statistics, groups, badges and check-in count the active ones only.
    """

    class Kind(models.TextChoices):
        OFFICIAL = "official", _("Chính thức")
        ALTERNATE = "alternate", _("Dự khuyết")
        GUEST = "guest", _("Khách mời")

    class Gender(models.TextChoices):
        MALE = "male", _("Nam")
        FEMALE = "female", _("Nữ")

    class Professional(models.TextChoices):
        DOCTOR = "doctor", _("Tiến sĩ")
        MASTER = "master", _("Thạc sĩ")
        UNIVERSITY = "university", _("Đại học")
        COLLEGE = "college", _("Cao đẳng")
        VOCATIONAL = "vocational", _("Trung cấp")
        NONE = "none", _("Chưa qua đào tạo")

    class Theory(models.TextChoices):
        SENIOR = "senior", _("Cao cấp, cử nhân")
        INTERMEDIATE = "intermediate", _("Trung cấp")
        ELEMENTARY = "elementary", _("Sơ cấp")
        NONE = "none", _("Chưa qua đào tạo")

    congress = models.ForeignKey(
        "organizations.Congress",
        on_delete=models.CASCADE,
        related_name="delegates",
        verbose_name=_("Đại hội"),
    )
    delegation = models.ForeignKey(
        Delegation,
        on_delete=models.RESTRICT,
        related_name="delegates",
        verbose_name=_("đoàn đại biểu"),
    )
    kind = models.CharField(_("loại đại biểu"), max_length=12, choices=Kind.choices)
    full_name = models.CharField(_("họ và tên"), max_length=150)
    # Folded full name (no diacritics, lower case): duplicates and search by name.
    name_key = models.CharField(max_length=150, editable=False, db_index=True)
    gender = models.CharField(_("giới tính"), max_length=8, choices=Gender.choices)
    birth_year = models.PositiveSmallIntegerField(_("năm sinh"), null=True, blank=True)
    ethnicity = models.CharField(_("dân tộc"), max_length=50, default="Kinh", blank=True)
    religion = models.CharField(_("tôn giáo"), max_length=50, default="Không", blank=True)
    education = models.CharField(
        _("trình độ học vấn"), max_length=20, blank=True, help_text=_("Ví dụ: 12/12")
    )
    professional_level = models.CharField(
        _("trình độ chuyên môn"), max_length=12, choices=Professional.choices, blank=True
    )
    theory_level = models.CharField(
        _("trình độ lý luận chính trị"), max_length=12, choices=Theory.choices, blank=True
    )
    party_joined_on = models.DateField(_("ngày vào Đảng"), null=True, blank=True)
    position = models.CharField(_("chức vụ"), max_length=255, blank=True)
    workplace = models.CharField(_("đơn vị công tác"), max_length=255, blank=True)
    is_ex_officio = models.BooleanField(
        _("đại biểu đương nhiên"),
        default=False,
        help_text=_("Ủy viên Ban Chấp hành đương nhiệm; bỏ trống là đại biểu được bầu"),
    )
    photo = models.FileField(_("ảnh"), upload_to=_photo_path, max_length=300, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    is_active = models.BooleanField(_("đang là đại biểu"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("đại biểu")
        verbose_name_plural = _("đại biểu")
        ordering = ["delegation__order", "delegation__name", "name_key"]
        indexes = [models.Index(fields=["congress", "is_active", "kind"])]
        constraints = [
            # The same person (name and birth year) is on the roster once.
            models.UniqueConstraint(
                fields=["congress", "name_key", "birth_year"],
                condition=Q(is_active=True),
                name="delegate_person_unique",
            ),
            models.CheckConstraint(
                condition=Q(birth_year__isnull=True) | Q(birth_year__gte=1900),
                name="delegate_birth_year_plausible",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name


class Replacement(models.Model):
    """A delegate who can no longer attend, replaced by an alternate (dự khuyết), who becomes an
    official delegate; the replaced delegate stays on file, inactive."""

    congress = models.ForeignKey(
        "organizations.Congress", on_delete=models.CASCADE, related_name="+"
    )
    replaced = models.OneToOneField(
        Delegate,
        on_delete=models.RESTRICT,
        related_name="replacement",
        verbose_name=_("đại biểu được thay"),
    )
    substitute = models.OneToOneField(
        Delegate,
        on_delete=models.RESTRICT,
        related_name="substituted",
        verbose_name=_("đại biểu dự khuyết thay thế"),
    )
    reason = models.TextField(_("lý do"))
    decided_on = models.DateField(_("ngày quyết định"))
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("thay thế đại biểu")
        verbose_name_plural = _("thay thế đại biểu")
        ordering = ["-decided_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.substitute} thay {self.replaced}"


class Duty(models.Model):
    """A user's delegate work in one congress, given by the secretariat.

    `credentials`: keeps the roster and reads its personal data (members of the credentials
    subcommittee, Tổ thẩm tra tư cách đại biểu). `gate`: gate staff (Tổ điểm danh) who check
    delegates in and see only name, photo, delegation and the result. The user must also take
    part in the congress (any role), which lets them sign in to it.
    """

    class Kind(models.TextChoices):
        CREDENTIALS = "credentials", _("Thẩm tra tư cách, quản lý danh sách đại biểu")
        GATE = "gate", _("Điểm danh tại cửa")

    congress = models.ForeignKey(
        "organizations.Congress", on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="delegate_duties",
        verbose_name=_("người dùng"),
    )
    kind = models.CharField(_("công việc"), max_length=12, choices=Kind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("phân công công tác đại biểu")
        verbose_name_plural = _("phân công công tác đại biểu")
        constraints = [
            models.UniqueConstraint(fields=["congress", "user", "kind"], name="duty_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_kind_display()}"


class DelegationAction(AuditAction):
    CREATED = "delegation.created", _("Thêm đoàn đại biểu")
    UPDATED = "delegation.updated", _("Sửa đoàn đại biểu")


class DelegateAction(AuditAction):
    CREATED = "delegate.created", _("Thêm đại biểu")
    UPDATED = "delegate.updated", _("Sửa thông tin đại biểu")
    IMPORTED = "delegate.imported", _("Nhập đại biểu từ tệp Excel")
    REPLACED = "delegate.replaced", _("Thay thế bằng đại biểu dự khuyết")
    SUBSTITUTED = "delegate.substituted", _("Dự khuyết thay thế đại biểu chính thức")


class DutyAction(AuditAction):
    GIVEN = "delegate_duty.given", _("Phân công công tác đại biểu")
    REMOVED = "delegate_duty.removed", _("Thôi phân công công tác đại biểu")
