"""What each role gets from each API operation (the same world and objects as the pages'
permission matrix): `test_api_matrix.py` calls them with a token; the shared matrix
(`matrix.py`) calls them with a signed-in session, which answers as the token."""

import importlib
import pkgutil
from pathlib import Path

from daihoi.testing.matrix import MANAGERS_ONLY, ROLES, expect


def api_expect(default: int, **overrides: int) -> dict[str, int]:
    return expect(default, **overrides) | {"anonymous": 401}


EVERYONE = {r: 200 for r in ROLES} | {"anonymous": 401}
C = "/congresses/{congress_id}"
TASK_BODY = {
    "title": "Tuyên truyền trực quan",
    "lead_agency": "{btg}",
    "coordinating_agencies": ["{svh}"],
    "appraising_agency": "{ca}",
    "area": "propaganda",
    "phase": "before",
}
MEETING_BODY = {
    "title": "Họp Tiểu ban Tổ chức phục vụ",
    "kind": "subcommittee",
    "date": "15/09/2020",
    "start_time": "08:00",
    "end_time": "10:30",
    "place": "Hội trường Tỉnh ủy",
    "chair": "{person_id}",
}
# A draft estimate is its agency's: the managers read it but may not edit it.
DRAFT_OWNERS = dict(admin=403, secretariat=403, leader=404, member=404, officer2=404)
CONGRESS_BODY = {
    "name": "Đại hội đại biểu Đảng bộ tỉnh lần thứ XVI",
    "organization": "Đảng bộ tỉnh",
    "level": "province",
    "ordinal": 16,
    "term_start": 2020,
    "term_end": 2025,
    "document_rules": "party",
}
DETAILED_ITEM_BODY = {
    "title": "In và treo pano",
    "method": "Thuê đơn vị in, Ban kiểm tra trước khi treo",
    "deadline": "2020-09-01",
}
DRAFT_BODY = {"kind": "TB", "issuer": "{vptu}", "subject": "Thông báo lịch tổng duyệt"}
INCOMING_BODY = {
    "received_on": "02/03/2020",
    "subject": "Hướng dẫn tổ chức Đại hội",
    "issuer_name": "Ban Tổ chức Trung ương",
}
NORM_BODY = {
    "code": "DM99",
    "name": "Thuê hội trường",
    "category": "meeting",
    "unit": "ngày",
    "max_unit_price": "5.000.000",
    "valid_from": "01/01/2020",
}
PLAN_BODY = {"number": 99, "issuer_code": "TU", "issued_on": "2020-04-01", "subject": "Thử"}

# (method, path as in the schema): (path to call, body, expected status per role)
TABLE = {
    ("get", "/congresses/"): ("/congresses/", None, EVERYONE),
    ("get", C + "/"): (C + "/", None, api_expect(200)),
    ("get", C + "/agencies/"): (C + "/agencies/", None, api_expect(200)),
    ("get", C + "/agencies/{agency_id}/"): (C + "/agencies/{agency_id}/", None, api_expect(200)),
    # The set-up (congress, agencies, groups): the secretariat's, as the "Thiết lập" pages.
    ("put", C + "/"): (C + "/", CONGRESS_BODY, api_expect(200, **MANAGERS_ONLY)),
    # A new congress: the administrator, or whoever is already secretariat of one.
    ("post", "/congresses/"): (
        "/congresses/",
        CONGRESS_BODY,
        {r: 403 for r in ROLES}
        | {"admin": 201, "secretariat": 201, "parent": 201, "sibling": 201, "anonymous": 401},
    ),
    ("post", C + "/agencies/"): (
        C + "/agencies/",
        {"name": "Sở Nội vụ", "short_name": "SNV", "parent": "{vptu}"},
        api_expect(201, **MANAGERS_ONLY),
    ),
    ("put", C + "/agencies/{agency_id}/"): (
        C + "/agencies/{agency_id}/",
        {"name": "Ban Tuyên giáo và Dân vận Tỉnh ủy", "code": "BTGDV"},
        api_expect(200, **MANAGERS_ONLY),
    ),
    ("post", C + "/agencies/{agency_id}/merge/"): (
        C + "/agencies/{api_spare_agency_id}/merge/",
        {"target": "{svh}"},
        api_expect(200, **MANAGERS_ONLY),
    ),
    ("get", C + "/agency-groups/"): (C + "/agency-groups/", None, api_expect(200, **MANAGERS_ONLY)),
    ("post", C + "/agency-groups/"): (
        C + "/agency-groups/",
        {"name": "Các sở, ngành", "agencies": ["{svh}", "{stc}"]},
        api_expect(201, **MANAGERS_ONLY),
    ),
    ("get", C + "/agency-groups/{group_id}/"): (
        C + "/agency-groups/{group_id}/",
        None,
        api_expect(200, **MANAGERS_ONLY),
    ),
    ("put", C + "/agency-groups/{group_id}/"): (
        C + "/agency-groups/{group_id}/",
        {"name": "Các ban xây dựng Đảng", "agencies": ["{btg}"]},
        api_expect(200, **MANAGERS_ONLY),
    ),
    ("delete", C + "/agency-groups/{group_id}/"): (
        C + "/agency-groups/{group_id}/",
        None,
        api_expect(204, **MANAGERS_ONLY),
    ),
    # An agency's leader in charge and focal officers: the secretariat for any agency, the
    # agency's own officer for theirs (others: 404, as the page).
    ("get", C + "/leaders/"): (C + "/leaders/", None, api_expect(200, **MANAGERS_ONLY)),
    ("get", C + "/leaders/{agency_id}/"): (
        C + "/leaders/{agency_id}/",
        None,
        api_expect(200, leader=404, member=404, officer2=404),
    ),
    ("put", C + "/leaders/{agency_id}/"): (
        C + "/leaders/{agency_id}/",
        {"new_leader_name": "Trần Văn Phụ Trách", "new_leader_titles": "Phó Trưởng ban"},
        api_expect(200, leader=404, member=404, officer2=404),
    ),
    # Appraisal, as the pages: the task's product waits at Công an tỉnh (no user here); the
    # lead's officer may not send it again (400), only the appraiser's decides; officer2's
    # agency has no part (404).
    ("get", C + "/tasks/{task_id}/appraisal/"): (
        C + "/tasks/{task_id}/appraisal/",
        None,
        api_expect(200, officer2=404),
    ),
    ("post", C + "/tasks/{task_id}/appraisal/"): (
        C + "/tasks/{task_id}/appraisal/",
        {"text": "Bản hoàn thiện nội dung pano"},
        api_expect(403, officer=400, officer2=404),
    ),
    ("post", C + "/tasks/{task_id}/appraisal/decision/"): (
        C + "/tasks/{task_id}/appraisal/decision/",
        {"decision": "approved"},
        api_expect(403, officer2=404),
    ),
    ("get", C + "/appraisal-files/{appraisal_file_id}/"): (
        C + "/appraisal-files/{appraisal_file_id}/",
        None,
        api_expect(200, officer2=404),
    ),
    # The task's detailed plan is Ban Tuyên giáo's (officer), sent and awaiting approval: its
    # works cannot change (the service's reason, 400), the leaders review it.
    ("get", C + "/detailed-plans/"): (C + "/detailed-plans/", None, api_expect(200)),
    ("get", C + "/tasks/{task_id}/detailed-plan/"): (
        C + "/tasks/{task_id}/detailed-plan/",
        None,
        api_expect(200, officer2=404),
    ),
    ("post", C + "/tasks/{task_id}/detailed-plan/items/"): (
        C + "/tasks/{task_id}/detailed-plan/items/",
        DETAILED_ITEM_BODY,
        api_expect(403, officer=400, officer2=404),
    ),
    ("post", C + "/tasks/{task_id}/detailed-plan/send/"): (
        C + "/tasks/{task_id}/detailed-plan/send/",
        None,
        api_expect(403, officer=400, officer2=404),
    ),
    ("post", C + "/tasks/{task_id}/detailed-plan/review/"): (
        C + "/tasks/{task_id}/detailed-plan/review/",
        {"decision": "approve"},
        api_expect(200, officer=403, member=403, officer2=404),
    ),
    ("get", C + "/detailed-items/{item_id}/"): (
        C + "/detailed-items/{item_id}/",
        None,
        api_expect(200, officer2=404),
    ),
    ("put", C + "/detailed-items/{item_id}/"): (
        C + "/detailed-items/{item_id}/",
        DETAILED_ITEM_BODY,
        api_expect(403, officer=400, officer2=404),
    ),
    ("delete", C + "/detailed-items/{item_id}/"): (
        C + "/detailed-items/{item_id}/",
        None,
        api_expect(403, officer=400, officer2=404),
    ),
    ("post", C + "/detailed-items/{item_id}/progress/"): (
        C + "/detailed-items/{item_id}/progress/",
        {"progress": 50},
        api_expect(403, officer=400, officer2=404),
    ),
    # Explanations: one asked of Ban Tuyên giáo (officer) about an overdue task, still open;
    # officer2's agency was not asked (404).
    ("get", C + "/explanations/"): (C + "/explanations/", None, api_expect(200)),
    ("get", C + "/explanations/{explanation_id}/"): (
        C + "/explanations/{explanation_id}/",
        None,
        api_expect(200, officer2=404),
    ),
    ("post", C + "/explanations/{explanation_id}/answer/"): (
        C + "/explanations/{explanation_id}/answer/",
        {"answer": "Chậm do chờ kinh phí in pano"},
        api_expect(403, officer=200, officer2=404),
    ),
    ("get", C + "/tasks/{task_id}/explanations/"): (
        C + "/tasks/{task_id}/explanations/",
        None,
        api_expect(200, officer2=404),
    ),
    ("post", C + "/tasks/{task_id}/explanations/"): (
        C + "/tasks/{task_id}/explanations/",
        {"reason": "Đề nghị giải trình lý do chậm"},
        api_expect(400, officer=403, member=403, officer2=404),
    ),
    # Issuing offices: the secretariat's set-up (Văn phòng Tỉnh ủy issues the matrix's plan).
    ("get", C + "/issuers/"): (C + "/issuers/", None, api_expect(200, **MANAGERS_ONLY)),
    ("post", C + "/issuers/"): (
        C + "/issuers/",
        {"name": "Tiểu ban Văn kiện", "code": "TBVK", "layout": "party"},
        api_expect(201, **MANAGERS_ONLY),
    ),
    ("get", C + "/issuers/{agency_id}/"): (
        C + "/issuers/{vptu}/",
        None,
        api_expect(200, **MANAGERS_ONLY),
    ),
    ("put", C + "/issuers/{agency_id}/"): (
        C + "/issuers/{agency_id}/",
        {"name": "Ban Tuyên giáo Tỉnh ủy", "code": "BTGTU", "layout": "party"},
        api_expect(200, **MANAGERS_ONLY),
    ),
    ("get", C + "/plans/"): (C + "/plans/", None, api_expect(200)),
    ("post", C + "/plans/"): (C + "/plans/", PLAN_BODY, api_expect(201, **MANAGERS_ONLY)),
    ("get", C + "/plans/{plan_id}/"): (C + "/plans/{plan_id}/", None, api_expect(200)),
    ("put", C + "/plans/{plan_id}/"): (
        C + "/plans/{plan_id}/",
        PLAN_BODY,
        api_expect(200, **MANAGERS_ONLY),
    ),
    ("delete", C + "/plans/{plan_id}/"): (
        C + "/plans/{plan_id}/",
        None,
        api_expect(204, **MANAGERS_ONLY),
    ),
    ("get", C + "/tasks/"): (C + "/tasks/", None, api_expect(200)),
    ("post", C + "/tasks/"): (C + "/tasks/", TASK_BODY, api_expect(201, **MANAGERS_ONLY)),
    ("get", C + "/tasks/{task_id}/"): (
        C + "/tasks/{task_id}/",
        None,
        api_expect(200, officer2=404),
    ),
    ("put", C + "/tasks/{task_id}/"): (
        C + "/tasks/{task_id}/",
        TASK_BODY,
        api_expect(200, leader=403, officer=403, member=403, officer2=404),
    ),
    ("get", C + "/tasks/{task_id}/progress/"): (
        C + "/tasks/{task_id}/progress/",
        None,
        api_expect(200, officer2=404),
    ),
    # The lead agency's officer reports; the secretariat may report on its behalf.
    ("post", C + "/tasks/{task_id}/progress/"): (
        C + "/tasks/{task_id}/progress/",
        {"text": "Đang in pano", "percent": 50},
        api_expect(201, leader=403, member=403, officer2=404),
    ),
    # The task awaits acceptance: the leaders accept it; the officer's agency cannot.
    ("post", C + "/tasks/{task_id}/review/"): (
        C + "/tasks/{awaiting_task_id}/review/",
        {"decision": "accept"},
        api_expect(200, officer=403, member=403, officer2=404),
    ),
    # Pausing, cancelling and the trash: the secretariat's.
    ("post", C + "/tasks/{task_id}/halt/"): (
        C + "/tasks/{task_id}/halt/",
        {"state": "paused", "reason": "Chờ bố trí kinh phí"},
        api_expect(200, leader=403, officer=403, member=403, officer2=404),
    ),
    ("delete", C + "/tasks/{task_id}/"): (
        C + "/tasks/{task_id}/",
        None,
        api_expect(204, leader=403, officer=403, member=403, officer2=404),
    ),
    ("get", C + "/progress/{update_id}/"): (
        C + "/progress/{update_id}/",
        None,
        api_expect(200, officer2=404),
    ),
    ("delete", C + "/progress/{update_id}/"): (
        C + "/progress/{update_id}/",
        None,
        api_expect(204, leader=403, officer=403, member=403, officer2=404),
    ),
    ("get", C + "/attachments/{attachment_id}/"): (
        C + "/attachments/{attachment_id}/",
        None,
        api_expect(200, officer2=404),
    ),
    ("get", C + "/obstacles/"): (C + "/obstacles/", None, api_expect(200)),
    ("post", C + "/obstacles/{update_id}/resolve/"): (
        C + "/obstacles/{update_id}/resolve/",
        {"note": "Đã bố trí kinh phí"},
        api_expect(200, officer=403, member=403, officer2=404),
    ),
    ("get", C + "/dashboard/"): (C + "/dashboard/", None, api_expect(200)),
    ("get", C + "/people/"): (C + "/people/", None, api_expect(200)),
    ("get", C + "/people/{person_id}/"): (C + "/people/{person_id}/", None, api_expect(200)),
    ("get", C + "/committees/"): (C + "/committees/", None, api_expect(200)),
    ("get", C + "/committees/{committee_id}/"): (
        C + "/committees/{committee_id}/",
        None,
        api_expect(200),
    ),
    # People, committees and members: the secretariat's.
    ("post", C + "/people/"): (
        C + "/people/",
        {"full_name": "Nguyễn Văn Mới", "titles": "Chuyên viên", "agency": "{btg}"},
        api_expect(201, **MANAGERS_ONLY),
    ),
    ("put", C + "/people/{person_id}/"): (
        C + "/people/{person_id}/",
        {"full_name": "Nguyễn Văn Chủ Trì", "titles": "Phó Bí thư Tỉnh ủy"},
        api_expect(200, **MANAGERS_ONLY),
    ),
    ("post", C + "/committees/"): (
        C + "/committees/",
        {"kind": "working_group", "name": "Tổ thư ký Đại hội"},
        api_expect(201, **MANAGERS_ONLY),
    ),
    ("put", C + "/committees/{committee_id}/"): (
        C + "/committees/{committee_id}/",
        {"kind": "service", "name": "Tiểu ban Tổ chức phục vụ Đại hội"},
        api_expect(200, **MANAGERS_ONLY),
    ),
    ("post", C + "/committees/{committee_id}/members/"): (
        C + "/committees/{committee_id}/members/",
        {"person": "{api_person_id}", "role": "member", "areas": ["propaganda"]},
        api_expect(201, **MANAGERS_ONLY),
    ),
    ("get", C + "/committees/{committee_id}/members/{membership_id}/"): (
        C + "/committees/{committee_id}/members/{membership_id}/",
        None,
        api_expect(200),
    ),
    ("put", C + "/committees/{committee_id}/members/{membership_id}/"): (
        C + "/committees/{committee_id}/members/{membership_id}/",
        {"role": "head", "duties": "Chỉ đạo chung"},
        api_expect(200, **MANAGERS_ONLY),
    ),
    ("delete", C + "/committees/{committee_id}/members/{membership_id}/"): (
        C + "/committees/{committee_id}/members/{membership_id}/",
        None,
        api_expect(204, **MANAGERS_ONLY),
    ),
    # The meeting invites the officer's agency, not officer2's.
    ("get", C + "/meetings/"): (C + "/meetings/", None, api_expect(200)),
    ("get", C + "/meetings/{meeting_id}/"): (
        C + "/meetings/{meeting_id}/",
        None,
        api_expect(200, officer2=404),
    ),
    # Only the secretariat and the leaders run meetings.
    ("post", C + "/meetings/"): (
        C + "/meetings/",
        MEETING_BODY,
        api_expect(201, officer=403, officer2=403, member=403),
    ),
    ("put", C + "/meetings/{meeting_id}/"): (
        C + "/meetings/{meeting_id}/",
        MEETING_BODY,
        api_expect(200, officer=403, member=403, officer2=404),
    ),
    ("post", C + "/meetings/{meeting_id}/record/"): (
        C + "/meetings/{meeting_id}/record/",
        {"minutes": "Đã họp, thống nhất nội dung.", "attendance": {}},
        api_expect(200, officer=403, member=403, officer2=404),
    ),
    ("post", C + "/meetings/{meeting_id}/conclusions/"): (
        C + "/meetings/{meeting_id}/conclusions/",
        {"text": "Giao Ban Tuyên giáo in bổ sung pano"},
        api_expect(201, officer=403, member=403, officer2=404),
    ),
    ("post", C + "/meetings/{meeting_id}/conclusions/{conclusion_id}/task/"): (
        C + "/meetings/{meeting_id}/conclusions/{conclusion_id}/task/",
        {
            "title": "Hoàn thành pano trước ngày khai mạc",
            "lead_agency": "{btg}",
            "area": "propaganda",
            "phase": "before",
            "deadline": "D-10",
        },
        api_expect(201, officer=403, member=403, officer2=404),
    ),
    ("get", C + "/meetings/agenda-proposals/"): (
        C + "/meetings/agenda-proposals/",
        None,
        api_expect(200, officer=403, officer2=403, member=403),
    ),
    # A meeting still planned, inviting Ban Tuyên giáo: the runners cancel it, the managers
    # put it in the trash.
    ("post", C + "/meetings/{meeting_id}/cancel/"): (
        C + "/meetings/{api_planned_meeting_id}/cancel/",
        {},
        api_expect(200, officer=403, member=403, officer2=404),
    ),
    ("delete", C + "/meetings/{meeting_id}/"): (
        C + "/meetings/{api_planned_meeting_id}/",
        None,
        api_expect(204, leader=403, officer=403, member=403, officer2=404),
    ),
    # Posted without a file: the service's reason (400) to those who may attach.
    ("post", C + "/meetings/{meeting_id}/attachments/"): (
        C + "/meetings/{meeting_id}/attachments/",
        {},
        api_expect(400, officer=403, member=403, officer2=404),
    ),
    ("get", C + "/meetings/{meeting_id}/attachments/{file_id}/"): (
        C + "/meetings/{meeting_id}/attachments/{file_id}/",
        None,
        api_expect(200, officer2=404),
    ),
    ("post", C + "/meetings/{meeting_id}/invitation/"): (
        C + "/meetings/{meeting_id}/invitation/",
        {"issuer": "{vptu}", "signer": "{person_id}"},
        api_expect(201, officer=403, member=403, officer2=404),
    ),
    ("post", C + "/meetings/{meeting_id}/notice/"): (
        C + "/meetings/{meeting_id}/notice/",
        {"issuer": "{vptu}", "signer": "{person_id}"},
        api_expect(201, officer=403, member=403, officer2=404),
    ),
    # The document is issued and addressed to the officer's agency, not to officer2's: issuing
    # it again is refused with the registry's reason (400).
    ("get", C + "/documents/"): (C + "/documents/", None, api_expect(200)),
    ("get", C + "/documents/{document_id}/"): (
        C + "/documents/{document_id}/",
        None,
        api_expect(200, officer2=404),
    ),
    ("post", C + "/documents/{document_id}/issue/"): (
        C + "/documents/{document_id}/issue/",
        {},
        api_expect(400, officer=403, member=403, officer2=404),
    ),
    ("post", C + "/documents/register/"): (
        C + "/documents/register/",
        {
            "kind": "TB",
            "number": 541,
            "issued_on": "05/03/2020",
            "issuer": "{vptu}",
            "subject": "Thông báo kết luận của Thường trực Tỉnh ủy",
        },
        api_expect(201, officer=403, officer2=403, member=403),
    ),
    ("get", C + "/documents/{document_id}/docx/"): (
        C + "/documents/{document_id}/docx/",
        None,
        api_expect(200, officer2=404),
    ),
    ("get", C + "/documents/{document_id}/pdf/"): (
        C + "/documents/{document_id}/pdf/",
        None,
        api_expect(200, officer2=404),
    ),
    # Drafting on the matrix's document, issued here: an edit, the trash and a change of its
    # mark are refused with the registry's reason (400) to those who may try.
    ("post", C + "/documents/"): (
        C + "/documents/",
        DRAFT_BODY,
        api_expect(201, officer=403, officer2=403, member=403),
    ),
    ("put", C + "/documents/{document_id}/"): (
        C + "/documents/{document_id}/",
        DRAFT_BODY,
        api_expect(400, officer=403, member=403, officer2=404),
    ),
    ("delete", C + "/documents/{document_id}/"): (
        C + "/documents/{document_id}/",
        None,
        api_expect(400, leader=403, officer=403, member=403, officer2=404),
    ),
    ("post", C + "/documents/{document_id}/replace/"): (
        C + "/documents/{document_id}/replace/",
        {},
        api_expect(201, officer=403, member=403, officer2=404),
    ),
    ("get", C + "/documents/{document_id}/scan/"): (
        C + "/documents/{document_id}/scan/",
        None,
        api_expect(200, officer2=404),
    ),
    # Posted without a file: the page's message (400) to those who may attach.
    ("post", C + "/documents/{document_id}/scan/"): (
        C + "/documents/{document_id}/scan/",
        {},
        api_expect(400, officer=403, member=403, officer2=404),
    ),
    ("post", C + "/documents/{document_id}/readers/"): (
        C + "/documents/{document_id}/readers/",
        {"confidentiality": "secret", "readers": []},
        api_expect(400, officer=403, member=403, officer2=404),
    ),
    # A document received, given to Ban Tuyên giáo (officer) as a task; officer2 has no part.
    # The secretariat keeps the register.
    ("get", C + "/incoming/"): (C + "/incoming/", None, api_expect(200)),
    ("get", C + "/incoming/export/"): (C + "/incoming/export/", None, api_expect(200)),
    ("post", C + "/incoming/register/"): (
        C + "/incoming/register/",
        INCOMING_BODY,
        api_expect(201, **MANAGERS_ONLY),
    ),
    ("get", C + "/incoming/{incoming_id}/"): (
        C + "/incoming/{incoming_id}/",
        None,
        api_expect(200, officer2=404),
    ),
    ("put", C + "/incoming/{incoming_id}/"): (
        C + "/incoming/{incoming_id}/",
        INCOMING_BODY,
        api_expect(200, leader=403, officer=403, member=403, officer2=404),
    ),
    ("get", C + "/incoming/{incoming_id}/file/"): (
        C + "/incoming/{incoming_id}/file/",
        None,
        api_expect(200, officer2=404),
    ),
    # Posted without a file: the reason (400) to the registrars.
    ("post", C + "/incoming/{incoming_id}/file/"): (
        C + "/incoming/{incoming_id}/file/",
        {},
        api_expect(400, leader=403, officer=403, member=403, officer2=404),
    ),
    ("delete", C + "/incoming/{incoming_id}/"): (
        C + "/incoming/{incoming_id}/",
        None,
        api_expect(204, leader=403, officer=403, member=403, officer2=404),
    ),
    ("post", C + "/incoming/{incoming_id}/task/"): (
        C + "/incoming/{incoming_id}/task/",
        TASK_BODY,
        api_expect(201, leader=403, officer=403, member=403, officer2=404),
    ),
    # A committee's founding decision: the secretariat's; a QĐ entered now without its number
    # is refused with the page's message (400).
    ("post", C + "/committees/{committee_id}/founding-decision/"): (
        C + "/committees/{committee_id}/founding-decision/",
        {"issuer": "{vptu}", "issued_on": "02/03/2020", "subject": "Thành lập Tiểu ban"},
        api_expect(400, **MANAGERS_ONLY),
    ),
    # Everyone has their own private calendar URL.
    ("get", "/calendar/"): ("/calendar/", None, EVERYONE),
    ("post", "/calendar/renew/"): ("/calendar/renew/", {}, EVERYONE),
    # Everyone has notifications; the one here is the officer's.
    ("get", "/notifications/"): ("/notifications/", None, EVERYONE),
    ("post", "/notifications/{notification_id}/read/"): (
        "/notifications/{notification_id}/read/",
        {},
        {r: 404 for r in ROLES} | {"anonymous": 401, "officer": 200},
    ),
    ("post", "/notifications/read-all/"): ("/notifications/read-all/", {}, EVERYONE),
    ("get", "/notifications/preferences/"): ("/notifications/preferences/", None, EVERYONE),
    ("put", "/notifications/preferences/"): (
        "/notifications/preferences/",
        {"channel": "in_app"},
        EVERYONE,
    ),
    # A request to Ban Tuyên giáo (officer), answered; officer2 was not asked.
    ("get", C + "/report-requests/"): (C + "/report-requests/", None, api_expect(200)),
    ("get", C + "/report-requests/{request_id}/submissions/"): (
        C + "/report-requests/{request_id}/submissions/",
        None,
        api_expect(200, officer2=404),
    ),
    ("get", C + "/submissions/{submission_id}/"): (
        C + "/submissions/{submission_id}/",
        None,
        api_expect(200, officer2=404),
    ),
    # The national congress asked the world's congress for a report, not yet sent: its
    # secretariat sends it; its leaders read it; the agencies' officers have no part.
    ("get", C + "/reports-from-above/"): (
        C + "/reports-from-above/",
        None,
        api_expect(200, officer=403, officer2=403),
    ),
    ("get", C + "/reports-from-above/{report_recipient_id}/"): (
        C + "/reports-from-above/{report_recipient_id}/",
        None,
        api_expect(200, officer=403, officer2=403),
    ),
    ("post", C + "/reports-from-above/{report_recipient_id}/submit/"): (
        C + "/reports-from-above/{report_recipient_id}/submit/",
        {"text": "Số liệu đảng viên của Đảng bộ tỉnh", "values": ["1.234"]},
        api_expect(200, leader=403, member=403, officer=403, officer2=403),
    ),
    # Ban Tuyên giáo's estimate, approved: Finance (officer2) and the whole congress read it.
    ("get", C + "/estimates/"): (C + "/estimates/", None, api_expect(200)),
    ("get", C + "/estimates/{estimate_id}/"): (
        C + "/estimates/{estimate_id}/",
        None,
        api_expect(200),
    ),
    # Writes: Ban Tuyên giáo (officer) already has its estimate; Finance (officer2) has none.
    ("post", C + "/estimates/"): (
        C + "/estimates/",
        {"title": "Dự trù kinh phí của Sở Tài chính"},
        api_expect(403, officer=400, officer2=201),
    ),
    # A draft supplement of Ban Tuyên giáo's: its officer edits it; the secretariat reads it
    # but may not touch it; nobody else sees a draft.
    ("put", C + "/estimates/{estimate_id}/"): (
        C + "/estimates/{api_draft_estimate_id}/",
        {"title": "Dự trù bổ sung tuyên truyền lưu động"},
        api_expect(200, **DRAFT_OWNERS),
    ),
    ("post", C + "/estimates/{estimate_id}/supplements/"): (
        C + "/estimates/{estimate_id}/supplements/",
        {},
        api_expect(403, officer=201),
    ),
    ("post", C + "/estimates/{estimate_id}/lines/"): (
        C + "/estimates/{api_draft_estimate_id}/lines/",
        {"content": "Bồi dưỡng lái xe", "quantity": 2, "unit_price": "150.000", "unit": "ngày"},
        api_expect(201, **DRAFT_OWNERS),
    ),
    ("get", C + "/estimates/{estimate_id}/lines/{line_id}/"): (
        C + "/estimates/{estimate_id}/lines/{line_id}/",
        None,
        api_expect(200),
    ),
    ("put", C + "/estimates/{estimate_id}/lines/{line_id}/"): (
        C + "/estimates/{api_draft_estimate_id}/lines/{api_draft_line_id}/",
        {
            "content": "Thuê xe tuyên truyền",
            "quantity": 2,
            "unit_price": 2_500_000,
            "unit": "chuyến",
        },
        api_expect(200, **DRAFT_OWNERS),
    ),
    ("delete", C + "/estimates/{estimate_id}/lines/{line_id}/"): (
        C + "/estimates/{api_draft_estimate_id}/lines/{api_draft_line_id}/",
        None,
        api_expect(204, **DRAFT_OWNERS),
    ),
    ("post", C + "/estimates/{estimate_id}/submit/"): (
        C + "/estimates/{api_draft_estimate_id}/submit/",
        {},
        api_expect(200, **DRAFT_OWNERS),
    ),
    # The supplement sent to Finance: Finance (officer2) and the administrator review it.
    ("post", C + "/estimates/{estimate_id}/return/"): (
        C + "/estimates/{api_sent_estimate_id}/return/",
        {"comment": "Giải trình đơn giá in pano"},
        api_expect(403, admin=200, officer2=200),
    ),
    ("post", C + "/estimates/{estimate_id}/approve/"): (
        C + "/estimates/{api_sent_estimate_id}/approve/",
        {},
        api_expect(403, admin=200, officer2=200),
    ),
    # A request to Ban Tuyên giáo, its report already sent: sending again is refused (400);
    # only the secretariat returns it.
    ("post", C + "/report-requests/"): (
        C + "/report-requests/",
        {
            "title": "Báo cáo số liệu đảng viên",
            "deadline": "31/12/2099",
            "agencies": ["{btg}"],
            "columns": "Số đảng viên | số",
        },
        api_expect(201, **MANAGERS_ONLY),
    ),
    ("get", C + "/report-requests/{request_id}/"): (
        C + "/report-requests/{request_id}/",
        None,
        api_expect(200, officer2=404),
    ),
    ("get", C + "/report-requests/{request_id}/template/"): (
        C + "/report-requests/{request_id}/template/",
        None,
        api_expect(200, officer2=404),
    ),
    ("post", C + "/submissions/{submission_id}/submit/"): (
        C + "/submissions/{submission_id}/submit/",
        {"text": "Báo cáo bổ sung"},
        api_expect(403, officer=400, officer2=404),
    ),
    ("post", C + "/submissions/{submission_id}/return/"): (
        C + "/submissions/{submission_id}/return/",
        {"comment": "Bổ sung số liệu"},
        api_expect(200, leader=403, officer=403, member=403, officer2=404),
    ),
    ("get", C + "/submission-files/{submission_file_id}/"): (
        C + "/submission-files/{submission_file_id}/",
        None,
        api_expect(200, officer2=404),
    ),
    ("post", C + "/text-to-tasks/"): (
        C + "/text-to-tasks/",
        {"text": "Giao Ban Tuyên giáo Tỉnh ủy chủ trì in pano cổ động, hoàn thành trước 30/9."},
        api_expect(200, officer=403, officer2=403, member=403),
    ),
    # The reporting pages' figures and files: the consolidated report and the agencies' table
    # for those who see the whole congress; a request's compilation for them too.
    **{
        ("get", C + path): (C + path, None, api_expect(200, officer=403, officer2=403))
        for path in (
            "/consolidated/",
            "/consolidated/docx/",
            "/consolidated/xlsx/",
            "/exports/agencies/",
        )
    },
    **{
        ("get", C + path): (C + path, None, api_expect(200))
        for path in (
            "/exports/tasks/",
            "/exports/scorecards/",
            "/scorecards/",
            "/warnings/",
            "/dashboard/charts/",
        )
    },
    **{
        ("get", C + path): (C + path, None, api_expect(200, officer=403, officer2=404))
        for path in ("/report-requests/{request_id}/xlsx/", "/report-requests/{request_id}/docx/")
    },
    # The task import: the secretariat's. Posted without a file, the form says it is required.
    ("get", C + "/task-imports/"): (C + "/task-imports/", None, api_expect(200, **MANAGERS_ONLY)),
    ("post", C + "/task-imports/"): (C + "/task-imports/", {}, api_expect(400, **MANAGERS_ONLY)),
    ("get", C + "/task-imports/{import_job_id}/"): (
        C + "/task-imports/{import_job_id}/",
        None,
        api_expect(200, **MANAGERS_ONLY),
    ),
    ("post", C + "/task-imports/{import_job_id}/confirm/"): (
        C + "/task-imports/{import_job_id}/confirm/",
        None,
        api_expect(202, **MANAGERS_ONLY),
    ),
    ("get", C + "/task-import-template/"): (
        C + "/task-import-template/",
        None,
        api_expect(200, **MANAGERS_ONLY),
    ),
    # Planning: an agency's inbox (who has no agency is asked to name one), the agencies' counts
    # (an officer: their own), the timelines, the congress's dates.
    ("get", C + "/inbox/"): (
        C + "/inbox/",
        None,
        api_expect(200, admin=400, leader=400, member=400),
    ),
    ("get", C + "/agency-tasks/"): (C + "/agency-tasks/", None, api_expect(200)),
    ("get", C + "/agency-tasks/{agency_id}/"): (
        C + "/agency-tasks/{agency_id}/",
        None,
        api_expect(200, officer2=404),
    ),
    ("get", C + "/plans/{plan_id}/timeline/"): (
        C + "/plans/{plan_id}/timeline/",
        None,
        api_expect(200),
    ),
    ("get", C + "/committees/{committee_id}/timeline/"): (
        C + "/committees/{committee_id}/timeline/",
        None,
        api_expect(200),
    ),
    ("post", C + "/schedule/"): (
        C + "/schedule/",
        {"opening_date": "21/10/2020", "closing_date": "23/10/2020"},
        api_expect(200, **MANAGERS_ONLY),
    ),
    # Budget: the norms everyone reads and Finance (officer2) keeps; the spending on the
    # matrix's approved estimate is its agency's (officer) to record; the compilation.
    **{
        ("get", C + path): (C + path, None, api_expect(200))
        for path in (
            "/budget/",
            "/norms/",
            "/norms/xlsx/",
            "/norms/{norm_id}/",
            "/estimates/{estimate_id}/spendings/",
            "/spending-attachments/{spending_attachment_id}/",
        )
    },
    ("post", C + "/norms/"): (C + "/norms/", NORM_BODY, api_expect(403, admin=201, officer2=201)),
    ("put", C + "/norms/{norm_id}/"): (
        C + "/norms/{norm_id}/",
        NORM_BODY,
        api_expect(403, admin=200, officer2=200),
    ),
    # Without a file, Finance is told the file is required.
    ("post", C + "/norms/import/"): (
        C + "/norms/import/",
        {},
        api_expect(403, admin=400, officer2=400),
    ),
    ("post", C + "/estimates/{estimate_id}/spendings/"): (
        C + "/estimates/{estimate_id}/spendings/",
        {
            "line": "{line_id}",
            "content": "Chi bồi dưỡng đợt 2",
            "amount": "300.000",
            "spent_on": "01/09/2020",
        },
        api_expect(403, officer=201),
    ),
    **{
        ("get", C + path): (C + path, None, api_expect(200, officer=403))
        for path in (
            "/budget/compilation/",
            "/budget/compilation/xlsx/",
            "/budget/compilation/docx/",
        )
    },
}


# Sent as multipart/form-data (they take files).
MULTIPART: tuple[str, ...] = (
    "/progress/",
    "/appraisal/",
    "/register/",
    "/report-requests/",
    "/submit/",
    "/attachments/",
    "/scan/",
    "/file/",
    "/agency-import/",
    "/task-imports/",
    "/norms/import/",
    "/spendings/",
)


# The rows of the other domains, one `table_<domain>.py` each: its `ROWS`, the ends of the
# paths it posts as multipart (`MULTIPART`, optional), and what its POST-only operations answer
# a signed-in session that posts them a form (`SESSION_POSTS`: URL name → status per role, for
# `matrix.py`; optional).
SESSION_POSTS: dict[str, dict[str, int]] = {}
for _module in pkgutil.iter_modules([str(Path(__file__).parent)]):
    if _module.name.startswith("table_"):
        _table = importlib.import_module(f"{__package__}.{_module.name}")
        assert not set(_table.ROWS) & set(TABLE), f"{_module.name} repeats rows"
        TABLE |= _table.ROWS
        MULTIPART += getattr(_table, "MULTIPART", ())
        SESSION_POSTS |= getattr(_table, "SESSION_POSTS", {})


# A work's progress in a detailed plan is a number, sent as JSON.
JSON_ONLY = {C + "/detailed-items/{item_id}/progress/"}


def is_multipart(method: str, path: str) -> bool:
    return method == "post" and path.endswith(MULTIPART) and path not in JSON_ONLY
