from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """A user's role inside one congress; the system administrator is `User.is_superuser`."""

    SECRETARIAT = "secretariat", _("Thường trực / Văn phòng")
    COMMITTEE_LEADER = "leader", _("Lãnh đạo tiểu ban")
    AGENCY_OFFICER = "agency", _("Đầu mối cơ quan")
    MEMBER = "member", _("Thành viên")
    EDITOR = "editor", _("Biên tập viên")


class User(AbstractUser):
    full_name = models.CharField(_("họ và tên"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")

    def __str__(self) -> str:
        return self.full_name or self.username

    @property
    def display_name(self) -> str:
        return self.full_name or self.get_full_name() or self.username
