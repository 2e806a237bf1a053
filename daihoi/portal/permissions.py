"""Who writes and moderates the portal of a congress, and fetching its objects for them.

The staff side of a congress's portal belongs to its editors (Biên tập viên), its secretariat
and the system administrator; an editor of another congress, and every other role, meets 404.
The public side needs no login and reads only what is published.
"""

from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from daihoi.accounts.models import Role, User
from daihoi.core.views import first_or_404
from daihoi.organizations.models import Congress, Participation
from daihoi.organizations.permissions import ADMIN, Access

from .models import Article, Category, PublicConsultation, Theme

STAFF_ROLES = (Role.EDITOR, Role.SECRETARIAT)
EDITORS_ONLY = "Chỉ biên tập viên của Đại hội này mới thực hiện được."


def access_portal(user: User | AnonymousUser, congress_id: int) -> Access:
    """The user's standing on the congress's portal staff side; 404 when missing or not theirs."""
    if not user.is_authenticated:
        raise Http404
    if user.is_superuser:
        congress = Congress.objects.filter(pk=congress_id).first()
        if congress is None:
            raise Http404
        return Access(user, congress, ADMIN)
    assert isinstance(user, User)
    participation = (
        Participation.objects.select_related("congress")
        .filter(user=user, congress_id=congress_id, role__in=STAFF_ROLES)
        .first()
    )
    if participation is None:
        raise Http404
    return Access(user, participation.congress, participation.role, participation.agency_id)


def is_portal_staff(access: Access) -> bool:
    return access.role in (ADMIN, *STAFF_ROLES)


def can_edit(access: Access, congress_id: int) -> bool:
    """Write, schedule, publish articles and moderate comments of this congress's portal."""
    return is_portal_staff(access) and access.congress.pk == congress_id


def access_article(access: Access, article_id: int) -> Article:
    return first_or_404(
        Article.objects.filter(pk=article_id, congress=access.congress).select_related("category")
    )


def access_category(access: Access, category_id: int) -> Category:
    return first_or_404(Category.objects.filter(pk=category_id, congress=access.congress))


def access_public_consultation(access: Access, public_id: int) -> PublicConsultation:
    """A public consultation of the access's congress; 404 alike when missing or elsewhere."""
    return first_or_404(
        PublicConsultation.objects.filter(pk=public_id, congress=access.congress).select_related(
            "draft__consultation__drafting_agency", "congress"
        )
    )


def access_theme(access: Access, public: PublicConsultation, theme_id: int) -> Theme:
    return first_or_404(Theme.objects.filter(pk=theme_id, consultation=public))
