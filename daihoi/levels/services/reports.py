"""Reports up: a parent asks chosen congresses below for a report (a `reporting` request), each
answers it in its own congress through its secretariat, the parent returns and compiles them.

The request and its submissions are `reporting`'s own: each congress answers as its answering
office (its first issuing office, as for guidance tasks), so returns, on-time and late states and
the compiled table (XLSX, DOCX) are the ones agencies have. A request naming any congress outside
the sender's tree, or one without an office, is refused as a whole: nothing is created.
"""

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db import transaction

from daihoi.core.audit import record
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require
from daihoi.organizations.models import Agency
from daihoi.organizations.permissions import Access
from daihoi.reporting import services as reporting_services
from daihoi.reporting.models import ReportRequest

from .. import notices, permissions
from ..models import ReportRecipient, ReportsAction
from .guidance import below_or_refuse, offices_or_refuse


@transaction.atomic
def report_request_send(
    *,
    access: Access,
    title: str,
    deadline: dt.date,
    congress_ids: list[int],
    instructions: str = "",
    columns: Sequence[dict[str, Any]] = (),
) -> ReportRequest:
    """The request, one empty submission per chosen congress and the link that shows it in
    that congress (`ReportRecipient`), all or none."""
    require(permissions.can_manage_schedule(access), permissions.MANAGERS_ONLY)
    congress_ids = list(dict.fromkeys(congress_ids))
    if not congress_ids:
        raise BusinessError("Chưa chọn Đại hội cấp dưới nào phải báo cáo.", field="congress_ids")
    chosen = below_or_refuse(access, congress_ids)
    offices = offices_or_refuse(list(chosen), "gửi báo cáo")
    agencies = Agency.objects.in_bulk(list(offices.values()))
    request = reporting_services.report_request_create(
        access=access,
        title=title,
        deadline=deadline,
        agencies=[agencies[offices[pk]] for pk in sorted(chosen)],
        instructions=instructions,
        columns=columns,
        congresses_below=True,
    )
    by_office = {s.agency_id: s for s in request.submissions.all()}
    recipients = []
    for pk in sorted(chosen):
        recipient = ReportRecipient(
            request=request, congress_id=pk, submission=by_office[offices[pk]]
        )
        recipient.place(chosen[pk].path)
        recipients.append(recipient)
    ReportRecipient.objects.bulk_create(recipients, batch_size=1000)
    record(access, ReportsAction.SENT, request, data={"congresses": len(recipients)})
    actor = access.user
    transaction.on_commit(lambda: notices.report_requested_below(request, actor))
    return request
