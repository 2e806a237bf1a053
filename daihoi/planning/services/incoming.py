"""Tasks given from a document received (văn bản đến)."""

from django.db import transaction

from daihoi.core.services import require
from daihoi.documents import services as document_services
from daihoi.documents.models import IncomingDocument
from daihoi.organizations.permissions import Access

from .. import permissions
from ..models import Task
from .tasks import TaskFields, task_create


@transaction.atomic
def incoming_to_task(*, access: Access, document: IncomingDocument, fields: TaskFields) -> Task:
    """Assigns a document received to agencies as a task: the task names the document as its
    source, and the agencies assigned handle the document (and so may read it, a secret one
    still only by the people named on it)."""
    require(
        permissions.can_create_task(access) and document.congress_id == access.congress.pk,
        "Chỉ Thường trực / Văn phòng mới được giao xử lý văn bản đến.",
    )
    task = task_create(access=access, fields=fields, incoming_document=document)
    document_services.incoming_share_with(access, document, fields.agencies, task_id=task.pk)
    return task
