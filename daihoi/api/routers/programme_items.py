"""The programme's items and the running script under each: listed, added, read, edited with
their version, moved and removed by those who keep the programme (the sessions, releases and
schemas are in `programme.py`)."""

from django.http import HttpRequest
from ninja import Router, Status

from daihoi.programme import selectors, services
from daihoi.programme.forms import ItemForm
from daihoi.programme.models import Cue, Item
from daihoi.programme.permissions import (
    ONLY_ORGANISERS,
    access_cue,
    access_item,
    access_session,
    can_keep_programme,
)

from ..common import (
    access,
    answers,
    form_data,
    gate,
    removal,
    removed,
    valid,
    versioned_put,
    write,
    write_versioned,
)
from .programme import CueIn, CueOut, ItemIn, ItemOut, MoveIn, P, cue_form, fresh_item

router = Router(tags=["Chương trình Đại hội"])


# Items --------------------------------------------------------------------------------------


@router.get(
    P + "/sessions/{programme_session_id}/items/",
    response=answers(list[ItemOut]),
    summary="Các mục của một phiên, theo thứ tự, với kịch bản",
)
def programme_items(
    request: HttpRequest, congress_id: int, programme_session_id: int
) -> list[Item]:
    session = access_session(access(request, congress_id), programme_session_id)
    return selectors.items_of(session)


@router.post(
    P + "/sessions/{programme_session_id}/items/",
    response=answers(ItemOut, 201),
    summary="Thêm mục vào cuối phiên",
)
def programme_item_create(
    request: HttpRequest, congress_id: int, programme_session_id: int, payload: ItemIn
) -> Status:
    acting = access(request, congress_id)
    session = access_session(acting, programme_session_id)
    gate(can_keep_programme(acting), ONLY_ORGANISERS)
    form = valid(ItemForm(form_data(payload)))
    item = write(
        request,
        lambda: services.item_save(access=acting, session=session, fields=form.item_fields()),
    )
    return Status(201, fresh_item(acting, item.pk))


@router.get(
    P + "/items/{programme_item_id}/", response=answers(ItemOut), summary="Một mục chương trình"
)
def programme_item(request: HttpRequest, congress_id: int, programme_item_id: int) -> Item:
    return fresh_item(access(request, congress_id), programme_item_id)


@versioned_put(router, P + "/items/{programme_item_id}/", ItemOut, "Sửa mục chương trình")
def programme_item_update(
    request: HttpRequest, congress_id: int, programme_item_id: int, payload: ItemIn
) -> Item:
    acting = access(request, congress_id)
    item = access_item(acting, programme_item_id)
    gate(can_keep_programme(acting), ONLY_ORGANISERS)
    form = valid(ItemForm(form_data(payload)))
    write_versioned(
        request,
        services.item_save,
        form,
        access=acting,
        session=item.session,
        item=item,
        fields=form.item_fields(),
    )
    return fresh_item(acting, item.pk)


@removal(router, P + "/items/{programme_item_id}/", "Xóa mục chương trình")
def programme_item_delete(request: HttpRequest, congress_id: int, programme_item_id: int) -> Status:
    acting = access(request, congress_id)
    item = access_item(acting, programme_item_id)
    gate(can_keep_programme(acting), ONLY_ORGANISERS)
    return removed(request, lambda: services.item_delete(access=acting, item=item))


@router.post(
    P + "/items/{programme_item_id}/move/",
    response=answers(list[ItemOut]),
    summary="Đổi thứ tự mục: lên (`up`) hoặc xuống (`down`) một bậc",
)
def programme_item_move(
    request: HttpRequest, congress_id: int, programme_item_id: int, payload: MoveIn
) -> list[Item]:
    acting = access(request, congress_id)
    item = access_item(acting, programme_item_id)
    gate(can_keep_programme(acting), ONLY_ORGANISERS)
    step = -1 if payload.step == "up" else 1
    write(request, lambda: services.item_move(access=acting, item=item, step=step))
    return selectors.items_of(item.session)


# Script lines -------------------------------------------------------------------------------


@router.get(
    P + "/items/{programme_item_id}/cues/",
    response=answers(list[CueOut]),
    summary="Các dòng kịch bản của một mục, theo thứ tự",
)
def programme_cues(request: HttpRequest, congress_id: int, programme_item_id: int) -> list[Cue]:
    return list(fresh_item(access(request, congress_id), programme_item_id).cues.all())


@router.post(
    P + "/items/{programme_item_id}/cues/",
    response=answers(CueOut, 201),
    summary="Thêm dòng kịch bản vào cuối mục",
)
def programme_cue_create(
    request: HttpRequest, congress_id: int, programme_item_id: int, payload: CueIn
) -> Status:
    acting = access(request, congress_id)
    item = access_item(acting, programme_item_id)
    gate(can_keep_programme(acting), ONLY_ORGANISERS)
    form = cue_form(payload)
    cue = write(
        request, lambda: services.cue_save(access=acting, item=item, fields=form.cue_fields())
    )
    return Status(201, access_cue(acting, cue.pk))


@router.get(P + "/cues/{cue_id}/", response=answers(CueOut), summary="Một dòng kịch bản")
def programme_cue(request: HttpRequest, congress_id: int, cue_id: int) -> Cue:
    return access_cue(access(request, congress_id), cue_id)


@versioned_put(router, P + "/cues/{cue_id}/", CueOut, "Sửa dòng kịch bản")
def programme_cue_update(
    request: HttpRequest, congress_id: int, cue_id: int, payload: CueIn
) -> Cue:
    acting = access(request, congress_id)
    cue = access_cue(acting, cue_id)
    gate(can_keep_programme(acting), ONLY_ORGANISERS)
    form = cue_form(payload)
    write_versioned(
        request,
        services.cue_save,
        form,
        access=acting,
        item=cue.item,
        cue=cue,
        fields=form.cue_fields(),
    )
    return access_cue(acting, cue_id)


@removal(router, P + "/cues/{cue_id}/", "Xóa dòng kịch bản")
def programme_cue_delete(request: HttpRequest, congress_id: int, cue_id: int) -> Status:
    acting = access(request, congress_id)
    cue = access_cue(acting, cue_id)
    gate(can_keep_programme(acting), ONLY_ORGANISERS)
    return removed(request, lambda: services.cue_delete(access=acting, cue=cue))
