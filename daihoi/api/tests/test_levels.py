"""Reports up through the API: the congress above asks, the congress below reads what it was
asked, sends its report, is returned and sends again; the pages' rules and messages."""

from daihoi.api.models import Scope
from daihoi.levels.tests.helpers import build_tree, guidance_objects, report_objects
from daihoi.reporting.models import ReportSubmission
from daihoi.testing.files import pdf_upload

from .helpers import ApiClient


def test_the_congress_below_sends_is_returned_and_sends_again(world):
    build_tree(world)
    guidance_objects(world)
    recipient_id = report_objects(world)["report_recipient_id"]
    secretariat = ApiClient(world.users["secretariat"])
    base = f"/congresses/{world.congress.pk}/reports-from-above/"

    asked = secretariat.all(base)
    assert [r["id"] for r in asked] == [recipient_id]
    assert asked[0]["congress"]["id"] == world.national.pk
    assert asked[0]["request"]["title"] == "Báo cáo số liệu đảng viên"
    assert asked[0]["submission"]["status"] == "pending"
    path = f"{base}{recipient_id}/"

    leader = ApiClient(world.users["leader"])
    assert leader.get(path).status_code == 200
    refused = leader.post_form(path + "submit/", {"text": "x", "values": ["1"]})
    assert refused.status_code == 403
    assert refused.json()["detail"] == (
        "Chỉ Thường trực / Văn phòng gửi báo cáo của Đại hội mình lên cấp trên."
    )
    assert ApiClient(world.users["officer"]).get(path).status_code == 403
    assert ApiClient(world.users["sibling"]).get(path).status_code == 404

    wrong = secretariat.post_form(path + "submit/", {"text": "Số liệu", "values": ["nhiều"]})
    assert wrong.status_code == 400
    assert wrong.json()["errors"]["values"] == [
        "Cột “Số đảng viên” phải là số, không phải “nhiều”."
    ]
    sent = secretariat.post_form(
        path + "submit/",
        {"text": "Số liệu đến hết quý III", "values": ["1.234"], "files": pdf_upload("bc.pdf")},
    )
    assert sent.status_code == 200, sent.content
    submission = sent.json()["submission"]
    assert submission["status"] == "submitted" and submission["values"] == ["1.234"]
    assert [f["original_name"] for f in submission["files"]] == ["bc.pdf"]
    twice = secretariat.post_form(path + "submit/", {"text": "Lần nữa", "values": ["1"]})
    assert twice.status_code == 400

    parent = ApiClient(world.users["parent"])
    returned = parent.post(
        f"/congresses/{world.national.pk}/submissions/{submission['id']}/return/",
        {"comment": "Bổ sung số đảng viên mới kết nạp"},
    )
    assert returned.status_code == 200, returned.content
    assert secretariat.get(path).json()["submission"]["return_comment"] == (
        "Bổ sung số đảng viên mới kết nạp"
    )
    again = secretariat.post_form(path + "submit/", {"text": "Đã bổ sung", "values": ["1.240"]})
    assert again.status_code == 200, again.content
    assert ReportSubmission.objects.get(pk=submission["id"]).status == "submitted"


def test_a_read_only_token_and_another_congress_are_refused(world):
    build_tree(world)
    guidance_objects(world)
    recipient_id = report_objects(world)["report_recipient_id"]
    reader = ApiClient(world.users["secretariat"], scope=Scope.READ)
    path = f"/congresses/{world.congress.pk}/reports-from-above/{recipient_id}/"
    assert reader.get(path).status_code == 200
    assert reader.post_form(path + "submit/", {"text": "x", "values": ["1"]}).status_code == 403
    # The secretariat of the congress beside, through its own congress: not its request.
    sibling = ApiClient(world.users["sibling"])
    other = f"/congresses/{world.other.pk}/reports-from-above/{recipient_id}/"
    assert sibling.get(other).status_code == 404
    assert sibling.post_form(other + "submit/", {"text": "x", "values": ["1"]}).status_code == 404
    assert ReportSubmission.objects.get(congress_recipient__pk=recipient_id).status == "pending"


def test_the_list_takes_a_fixed_number_of_queries(world, django_assert_max_num_queries):
    import datetime as dt

    from daihoi.accounts.models import Role
    from daihoi.core.dates import today
    from daihoi.levels import services
    from daihoi.organizations.permissions import Access

    build_tree(world)
    guidance_objects(world)
    national = Access(world.users["parent"], world.national, Role.SECRETARIAT)
    for i in range(4):
        services.report_request_send(
            access=national,
            title=f"Báo cáo chuyên đề số {i}",
            deadline=today() + dt.timedelta(days=10 + i),
            congress_ids=[world.congress.pk],
        )
    secretariat = ApiClient(world.users["secretariat"])
    with django_assert_max_num_queries(8):
        response = secretariat.get(f"/congresses/{world.congress.pk}/reports-from-above/")
    assert response.status_code == 200 and len(response.json()["results"]) == 4
