"""The programme pages: the draft and its releases, sessions, items, script lines, printing."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from daihoi.core.audit import history_of
from daihoi.core.versioning import edit_initial
from daihoi.core.views import (
    edit_page,
    forbidden,
    form_page,
    page_context,
    run_button,
    run_form_button,
)
from daihoi.organizations.permissions import Access, access_congress

from . import selectors, services
from .forms import CueForm, ItemForm, PublishForm, SessionForm
from .models import Item, Session
from .permissions import (
    ONLY_ORGANISERS,
    access_cue,
    access_item,
    access_release,
    access_session,
    can_keep_programme,
)


def _keeper(request: HttpRequest, congress_id: int) -> Access | HttpResponse:
    access = access_congress(request.user, congress_id)
    if not can_keep_programme(access):
        return forbidden(request, ONLY_ORGANISERS)
    return access


def _to_programme(congress_id: int) -> HttpResponse:
    return redirect("programme:programme", congress_id=congress_id)


def _to_session(session: Session) -> HttpResponse:
    return redirect(
        "programme:session-detail",
        congress_id=session.congress_id,
        programme_session_id=session.pk,
    )


@login_required
def programme(request: HttpRequest, congress_id: int) -> HttpResponse:
    """The draft as it stands, the current release and the earlier ones."""
    access = access_congress(request.user, congress_id)
    content = selectors.programme_content(access.congress)
    releases = list(selectors.releases_of(access.congress))
    current = releases[0] if releases else None
    changed = current is None or selectors.without_ids(current.content) != selectors.without_ids(
        content
    )
    keeper = can_keep_programme(access)
    return render(
        request,
        "programme/programme.html",
        page_context(
            access,
            content=content,
            releases=releases,
            current=current,
            changed=changed and bool(content["days"]),
            keeper=keeper,
            publish_form=PublishForm() if keeper else None,
        ),
    )


@login_required
@require_POST
def publish(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = _keeper(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    return run_form_button(
        request,
        PublishForm(request.POST),
        lambda data: services.programme_publish(access=access, note=data["note"]),
        success=lambda release: f"Đã ban hành chương trình, bản số {release.number}.",
        then=_to_programme(congress_id),
    )


@login_required
def release_detail(request: HttpRequest, congress_id: int, release_number: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    release = access_release(access, release_number)
    current = selectors.current_release(access.congress)
    return render(
        request,
        "programme/release_detail.html",
        page_context(access, release=release, current=current, content=release.content),
    )


def _printed(request: HttpRequest, congress_id: int, template: str) -> HttpResponse:
    """A print page of the current release, or of a chosen one (`?ban=N`); before any release,
    of the draft, marked as such."""
    access = access_congress(request.user, congress_id)
    chosen = request.GET.get("ban", "")
    release = (
        access_release(access, int(chosen))
        if chosen.isdigit() and len(chosen) < 6
        else selectors.current_release(access.congress)
    )
    content = release.content if release else selectors.programme_content(access.congress)
    return render(request, template, page_context(access, release=release, content=content))


@login_required
def print_programme(request: HttpRequest, congress_id: int) -> HttpResponse:
    return _printed(request, congress_id, "programme/print_programme.html")


@login_required
def print_script(request: HttpRequest, congress_id: int) -> HttpResponse:
    return _printed(request, congress_id, "programme/print_script.html")


# Sessions -------------------------------------------------------------------------------------


@login_required
def session_form(
    request: HttpRequest, congress_id: int, programme_session_id: int | None = None
) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    session = access_session(access, programme_session_id) if programme_session_id else None
    if not can_keep_programme(access):
        return forbidden(request, ONLY_ORGANISERS)
    initial = SessionForm.initial_for(session) if session else {"place": access.congress.venue}
    form = SessionForm(request.POST or None, initial=initial)

    return edit_page(
        request,
        form,
        session,
        create=lambda: services.session_create(access=access, fields=form.session_fields()),
        update=lambda session, version: services.session_update(
            access=access, session=session, fields=form.session_fields(), expected_version=version
        ),
        success="Đã lưu phiên.",
        then=_to_session,
        template="programme/session_form.html",
        context=page_context(access, form=form, session=session),
    )


@login_required
def session_detail(
    request: HttpRequest, congress_id: int, programme_session_id: int
) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    session = access_session(access, programme_session_id)
    items = selectors.items_of(session)
    return render(
        request,
        "programme/session_detail.html",
        page_context(
            access,
            session=session,
            items=items,
            keeper=can_keep_programme(access),
            history=history_of(session)[:30],
            summoned_count=selectors.summoned_delegates(session).count(),
            present_count=selectors.present_delegates(session).count(),
        ),
    )


@login_required
@require_POST
def session_delete(
    request: HttpRequest, congress_id: int, programme_session_id: int
) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    session = access_session(access, programme_session_id)
    return run_button(
        request,
        lambda: services.session_delete(access=access, session=session),
        success="Đã xóa phiên khỏi bản nháp chương trình.",
        then=_to_programme(congress_id),
    )


# Items and script lines -------------------------------------------------------------------------


def _part_page(
    request: HttpRequest,
    access: Access,
    form: ItemForm | CueForm,
    save: Any,
    *,
    session: Session,
    template: str,
    **context: Any,
) -> HttpResponse:
    if not can_keep_programme(access):
        return forbidden(request, ONLY_ORGANISERS)
    return form_page(
        request,
        form,
        save,
        success="Đã lưu.",
        then=lambda _: _to_session(session),
        template=template,
        context=page_context(access, form=form, session=session, **context),
    )


@login_required
def item_form(
    request: HttpRequest,
    congress_id: int,
    programme_session_id: int,
    programme_item_id: int | None = None,
) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    session = access_session(access, programme_session_id)
    item = access_item(access, programme_item_id) if programme_item_id else None
    if item is not None and item.session_id != session.pk:
        return _to_session(session)
    form = ItemForm(request.POST or None, initial=edit_initial(item, ItemForm))
    return _part_page(
        request,
        access,
        form,
        lambda: services.item_save(
            access=access,
            session=session,
            item=item,
            fields=form.item_fields(),
            expected_version=form.expected_version(),
        ),
        session=session,
        template="programme/item_form.html",
        item=item,
    )


@login_required
@require_POST
def item_delete(request: HttpRequest, congress_id: int, programme_item_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    item = access_item(access, programme_item_id)
    return run_button(
        request,
        lambda: services.item_delete(access=access, item=item),
        success="Đã xóa mục.",
        then=_to_session(item.session),
    )


@login_required
@require_POST
def item_move(request: HttpRequest, congress_id: int, programme_item_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    item = access_item(access, programme_item_id)
    step = -1 if request.POST.get("step") == "up" else 1
    return run_button(
        request,
        lambda: services.item_move(access=access, item=item, step=step),
        success="Đã đổi thứ tự.",
        then=_to_session(item.session),
    )


@login_required
def cue_form(
    request: HttpRequest, congress_id: int, programme_item_id: int, cue_id: int | None = None
) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    item: Item = access_item(access, programme_item_id)
    cue = access_cue(access, cue_id) if cue_id else None
    if cue is not None and cue.item_id != item.pk:
        return _to_session(item.session)
    form = CueForm(request.POST or None, initial=edit_initial(cue, CueForm))
    return _part_page(
        request,
        access,
        form,
        lambda: services.cue_save(
            access=access,
            item=item,
            cue=cue,
            fields=form.cue_fields(),
            expected_version=form.expected_version(),
        ),
        session=item.session,
        template="programme/cue_form.html",
        item=item,
        cue=cue,
    )


@login_required
@require_POST
def cue_delete(request: HttpRequest, congress_id: int, cue_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    cue = access_cue(access, cue_id)
    return run_button(
        request,
        lambda: services.cue_delete(access=access, cue=cue),
        success="Đã xóa dòng kịch bản.",
        then=_to_session(cue.item.session),
    )
