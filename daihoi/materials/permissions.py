"""Who keeps and who reads the congress's documents for delegates.

The programme's keepers (the secretariat, the administrator, the organising subcommittee) upload,
order and withdraw them, and read every one. A delegate reads, from their own area, the documents
not withdrawn of the sessions they are summoned to (`programme.selectors.is_summoned`); any other
document answers 404 to them, as a missing one does. Nobody else reads them here.
"""

from django.http import Http404

from daihoi.core.views import first_or_404
from daihoi.delegates.models import Delegate
from daihoi.organizations.permissions import Access
from daihoi.programme.permissions import can_keep_programme
from daihoi.programme.selectors import is_summoned

from .models import Material

ONLY_KEEPERS = (
    "Chỉ Thường trực, Văn phòng và Tiểu ban Tổ chức phục vụ mới quản lý tài liệu Đại hội."
)


def can_keep_materials(access: Access) -> bool:
    return can_keep_programme(access)


def access_material(access: Access, material_id: int) -> Material:
    """A document of the access's congress, for its keepers; 404 alike when missing or in
    another congress (the view answers others 403 first)."""
    return first_or_404(
        Material.objects.select_related("session").filter(pk=material_id, congress=access.congress)
    )


def access_delegate_material(access: Access, delegate: Delegate, material_id: int) -> Material:
    """A document the delegate may read: of their congress, ready, not withdrawn, of a session
    they are summoned to; 404 for anything else."""
    material = first_or_404(
        Material.objects.select_related("session").filter(
            pk=material_id,
            congress=access.congress,
            withdrawn_at__isnull=True,
            state=Material.State.READY,
        )
    )
    if not is_summoned(delegate, material.session):
        raise Http404
    return material
