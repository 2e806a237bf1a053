"""The dashboard charts, drawn as inline SVG from server-side data.

`{% dashboard_charts congress access %}` draws the status classes from the counts the dashboard
already holds, so it adds no query; the bars by agency and the line over time arrive as a
fragment loaded after the page (`reporting:dashboard-charts`).
"""

from django import template

from daihoi.core.dates import today as local_today
from daihoi.planning import selectors as planning_selectors

from .. import charts

register = template.Library()


@register.inclusion_tag("reporting/_charts.html", takes_context=True)
def dashboard_charts(context, congress, access) -> dict:
    counts = context.get("counts")
    if counts is None:
        counts = planning_selectors.status_counts(access, local_today())
    slices = charts.donut(counts)
    return {
        "congress": congress,
        "access": access,
        "slices": slices,
        "total": sum(s.count for s in slices),
    }
