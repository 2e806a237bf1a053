from daihoi.consultation.sections import split_sections

from .helpers import RULE_BODY

PLAN = """Thực hiện Kế hoạch số 06-KH/TU, Ban Thường vụ Tỉnh ủy ban hành kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Tuyên truyền sâu rộng về Đại hội.
2. Bảo đảm an toàn, tiết kiệm.
II. NỘI DUNG
1. Trang trí khánh tiết tại hội trường.
III. TỔ CHỨC THỰC HIỆN
Các cơ quan, đơn vị triển khai thực hiện."""


def test_a_working_rule_is_split_by_its_articles_and_keeps_its_clauses_inside():
    sections = split_sections(RULE_BODY)
    assert [s.label for s in sections] == ["Điều 1", "Điều 2", "Điều 3"]
    assert sections[1].heading == "Nguyên tắc làm việc"
    assert "2. Trưởng Tiểu ban phân công" in sections[1].text


def test_a_plan_is_split_by_its_roman_parts_and_the_numbered_items_under_them():
    labels = [s.label for s in split_sections(PLAN)]
    assert labels == ["I", "I.1", "I.2", "II", "II.1", "III"]


def test_text_before_the_first_heading_belongs_to_no_section_and_plain_text_has_none():
    assert split_sections(PLAN)[0].text.startswith("I. MỤC ĐÍCH")
    assert split_sections("Một đoạn văn không có mục nào.") == []


def test_a_numbered_list_without_parts_is_split_by_its_numbers():
    sections = split_sections("1. Thứ nhất\nnội dung\n2) Thứ hai")
    assert [(s.label, s.heading) for s in sections] == [("1", "Thứ nhất"), ("2", "Thứ hai")]
