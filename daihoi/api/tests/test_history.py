"""A record's history through the API: the entries its page shows under "Lịch sử", newest first,
with who made each change and the fields an edit changed; nothing for a record one may not open."""

from daihoi.planning.models import Task

from .helpers import ApiClient


def _task(world):
    secretariat = ApiClient(world.users["secretariat"])
    made = secretariat.post(
        f"/congresses/{world.congress.pk}/tasks/",
        {
            "title": "In pano cổ động",
            "lead_agency": world.agencies["btg"].pk,
            "area": "propaganda",
            "phase": "before",
        },
    )
    assert made.status_code == 201, made.content
    return secretariat, made.json()


def test_a_tasks_history_has_its_edits_and_its_progress_newest_first(world):
    secretariat, task = _task(world)
    path = f"/congresses/{world.congress.pk}/tasks/{task['id']}/"
    edited = secretariat.put(
        path,
        {
            "title": "In 20 pano cổ động",
            "lead_agency": world.agencies["btg"].pk,
            "area": "propaganda",
            "phase": "before",
            "version": task["version"],
        },
    )
    assert edited.status_code == 200, edited.content
    officer = ApiClient(world.users["officer"])
    reported = officer.post_form(path + "progress/", {"text": "Đã in 10 pano", "percent": 50})
    assert reported.status_code == 201, reported.content

    history = officer.all(path + "history/")
    assert [e["action"] for e in history] == [
        "task.progress_reported",
        "task.updated",
        "task.created",
    ]
    assert history[0]["actor"] == world.users["officer"].display_name
    assert history[1]["changes"] == [["Nội dung nhiệm vụ", "In pano cổ động", "In 20 pano cổ động"]]
    assert history[2]["changes"] == []
    assert ApiClient(world.users["officer2"]).get(path + "history/").status_code == 404
    assert Task.objects.filter(pk=task["id"]).exists()


def test_the_history_reads_in_the_same_queries_however_long(world, django_assert_max_num_queries):
    secretariat, task = _task(world)
    path = f"/congresses/{world.congress.pk}/tasks/{task['id']}/"
    officer = ApiClient(world.users["officer"])
    officer.post_form(path + "progress/", {"text": "Bắt đầu", "percent": 5})
    with django_assert_max_num_queries(40) as few:
        assert len(officer.get(path + "history/").json()["results"]) == 2
    first = len(few.captured_queries)  # read before the next request clears the log
    for i in range(6):
        officer.post_form(path + "progress/", {"text": f"Tiến độ {i}", "percent": 10 + i})
    with django_assert_max_num_queries(first):
        assert len(officer.get(path + "history/").json()["results"]) == 8
