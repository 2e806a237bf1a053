"""Thin views: parse, fetch-and-authorise, call a service or selector, render.

By subdomain: `norms`, `estimates` (drafting and review), `compilation` (the overview and
Finance's tables), `spending`.
"""

from .compilation import compilation, compilation_docx, compilation_xlsx, overview
from .estimates import (
    estimate_approve,
    estimate_create,
    estimate_detail,
    estimate_edit,
    estimate_list,
    estimate_return,
    estimate_submit,
    estimate_supplement,
    line_add,
    line_delete,
    line_edit,
)
from .norms import norm_export, norm_form, norm_import, norm_list
from .spending import spending, spending_attachment

__all__ = [
    "compilation",
    "compilation_docx",
    "compilation_xlsx",
    "estimate_approve",
    "estimate_create",
    "estimate_detail",
    "estimate_edit",
    "estimate_list",
    "estimate_return",
    "estimate_submit",
    "estimate_supplement",
    "line_add",
    "line_delete",
    "line_edit",
    "norm_export",
    "norm_form",
    "norm_import",
    "norm_list",
    "overview",
    "spending",
    "spending_attachment",
]
