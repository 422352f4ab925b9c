"""Letterhead and signature material: names of signers, index phrases, title forms."""

from __future__ import annotations

import random

SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
            "Dương", "Lý", "Phan", "Trịnh", "Đinh", "Lương", "Mai")  # fmt: skip
MIDDLES = ("Văn", "Thị", "Minh", "Đức", "Hữu", "Quang", "Thanh", "Ngọc", "Xuân", "Đình", "Thế",
           "Anh", "Kim", "Hoài")  # fmt: skip
GIVEN = (
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Hải",
    "Hùng",
    "Lâm",
    "Long",
    "Nam",
    "Phương",
    "Quân",
    "Sơn",
    "Thắng",
    "Tuấn",
    "Việt",
    "Hòa",
    "Hương",
    "Lan",
    "Khánh",
    "Thủy",
    "Trung",
    "Vinh",
)
INDEX_PHRASES = {
    "ict": "mức độ ứng dụng công nghệ thông tin",
    "dti": "Chỉ số chuyển đổi số (DTI)",
    "par": "Chỉ số cải cách hành chính",
    "egov": "mức độ phát triển chính quyền điện tử",
}
TITLE_FORMS = (
    "Về việc công bố kết quả đánh giá, xếp hạng {phrase} năm {year} của {scope}",
    "Công bố {phrase} năm {year} của {scope}",
    "Phê duyệt kết quả xác định {phrase} năm {year} của {scope}",
    "Về việc công bố {phrase} năm {year} của {scope}",
    "Ban hành kết quả đánh giá {phrase} năm {year} đối với {scope}",
)
GROUP_HEADINGS = (
    ("I", "Các sở, ban, ngành tỉnh"),
    ("I", "Khối sở, ban, ngành"),
    ("I", "Các cơ quan chuyên môn thuộc UBND tỉnh"),
    ("A", "Khối cơ quan cấp tỉnh"),
)
DISTRICT_HEADINGS = (
    ("II", "UBND các huyện, thị xã, thành phố"),
    ("II", "Khối huyện, thị xã, thành phố"),
    ("II", "Các địa phương cấp huyện"),
    ("B", "Khối UBND cấp huyện"),
)


def person(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLES)} {rng.choice(GIVEN)}"


def signer_block(kind: str, rng: random.Random) -> tuple[str, ...]:
    """The signer's title lines: "KT. CHỦ TỊCH" over "PHÓ CHỦ TỊCH", "BỘ TRƯỞNG" …"""
    if kind == "ministry":
        return rng.choice((("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"), ("BỘ TRƯỞNG",)))
    return rng.choice(
        (
            ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
            ("CHỦ TỊCH",),
            ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
            ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
        )
    )


def place_date(place: str, day: int, month: int, year: int, rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"{place}, ngày {day:02d} tháng {month:02d} năm {year}"
    return f"{place}, ngày {day} tháng {month} năm {year}"
