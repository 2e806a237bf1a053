from django.contrib.auth.decorators import login_required
from django.db.models import Case, Prefetch, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from daihoi.core.audit import history_of
from daihoi.core.views import forbidden, form_page, page_context

from ..forms import LeaderForm
from ..models import Agency, Person
from ..permissions import access_agency_leadership, access_congress
from ..services import leaders as services


@login_required
def leader_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    """Every agency with its leader in charge and focal officers; those without come first."""
    access = access_congress(request.user, congress_id)
    if not access.can_manage:
        return forbidden(request, "Chỉ Thường trực / Văn phòng mới xem được danh sách này.")
    missing_only = request.GET.get("chua") == "1"
    agencies = (
        Agency.objects.filter(congress=access.congress)
        .select_related("leader_in_charge")
        .prefetch_related(Prefetch("focal_people", queryset=Person.objects.order_by("full_name")))
        .order_by(Case(When(leader_in_charge__isnull=True, then=0), default=1), "name")
    )
    if missing_only:
        agencies = agencies.filter(leader_in_charge__isnull=True)
    rows = list(agencies)
    return render(
        request,
        "organizations/leader_list.html",
        page_context(
            access,
            agencies=rows,
            missing_only=missing_only,
            missing=sum(1 for a in rows if a.leader_in_charge_id is None),
        ),
    )


@login_required
def leader_edit(request: HttpRequest, congress_id: int, agency_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    agency = access_agency_leadership(access, agency_id)
    form = LeaderForm(
        request.POST or None,
        congress=access.congress,
        agency=agency,
        initial=LeaderForm.initial_for(agency),
    )

    def then(_: Agency) -> HttpResponse:
        if access.can_manage:
            return redirect("organizations:leader-list", congress_id=congress_id)
        return redirect("organizations:leader-edit", congress_id=congress_id, agency_id=agency.pk)

    return form_page(
        request,
        form,
        lambda: services.agency_name_leader(
            access=access,
            agency=agency,
            leader=form.cleaned_data["leader"],
            focal_people=form.cleaned_data["focal_people"],
            new_leader=services.NewLeader(
                form.cleaned_data["new_leader_name"], form.cleaned_data["new_leader_titles"]
            ),
        ),
        success="Đã lưu lãnh đạo phụ trách và cán bộ đầu mối.",
        then=then,
        template="organizations/leader_form.html",
        context=page_context(access, form=form, agency=agency, history=history_of(agency)[:20]),
    )
