"""Header wording drawn from wide pools: the usual words, synonyms, abbreviations, English,
misspellings and words no reader has seen; sometimes over two printed lines.

A label is a tuple of printed lines. Pools are per role; component labels per index.
"""

from __future__ import annotations

import random

Label = tuple[str, ...]

ROW_NUMBER = ("STT", "TT", "Stt", "Số TT", "Số thứ tự", "S.T.T", "No.", "#", "Thứ tự", "Mục",
              "Số hiệu", "STT.", "Sô TT")  # fmt: skip
AGENCY = {
    "province_agency": ("Tên đơn vị", "Đơn vị", "Cơ quan, đơn vị", "Tên cơ quan", "Agency",
                        "Sở, ban, ngành", "Tên đon vị", "Đối tượng đánh giá", "Khối cơ quan",
                        "Cơ quan chuyên môn", "Unit"),
    "district": ("Đơn vị", "Huyện, thị xã, thành phố", "Địa phương", "Tên đơn vị", "District",
                 "UBND cấp huyện", "Đơn vị hành chính", "Huyên, thị xã", "Địa bàn"),
    "commune": ("Xã, phường, thị trấn", "Đơn vị", "Tên xã", "Commune", "UBND cấp xã",
                "Tên đơn vị", "Địa phương", "Xã/thị trấn"),
    "province": ("Tỉnh, thành phố trực thuộc Trung ương", "Tỉnh/thành phố", "Địa phương",
                 "Province", "Tỉnh, TP", "Tên tỉnh", "Đơn vị", "Tỉnh thành"),
    "ministry": ("Bộ, cơ quan ngang bộ", "Cơ quan", "Bộ, ngành", "Ministry", "Tên bộ, ngành",
                 "Đơn vị", "Cơ quan trung ương"),
}  # fmt: skip
TOTAL = ("Tổng điểm", "Tổng", "Điểm đạt", "Tổng điểm đạt được", "Chỉ số", "Điểm ĐTXHH",
         "Total", "Score", "Điểm tổng hợp", "Kết quả", "Giá trị chỉ số", "Tông điểm", "Điểm số",
         "Điểm xếp mục", "Chỉ số tổng hợp", "Điểm đánh giá", "Overall", "Tổng cộng điểm",
         "Điểm thẩm định tổng")  # fmt: skip
INDEX_TOTAL = {"ict": ("ICT Index", "Chỉ số ICT", "Chỉ số sẵn sàng"), "dti": ("Chỉ số DTI",
               "DTI", "Điểm DTI"), "par": ("Chỉ số CCHC", "PAR INDEX", "Chỉ số PAR"),
               "egov": ("Điểm CQĐT", "Mức độ CQĐT")}  # fmt: skip
RANK = ("Xếp hạng", "Hạng", "Thứ hạng", "Vị trí", "Rank", "Thứ tự xếp hạng", "XH", "Xêp hạng",
        "Ranking", "Thứ bậc", "Hạng năm", "Vị thứ")  # fmt: skip
BAND = ("Xếp loại", "Mức độ", "Phân loại", "Đánh giá", "Mức xếp loại", "Level", "Kết quả xếp loại",
        "Xêp loại", "Nhóm", "Mức")  # fmt: skip
ROW_MAX = ("Điểm tối đa", "Điểm chuẩn", "Tổng điểm tối đa", "Max", "Điểm tối đa được đánh giá",
           "Thang điểm", "Điểm trần")  # fmt: skip
PERCENT = ("Tỷ lệ (%)", "Chỉ số (%)", "Tỷ lệ đạt", "%", "Tỉ lệ %", "Percent", "Chỉ số đạt (%)",
           "Tỷ lệ điểm")  # fmt: skip
RANK_TOTAL = ("Xếp hạng (Chỉ số)", "Thứ hạng (điểm)", "Kết quả", "Vị trí (giá trị)",
              "Hạng (điểm số)", "Xếp hạng (điểm)")  # fmt: skip
GROUP = ("Điểm thành phần", "Chỉ số thành phần", "Các lĩnh vực", "Điểm các tiêu chí",
         "Điểm thành phần (điểm tối đa)", "Kết quả theo trụ cột", "Nội dung đánh giá",
         "Component scores", "Điểm từng phần")  # fmt: skip
COMPONENTS = {
    "ict": ("Hạ tầng kỹ thuật", "Ứng dụng CNTT", "Nhân lực CNTT", "Môi trường chính sách",
            "Dịch vụ công trực tuyến", "Trang thông tin điện tử", "An toàn thông tin",
            "Ứng dụng nội bộ", "Hạ tầng CNTT", "Infrastructure", "Nguồn nhân lực",
            "Đầu tư cho CNTT"),
    "dti": ("Chính quyền số", "Kinh tế số", "Xã hội số", "Nhận thức số", "Thể chế số",
            "Hạ tầng số", "Nhân lực số", "An toàn thông tin mạng", "Hoạt động chính quyền số",
            "Digital government", "Dữ liệu số", "Nền tảng số"),
    "par": ("Công tác chỉ đạo, điều hành", "Văn bản QPPL", "Cải cách TTHC",
            "Cải cách tổ chức bộ máy", "Cải cách chế độ công vụ", "Cải cách tài chính công",
            "Hiện đại hóa hành chính", "Điểm thẩm định", "Điểm điều tra XHH",
            "Tác động của CCHC", "Chỉ đạo điều hành", "Thể chế"),
    "egov": ("Hạ tầng", "Dịch vụ công", "Cổng thông tin", "Ứng dụng nội bộ", "Chữ ký số",
             "Một cửa điện tử", "Kết nối liên thông", "Dữ liệu mở", "Thanh toán trực tuyến",
             "Hệ thống QLVB", "Họp trực tuyến", "Nhân lực"),
}  # fmt: skip
GENERIC = ("Tiêu chí {n}", "TC{n}", "Chỉ số thành phần {n}", "C{n}", "Lĩnh vực {n}",
           "Nội dung {n}", "Pillar {n}", "Trụ cột {n}", "Tiêu chí số {n}", "Mục {n}")  # fmt: skip


def wrapped(text: str, rng: random.Random) -> Label:
    """The label on one line, or broken over two at a word boundary."""
    words = text.split()
    if len(words) < 2 or rng.random() < 0.6:
        return (text,)
    cut = rng.randint(1, len(words) - 1)
    return (" ".join(words[:cut]), " ".join(words[cut:]))


def pick(pool: tuple[str, ...], rng: random.Random) -> Label:
    return wrapped(rng.choice(pool), rng)


def component_labels(index: str, count: int, rng: random.Random) -> list[str]:
    """count distinct labels: from the index's pool, or numbered generic ones."""
    if rng.random() < 0.35:
        form = rng.choice(GENERIC)
        return [form.format(n=n) for n in range(1, count + 1)]
    return rng.sample(COMPONENTS[index], count)


def total_label(index: str, rng: random.Random) -> Label:
    pool = TOTAL + INDEX_TOTAL[index] if index in INDEX_TOTAL else TOTAL
    return pick(pool, rng)
