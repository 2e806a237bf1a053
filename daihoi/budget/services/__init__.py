"""Every change of budgets that users cause. Keyword-only, explicit access, atomic, audited.

By subdomain: `norms` (Finance's spending norms), `estimates` (drafting, submitting and
reviewing an agency's estimate), `spending` (what was actually spent).
"""

from ..permissions import FINANCE_ONLY, OWNER_ONLY
from .estimates import (
    SUPPLEMENT_NEEDS_APPROVAL,
    SUPPLEMENT_OWNER_ONLY,
    LineDecision,
    estimate_approve,
    estimate_create,
    estimate_line_add,
    estimate_line_delete,
    estimate_line_update,
    estimate_return,
    estimate_submit,
    estimate_supplement_create,
    estimate_update,
)
from .norms import ImportResult, NormImportError, norm_create, norm_update, norms_import
from .spending import spending_record

__all__ = [
    "FINANCE_ONLY",
    "OWNER_ONLY",
    "SUPPLEMENT_NEEDS_APPROVAL",
    "SUPPLEMENT_OWNER_ONLY",
    "ImportResult",
    "LineDecision",
    "NormImportError",
    "estimate_approve",
    "estimate_create",
    "estimate_line_add",
    "estimate_line_delete",
    "estimate_line_update",
    "estimate_return",
    "estimate_submit",
    "estimate_supplement_create",
    "estimate_update",
    "norm_create",
    "norm_update",
    "norms_import",
    "spending_record",
]
