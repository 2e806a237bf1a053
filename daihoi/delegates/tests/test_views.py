import datetime as dt

from django.urls import reverse

from ..models import Delegate
from .helpers import make_delegate, make_delegation


def test_the_secretariat_types_a_delegate_then_edits_and_replaces(
    world, secretariat_access, client
):
    delegation = make_delegation(secretariat_access)
    client.force_login(world.users["secretariat"])
    url = reverse("delegates:delegate-create", args=[world.congress.pk])
    data = {
        "kind": "official",
        "full_name": "Rơ Mah Thị Hương",
        "gender": "female",
        "delegation": delegation.pk,
        "birth_year": "1978",
        "ethnicity": "Gia Rai",
        "religion": "Không",
        "professional_level": "university",
        "theory_level": "intermediate",
        "party_joined_on": "03/02/2004",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    delegate = Delegate.objects.get(name_key="ro mah thi huong")
    assert delegate.party_joined_on == dt.date(2004, 2, 3)
    page = client.get(response["Location"]).content.decode()
    assert "Gia Rai" in page and "Thêm đại biểu" in page
    edit = reverse("delegates:delegate-edit", args=[world.congress.pk, delegate.pk])
    client.post(edit, data | {"position": "Chủ tịch Hội LHPN huyện", "version": 1})
    delegate.refresh_from_db()
    assert delegate.position == "Chủ tịch Hội LHPN huyện"
    alternate = make_delegate(
        secretariat_access,
        delegation,
        full_name="A Tuấn",
        kind="alternate",
        gender="male",
        birth_year=1985,
        party_joined_on=dt.date(2010, 1, 1),
    )
    replace = reverse("delegates:delegate-replace", args=[world.congress.pk, delegate.pk])
    response = client.post(
        replace, {"substitute": alternate.pk, "reason": "Ốm dài ngày", "decided_on": "01/09/2020"}
    )
    assert response.status_code == 302
    page = client.get(reverse("delegates:delegate-detail", args=[world.congress.pk, delegate.pk]))
    assert "Đã được thay" in page.content.decode() and "A Tuấn" in page.content.decode()


def test_an_impossible_date_in_the_form_is_shown_not_saved(world, secretariat_access, client):
    delegation = make_delegation(secretariat_access)
    client.force_login(world.users["secretariat"])
    url = reverse("delegates:delegate-create", args=[world.congress.pk])
    page = client.post(
        url,
        {
            "kind": "official",
            "full_name": "Y Blong",
            "gender": "male",
            "delegation": delegation.pk,
            "birth_year": "2001",
            "party_joined_on": "01/01/2010",
        },
    ).content.decode()
    assert "chưa đủ 17 tuổi" in page
    assert not Delegate.objects.filter(name_key="y blong").exists()


def test_the_secretariat_gives_the_gate_duty(world, client):
    client.force_login(world.users["secretariat"])
    url = reverse("delegates:duty-list", args=[world.congress.pk])
    client.post(url, {"user": world.users["member"].pk, "kind": "gate"})
    assert "Điểm danh tại cửa" in client.get(url).content.decode()
    client.post(url, {"user": world.users["outsider"].pk, "kind": "gate"})
    from ..models import Duty

    assert not Duty.objects.filter(user=world.users["outsider"]).exists()
