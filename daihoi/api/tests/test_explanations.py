"""Requests for explanation through the API: a leader asks Ban Tuyên giáo why its task is
overdue, its officer answers; the pages' messages; another agency and congress do not see it."""

from daihoi.api.models import Scope
from daihoi.reporting.models import Explanation
from daihoi.reporting.tests.helpers import overdue_task

from .helpers import ApiClient


def test_a_leader_asks_and_the_lead_agency_answers(world, django_assert_max_num_queries):
    task = overdue_task(world)
    leader = ApiClient(world.users["leader"])
    officer = ApiClient(world.users["officer"])
    base = f"/congresses/{world.congress.pk}"
    asks = f"{base}/tasks/{task.pk}/explanations/"

    empty = leader.post(asks, {"reason": ""})
    assert empty.status_code == 400 and "reason" in empty.json()["errors"]
    refused = officer.post(asks, {"reason": "Tự hỏi mình"})
    assert refused.status_code == 403
    assert refused.json()["detail"] == (
        "Chỉ lãnh đạo tiểu ban hoặc Thường trực mới yêu cầu giải trình."
    )
    asked = leader.post(asks, {"reason": "Vì sao chưa hoàn thành pano?"})
    assert asked.status_code == 201, asked.content
    explanation = asked.json()
    assert explanation["agency_id"] == world.agencies["btg"].pk and explanation["answer"] == ""
    twice = leader.post(asks, {"reason": "Hỏi lần nữa"})
    assert twice.status_code == 400

    answer = f"{base}/explanations/{explanation['id']}/answer/"
    assert leader.post(answer, {"answer": "Thay lời"}).status_code == 403
    blank = officer.post(answer, {"answer": " "})
    assert blank.status_code == 400 and "answer" in blank.json()["errors"]
    answered = officer.post(answer, {"answer": "Chờ kinh phí in; xong trong tuần"})
    assert answered.status_code == 200, answered.content
    assert answered.json()["answered_at"] is not None
    # Answered: the service's right to answer has ended (403, as on the page).
    assert officer.post(answer, {"answer": "Lần nữa"}).status_code == 403
    assert Explanation.objects.get(pk=explanation["id"]).answer.startswith("Chờ kinh phí")

    for n in range(3):
        leader.post(
            f"{base}/tasks/{overdue_task(world, title=f'Việc {n}').pk}/explanations/",
            {"reason": "Giải trình"},
        )
    with django_assert_max_num_queries(8):
        mine = officer.all(f"{base}/explanations/")
    assert len(mine) == 4
    assert [e["id"] for e in officer.all(asks)] == [explanation["id"]]


def test_another_agency_and_congress_do_not_see_it_and_a_reader_asks_nothing(world):
    task = overdue_task(world)
    base = f"/congresses/{world.congress.pk}"
    asked = ApiClient(world.users["leader"]).post(
        f"{base}/tasks/{task.pk}/explanations/", {"reason": "Vì sao chậm?"}
    )
    path = f"{base}/explanations/{asked.json()['id']}/"
    other = ApiClient(world.users["officer2"])
    assert other.get(path).status_code == 404
    assert other.post(path + "answer/", {"answer": "Không phải việc của tôi"}).status_code == 404
    assert other.all(f"{base}/explanations/") == []
    assert ApiClient(world.users["outsider"]).get(path).status_code == 404
    reader = ApiClient(world.users["officer"], scope=Scope.READ)
    assert reader.post(path + "answer/", {"answer": "Chỉ đọc"}).status_code == 403
    assert Explanation.objects.get(pk=asked.json()["id"]).answer == ""
