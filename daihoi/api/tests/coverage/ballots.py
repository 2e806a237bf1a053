"""Bầu cử: cuộc bầu cử, Ban Kiểm phiếu, nhập phiếu ở hai tổ, kết quả, biên bản DOCX/PDF."""

from . import C, Target

E = C + "/elections/{election_id}"

COVERAGE: dict[str, Target] = {
    "election-list": (("get", C + "/elections/"),),
    "election-create": (("post", C + "/elections/"),),
    "election-detail": (("get", E + "/"),),
    "election-edit": (("put", E + "/"),),
    "board-add": (("post", E + "/board/"),),
    "board-remove": (("delete", E + "/board/{board_member_id}/"),),
    "ballot-entry": (("get", E + "/entries/"), ("post", E + "/entries/")),
    "minutes-docx": (("get", E + "/minutes/docx/"),),
    "minutes-pdf-request": (("post", E + "/minutes/pdf/"),),
    "minutes-pdf": (("get", E + "/minutes/pdf/"),),
}
