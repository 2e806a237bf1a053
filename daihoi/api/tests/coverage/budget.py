"""Kinh phí: norms, estimates and their lines, spending with receipts, the compilation."""

from . import C, Target

E = C + "/estimates/{estimate_id}/"
LINE = E + "lines/{line_id}/"

COVERAGE: dict[str, Target] = {
    "overview": (("get", C + "/budget/"),),
    "norm-list": (("get", C + "/norms/"),),
    "norm-create": (("post", C + "/norms/"),),
    "norm-edit": (("get", C + "/norms/{norm_id}/"), ("put", C + "/norms/{norm_id}/")),
    "norm-import": (("post", C + "/norms/import/"),),
    "norm-export": (("get", C + "/norms/xlsx/"),),
    "estimate-list": (("get", C + "/estimates/"),),
    "estimate-create": (("post", C + "/estimates/"),),
    "estimate-detail": (("get", E), ("get", E + "history/")),
    "estimate-supplement": (("post", E + "supplements/"),),
    "estimate-edit": (("get", E), ("put", E)),
    "line-add": (("post", E + "lines/"),),
    "line-edit": (("get", LINE), ("put", LINE)),
    "line-delete": (("delete", LINE),),
    "estimate-submit": (("post", E + "submit/"),),
    "estimate-return": (("post", E + "return/"),),
    "estimate-approve": (("get", E), ("post", E + "approve/")),
    "spending": (("get", E + "spendings/"), ("post", E + "spendings/")),
    "spending-attachment": (("get", C + "/spending-attachments/{spending_attachment_id}/"),),
    "compilation": (("get", C + "/budget/compilation/"),),
    "compilation-xlsx": (("get", C + "/budget/compilation/xlsx/"),),
    "compilation-docx": (("get", C + "/budget/compilation/docx/"),),
}
