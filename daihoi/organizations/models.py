import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from daihoi.accounts.models import Role
from daihoi.core.audit import AuditAction
from daihoi.core.text import fold
from daihoi.core.versioning import Versioned
from daihoi.extraction.roman import to_roman


class Area(models.TextChoices):
    """The areas of congress work that tasks are filed under and members supervise."""

    PROPAGANDA = "propaganda", _("Tuyên truyền")
    DOCUMENTS = "documents", _("Văn kiện")
    PERSONNEL = "personnel", _("Nhân sự")
    LOGISTICS = "logistics", _("Hậu cần, cơ sở vật chất")
    CEREMONY = "ceremony", _("Khánh tiết, trang trí")
    SECURITY = "security", _("An ninh trật tự")
    HEALTH = "health", _("Y tế, phòng chống dịch")
    FINANCE = "finance", _("Kinh phí")
    CULTURE = "culture", _("Văn hóa, văn nghệ")
    PRESS = "press", _("Báo chí")
    GENERAL = "general", _("Chỉ đạo chung")


class Congress(Versioned):
    class Level(models.TextChoices):
        NATIONAL = "national", _("Toàn quốc")
        # Provinces, cities and the blocs run from the centre (the army's and the police's Party
        # organisations among them) sit at the same level.
        PROVINCE = "province", _("Tỉnh, thành phố, khối trực thuộc Trung ương")
        DISTRICT = "district", _("Cấp huyện")
        GRASSROOTS = "grassroots", _("Cơ sở")

    class Rules(models.TextChoices):
        # Which official layout its documents follow (see the documents app).
        PARTY = "party", _("Văn bản Đảng (HD 36-HD/VPTW)")
        STATE = "state", _("Văn bản hành chính (NĐ 30/2020/NĐ-CP)")

    name = models.CharField(_("tên Đại hội"), max_length=255)
    organization = models.CharField(_("Đảng bộ / tổ chức"), max_length=255)
    level = models.CharField(_("cấp"), max_length=16, choices=Level.choices)
    ordinal = models.PositiveSmallIntegerField(_("lần thứ"))
    term_start = models.PositiveSmallIntegerField(_("nhiệm kỳ từ năm"))
    term_end = models.PositiveSmallIntegerField(_("nhiệm kỳ đến năm"))
    opening_date = models.DateField(_("ngày khai mạc"), null=True, blank=True)
    closing_date = models.DateField(_("ngày bế mạc"), null=True, blank=True)
    venue = models.CharField(_("địa điểm"), max_length=255, blank=True)
    place_name = models.CharField(
        _("địa danh ghi trên văn bản"), max_length=100, blank=True, help_text=_("Ví dụ: Kon Tum")
    )
    # The layout each issuing office follows is its own (`Agency.layout`); this is the one a new
    # issuer starts with, and the one a plan recorded with only an issuer's code follows.
    document_rules = models.CharField(
        _("thể thức văn bản mặc định"),
        max_length=8,
        choices=Rules.choices,
        default=Rules.PARTY,
        help_text=_("Cơ quan ban hành mới nhận thể thức này; mỗi cơ quan có thể đổi riêng."),
    )
    is_active = models.BooleanField(_("đang chuẩn bị"), default=True)
    # The congress of the level above: guidance goes down, reports and roll-ups go up. `path`
    # holds the ids from the root down to this congress ("/1/5/23/"), kept by the levels app's
    # services, so a subtree is one indexed prefix match and a loop is seen before it is made.
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("Đại hội cấp trên"),
    )
    path = models.CharField(max_length=255, default="", editable=False, db_index=True)

    class Meta:
        verbose_name = _("Đại hội")
        verbose_name_plural = _("Đại hội")
        ordering = ["-opening_date", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(term_end__gt=F("term_start")), name="congress_term_ordered"
            ),
            models.CheckConstraint(
                condition=Q(closing_date__isnull=True)
                | Q(opening_date__isnull=True)
                | Q(closing_date__gte=F("opening_date")),
                name="congress_closes_after_opening",
            ),
        ]

    def __str__(self) -> str:
        return self.full_title

    def save(self, *args: Any, **kwargs: Any) -> None:
        super().save(*args, **kwargs)
        if not self.path:
            # A new congress: its path is its parent's and its own id (known only now).
            parent_path = (
                Congress.objects.filter(pk=self.parent_id).values_list("path", flat=True).first()
                if self.parent_id
                else None
            )
            self.path = f"{parent_path or '/'}{self.pk}/"
            Congress.objects.filter(pk=self.pk).update(path=self.path)

    @property
    def ancestor_ids(self) -> list[int]:
        """The ids above this congress, the root first (read from `path`, no query)."""
        ids = [int(part) for part in self.path.strip("/").split("/") if part]
        return ids[:-1]

    @property
    def ordinal_roman(self) -> str:
        return to_roman(self.ordinal)

    @property
    def term(self) -> str:
        return f"{self.term_start}–{self.term_end}"

    @property
    def full_title(self) -> str:
        return f"{self.name} lần thứ {self.ordinal_roman}, nhiệm kỳ {self.term}"

    def days_until_opening(self, today: dt.date) -> int | None:
        return (self.opening_date - today).days if self.opening_date else None


class Agency(Versioned):
    congress = models.ForeignKey(
        Congress, on_delete=models.CASCADE, related_name="agencies", verbose_name=_("Đại hội")
    )
    name = models.CharField(_("tên cơ quan, đơn vị"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=64, blank=True)
    code = models.CharField(
        _("ký hiệu trên văn bản"), max_length=32, blank=True, help_text=_("Ví dụ: VP, UBND, TU")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("cơ quan cấp trên"),
    )
    is_finance = models.BooleanField(
        _("là cơ quan tài chính"), default=False, help_text=_("Sở Tài chính tổng hợp kinh phí")
    )
    # An issuing office (cơ quan ban hành): its code prints in the symbols ("540-TB/TU") and its
    # layout, Party or state, is its own, whatever the congress's other issuers follow.
    is_issuer = models.BooleanField(_("là cơ quan ban hành văn bản"), default=False)
    layout = models.CharField(
        _("thể thức văn bản"),
        max_length=8,
        choices=Congress.Rules.choices,
        blank=True,
        help_text=_("Để trống: theo thể thức mặc định của Đại hội."),
    )
    # A Tiểu ban issuing its own papers under its own header is an issuer bound to that committee.
    committee = models.OneToOneField(
        "Committee",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="issuing_office",
        verbose_name=_("ban hành thay mặt tiểu ban, tổ"),
    )
    folded_name = models.CharField(max_length=400, editable=False, db_index=True)
    # "Phân công 1 đồng chí lãnh đạo trực tiếp phụ trách": named by the agency or the secretariat.
    leader_in_charge = models.ForeignKey(
        "Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agencies_led",
        verbose_name=_("lãnh đạo trực tiếp phụ trách"),
    )
    focal_people: "models.ManyToManyField[Person, Any]" = models.ManyToManyField(
        "Person",
        blank=True,
        related_name="agencies_as_focal",
        verbose_name=_("cán bộ đầu mối"),
    )

    class Meta:
        verbose_name = _("cơ quan, đơn vị")
        verbose_name_plural = _("cơ quan, đơn vị")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["congress", "name"], name="agency_name_unique"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.folded_name = fold(f"{self.name} {self.short_name}")
        if not self.layout:
            self.layout = (
                Congress.objects.filter(pk=self.congress_id)
                .values_list("document_rules", flat=True)
                .first()
                or Congress.Rules.PARTY
            )
        super().save(*args, **kwargs)

    @property
    def choice_label(self) -> str:
        """What choosers show, so two agencies of similar name stay apart: the name with the
        short name and the parent (when loaded with select_related: a label costs no query)."""
        parent = self._state.fields_cache.get("parent") if self.parent_id else None
        extra = [part for part in (self.short_name, parent.label if parent else "") if part]
        return f"{self.name} ({' · '.join(extra)})" if extra else self.name

    @property
    def label(self) -> str:
        return self.short_name or self.name


class AgencyGroup(Versioned):
    """A named set of agencies addressed as one ("các sở, ban, ngành"): choosing the group
    chooses each member; the rows written are per agency."""

    congress = models.ForeignKey(
        Congress, on_delete=models.CASCADE, related_name="agency_groups", verbose_name=_("Đại hội")
    )
    name = models.CharField(_("tên nhóm"), max_length=255)
    agencies = models.ManyToManyField(
        Agency, related_name="groups", blank=True, verbose_name=_("cơ quan, đơn vị")
    )

    class Meta:
        verbose_name = _("nhóm cơ quan, đơn vị")
        verbose_name_plural = _("nhóm cơ quan, đơn vị")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["congress", "name"], name="agency_group_name_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class Person(Versioned):
    congress = models.ForeignKey(
        Congress, on_delete=models.CASCADE, related_name="people", verbose_name=_("Đại hội")
    )
    full_name = models.CharField(_("họ và tên"), max_length=150)
    titles = models.CharField(
        _("chức vụ"),
        max_length=500,
        blank=True,
        help_text=_("Ví dụ: Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh"),
    )
    agency = models.ForeignKey(
        Agency,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("cơ quan công tác"),
    )

    class Meta:
        verbose_name = _("cán bộ")
        verbose_name_plural = _("cán bộ")
        ordering = ["full_name"]

    def __str__(self) -> str:
        return self.full_name

    @property
    def title_list(self) -> list[str]:
        return [t.strip() for t in self.titles.split(",") if t.strip()]


class PersonAction(AuditAction):
    CREATED = "person.created", _("Thêm cán bộ")
    UPDATED = "person.updated", _("Sửa thông tin cán bộ")


class Committee(Versioned):
    class Kind(models.TextChoices):
        DOCUMENTS = "documents", _("Tiểu ban Văn kiện")
        PERSONNEL = "personnel", _("Tiểu ban Nhân sự")
        SERVICE = "service", _("Tiểu ban Tổ chức phục vụ")
        PROPAGANDA = "propaganda", _("Tiểu ban Tuyên truyền")
        PROPAGANDA_SERVICE = "propaganda_service", _("Tiểu ban Tuyên truyền và Phục vụ")
        OTHER = "other", _("Tiểu ban khác")
        WORKING_GROUP = "working_group", _("Tổ công tác")
        SUPPORT_GROUP = "support_group", _("Tổ giúp việc")

    congress = models.ForeignKey(
        Congress, on_delete=models.CASCADE, related_name="committees", verbose_name=_("Đại hội")
    )
    kind = models.CharField(_("loại"), max_length=24, choices=Kind.choices)
    name = models.CharField(_("tên"), max_length=255)
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("trực thuộc"),
    )
    functions = models.TextField(_("chức năng"), blank=True)
    duties = models.TextField(_("nhiệm vụ"), blank=True, help_text=_("Mỗi nhiệm vụ một dòng"))
    # A registered document (Quyết định thành lập); the documents app chooses or registers it.
    founding_document = models.ForeignKey(
        "documents.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="founded_committees",
        verbose_name=_("quyết định thành lập"),
    )

    class Meta:
        verbose_name = _("tiểu ban, tổ")
        verbose_name_plural = _("tiểu ban, tổ")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def duty_list(self) -> list[str]:
        return _lines(self.duties)


def _lines(text: str) -> list[str]:
    return [line.strip(" -;") for line in text.splitlines() if line.strip(" -;")]


class CommitteeAction(AuditAction):
    CREATED = "committee.created", _("Thành lập tiểu ban, tổ")
    UPDATED = "committee.updated", _("Sửa tiểu ban, tổ")
    FOUNDING_DECISION_SET = "committee.founding_decision_set", _("Gắn quyết định thành lập")
    MEMBER_ADDED = "committee.member_added", _("Thêm thành viên tiểu ban")
    MEMBER_CHANGED = "committee.member_changed", _("Đổi vai trò, phân công thành viên")
    MEMBER_REMOVED = "committee.member_removed", _("Rút thành viên khỏi tiểu ban")


class Membership(Versioned):
    class Role(models.TextChoices):
        HEAD = "head", _("Trưởng Tiểu ban")
        STANDING_DEPUTY = "standing_deputy", _("Phó Trưởng Tiểu ban thường trực")
        DEPUTY = "deputy", _("Phó Trưởng Tiểu ban")
        MEMBER = "member", _("Thành viên")
        SECRETARY = "secretary", _("Thư ký")
        GROUP_LEADER = "group_leader", _("Tổ trưởng")
        GROUP_DEPUTY = "group_deputy", _("Tổ phó")

    committee = models.ForeignKey(
        Committee, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("tiểu ban")
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("cán bộ")
    )
    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices)
    # What the founding decision assigns this member ("phân công nhiệm vụ cụ thể").
    duties = models.TextField(
        _("nhiệm vụ được phân công"), blank=True, help_text=_("Mỗi ý một dòng")
    )
    areas = models.JSONField(_("lĩnh vực phụ trách"), default=list, blank=True)
    supervised_agencies = models.ManyToManyField(
        Agency,
        blank=True,
        related_name="supervising_memberships",
        verbose_name=_("cơ quan, đơn vị theo dõi"),
    )

    ROLE_ORDER = [r.value for r in Role]

    class Meta:
        verbose_name = _("thành viên tiểu ban")
        verbose_name_plural = _("thành viên tiểu ban")
        constraints = [
            models.UniqueConstraint(fields=["committee", "person"], name="membership_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.get_role_display()}"

    @property
    def leads(self) -> bool:
        """Heads the committee or its group: named on the committee's card."""
        return self.role in (self.Role.HEAD, self.Role.GROUP_LEADER)

    @property
    def duty_list(self) -> list[str]:
        return _lines(self.duties)

    @property
    def area_labels(self) -> list[str]:
        return [str(Area(a).label) for a in self.areas if a in Area.values]


class AgencyLeaderAction(AuditAction):
    LEADER_NAMED = "agency.leader_named", _("Phân công lãnh đạo phụ trách, cán bộ đầu mối")


class Participation(models.Model):
    """What a user may do in one congress; a user works in one or more congresses."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="participations",
        verbose_name=_("người dùng"),
    )
    congress = models.ForeignKey(
        Congress,
        on_delete=models.CASCADE,
        related_name="participations",
        verbose_name=_("Đại hội"),
    )
    role = models.CharField(_("vai trò"), max_length=16, choices=Role.choices)
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="officers",
        verbose_name=_("cơ quan"),
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="accounts",
        verbose_name=_("cán bộ"),
    )
    # The roster's delegate this account belongs to (role "delegate"); a delegate has at most
    # one account. The delegates app keeps the roster; its row is never deleted (a replaced
    # delegate stays on file, inactive), so the link is protected.
    delegate = models.OneToOneField(
        "delegates.Delegate",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="account",
        verbose_name=_("đại biểu"),
    )

    class Meta:
        verbose_name = _("phân quyền theo Đại hội")
        verbose_name_plural = _("phân quyền theo Đại hội")
        constraints = [
            models.UniqueConstraint(fields=["user", "congress"], name="participation_unique"),
            models.CheckConstraint(
                condition=~Q(role="agency") | Q(agency__isnull=False),
                name="agency_officer_has_agency",
            ),
            models.CheckConstraint(
                condition=Q(role="delegate", delegate__isnull=False)
                | Q(~Q(role="delegate"), delegate__isnull=True),
                name="delegate_account_has_delegate",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.congress.name}"

    @property
    def is_manager(self) -> bool:
        return self.role == Role.SECRETARIAT

    @property
    def sees_whole_congress(self) -> bool:
        return self.role != Role.AGENCY_OFFICER


class CongressAction(AuditAction):
    CREATED = "congress.created", _("Tạo Đại hội")
    UPDATED = "congress.updated", _("Sửa thông tin Đại hội")


class AgencyAction(AuditAction):
    CREATED = "agency.created", _("Thêm cơ quan, đơn vị")
    UPDATED = "agency.updated", _("Sửa cơ quan, đơn vị")
    MERGED = "agency.merged", _("Gộp cơ quan, đơn vị trùng")
    IMPORTED = "agency.imported", _("Nhập cơ quan, đơn vị từ tệp Excel")
    ISSUER_SAVED = "agency.issuer_saved", _("Cập nhật cơ quan ban hành")


class AgencyGroupAction(AuditAction):
    CREATED = "agency_group.created", _("Tạo nhóm cơ quan, đơn vị")
    UPDATED = "agency_group.updated", _("Sửa nhóm cơ quan, đơn vị")
    DELETED = "agency_group.deleted", _("Xóa nhóm cơ quan, đơn vị")
