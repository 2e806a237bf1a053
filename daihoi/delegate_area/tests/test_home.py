"""The delegate's own area: reached after logging in, their sessions and the programme, and
nothing of the congress's other pages."""

import pytest
from django.urls import reverse

from daihoi.delegates.area import (
    DelegateLink,
    register_delegate_link,
    unregister_delegate_link,
)
from daihoi.delegates.services.checkin import check_in_by_name
from daihoi.programme import services as programme_services
from daihoi.programme.tests.helpers import opening_session, secretariat
from daihoi.testing.factories import PASSWORD

pytestmark = pytest.mark.django_db


def _home(world) -> str:
    return reverse("delegate_area:home", args=[world.congress.pk])


def test_a_delegate_lands_on_their_own_area_after_logging_in(world, client):
    answer = client.post(
        reverse("accounts:login"), {"username": "daibieu", "password": PASSWORD}, follow=True
    )
    assert answer.redirect_chain[-1][0] == _home(world)
    assert "Đồng chí A Thị Liên" in answer.content.decode()


def test_the_home_page_lists_the_sessions_the_delegate_is_summoned_to_and_the_check_in(
    world, client
):
    session = opening_session(world)
    check_in_by_name(
        access=secretariat(world), session=session.checkin_session, delegate=world.delegate
    )
    programme_services.programme_publish(access=secretariat(world))
    client.force_login(world.users["delegate"])
    page = client.get(_home(world)).content.decode()
    assert "Phiên khai mạc" in page and "Đã điểm danh" in page
    assert "Diễn văn khai mạc Đại hội" in page  # the current programme
    assert "Bản số 1" in page


def test_a_delegate_meets_404_on_the_congress_pages_and_its_programme(world, client):
    client.force_login(world.users["delegate"])
    for name in ["workspace:today", "planning:dashboard", "programme:programme"]:
        assert client.get(reverse(name, args=[world.congress.pk])).status_code == 404, name


def test_staff_of_the_congress_meet_404_on_the_delegates_area(world, client):
    client.force_login(world.users["secretariat"])
    assert client.get(_home(world)).status_code == 404


def test_the_delegate_area_header_is_minimal(world, client):
    client.force_login(world.users["delegate"])
    page = client.get(_home(world)).content.decode()
    assert "Trang của tôi" in page
    for staff_entry in ["Nhiệm vụ", "Kế hoạch", "Khóa API", "Tiểu ban"]:
        assert staff_entry not in page, staff_entry


def test_a_link_registered_by_another_app_shows_on_the_home_page(world, client):
    register_delegate_link(
        DelegateLink(url_name="delegate_area:home", label="Mục thử nghiệm", order=99)
    )
    try:
        client.force_login(world.users["delegate"])
        assert "Mục thử nghiệm" in client.get(_home(world)).content.decode()
    finally:
        unregister_delegate_link("delegate_area:home")


def test_the_home_page_reads_a_fixed_number_of_queries(
    world, client, django_assert_max_num_queries
):
    for _ in range(3):
        opening_session(world)
    client.force_login(world.users["delegate"])
    with django_assert_max_num_queries(12):
        assert client.get(_home(world)).status_code == 200
