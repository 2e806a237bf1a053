import pytest
from django.urls import reverse

from daihoi.levels.models import Guidance, GuidanceRecipient, GuidanceSend
from daihoi.levels.tests.helpers import build_tree, guidance_objects
from daihoi.organizations.models import Congress

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(world):
    build_tree(world)
    return world


def test_the_secretariat_writes_a_guidance_adds_an_item_and_sends_it_to_a_level(tree, client):
    client.force_login(tree.users["secretariat"])
    base = {"congress_id": tree.congress.pk}
    response = client.post(
        reverse("levels:guidance-create", kwargs=base),
        {"kind": "guidance", "title": "Hướng dẫn chế độ chi phục vụ Đại hội các cấp"},
    )
    guidance = Guidance.objects.get(congress=tree.congress)
    assert response.status_code == 302
    kwargs = base | {"guidance_id": guidance.pk}
    response = client.post(
        reverse("levels:item-add", kwargs=kwargs),
        {"title": "Lập dự toán kinh phí Đại hội", "area": "finance", "deadline": "D-20"},
    )
    assert guidance.items.get().offset_days == -20
    client.post(reverse("levels:guidance-send", kwargs=kwargs), {"level": Congress.Level.DISTRICT})
    assert GuidanceRecipient.objects.get(guidance=guidance).congress_id == tree.district.pk
    send = GuidanceSend.objects.get(guidance=guidance)
    page = client.get(reverse("levels:guidance-detail", kwargs=kwargs)).content.decode()
    assert "Đại hội đại biểu Đảng bộ huyện Đắk Hà" in page and "0/1" in page
    # A second sending to the same district is refused with a message, nothing added.
    response = client.post(
        reverse("levels:guidance-send", kwargs=kwargs),
        {"congresses": [tree.district.pk]},
        follow=True,
    )
    assert "không gửi lại lần hai" in response.content.decode()
    assert GuidanceSend.objects.filter(guidance=guidance).count() == 1
    progress = client.get(
        reverse("levels:send-progress", kwargs=kwargs | {"send_id": send.pk})
    ).content.decode()
    assert "hx-trigger" in progress  # polled until the job is done


def test_the_lower_level_sees_what_it_received_and_nothing_else_above(
    tree, client, django_assert_max_num_queries
):
    found = guidance_objects(tree)
    client.force_login(tree.users["secretariat"])
    url = reverse("levels:guidance-list", kwargs={"congress_id": tree.congress.pk})
    with django_assert_max_num_queries(20):
        page = client.get(url).content.decode()
    assert "Văn phòng Trung ương Đảng" not in page  # the sender's offices are not shown
    received = reverse(
        "levels:received-detail",
        kwargs={"congress_id": tree.congress.pk, "recipient_id": found["recipient_id"]},
    )
    assert "Treo băng rôn chào mừng" in client.get(received).content.decode()
    # The national guidance itself is not openable from below.
    national_guidance = GuidanceRecipient.objects.get(pk=found["recipient_id"]).guidance_id
    url = reverse(
        "levels:guidance-detail",
        kwargs={"congress_id": tree.congress.pk, "guidance_id": national_guidance},
    )
    assert client.get(url).status_code == 404
