"""Issuing offices: the Party or state layout is the issuer's own, so two issuers of one congress
print their symbols and headers each in their own form."""

import datetime as dt
import io

import pytest
from docx import Document as DocxDocument

from daihoi.core.audit import history_of
from daihoi.core.exceptions import BusinessError
from daihoi.documents import services as documents
from daihoi.documents.rendering import render_docx
from daihoi.organizations.models import Agency, AgencyAction, Congress
from daihoi.organizations.services.agencies import IssuerFields, issuer_save

ISSUED_ON = dt.date(2020, 10, 5)


def _issue(access, issuer, world):
    draft = documents.document_create(
        access=access,
        kind="TB",
        issuer=issuer,
        subject="Kết luận cuộc họp chuẩn bị Đại hội",
        body="Nội dung.",
        signer=world.chair,
        signer_title="Trưởng Tiểu ban",
    )
    return documents.document_issue(access=access, document=draft, issued_on=ISSUED_ON)


def _header(document) -> tuple[str, str]:
    docx = DocxDocument(io.BytesIO(render_docx(document)))
    left, right = docx.tables[0].rows[0].cells
    return left.text, right.text


@pytest.fixture
def state_issuer(world, secretariat_access) -> Agency:
    ubnd = Agency.objects.create(congress=world.congress, name="Ủy ban nhân dân tỉnh", code="UBND")
    return issuer_save(
        access=secretariat_access,
        fields=IssuerFields(
            name="Văn phòng UBND tỉnh",
            code="vp",
            layout=Congress.Rules.STATE,
            parent=ubnd,
        ),
    )


def test_a_party_issuer_and_a_state_issuer_of_one_congress_print_each_their_own_form(
    world, secretariat_access, state_issuer
):
    party_issuer = world.agencies["vptu"]
    assert party_issuer.layout == Congress.Rules.PARTY  # the congress's default
    party_doc = _issue(secretariat_access, party_issuer, world)
    state_doc = _issue(secretariat_access, state_issuer, world)
    assert party_doc.symbol == "01-TB/VPTU"
    assert state_doc.symbol == "01/TB-VP"
    party_left, party_right = _header(party_doc)
    state_left, state_right = _header(state_doc)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in party_right and "CỘNG HÒA" not in party_right
    assert "Số 01-TB/VPTU" in party_left and "*" in party_left
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in state_right
    assert "Độc lập - Tự do - Hạnh phúc" in state_right
    assert "ỦY BAN NHÂN DÂN TỈNH" in state_left and "VĂN PHÒNG UBND TỈNH" in state_left
    assert "Số: 01/TB-VP" in state_left


def test_changing_an_issuers_layout_changes_its_documents_not_the_others(world, secretariat_access):
    tu = world.agencies["btg"]
    issuer_save(
        access=secretariat_access,
        agency=tu,
        fields=IssuerFields(name=tu.name, code="BTGTU", layout=Congress.Rules.STATE),
    )
    assert _issue(secretariat_access, tu, world).symbol == "01/TB-BTGTU"
    assert _issue(secretariat_access, world.agencies["vptu"], world).symbol == "01-TB/VPTU"
    entry = history_of(tu)[0]
    assert entry.action == AgencyAction.ISSUER_SAVED
    assert [
        "Thể thức văn bản",
        "Văn bản Đảng (HD 36-HD/VPTW)",
        "Văn bản hành chính (NĐ 30/2020/NĐ-CP)",
    ] in entry.changes


def test_a_committee_issues_its_papers_under_its_own_header(world, secretariat_access):
    tinh_uy = Agency.objects.create(
        congress=world.congress, name="Đảng bộ tỉnh Kon Tum", code="ĐBT"
    )
    office = issuer_save(
        access=secretariat_access,
        fields=IssuerFields(
            name="Tiểu ban Tổ chức phục vụ Đại hội",
            code="TBPV",
            layout=Congress.Rules.PARTY,
            parent=tinh_uy,
            committee=world.committee,
        ),
    )
    world.committee.refresh_from_db()
    assert world.committee.issuing_office == office
    document = _issue(secretariat_access, office, world)
    left, _ = _header(document)
    assert "ĐẢNG BỘ TỈNH KON TUM" in left and "TIỂU BAN TỔ CHỨC PHỤC VỤ ĐẠI HỘI" in left
    assert document.symbol == "01-TB/TBPV"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"code": ""}, "phải có ký hiệu"),
        ({"code": "vptu"}, "đã là của Văn phòng Tỉnh ủy"),
        ({"name": "van phong tinh uy"}, "Đã có cơ quan, đơn vị"),
    ],
)
def test_an_issuer_needs_its_own_code_and_name(world, secretariat_access, fields, message):
    values = {"name": "Ban Dân vận Tỉnh ủy", "code": "BDVTU", "layout": Congress.Rules.PARTY}
    with pytest.raises(BusinessError, match=message):
        issuer_save(access=secretariat_access, fields=IssuerFields(**(values | fields)))
    assert not Agency.objects.filter(name="Ban Dân vận Tỉnh ủy").exists()


def test_a_committee_already_issuing_under_one_office_cannot_have_a_second(
    world, secretariat_access
):
    values = {"layout": Congress.Rules.PARTY, "committee": world.committee}
    issuer_save(
        access=secretariat_access, fields=IssuerFields(name="Tiểu ban A", code="TBA", **values)
    )
    with pytest.raises(BusinessError, match="đã ban hành văn bản"):
        issuer_save(
            access=secretariat_access, fields=IssuerFields(name="Tiểu ban B", code="TBB", **values)
        )


def test_the_document_form_offers_only_issuing_offices(world, client):
    client.force_login(world.users["secretariat"])
    response = client.get(f"/dai-hoi/{world.congress.pk}/van-ban/them/")
    offered = list(response.context["form"].fields["issuer"].queryset)
    assert world.agencies["vptu"] in offered and world.agencies["stc"] not in offered


def test_the_issuer_pages_create_and_list_an_issuer(world, client):
    client.force_login(world.users["secretariat"])
    base = f"/dai-hoi/{world.congress.pk}/thiet-lap/co-quan-ban-hanh/"
    response = client.post(
        base + "them/", {"name": "Văn phòng UBND tỉnh", "code": "VP", "layout": "state"}
    )
    assert response.status_code == 302
    page = client.get(base).content.decode()
    assert "Văn phòng UBND tỉnh" in page and "Văn bản hành chính" in page
    issuer = Agency.objects.get(name="Văn phòng UBND tỉnh")
    assert issuer.is_issuer and issuer.layout == "state"
