"""Matching printed agency names to registry ids (issue 4)."""

from __future__ import annotations

import csv
import importlib.util
from datetime import date
from pathlib import Path

import pytest

from pipeline.match import (
    REVIEW_COLUMNS,
    ReviewItem,
    candidates,
    component_key,
    infer_level,
    light_key,
    match_names,
    review_rows,
)
from pipeline.registry import Registry, load_registry

CONFIDENT = ("exact", "alias", "fuzzy")
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


def ids(names: list[str], registry: Registry, **context: object) -> list[str | None]:
    """Agency ids of confident matches, None otherwise."""
    found = match_names(names, registry, **context)  # type: ignore[arg-type]
    return [m.agency_id if m.status in CONFIDENT else None for m in found]


LAO_CAI_2016_AGENCIES = {
    "Sở Thông tin và Truyền thông": "so-thong-tin-va-truyen-thong",
    "Sở Tài chính": "so-tai-chinh",
    "Văn phòng UBND tỉnh": "van-phong-ubnd",
    "Sở Văn hóa, Thể thao và Du lịch": "so-van-hoa-the-thao-va-du-lich",
    "Sở Nội vụ": "so-noi-vu",
    "Sở Tài nguyên và Môi trường": "so-tai-nguyen-va-moi-truong",
    "Văn phòng HĐND tỉnh": "van-phong-hdnd",
    "Sở Kế hoạch và Đầu tư": "so-ke-hoach-va-dau-tu",
    "Sở Khoa học - Công nghệ": "so-khoa-hoc-va-cong-nghe",
    "Sở Công thương": "so-cong-thuong",
    "Sở Giáo dục và Đào tạo": "so-giao-duc-va-dao-tao",
    "Sở Nông nghiệp và PTNT": "so-nong-nghiep-va-phat-trien-nong-thon",
    "Sở Xây dựng": "so-xay-dung",
    "Thanh tra tỉnh": "thanh-tra",
    "Ban Dân tộc": "ban-dan-toc",
    "Sở Tư pháp": "so-tu-phap",
    "Sở Lao động - TBXH": "so-lao-dong-thuong-binh-va-xa-hoi",
    "Sở Giao thông Vận tải": "so-giao-thong-van-tai",
    "Ban Quản lý khu kinh tế Lào Cai": "ban-quan-ly-khu-kinh-te",
    "Sở Ngoại vụ": "so-ngoai-vu",
    "Sở Y tế": "so-y-te",
}
LAO_CAI_2016_DISTRICTS = {
    "Huyện Sa Pa": "d088",
    "TP Lào Cai": "d080",
    "Huyện Bảo Yên": "d087",
    "Huyện Si Ma Cai": "d084",
    "Huyện Bảo Thắng": "d086",
    "Huyện Bát Xát": "d082",
    "Huyện Văn Bàn": "d089",
    "Huyện Bắc Hà": "d085",
    "Huyện Mường Khương": "d083",
}
DAK_LAK_2017_DISTRICTS = {
    "UBND Thành phố Buôn Ma Thuột": "d643",
    "UBND huyện Ea H' Leo": "d645",
    "UBND huyện Krông Bông": "d653",
    "UBND Thị xã Buôn Hồ": "d644",
    "UBND huyện Krông Năng": "d650",
    "UBND huyện Ea Kar": "d651",
    "UBND huyện Krông Buk": "d649",
    "UBND huyện Cư M'gar": "d648",
    "UBND huyện Krông Ana": "d655",
    "UBND huyện Cư Kuin": "d657",
    "UBND huyện Buôn Đôn": "d647",
    "UBND huyện Krông Pắc": "d654",
    "UBND huyện Lắk": "d656",
    "UBND huyện M'Đrắk": "d652",
    "UBND huyện Ea Súp": "d646",
}
DAK_LAK_2017_AGENCIES = [
    "Sở Tài chính",
    "Sở Y tế",
    "Sở Tư pháp",
    "Sở Thông tin và Truyền thông",
    "Sở Nội vụ",
    "Sở Nông nghiệp và PTNT",
    "Sở Lao động - Thương binh và Xã hội",
    "Văn phòng UBND tỉnh",
    "Sở Xây dựng",
    "Sở Kế hoạch và Đầu tư",
    "Sở Khoa học và Công nghệ",
    "Sở Giáo dục và Đào tạo",
    "Thanh tra tỉnh",
    "Sở Ngoại vụ",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Giao thông vận tải",
    "Sở Công Thương",
    "Sở Tài nguyên và Môi trường",
    "Ban Dân tộc",
]


def test_lao_cai_2016_agencies(registry: Registry) -> None:
    names = list(LAO_CAI_2016_AGENCIES)
    found = ids(names, registry, province="Lào Cai", level="province_agency", year=2016)
    assert found == [f"p10.{slug}" for slug in LAO_CAI_2016_AGENCIES.values()]


def test_lao_cai_2016_districts(registry: Registry) -> None:
    found = match_names(
        list(LAO_CAI_2016_DISTRICTS), registry, province="Lào Cai", level="district", year=2016
    )
    assert [m.agency_id for m in found] == list(LAO_CAI_2016_DISTRICTS.values())
    assert found[0].admin_code == "088"


def test_dak_lak_2017(registry: Registry) -> None:
    found = ids(
        list(DAK_LAK_2017_DISTRICTS), registry, province="Đắk Lắk", level="district", year=2017
    )
    assert found == list(DAK_LAK_2017_DISTRICTS.values())
    agencies = ids(DAK_LAK_2017_AGENCIES, registry, province="Đắk Lắk", level=None, year=2017)
    assert all(a is not None and a.startswith("p66.") for a in agencies)
    assert len(set(agencies)) == len(agencies)


def test_national_park_is_no_standard_agency(registry: Registry) -> None:
    found = match_names(
        ["Vườn Quốc gia Hoàng Liên"],
        registry,
        province="Lào Cai",
        level="province_agency",
        year=2016,
    )[0]
    assert found.status not in CONFIDENT


def test_overlay_adds_a_province_specific_unit(tmp_path: Path) -> None:
    overlay = tmp_path / "overlay.csv"
    overlay.write_text(
        "id,name,level,province_id,aliases\n"
        "p10.vuon-quoc-gia-hoang-lien,Vườn Quốc gia Hoàng Liên,province_agency,p10,"
        "VQG Hoàng Liên\n",
        encoding="utf-8",
    )
    registry = load_registry(overlay=overlay)
    found = match_names(
        ["Vườn Quốc gia Hoàng Liên", "VQG Hoàng Liên"],
        registry,
        province="Lao Cai",
        level="province_agency",
        year=2016,
    )
    assert [(m.agency_id, m.status) for m in found] == [
        ("p10.vuon-quoc-gia-hoang-lien", "exact"),
        ("p10.vuon-quoc-gia-hoang-lien", "alias"),
    ]


@pytest.mark.parametrize(
    "printed",
    [
        "Sở KH&CN",
        "Sở KHCN",
        "Sở KH-CN",
        "So Khoa hoc va Cong nghe",
        "Sở Khoa hoc và Cóng nghệ",
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
        "Sở Khoa học & Công nghệ tỉnh Lào Cai",
    ],
)
def test_spellings_of_one_agency(printed: str, registry: Registry) -> None:
    assert ids([printed], registry, province="Lào Cai", level=None, year=2016) == [
        "p10.so-khoa-hoc-va-cong-nghe"
    ]


def test_so_tp_is_tu_phap_not_thanh_pho(registry: Registry) -> None:
    assert ids(["Sở TP"], registry, province="Huế", level=None, year=2020) == ["p46.so-tu-phap"]


def test_renamed_district_keeps_its_identity(registry: Registry) -> None:
    early = match_names(["UBND huyện Sa Pa"], registry, province="Lào Cai", level=None, year=2016)
    late = match_names(["UBND thị xã Sa Pa"], registry, province="Lào Cai", level=None, year=2020)
    assert (early[0].agency_id, late[0].agency_id) == ("d088", "d088")
    assert early[0].status == late[0].status == "exact"


def test_reused_code_follows_the_year(registry: Registry) -> None:
    context = {"province": "Lâm Đồng", "level": "district"}
    assert ids(["Huyện Đạ Huoai"], registry, year=2020, **context) == ["d681"]
    assert ids(["Huyện Đạ Huoai"], registry, year=2025, **context) == ["d682"]


def test_ambiguity_goes_to_review(registry: Registry) -> None:
    found = match_names(
        ["Kỳ Anh", "Thị xã Kỳ Anh"], registry, province="Hà Tĩnh", level="district", year=2019
    )
    assert found[0].status == "review" and found[0].agency_id is None
    assert found[1].agency_id == "d449"


def test_word_order_matters_for_places(registry: Registry) -> None:
    found = ids(
        ["Quận Tân Bình", "Quận Bình Tân"], registry, province="TP.HCM", level=None, year=2018
    )
    assert found == ["d766", "d777"]


def test_wrong_province_or_year_is_not_matched(registry: Registry) -> None:
    assert ids(["Huyện Sa Pa"], registry, province="Đắk Lắk", level="district", year=2016) == [None]
    assert ids(["Sở Giao thông vận tải"], registry, province="Lào Cai", level=None, year=2026) == [
        None
    ]


def test_merged_province_has_new_agencies(registry: Registry) -> None:
    assert ids(["Sở Tài chính"], registry, province="Lào Cai", level=None, year=2026) == [
        "p15@2025.so-tai-chinh"
    ]


def test_tone_placement_is_one_key() -> None:
    assert light_key("Hoà Bình") == light_key("Hòa Bình")
    assert light_key("Uỷ ban") == light_key("Ủy ban")
    assert light_key("Hóa") != light_key("Hòa")


def test_council_words_leave_the_light_key_in_any_spelling() -> None:
    """The accented key of a district council is the district's, spelled out or abbreviated."""
    bare = light_key("Huyện Sa Pa")
    for printed in (
        "UBND huyện Sa Pa",
        "Ủy ban nhân dân huyện Sa Pa",
        "Uỷ Ban Nhân Dân huyện Sa Pa",
    ):
        assert light_key(printed) == bare, printed


@pytest.mark.parametrize(
    ("printed", "level"),
    [
        ("UBND huyện Bắc Hà", "district"),
        ("Sở Y tế", "province_agency"),
        ("Phường 1", "commune"),
        ("UBND thị trấn Sa Pa", "commune"),
        ("Tỉnh Quảng Ninh", "province"),
        ("TP. Đà Nẵng", "province"),
        ("TP Lào Cai", "district"),
        ("Bộ Tư pháp", "ministry"),
        ("Bộ Chỉ huy Quân sự tỉnh", "province_agency"),
        ("Vườn Quốc gia Hoàng Liên", "province_agency"),
        ("Nguyễn Văn A", None),
    ],
)
def test_infer_level(printed: str, level: str | None) -> None:
    assert infer_level(printed) == level


def test_candidates_are_ranked(registry: Registry) -> None:
    found = candidates("Sở KH-CN", registry, province="Lào Cai", level=None, year=2016)
    assert found[0].agency_id == "p10.so-khoa-hoc-va-cong-nghe"
    assert [c.score for c in found] == sorted((c.score for c in found), reverse=True)


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("Hạ tầng kỹ thuật CNTT", "infrastructure"),
        ("Hạ tầng kỹ thuật (6)", "infrastructure"),
        ("ƯD CNTT trong hoạt động của đơn vị", "internal_applications"),
        ("UD trong nội bộ", "internal_applications"),
        ("ƯD CNTT phục vụ người dân, DN", "online_public_services"),
        ("UD phục vụ ND, DN", "online_public_services"),
        ("Đảm bảo ATTT", "information_security"),
        ("Nhân lực CNTT", "human_resources"),
        ("Ban hành và thực hiện các quy định nội bộ về CNTT", "policies_regulations"),
        ("UD CNTT tại cấp xã", "commune_application"),
        ("Cải cách thủ tục hành chính", "par_administrative_procedures"),
        ("Tổng điểm", None),
        ("Xếp hạng", None),
    ],
)
def test_component_keys(label: str, key: str | None, registry: Registry) -> None:
    assert component_key(label, registry) == key


def test_review_loop(tmp_path: Path, registry: Registry) -> None:
    context = {"province": "Hà Tĩnh", "level": "district", "year": 2019}
    names = ["Kỳ Anh", "Huyện Can Lộc"]
    found = match_names(names, registry, **context)  # type: ignore[arg-type]
    items = [
        ReviewItem("doc1", 2, i + 1, name, m)
        for i, (name, m) in enumerate(zip(names, found, strict=True))
    ]
    rows = review_rows(items, registry, **context)  # type: ignore[arg-type]
    assert [row["agency_raw"] for row in rows] == ["Kỳ Anh"]
    assert {rows[0]["candidate_1_id"], rows[0]["candidate_2_id"]} == {"d447", "d449"}
    rows[0]["chosen_id"] = "d449"
    path = tmp_path / "review.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=REVIEW_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    again = match_names(["Kỳ Anh"], load_registry(aliases=path), **context)[0]  # type: ignore[arg-type]
    assert (again.agency_id, again.status) == ("d449", "alias")


def test_review_can_say_not_in_registry(tmp_path: Path, registry: Registry) -> None:
    path = tmp_path / "review.csv"
    path.write_text(
        "agency_raw,province,level,chosen_id\nVườn Quốc gia Hoàng Liên,Lào Cai,,-\n",
        encoding="utf-8",
    )
    reviewed = load_registry(aliases=path)
    found = match_names(
        ["Vườn Quốc gia Hoàng Liên"],
        reviewed,
        province="Lào Cai",
        level="province_agency",
        year=2016,
    )
    assert found[0].status == "unmatched"
    item = ReviewItem("doc1", 1, 22, "Vườn Quốc gia Hoàng Liên", found[0])
    assert review_rows([item], reviewed, province="Lào Cai", level=None, year=2016) == []


def test_evaluation_set_acceptance(registry: Registry) -> None:
    spec = importlib.util.spec_from_file_location("eval_match", ROOT / "scripts" / "eval_match.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rows = module.read_variants()
    assert len(rows) >= 400
    assert sum(not row["expected_id"] for row in rows) >= 30
    result = module.evaluate(rows, registry)
    assert result["precision"] >= 0.995
    assert result["recall"] >= 0.97


def test_accents_break_a_tie_that_unaccented_keys_cannot(registry: Registry) -> None:
    """ "Hậu Giang" and "Hà Giang" fold to near-identical keys; the accents decide."""
    found = match_names(
        ["Hậu Giang", "Hà Giang"], registry, province=None, level="province", year=2019
    )
    assert [(m.agency_id, m.status) for m in found] == [("p93", "alias"), ("p02", "alias")]


def test_a_2025_decision_names_the_merged_provinces_department(registry: Registry) -> None:
    """Both Phú Thọ's are valid in 2025: the successor in force on the decision date wins."""
    (after,) = match_names(["Sở Y tế"], registry, province="Phú Thọ", level="province_agency",
                           year=2025, as_of=date(2026, 1, 30))  # fmt: skip
    assert (after.agency_id, after.status) == ("p25@2025.so-y-te", "exact")
    (before,) = match_names(["Sở Y tế"], registry, province="Phú Thọ", level="province_agency",
                            year=2025, as_of=date(2025, 3, 1))  # fmt: skip
    assert before.agency_id == "p25.so-y-te"


def test_communes_are_looked_for_in_the_issuing_district(registry: Registry) -> None:
    """Thanh Hóa has two "Xã Xuân Hòa"; a Thọ Xuân decision means its own."""
    args = {"province": "Thanh Hóa", "level": "commune", "year": 2021}
    (anywhere,) = match_names(["UBND xã Xuân Hòa"], registry, **args)
    assert anywhere.status == "review"
    (inside,) = match_names(["UBND xã Xuân Hòa"], registry, **args, district="huyện Thọ Xuân")
    assert (inside.agency_id, inside.status) == ("c15517", "exact")


def test_a_registry_spelling_cut_from_the_ranking_does_not_crash(registry: Registry) -> None:
    (found,) = match_names(["S&ở CT"], registry, province="Lào Cai", level="province_agency",
                           year=2016)  # fmt: skip
    assert found.agency_id is None and found.status in ("review", "unmatched")


def test_a_block_keys_every_registry_name_as_make_key_does(registry: Registry) -> None:
    """Blocks fold each registry word once (a KeyCache per block); every key and accented
    core must still be what ``make_key``/``accented_core`` give for the whole name."""
    from pipeline.match.blocks import build_block, province_words
    from pipeline.match.keys import accented_core, make_key

    national: tuple[str, ...] = ()
    for provinces, level in (
        (national, "commune"),
        (national, "province_agency"),
        (("p10",), "province_agency"),
    ):
        words = province_words(registry, provinces)
        block = build_block(registry, provinces, (level,), None)
        assert len(block.choices) > 100
        for choice in block.choices:
            assert choice.key == make_key(choice.name.text, level, words), choice.name.text
            assert choice.accented == accented_core(choice.name.text), choice.name.text


def test_a_batch_keys_names_chunk_by_chunk_as_fold_and_expand_do() -> None:
    """``KeyCache.fold_expand`` expands a chunk without clusters on its own and the others
    together: an abbreviation split over chunks ("KH - CN", "KH và ĐT") or read after "Sở"
    ("Sở TP") must come out as ``expand(fold(name))`` says, whatever the batch saw before."""
    from pipeline.match.keycache import KeyCache
    from pipeline.match.keys import expand, fold, light_key

    names = [
        "Sở KH - CN 12",
        "Sở KH và ĐT",
        "Sở TP",
        "TP Lào Cai",
        "Sở. TP",
        "Sở Tư pháp, TP",
        "Ban QLDA ĐTXD và CN",
        "VP - UBND",
        "Sở Nông nghiệp và PTNT 6",
        "UBND thị xã Sa Pa",
        "KH&CN",
        "Sở - - TTTT",
        "Chi cục QLCL NLS&TS",
        "và kh",
    ]
    cache = KeyCache()
    for name in names + names[::-1]:
        assert cache.fold_expand(name) == (expand(fold(name)), light_key(name)), name


def test_the_tables_of_a_batch_key_their_shared_words_once(
    registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every table of a batch prints "Sở", "huyện" and its province's names again: a second
    table's words come from the process's cache, not folded again, and match alike."""
    import pipeline.match.keycache as keycache

    names = ["Sở Khoa học và Công nghệ", "UBND huyện Sa Pa", "Sở KH&ĐT tỉnh Lào Cai"]
    first = match_names(names, registry, province="Lào Cai", level=None, year=2016)
    folded: list[str] = []
    monkeypatch.setattr(keycache, "fold", lambda text: folded.append(text) or text)
    again = match_names(names, registry, province="Lào Cai", level=None, year=2016)
    assert again == first and folded == []
