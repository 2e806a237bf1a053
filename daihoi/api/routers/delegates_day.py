"""The congress days for delegates: badges (the worker makes the PDF: ask, follow, download), the
gate (sessions, a scanned QR code, check-in by name, name search), the headcount with its
quorum, and the delegate's own area."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone
from ninja import Router, Schema, Status

from daihoi.core.exceptions import BusinessError
from daihoi.core.forms import VNDateField
from daihoi.core.text import fold
from daihoi.core.views import stored_file
from daihoi.delegate_area import selectors as area_selectors
from daihoi.delegates.area import delegate_links
from daihoi.delegates.models import BadgeBatch, CongressSession, Delegate
from daihoi.delegates.permissions import (
    ONLY_GATE,
    RosterRights,
    access_delegate,
    access_delegation,
    own_delegate,
)
from daihoi.delegates.selectors import headcount
from daihoi.delegates.services import badges as badge_services
from daihoi.delegates.services import checkin as services
from daihoi.delegates.services.checkin import ScanResult
from daihoi.organizations.permissions import Access
from daihoi.organizations.permissions import access_delegate as access_own_area
from daihoi.programme import selectors as programme

from ..auth import user_of
from ..common import answers, display, gate, listed, write
from .delegates import DelegateOut, DelegationRef, keeper, rights_of

router = Router(tags=["Đại biểu"])

NOT_FOR_YOU = "Sĩ số chỉ dành cho lãnh đạo, Thường trực và tổ điểm danh."
NO_SESSION = "Chưa có phiên Đại hội nào để điểm danh."


class BatchOut(Schema):
    """A printing of badges: `state` queued → running → done (or failed); `done` of `total`."""

    id: int
    state: str
    state_label: str = display("state")
    total: int
    done: int
    percent: int
    delegation: DelegationRef | None
    delegate_id: int | None
    error: str
    created_at: dt.datetime
    finished_at: dt.datetime | None
    pdf_ready: bool

    @staticmethod
    def resolve_pdf_ready(batch: BadgeBatch) -> bool:
        return batch.state == BadgeBatch.State.DONE and bool(batch.pdf)


class BadgePrintIn(Schema):
    """Nothing: every delegate; `delegation`: one delegation; `delegate`: one delegate."""

    delegation: int | None = None
    delegate: int | None = None


class SessionOut(Schema):
    id: int
    name: str
    starts_at: dt.datetime


class SessionIn(Schema):
    """`day` as dd/mm/yyyy, `hour` as HH:MM (07:30 when left out)."""

    name: str
    day: str
    hour: str = "07:30"


class ScanIn(Schema):
    code: str


class CheckInIn(Schema):
    delegate: int


class ScanOut(Schema):
    """`status`: ok (let in), again (already checked in) or refused (whose badge: not said)."""

    status: str
    message: str
    name: str | None = None
    delegation: str | None = None
    photo: str | None = None


class HitOut(Schema):
    id: int
    full_name: str
    delegation: str
    present: bool


class HeadcountRowOut(Schema):
    delegation: str
    present: int
    total: int
    absent: int


class HeadcountOut(Schema):
    """Official delegates present against those summoned; the quorum is more than half."""

    session: SessionOut
    present: int
    total: int
    quorum_needed: int
    has_quorum: bool
    rows: list[HeadcountRowOut]


class AreaSessionOut(Schema):
    id: int
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    place: str
    checked_in: bool


class AreaLinkOut(Schema):
    label: str
    description: str
    url: str


class ReleaseOut(Schema):
    number: int
    published_at: dt.datetime


class DelegateAreaOut(Schema):
    """The delegate's own area: who they are, their sessions, what they can do, the programme."""

    delegate: DelegateOut
    sessions: list[AreaSessionOut]
    links: list[AreaLinkOut]
    programme: ReleaseOut | None


def _batch(acting: Access, rights: RosterRights, batch_id: int) -> BadgeBatch:
    """A batch of the congress for the roster keepers; anyone else meets a missing one."""
    batch = (
        BadgeBatch.objects.filter(congress=acting.congress, pk=batch_id)
        .select_related("delegation")
        .first()
    )
    if batch is None or not rights.keeps_roster:
        raise Http404
    return batch


@listed(
    router,
    "/{congress_id}/badge-batches/",
    BatchOut,
    "Các lần in thẻ đại biểu (mới nhất trước) và tiến độ",
    ordering=("-id",),
)
def badge_batch_list(request: HttpRequest, congress_id: int) -> QuerySet[BadgeBatch]:
    acting = keeper(request, congress_id)
    return BadgeBatch.objects.filter(congress=acting.congress).select_related("delegation")


@router.post(
    "/{congress_id}/badge-batches/",
    response=answers(BatchOut, 202),
    summary="In thẻ đại biểu: tất cả, một đoàn hoặc một đại biểu (máy chủ làm tệp PDF)",
    description="Thẻ cũ của những đại biểu này bị thu hồi khi in xong. Theo dõi bằng "
    "`GET …/badge-batches/{batch_id}/`; tải tệp khi `pdf_ready`.",
)
def badge_print(request: HttpRequest, congress_id: int, payload: BadgePrintIn) -> Status:
    acting = keeper(request, congress_id)
    delegation = (
        access_delegation(acting, payload.delegation) if payload.delegation is not None else None
    )
    delegate = access_delegate(acting, payload.delegate) if payload.delegate is not None else None
    batch = write(
        request,
        lambda: badge_services.badges_print(
            access=acting, delegation=delegation, delegate=delegate
        ),
    )
    return Status(202, batch)


@router.get(
    "/{congress_id}/badge-batches/{batch_id}/",
    response=answers(BatchOut),
    summary="Một lần in thẻ: trạng thái và tiến độ",
)
def badge_batch_detail(request: HttpRequest, congress_id: int, batch_id: int) -> BadgeBatch:
    return _batch(*rights_of(request, congress_id), batch_id)


@router.get(
    "/{congress_id}/badge-batches/{batch_id}/pdf/",
    response=answers(None),
    summary="Tải tệp PDF thẻ đại biểu của một lần in (404 khi chưa in xong)",
)
def badge_pdf(request: HttpRequest, congress_id: int, batch_id: int) -> FileResponse:
    batch = _batch(*rights_of(request, congress_id), batch_id)
    return stored_file(batch.pdf, f"the-dai-bieu-{batch.pk}.pdf")


def _gate(request: HttpRequest, congress_id: int) -> tuple[Access, RosterRights]:
    acting, rights = rights_of(request, congress_id)
    gate(rights.checks_in, ONLY_GATE)
    return acting, rights


def _session(acting: Access, session_id: int) -> CongressSession:
    session = CongressSession.objects.filter(congress=acting.congress, pk=session_id).first()
    if session is None:
        raise Http404
    return session


@listed(
    router, "/{congress_id}/checkin-sessions/", SessionOut, "Các phiên Đại hội để điểm danh tại cửa"
)
def gate_session_list(request: HttpRequest, congress_id: int) -> QuerySet[CongressSession]:
    acting, _ = _gate(request, congress_id)
    return CongressSession.objects.filter(congress=acting.congress)


@router.post(
    "/{congress_id}/checkin-sessions/",
    response=answers(SessionOut, 201),
    summary="Thêm phiên Đại hội để điểm danh",
)
def gate_session_create(request: HttpRequest, congress_id: int, payload: SessionIn) -> Status:
    acting = keeper(request, congress_id)

    def create() -> CongressSession:
        try:
            date = VNDateField(required=True).clean(payload.day)
            hh, mm = (int(x) for x in payload.hour.split(":"))
            starts = timezone.make_aware(dt.datetime.combine(date, dt.time(hh, mm)))
        except (ValidationError, ValueError):
            raise BusinessError(
                "Ngày (dd/mm/yyyy) hoặc giờ (HH:MM) của phiên không hợp lệ.", field="day"
            ) from None
        return services.session_create(access=acting, name=payload.name, starts_at=starts)

    return Status(201, write(request, create))


def _answer(congress_id: int, result: ScanResult) -> dict:
    photo = ""
    if result.delegate is not None and result.delegate.photo:
        photo = reverse(
            "api:delegate_photo",
            kwargs={"congress_id": congress_id, "delegate_id": result.delegate.pk},
        )
    return result.as_json(photo)


@router.post(
    "/{congress_id}/checkin-sessions/{session_id}/scans/",
    response=answers(ScanOut),
    summary="Điểm danh bằng mã QR trên thẻ đại biểu (mã đã quét)",
    description="Quét lần nữa không ghi thêm (`again`); thẻ giả, thẻ đã thu hồi hay của Đại hội "
    "khác bị từ chối (`refused`) mà không nói là của ai.",
)
def gate_scan(request: HttpRequest, congress_id: int, session_id: int, payload: ScanIn) -> dict:
    acting, rights = _gate(request, congress_id)
    session = _session(acting, session_id)
    result = write(
        request,
        lambda: services.check_in_scan(
            access=acting, session=session, code=payload.code, rights=rights
        ),
    )
    return _answer(congress_id, result)


@router.post(
    "/{congress_id}/checkin-sessions/{session_id}/check-ins/",
    response=answers(ScanOut),
    summary="Điểm danh theo tên (đại biểu quên thẻ)",
)
def gate_check_in_by_name(
    request: HttpRequest, congress_id: int, session_id: int, payload: CheckInIn
) -> dict:
    acting, rights = _gate(request, congress_id)
    session = _session(acting, session_id)
    delegate = access_delegate(acting, payload.delegate)
    result = write(
        request,
        lambda: services.check_in_by_name(
            access=acting, session=session, delegate=delegate, rights=rights
        ),
    )
    return _answer(congress_id, result)


@router.get(
    "/{congress_id}/checkin-sessions/{session_id}/search/",
    response=answers(list[HitOut]),
    summary="Tìm đại biểu theo tên tại cửa (bỏ qua dấu; tối đa 12 người, từ 2 ký tự)",
)
def gate_search(request: HttpRequest, congress_id: int, session_id: int, q: str = "") -> list:
    acting, _ = _gate(request, congress_id)
    session = _session(acting, session_id)
    key = fold(q[:60])
    if len(key) < 2:
        return []
    hits = list(
        Delegate.objects.filter(congress=acting.congress, is_active=True, name_key__contains=key)
        .select_related("delegation")
        .only("id", "full_name", "delegation__name")
        .order_by("name_key")[:12]
    )
    present = set(session.check_ins.filter(delegate__in=hits).values_list("delegate_id", flat=True))
    return [
        {
            "id": d.pk,
            "full_name": d.full_name,
            "delegation": d.delegation.name,
            "present": d.pk in present,
        }
        for d in hits
    ]


def _headcount_reader(request: HttpRequest, congress_id: int) -> Access:
    acting, rights = rights_of(request, congress_id)
    gate(rights.checks_in or acting.sees_whole_congress, NOT_FOR_YOU)
    return acting


def _headcount(session: CongressSession) -> dict:
    count = headcount(session)
    return {
        "session": session,
        "present": count.present,
        "total": count.total,
        "quorum_needed": count.quorum_needed,
        "has_quorum": count.has_quorum,
        "rows": [
            {"delegation": r.name, "present": r.present, "total": r.total, "absent": r.absent}
            for r in count.rows
        ],
    }


@router.get(
    "/{congress_id}/checkin-sessions/{session_id}/headcount/",
    response=answers(HeadcountOut),
    summary="Sĩ số một phiên: có mặt, vắng theo đoàn, đủ số đại biểu cần thiết hay chưa",
)
def gate_headcount(request: HttpRequest, congress_id: int, session_id: int) -> dict:
    acting = _headcount_reader(request, congress_id)
    return _headcount(_session(acting, session_id))


@router.get(
    "/{congress_id}/checkin-headcount/",
    response=answers(HeadcountOut),
    summary="Sĩ số phiên đang diễn ra (hoặc phiên sắp tới)",
    description="Phiên cuối cùng đã bắt đầu, nếu chưa có thì phiên đầu tiên sắp tới; 400 khi "
    "chưa có phiên nào.",
)
def gate_headcount_now(request: HttpRequest, congress_id: int) -> dict:
    acting = _headcount_reader(request, congress_id)
    sessions = list(CongressSession.objects.filter(congress=acting.congress))
    started = [s for s in sessions if s.starts_at <= timezone.now()]
    session = started[-1] if started else (sessions[0] if sessions else None)
    if session is None:
        raise BusinessError(NO_SESSION)
    return _headcount(session)


@router.get(
    "/{congress_id}/my-delegate-area/",
    response=answers(DelegateAreaOut),
    summary="Trang của đại biểu: các phiên được triệu tập (đã điểm danh chưa), việc, chương trình",
    description="Chỉ cho chính đại biểu (tài khoản đại biểu của Đại hội); người khác: 404.",
)
def delegate_area_home(request: HttpRequest, congress_id: int) -> dict:
    acting = access_own_area(user_of(request), congress_id)
    delegate = own_delegate(acting)
    release = programme.current_release(acting.congress)
    return {
        "delegate": delegate,
        "sessions": list(area_selectors.my_sessions(delegate)),
        "links": [
            {
                "label": link.label,
                "description": link.description,
                "url": reverse(link.url_name, args=[congress_id]),
            }
            for link in delegate_links()
        ],
        "programme": release,
    }
