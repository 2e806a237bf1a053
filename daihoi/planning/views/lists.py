"""The dashboard, the task list, the agency inbox and the agencies' pages."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from daihoi.core.dates import today as local_today
from daihoi.core.paging import PAGE_SIZE, CappedPaginator
from daihoi.organizations.models import Agency
from daihoi.organizations.permissions import (
    access_agency,
    access_congress,
)

from .. import charts, listing, selectors
from ..forms import (
    TaskFilterForm,
)
from ..status import MAIN_CLASSES, StatusClass


@login_required
def dashboard(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    today = local_today()
    board = selectors.dashboard_counts(access, today)
    counts = board.counts
    slices = charts.donut(counts)
    context = {
        "access": access,
        "congress": access.congress,
        "today": today,
        "days_left": access.congress.days_until_opening(today),
        "counts": counts,
        "slices": slices,
        "total": sum(s.count for s in slices),
        "classes": [(s, s.label, counts[s]) for s in MAIN_CLASSES],
        "halted": counts[StatusClass.PAUSED] + counts[StatusClass.CANCELLED],
        "agencies_behind": board.agencies_behind,
        "areas": board.areas,
        "due_soon": selectors.due_soon(access, today),
        "obstacles": selectors.open_obstacles(access),
        "obstacle_count": selectors.open_obstacle_count(access),
        "open_conclusions": selectors.open_conclusion_tasks(access),
    }
    return render(request, "planning/congress_dashboard.html", context)


@login_required
def task_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    today = local_today()
    form = TaskFilterForm(request.GET or None, congress=access.congress)
    filters = form.filters()
    tasks = listing.lean_rows(selectors.tasks_visible_to(access, filters, today))
    paginator = listing.TaskPaginator(
        tasks, PAGE_SIZE, known=listing.counted_total(access, filters, today)
    )
    page = paginator.page_for(
        request.GET.get("page"),
        listing.parse_cursor(request.GET.get("after")),
        listing.parse_cursor(request.GET.get("before")),
    )
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("after", None)
    query.pop("before", None)
    context = {
        "access": access,
        "congress": access.congress,
        "form": form,
        "page": page,
        "next_cursor": paginator.next_cursor(page),
        "previous_cursor": paginator.previous_cursor(page),
        "today": today,
        "query": query.urlencode(),
        "rows": [(t, t.status_class(today)) for t in page],
        "filter_count": form.active_count(),
    }
    template = "planning/task_list.html"
    if request.headers.get("HX-Request") and request.headers.get("HX-Target") == "task-rows":
        template += "#rows"
        context["swap_filter_count"] = True
    return render(request, template, context)


@login_required
def agency_inbox(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if access.agency_id is None:
        return redirect("planning:task-list", congress_id=congress_id)
    today = local_today()
    show_done = request.GET.get("done") == "1"
    returned_only = request.GET.get("returned") == "1"
    appraisal_only = request.GET.get("appraisal") == "1"
    key_only = request.GET.get("key") == "1"
    agency = access_agency(access, access.agency_id)
    rows = selectors.agency_inbox(
        access,
        agency,
        show_done=show_done,
        returned_only=returned_only,
        appraisal_only=appraisal_only,
        key_only=key_only,
    )
    page = CappedPaginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "access": access,
        "congress": access.congress,
        "agency": agency,
        "page": page,
        "rows": [(a, a.task.status_class(today)) for a in page],
        "show_done": show_done,
        "returned_only": returned_only,
        "appraisal_only": appraisal_only,
        "appraisal_waiting": selectors.appraisal_waiting_count(access, agency),
        "key_only": key_only,
        # The pages of a filtered inbox stay filtered.
        "query": "&".join(
            part
            for part, on in (
                ("done=1", show_done),
                ("returned=1", returned_only),
                ("appraisal=1", appraisal_only),
                ("key=1", key_only),
            )
            if on
        ),
        "counts": selectors.status_counts(access, today, agency_id=access.agency_id),
        "today": today,
    }
    return render(request, "planning/agency_inbox.html", context)


@login_required
def agency_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not access.sees_whole_congress:
        return redirect(
            "planning:agency-detail", congress_id=congress_id, agency_id=access.agency_id
        )
    today = local_today()
    rows = selectors.agency_table(access, today)
    with_tasks = {row.agency.pk for row in rows}
    others = Agency.objects.filter(congress=access.congress).exclude(pk__in=with_tasks)
    return render(
        request,
        "planning/agency_list.html",
        {"access": access, "congress": access.congress, "rows": rows, "others": others},
    )


@login_required
def agency_detail(request: HttpRequest, congress_id: int, agency_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    agency = access_agency(access, agency_id)
    if not access.sees_whole_congress and access.agency_id != agency.pk:
        raise Http404
    today = local_today()
    rows = selectors.agency_inbox(access, agency, show_done=True)
    page = CappedPaginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    role_counts = (
        agency.assignments.filter(task__congress=access.congress, cancelled=False)
        .values("role")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return render(
        request,
        "planning/agency_detail.html",
        {
            "access": access,
            "congress": access.congress,
            "agency": agency,
            "counts": selectors.status_counts(access, today, agency_id=agency.pk),
            "page": page,
            "rows": [(a, a.task.status_class(today)) for a in page],
            "role_counts": {r["role"]: r["n"] for r in role_counts},
            "officers": agency.officers.filter(congress=access.congress).select_related("user"),
        },
    )
