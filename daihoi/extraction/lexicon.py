"""Word lists of Vietnamese administrative language.

Everything is written in lower case and split on spaces into syllable tuples; matching is
done on lower-cased tokens. The lists describe the language of meeting reports and
conclusion notices in general (agency heads, verbs of assignment, titles), not any one text.
"""

from __future__ import annotations


def phrases(*items: str) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(item.lower().split()) for item in items)


# Heads of named agencies that must be capitalised in the text ("Sở Tài chính", "Công an tỉnh").
# Each may stand alone ("Tiểu ban") or be followed by a name.
FREE_HEADS = phrases(
    "Sở", "Văn phòng", "Ủy ban", "Uỷ ban", "Ủy ban nhân dân", "Uỷ ban nhân dân", "UBND",
    "HĐND", "Hội đồng nhân dân", "Hội đồng", "UBMTTQ", "Ủy ban MTTQ", "Ủy ban Mặt trận",
    "Mặt trận", "MTTQ", "Ủy ban Kiểm tra", "Ủy ban kiểm tra", "UBKT", "Công an",
    "Bộ Chỉ huy", "Bộ Chỉ huy quân sự", "Bộ CHQS", "BCHQS", "Bộ Tư lệnh", "Bộ đội Biên phòng",
    "Bộ Chỉ huy Bộ đội Biên phòng", "Tiểu ban", "Ban Chỉ đạo", "Ban chỉ đạo", "Ban Tổ chức",
    "Ban tổ chức", "Ban Thường vụ", "Ban Chấp hành", "Ban cán sự", "Ban cán sự đảng",
    "Ban Cán sự", "Đảng đoàn", "Tỉnh đoàn", "Thành đoàn", "Huyện đoàn", "Tỉnh Đoàn",
    "Thành Đoàn", "Đoàn thanh niên", "Đoàn Thanh niên", "Đoàn TNCS", "Đảng ủy", "Đảng uỷ",
    "Huyện ủy", "Thành ủy", "Tỉnh ủy", "Quận ủy", "Thị ủy", "Huyện uỷ", "Thành uỷ", "Tỉnh uỷ",
    "Liên đoàn", "Liên đoàn Lao động", "Liên minh", "Liên minh Hợp tác xã", "Cục", "Chi cục",
    "Tổng cục", "Kho bạc", "Kho bạc Nhà nước", "Ngân hàng", "Bưu điện", "Điện lực",
    "Công ty", "Tổng công ty", "Trung tâm", "Viện", "Học viện", "Thanh tra", "Hội đồng",
    "Thường trực", "Quân khu", "Bảo hiểm xã hội", "Cảnh sát", "Đảng bộ", "Chi bộ",
    "Tổ giúp việc", "Tổ biên tập", "Tổ công tác", "Tổ thư ký", "Tổ thư kí", "Bộ phận giúp việc",
    "Cơ quan thường trực", "Cơ quan Thường trực", "Bệnh viện", "Tòa án", "Viện Kiểm sát",
    "Hội Liên hiệp Phụ nữ", "Hội Cựu chiến binh", "Hội Nông dân", "Hội Chữ thập đỏ",
    "Đài Phát thanh", "Đài Truyền hình", "Đài Phát thanh và Truyền hình", "Thông tấn xã",
    "Cổng thông tin", "Cổng Thông tin", "Cổng thông tin điện tử", "Trang thông tin điện tử",
    "Ban Quản lý", "Ban quản lý",
)

# Lower-case domain words that continue an official name ("Sở Giao thông vận tải",
# "Sở Nông nghiệp và Phát triển nông thôn"); they are nouns, never the start of a task.
DOMAIN_WORDS = phrases(
    "vận tải", "nông thôn", "xã hội", "đào tạo", "công nghệ", "môi trường", "truyền thông",
    "đầu tư", "du lịch", "thể thao", "thương binh", "hợp tác", "đối ngoại", "kiểm sát",
    "nhân dân", "quân sự", "biên phòng", "phát thanh", "truyền hình", "điện tử",
    "gia đình", "trẻ em", "dân tộc", "tôn giáo", "khoa học", "kỹ thuật", "hành chính",
    "công cộng", "đô thị", "nhà nước", "phụ nữ", "cựu chiến binh", "nông dân", "thanh niên",
    "nội vụ", "tư pháp",
)

# Heads that are agencies only when a capitalised name follows ("Ban Tuyên giáo", "Báo Nhân
# Dân", "Bộ Quốc phòng"); the same word followed by a lower-case syllable is usually a verb or
# a common noun ("Báo cáo", "Tổ chức", "Hội nghị", "Ban hành").
NAMED_HEADS = phrases(
    "Ban", "Bộ", "Báo", "Đài", "Hội", "Đoàn", "Phòng", "Trường", "Tổ", "Cơ quan", "Nhà",
    "Khối", "Vụ", "Trạm",
)

# Agency heads that are written in lower case inside a sentence.
LOWER_HEADS = phrases(
    "tổ giúp việc", "bộ phận giúp việc", "tổ biên tập", "tổ công tác", "tổ thư ký", "tổ thư kí",
    "cơ quan thường trực", "cơ quan Thường trực", "ban tổ chức", "thường trực tiểu ban",
    "cơ quan chủ trì", "cơ quan tham mưu", "cơ quan giúp việc",
)

# Words that start a generic addressee ("các sở, ban, ngành", "từng thành viên").
STARTERS = phrases("các", "những", "từng", "mỗi", "tất cả các", "toàn thể các", "toàn thể", "các các")

# Nouns of generic addressees.
GENERIC_NOUNS = phrases(
    "sở", "ban", "ngành", "cơ quan", "đơn vị", "địa phương", "thành viên", "bộ phận", "khối",
    "khối ngành", "quận", "huyện", "thị xã", "xã", "phường", "thị trấn", "tổ chức", "đoàn thể",
    "lực lượng", "doanh nghiệp", "trường", "tiểu ban", "cấp ủy", "cấp uỷ", "chi bộ", "đảng bộ",
    "ủy ban", "hội", "bộ", "tổng công ty", "công ty", "lĩnh vực", "cơ quan báo chí",
    "cơ quan thông tấn", "tổ biên tập", "tổ giúp việc", "tổ công tác", "tổ", "ban ngành",
    "sở ngành", "đảng ủy", "huyện ủy", "thành ủy", "tỉnh ủy", "chi hội", "cơ quan chức năng",
    "cơ quan chuyên môn", "nhà trường", "bệnh viện", "trung tâm", "phòng", "ban đảng",
    "cấp", "ngành chức năng", "đài", "báo", "tòa soạn", "cơ sở", "bộ ngành", "mặt trận",
    "hội đoàn thể", "tỉnh", "thành phố", "cơ quan đơn vị",
)

# Lower-case qualifiers that may follow a generic noun and belong to the addressee.
GENERIC_QUALIFIERS = phrases(
    "liên quan", "có liên quan", "khác", "trực thuộc", "báo chí", "chức năng", "chuyên môn",
    "giúp việc", "biên tập", "cấp tỉnh", "cấp huyện", "cấp xã", "cấp thành phố", "các cấp",
    "tỉnh", "thành phố", "huyện", "trung ương", "được phân công", "được giao", "thành viên",
    "đoàn thể", "chính trị - xã hội", "chính trị-xã hội", "được giao nhiệm vụ",
    "được phân công nhiệm vụ",
    "thuộc tỉnh", "thuộc thành phố", "của tỉnh", "của thành phố", "của huyện", "trong tỉnh",
    "trên địa bàn", "trên địa bàn tỉnh", "trên địa bàn thành phố", "trên địa bàn huyện",
    "đầu mối", "thường trực", "tiểu ban", "ban chỉ đạo", "ban tổ chức", "ban biên tập",
)

# Place words that continue a named agency ("Công an tỉnh", "Văn phòng UBND thành phố").
LOC_WORDS = phrases(
    "tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "trung ương",
    "tp", "tp.", "khu vực", "cấp tỉnh", "cấp huyện", "cấp xã", "các cấp", "thủ đô",
)

# Nouns of places after "UBND các …" ("UBND các huyện, thành phố").
LOC_NOUNS = phrases("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn")

# Verbs that hand a task to the agency that follows them.
DIRECTIVES = phrases(
    "yêu cầu", "đề nghị", "lưu ý", "giao", "giao cho", "chỉ đạo", "nhắc nhở", "chọn",
    "giao nhiệm vụ cho", "giao trách nhiệm cho", "phân công", "phân công cho",
    "phân công nhiệm vụ cho", "phân công nhiệm vụ cụ thể cho", "giao nhiệm vụ cụ thể cho",
    "đề nghị với", "yêu cầu đối với", "đôn đốc", "quán triệt",
)
# Of those, the ones a chair uses; "giao" and "chọn" are also said of agencies.
SPEAKER_DIRECTIVES = phrases("yêu cầu", "đề nghị", "lưu ý", "chỉ đạo", "nhắc nhở")

# Words that, just before a directive, make it a noun or a passive ("theo yêu cầu",
# "được giao", "nhiệm vụ được giao").
DIRECTIVE_BLOCKERS = frozenset(
    {"theo", "được", "đáp", "ứng", "của", "các", "những", "là", "đã", "bị", "với", "mọi",
     "nhiều", "số", "nhận", "đúng"}
)

# Modal words and adverbs of obligation that open a predicate.
MODALS = phrases(
    "cần", "phải", "cần phải", "có trách nhiệm", "có nhiệm vụ", "chịu trách nhiệm", "chủ trì",
    "chủ động", "khẩn trương", "tập trung", "tiếp tục", "tăng cường", "kịp thời", "sớm",
    "được giao", "nghiêm túc", "tích cực", "nhanh chóng", "quyết liệt", "khẩn cấp", "cần sớm",
    "có chức năng", "phối hợp", "ưu tiên",
)

# Verbs that open a task ("xây dựng kế hoạch …", "rà soát …"); used to recognise a clause or
# sentence without subject that continues the previous directive.
TASK_VERBS = phrases(
    "xây dựng", "triển khai", "chuẩn bị", "tổ chức", "thực hiện", "hoàn thiện", "hoàn thành",
    "hoàn tất", "hoàn chỉnh", "rà soát", "tập trung", "tăng cường", "đẩy mạnh", "chỉ đạo",
    "hướng dẫn", "kiểm tra", "bố trí", "phân công", "đăng tải", "tuyên truyền", "thẩm định",
    "giải quyết", "kịp thời", "chủ động", "sớm", "khẩn trương", "phối hợp", "tham mưu",
    "đề xuất", "xin ý kiến", "báo cáo", "bảo đảm", "đảm bảo", "trang trí", "treo", "vận động",
    "quán triệt", "lựa chọn", "ban hành", "cử", "gửi", "tiếp tục", "tiếp thu", "nghiên cứu",
    "bám sát", "duy trì", "giữ", "phát huy", "nâng cao", "cung cấp", "cập nhật", "theo dõi",
    "đôn đốc", "tổng hợp", "biên tập", "chỉnh sửa", "thông tin", "quản lý", "phát hiện",
    "ngăn chặn", "nêu cao", "làm tốt", "khắc phục", "xử lý", "tham gia", "trình", "dự thảo",
    "soạn thảo", "in ấn", "phát hành", "lập", "thiết kế", "sửa chữa", "nâng cấp", "chỉnh trang",
    "dọn dẹp", "vệ sinh", "bổ sung", "điều chỉnh", "sắp xếp", "phân bổ", "cân đối", "dự trù",
    "thành lập", "kiện toàn", "đón", "tiếp đón", "phục vụ", "tích cực", "quyết liệt",
    "nhanh chóng", "cần", "phải", "tăng", "mở", "đưa", "thẩm tra", "giám sát", "phổ biến",
    "hoàn thiện", "góp ý", "tiếp nhận", "trao đổi", "thống nhất", "cụ thể hóa", "cụ thể hoá",
    "lồng ghép", "chăm lo", "huy động", "rà soát lại", "đánh giá", "tổng kết", "sơ kết",
    "đóng góp", "định hướng", "thường xuyên", "nắm chắc", "nắm bắt", "bảo vệ", "canh gác",
    "ứng trực", "trực", "đăng", "phát sóng", "mở chuyên mục", "phát động", "lấy ý kiến",
)

# Predicates that say a subject is not being given a task: completed work, reports at the
# meeting, praise, the meeting itself.
NON_TASK_PREDICATES = phrases(
    "đã", "vừa", "mới", "chưa", "không", "là", "gồm", "gồm có", "do", "sẽ do", "đang",
    "báo cáo", "đánh giá", "phát biểu", "cho biết", "nhấn mạnh", "khẳng định", "trình bày",
    "tham dự", "dự", "thông qua", "nghe", "thảo luận", "góp ý", "đóng góp", "đề xuất",
    "kiến nghị", "ghi nhận", "biểu dương", "chúc mừng", "trao", "tặng", "họp", "tiến hành họp",
    "cho rằng", "nêu", "trao đổi", "thông báo", "truyền đạt", "tổ chức họp",
    "tổ chức cuộc họp", "tổ chức phiên họp", "tổ chức hội nghị", "tổ chức buổi", "làm việc",
    "có buổi", "đạt", "nhận", "đón nhận", "tiếp khách", "phát hành thông báo", "ban hành thông báo",
    "có văn bản", "có thông báo", "chủ trì cuộc họp", "chủ trì hội nghị", "chủ trì phiên họp",
    "chủ trì buổi", "chủ trì họp", "đề nghị", "yêu cầu", "kết luận", "đồng chủ trì",
    "ban hành văn bản", "ban hành kết luận", "vẫn", "còn", "bị", "từng", "xin", "mong",
)

# Connectors at the start of a clause that do not change who is addressed.
CLAUSE_CONNECTORS = phrases(
    "đồng thời", "bên cạnh đó", "ngoài ra", "trong đó", "đặc biệt", "đặc biệt là",
    "trước hết", "trước mắt", "sau đó", "tiếp đó", "mặt khác", "cùng với đó", "cùng đó",
    "theo đó", "cụ thể", "cụ thể là", "và", "nhất là", "hơn nữa", "song song", "song song đó",
    "đồng thời phải", "đồng thời cần", "trong thời gian tới", "thời gian tới",
)

# Words that open an adverbial phrase before the subject ("Sau khi …, các cơ quan …").
FRAMING_WORDS = phrases(
    "trong", "tại", "về", "đối với", "sau khi", "trên cơ sở", "theo", "đồng thời", "bên cạnh",
    "ngoài ra", "mặt khác", "cụ thể", "trước hết", "trước mắt", "trước đó", "hiện nay",
    "từ nay", "chậm nhất", "trước ngày", "đến ngày", "để", "nhằm", "qua", "thực hiện",
    "căn cứ", "kết luận", "phát biểu", "nhấn mạnh", "với", "do", "vì", "nếu", "khi", "riêng",
    "đặc biệt", "trong đó", "quá trình", "ngày", "sáng", "chiều", "tối", "hôm", "trưa",
    "cùng với", "nhân dịp", "tiếp theo", "sau đó", "hằng", "định kỳ", "hàng", "muộn nhất",
    "trước", "đến", "từ", "thời gian tới", "trong thời gian tới", "để chuẩn bị", "nhìn chung",
    "kể từ", "như vậy", "vì vậy", "do đó", "bởi vậy", "vì thế", "cho nên", "đến nay",
    "tuy nhiên", "ngoài", "bên cạnh đó", "cũng tại", "theo kế hoạch",
)

# Phrases at the start of a subjectless sentence that may open a continuation.
TITLE_HEADS = phrases(
    "ủy viên", "uỷ viên", "phó", "bí thư", "chủ tịch", "trưởng", "giám đốc", "thường trực",
    "bộ trưởng", "thứ trưởng", "chánh", "tổng", "chủ nhiệm", "thủ tướng", "viện trưởng",
    "hiệu trưởng", "tư lệnh", "chính ủy", "chính uỷ", "đại biểu quốc hội", "đại tá",
    "thiếu tướng", "trung tướng", "thượng tướng", "đại tướng", "cục trưởng", "vụ trưởng",
    "thủ trưởng", "trợ lý", "người phát ngôn", "ủy viên dự khuyết", "phó trưởng",
    "tổng bí thư", "chủ tịch nước", "tổng biên tập", "phó tổng", "phó giám đốc", "trưởng ban",
    "phó trưởng ban", "chỉ huy trưởng", "giám đốc sở", "thượng tá", "trung tá", "thiếu tá",
)

# Vietnamese family names, to tell a person's name from the title before it.
FAMILY_NAMES = frozenset(
    ["nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ", "ngô", "dương", "lý", "đào", "đoàn", "vương", "trịnh", "trương", "lâm", "phùng", "mai", "tô", "hà", "tạ", "cao", "đinh", "lương", "lưu", "châu", "quách", "thái", "kiều", "hứa", "triệu", "tăng", "chu", "la", "nông", "lò", "hầu", "giàng", "điểu", "thạch", "sơn", "danh", "lục", "khổng", "ninh", "mạc", "đàm", "tôn", "vi", "bế", "thân", "doãn", "kim", "âu", "lạc", "nghiêm", "ông", "quan", "từ", "viên", "ứng", "cù", "chế", "lã", "lữ", "mạch", "khúc", "đồng", "hàn", "phí", "tiêu", "bạch", "yên", "lại", "giang", "diệp", "kha", "ma", "mông", "văn", "y", "h'", "ksor", "rơ", "siu", "rmah", "nay", "đinh", "lầu", "sùng", "vàng", "thào", "hờ", "mùa", "cầm", "lường", "quàng", "tòng", "hoàng", "vy"]
)

# Place names that begin like a family name and must not be read as a person.
PLACE_NAMES = phrases(
    "Hà Nội", "Hà Giang", "Hà Tĩnh", "Hà Nam", "Cao Bằng", "Lâm Đồng", "Thái Nguyên",
    "Thái Bình", "Đồng Nai", "Đồng Tháp", "Hồ Chí Minh", "Hà Đông", "Sơn La", "Vĩnh Long",
    "Châu Đốc", "Đồng Hới", "Đồng Xoài", "Hà Tiên", "Lạng Sơn", "Kiên Giang", "Hậu Giang",
    "Tiền Giang", "An Giang", "Bắc Giang", "Trà Vinh", "Phan Thiết", "Hồng Bàng", "Ninh Bình",
    "Ninh Thuận", "Bình Định", "Quảng Ninh", "Tây Ninh", "Đồng Nai", "Hải Dương", "Kon Tum",
    "Việt Nam", "Trung Ương", "Mặt Trận", "Ban Chấp", "Hồ Gươm", "Văn Miếu",
)
