"""Biểu quyết: the presidium's motions (kept while drafts, opened, closed, with the live count
and the official result), and a delegate's own votes and ballot (one vote, only while open,
only when present at the session)."""

import datetime as dt

from django.http import Http404, HttpRequest
from ninja import Query, Router, Schema, Status

from daihoi.organizations.permissions import Access, access_delegate
from daihoi.voting import selectors, services
from daihoi.voting.forms import MotionForm, VoteForm
from daihoi.voting.models import Motion
from daihoi.voting.permissions import ONLY_PRESIDIUM, access_ballot, access_motion, can_run_votes

from ..auth import user_of
from ..common import (
    access,
    answers,
    form_data,
    gate,
    listed,
    removal,
    removed,
    valid,
    versioned_put,
    write,
    write_versioned,
)
from ..errors import FieldErrors

router = Router(tags=["Biểu quyết"])


class MotionOut(Schema):
    id: int
    title: str
    kind: str
    kind_label: str
    state: str
    state_label: str
    session_id: int | None
    session_title: str
    roll_call: bool
    opened_at: dt.datetime | None
    closed_at: dt.datetime | None
    passed: bool | None
    version: int

    # The list pages motions themselves; the other answers give these already said.
    @staticmethod
    def resolve_kind_label(obj: Motion | dict) -> str:
        return obj["kind_label"] if isinstance(obj, dict) else str(obj.get_kind_display())

    @staticmethod
    def resolve_state_label(obj: Motion | dict) -> str:
        return obj["state_label"] if isinstance(obj, dict) else str(obj.get_state_display())

    @staticmethod
    def resolve_session_title(obj: Motion | dict) -> str:
        if isinstance(obj, dict):
            return obj["session_title"]
        return obj.session.title if obj.session else obj.session_title


class ProgressOut(Schema):
    """While the vote is open: how many have voted out of those present, never how."""

    state: str
    voted: int
    present: int
    summoned: int


class ResultRowOut(Schema):
    label: str
    count: int
    of_present: str
    of_summoned: str


class RollCallOut(Schema):
    delegate_id: int
    delegate: str
    delegation: str
    choice: str
    choice_label: str


class MotionDetail(MotionOut):
    text: str
    yes_count: int | None
    no_count: int | None
    abstain_count: int | None
    summoned_count: int | None
    present_count: int | None
    progress: ProgressOut | None
    result: list[ResultRowOut]
    roll_call_votes: list[RollCallOut]


class MotionQuery(Schema):
    state: str | None = None


class MotionIn(Schema):
    """As the page "Nội dung biểu quyết": `session` is the id of a session of the programme."""

    session: int | None = None
    kind: str | None = None
    title: str | None = None
    text: str | None = None
    roll_call: bool = False
    version: int | None = None


class BallotOut(MotionOut):
    """A motion as the delegate's ballot: whether they have voted, their own choice (a
    roll-call motion only) and the result once closed."""

    text: str
    has_voted: bool
    my_choice: str
    result: list[ResultRowOut]


class VoteIn(Schema):
    choice: str


def _motion(motion: Motion) -> dict:
    return {
        "id": motion.pk,
        "title": motion.title,
        "kind": motion.kind,
        "kind_label": str(motion.get_kind_display()),
        "state": motion.state,
        "state_label": str(motion.get_state_display()),
        "session_id": motion.session_id,
        "session_title": motion.session.title if motion.session else motion.session_title,
        "roll_call": motion.roll_call,
        "opened_at": motion.opened_at,
        "closed_at": motion.closed_at,
        "passed": motion.passed,
        "version": motion.version,
    }


def _progress(motion: Motion) -> dict | None:
    if not motion.is_open:
        return None
    progress = selectors.progress(motion)
    return {
        "state": motion.state,
        "voted": progress.voted,
        "present": progress.present,
        "summoned": progress.summoned,
    }


def _rows(motion: Motion) -> list[dict]:
    return [vars(row) for row in selectors.result_rows(motion)] if motion.is_closed else []


def _detail(motion: Motion) -> dict:
    closed = motion.is_closed
    return {
        **_motion(motion),
        "text": motion.text,
        # While open, only how many have voted is known to anyone, never how.
        "yes_count": motion.yes_count if closed else None,
        "no_count": motion.no_count if closed else None,
        "abstain_count": motion.abstain_count if closed else None,
        "summoned_count": motion.summoned_count,
        "present_count": motion.present_count,
        "progress": _progress(motion),
        "result": _rows(motion),
        "roll_call_votes": [
            {
                "delegate_id": vote.delegate_id,
                "delegate": vote.delegate.full_name,
                "delegation": vote.delegate.delegation.name if vote.delegate.delegation else "",
                "choice": vote.choice,
                "choice_label": str(vote.get_choice_display()),
            }
            for vote in selectors.roll_call_of(motion)
        ],
    }


def _presidium(request: HttpRequest, congress_id: int, motion_id: int) -> tuple[Access, Motion]:
    acting = access(request, congress_id)
    motion = access_motion(acting, motion_id)
    gate(can_run_votes(acting), ONLY_PRESIDIUM)
    return acting, motion


@listed(
    router,
    "/{congress_id}/motions/",
    MotionOut,
    "Nội dung biểu quyết của Đại hội",
    description="`state`: draft (chưa mở), open (đang biểu quyết), closed (đã kết thúc).",
)
def motion_list(request: HttpRequest, congress_id: int, filters: Query[MotionQuery]):
    motions = selectors.motions_of(access(request, congress_id).congress)
    if filters.state:
        motions = motions.filter(state=filters.state)
    return motions.order_by()


@router.post(
    "/{congress_id}/motions/",
    response=answers(MotionDetail, 201),
    summary="Thêm nội dung biểu quyết (Đoàn Chủ tịch)",
)
def motion_create(request: HttpRequest, congress_id: int, payload: MotionIn) -> Status:
    acting = access(request, congress_id)
    gate(can_run_votes(acting), ONLY_PRESIDIUM)
    form = valid(MotionForm(form_data(payload), congress=acting.congress))
    motion = write(
        request, lambda: services.motion_create(access=acting, fields=form.motion_fields())
    )
    return Status(201, _detail(access_motion(acting, motion.pk)))


@router.get(
    "/{congress_id}/motions/{motion_id}/",
    response=answers(MotionDetail),
    summary="Một nội dung biểu quyết: số đã biểu quyết khi đang mở, kết quả chính thức khi "
    "đã kết thúc, danh sách ghi danh (biểu quyết công khai)",
)
def motion_detail(request: HttpRequest, congress_id: int, motion_id: int) -> dict:
    return _detail(access_motion(access(request, congress_id), motion_id))


@versioned_put(
    router,
    "/{congress_id}/motions/{motion_id}/",
    MotionDetail,
    "Sửa nội dung biểu quyết chưa mở (Đoàn Chủ tịch)",
)
def motion_edit(request: HttpRequest, congress_id: int, motion_id: int, payload: MotionIn) -> dict:
    acting, motion = _presidium(request, congress_id, motion_id)
    form = valid(MotionForm(form_data(payload), congress=acting.congress))
    write_versioned(
        request,
        services.motion_update,
        form,
        access=acting,
        motion=motion,
        fields=form.motion_fields(),
    )
    return _detail(access_motion(acting, motion_id))


@router.get(
    "/{congress_id}/motions/{motion_id}/live/",
    response=answers(ProgressOut),
    summary="Số đại biểu đã biểu quyết / có mặt / được triệu tập (đang biểu quyết)",
    description="Khi chưa mở hoặc đã kết thúc: các số bằng 0 trừ khi đã chốt; xem `state`.",
)
def motion_live(request: HttpRequest, congress_id: int, motion_id: int) -> dict:
    motion = access_motion(access(request, congress_id), motion_id)
    progress = _progress(motion)
    if progress is not None:
        return progress
    return {
        "state": motion.state,
        "voted": motion.voted_count,
        "present": motion.present_count or 0,
        "summoned": motion.summoned_count or 0,
    }


@router.post(
    "/{congress_id}/motions/{motion_id}/open/",
    response=answers(MotionDetail),
    summary="Mở biểu quyết (mỗi lúc chỉ một nội dung được mở)",
)
def motion_open(request: HttpRequest, congress_id: int, motion_id: int) -> dict:
    acting, motion = _presidium(request, congress_id, motion_id)
    write(request, lambda: services.motion_open(access=acting, motion=motion))
    return _detail(access_motion(acting, motion_id))


@router.post(
    "/{congress_id}/motions/{motion_id}/close/",
    response=answers(MotionDetail),
    summary="Kết thúc biểu quyết: kết quả được chốt và là chính thức",
)
def motion_close(request: HttpRequest, congress_id: int, motion_id: int) -> dict:
    acting, motion = _presidium(request, congress_id, motion_id)
    write(request, lambda: services.motion_close(access=acting, motion=motion))
    return _detail(access_motion(acting, motion_id))


@removal(router, "/{congress_id}/motions/{motion_id}/", "Xóa nội dung biểu quyết chưa mở")
def motion_delete(request: HttpRequest, congress_id: int, motion_id: int) -> Status:
    acting, motion = _presidium(request, congress_id, motion_id)
    return removed(request, lambda: services.motion_delete(access=acting, motion=motion))


# The delegate's own ---------------------------------------------------------------------------


def _delegate(request: HttpRequest, congress_id: int) -> tuple[Access, int]:
    """The delegate's own access; staff accounts have no ballot (404), as the pages."""
    acting = access_delegate(user_of(request), congress_id)
    if acting.delegate_id is None:
        raise Http404
    return acting, acting.delegate_id


def _ballot(acting: Access, motion: Motion, delegate_id: int) -> dict:
    return {
        **_motion(motion),
        "text": motion.text,
        "has_voted": motion.has_voted,  # type: ignore[attr-defined]
        "my_choice": selectors.my_roll_call_choice(motion, delegate_id),
        "result": _rows(motion),
    }


class MyMotionOut(MotionOut):
    has_voted: bool


@router.get(
    "/{congress_id}/my-votes/",
    response=answers(list[MyMotionOut]),
    summary="Biểu quyết của tôi (đại biểu): nội dung đang mở và đã kết thúc",
)
def my_votes(request: HttpRequest, congress_id: int) -> list[dict]:
    acting, delegate_id = _delegate(request, congress_id)
    return [
        {**_motion(m), "has_voted": m.has_voted}  # type: ignore[attr-defined]
        for m in selectors.motions_for_delegate(acting.congress, delegate_id)
    ]


@router.get(
    "/{congress_id}/my-votes/{motion_id}/",
    response=answers(BallotOut),
    summary="Phiếu biểu quyết của tôi cho một nội dung",
)
def ballot(request: HttpRequest, congress_id: int, motion_id: int) -> dict:
    acting, delegate_id = _delegate(request, congress_id)
    return _ballot(acting, access_ballot(acting, motion_id, mark_vote_of=delegate_id), delegate_id)


@router.post(
    "/{congress_id}/my-votes/{motion_id}/",
    response=answers(BallotOut),
    summary="Biểu quyết (đại biểu có mặt, một lần, khi đang mở)",
    description="`choice`: yes (Tán thành), no (Không tán thành), abstain (Không biểu quyết).",
)
def vote_cast(request: HttpRequest, congress_id: int, motion_id: int, payload: VoteIn) -> dict:
    acting, delegate_id = _delegate(request, congress_id)
    motion = access_ballot(acting, motion_id)
    form = VoteForm(form_data(payload))
    if not form.is_valid():
        raise FieldErrors({"choice": [services.INVALID_CHOICE]})
    choice = form.cleaned_data["choice"]
    write(request, lambda: services.vote_cast(access=acting, motion=motion, choice=choice))
    return _ballot(acting, access_ballot(acting, motion_id, mark_vote_of=delegate_id), delegate_id)
