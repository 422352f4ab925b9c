"""Legacy Vietnamese encodings: the charts, detection by font and by statistics, and no real
Unicode line ever converted."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from conftest import ROOT

from pipeline.ingest.legacy import decode_as, font_encoding, read_text
from pipeline.ingest.legacy.decode import decode_viqr
from pipeline.ingest.legacy.encode import encode_tcvn3, encode_viqr, encode_vni
from pipeline.ingest.legacy.runs import decode_runs

SHARED = ROOT.parent.parent / "shared"  # /work/shared beside the work trees, when present
SENTENCES = [
    "Ủy ban nhân dân tỉnh Lào Cai",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Quyết định về việc phê duyệt kết quả đánh giá, xếp hạng mức độ ứng dụng công nghệ thông tin",
    "Sở Tư pháp, Sở Kế hoạch và Đầu tư, Ban Quản lý các khu công nghiệp",
    "Huyện Mường Khương, thị xã Sa Pa, thành phố Lào Cai; Ỷ La, Ỵ, Ước Lễ",
]


def real_lines() -> list[str]:
    """Real Vietnamese text of the repository (and of the shared seeds when present): the
    registry's names, the seeds, the README, its history and the domain notes, one line each."""
    files = sorted((ROOT / "pipeline/data").glob("*.csv")) + sorted(ROOT.glob("samples/0*.txt"))
    files += [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    files += sorted(SHARED.glob("seeds/*.txt")) + sorted(SHARED.glob("*.md"))
    lines = []
    for path in files:
        lines += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines


def test_no_real_line_is_converted() -> None:
    lines = real_lines()
    assert len(lines) >= 10_000
    converted = [line for line in lines if read_text(line).text != line]
    assert converted == []
    alarms = [line for line in lines if read_text(line).encoding != "unicode"]
    assert alarms == []  # not even flagged unsure
    decomposed = [unicodedata.normalize("NFD", line) for line in lines[:2000]]
    assert [line for line in decomposed if read_text(line).text != line] == []


def test_no_real_file_is_converted() -> None:
    text = "\n".join(real_lines())
    assert read_text(text).encoding == "unicode"
    chunks = [text[start : start + 2000] for start in range(0, len(text), 2000)]
    assert {read_text(chunk).encoding for chunk in chunks} == {"unicode"}


@pytest.mark.parametrize("sentence", SENTENCES)
def test_tcvn3_runs_decode_to_the_unicode_they_encode(sentence: str) -> None:
    runs = encode_tcvn3(sentence)
    fonts = [(text, ".VnTimeH" if capitals else ".VnTime") for text, capitals in runs]
    decoded, found = decode_runs(fonts)
    assert "".join(decoded) == sentence
    assert found <= {"tcvn3"}


@pytest.mark.parametrize("sentence", SENTENCES)
def test_vni_decodes_to_the_unicode_it_encodes(sentence: str) -> None:
    assert decode_as(encode_vni(sentence), "vni") == sentence


def test_tcvn3_capitals_of_both_charts() -> None:
    """VN3 writes a capital with a tone mark as the lowercase byte in a capitals font; VN1
    gives it a byte of its own (0x80 À, 0xC4 Ấ). Both read as the capital."""
    assert decode_as("Uû ban", "tcvn3", capitals=True) == "UỶ BAN"
    assert decode_as("\u0080o \u00c4p", "tcvn3") == "Ào Ấp"
    assert decode_as("CéNG HßA X· HéI CHñ NGHÜA", "tcvn3", capitals=True) == (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA"
    )


def test_tcvn3_u_horn_is_the_soft_hyphen_byte() -> None:
    """TCVN3 "ư" is 0xAD, the soft hyphen: decoded before any clean-up drops it."""
    assert decode_as("S\u00ad ph¹m", "tcvn3") == "Sư phạm"


def test_viqr() -> None:
    assert decode_viqr("Quye^'t ddi.nh so^' 12/QDD-UBND") == "Quyết định số 12/QĐ-UBND"
    assert decode_viqr("Ha\\. No^.i\\.") == "Ha. Nội."  # escaped signs: RFC 1456, strictly
    assert decode_viqr("Ha No^.i. Ddi ho.c. Tho^i.") == "Ha Nội. Đi học. Thôi."  # by what follows
    assert decode_viqr("Ba.n co' kho?e kho^ng?") == "Bạn có khỏe không?"


@pytest.mark.parametrize("path", sorted((ROOT / "samples/generated").glob("*.txt")))
def test_viqr_round_trip_of_whole_decisions(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert decode_viqr(encode_viqr(text)) == text


def test_fonts() -> None:
    assert font_encoding(".VnTime") == ("tcvn3", False)
    assert font_encoding(".VnTimeH") == ("tcvn3", True)
    assert font_encoding("ABCDEF+.VnArialH,Bold") == ("tcvn3", True)
    assert font_encoding("VNI-Times") == ("vni", False)
    assert font_encoding("Times New Roman") is None
    assert font_encoding("Verdana") is None


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_statistics_find_a_legacy_text_without_fonts(encoding: str) -> None:
    text = "\n".join(SENTENCES)
    stored = (
        "".join(t for t, _c in encode_tcvn3(text.lower()))
        if encoding == "tcvn3"
        else encode_vni(text)
    )
    reading = read_text(stored)
    assert reading.encoding == encoding
    assert reading.text == (text.lower() if encoding == "tcvn3" else text)


def test_statistics_find_viqr() -> None:
    stored = "Quye^'t ddi.nh ve^` vie^.c co^ng bo^' ke^'t qua?\nxe^'p ha.ng mu+'c ddo^. u+'ng du.ng"
    assert read_text(stored).encoding == "viqr"
    assert read_text("Don't panic. Is it 5 o'clock? Yes.").encoding == "unicode"


def test_unreadable_legacy_text_is_unsure() -> None:
    """Bytes of some other 8-bit Vietnamese code (VISCII here): legacy-looking, no chart
    reads it, so it is said to be unsure instead of read as garbage."""
    garbage = "Ö ðã ÷ùc Æ°ðng ðñ nghî ¥ þò ÿæ Óêî ôõ ìíï ðñò"
    assert read_text(garbage).encoding == "unsure"


def test_a_mixed_document_keeps_its_unicode_runs() -> None:
    runs = [("Huyện Bát Xát", "Times New Roman"), ("Hßa B×nh", ".VnTime")]
    decoded, found = decode_runs(runs)
    assert decoded == ["Huyện Bát Xát", "Hòa Bình"]
    assert found == {"tcvn3"}


def test_real_lines_exist_in_the_repository() -> None:
    assert Path(ROOT / "pipeline/data/communes.csv").is_file()


def test_capitals_lost_with_the_capitals_font_come_back() -> None:
    from pipeline.ingest.legacy.case import restore_capitals

    assert restore_capitals("CộNG HòA Xã HộI CHủ NGHĩA VIệT NAM\nủY BAN NHÂN DÂN") == (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nỦY BAN NHÂN DÂN"
    )
    assert (
        restore_capitals("Xã Tả Phìn, huyện Sa Pa; Độc lập") == "Xã Tả Phìn, huyện Sa Pa; Độc lập"
    )


def test_pdf_glyphs_decode_by_their_font_name() -> None:
    from pipeline.geometry.shapes import Glyph, PageContent
    from pipeline.ingest.pdf_legacy import decode_page

    def glyphs(text: str, font: str, x: float) -> list[Glyph]:
        return [
            Glyph(char, x + 6 * i, 10, x + 6 * i + 5, 20, font if ord(char) > 127 else None)
            for i, char in enumerate(text)
        ]

    page = PageContent(
        1, 600, 800, glyphs("Uû ban", "ABCDEF+.VnTime", 0) + glyphs("Vieät", "VNI-Times", 100), []
    )
    decoded = decode_page(page)
    assert decoded.encoding == "tcvn3+vni"
    texts = [glyph.text for glyph in decoded.glyphs]
    assert "".join(texts[:6]) == "Uỷ ban"
    assert texts[6:] == ["V", "i", "e", "\u0302\u0323", "t"]  # the marks fold into the e


def test_a_pdf_without_the_fonts_is_read_by_its_statistics(tmp_path: Path) -> None:
    """The TCVN3 .doc printed to PDF by LibreOffice, which has no .VnTime and names its
    substitute: the text layer still holds TCVN3 bytes. LibreOffice draws no glyph for 0xAD
    (it takes it for a soft hyphen; Word with the font draws "ư"), so the twin's names are
    compared without their ư."""
    import subprocess

    from conftest import extract_one

    source = ROOT / "samples/archives/laocai_2016_cntt_tcvn3.doc"
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        capture_output=True, timeout=300, check=True,
    )  # fmt: skip
    result = extract_one(tmp_path / f"{source.stem}.pdf")
    twin = extract_one(ROOT / "samples/generated/laocai_2016_cntt.pdf")
    assert result.encoding == "tcvn3"
    for field in ("issuer", "decision_number", "decision_date", "evaluation_year", "signer"):
        assert getattr(result.metadata, field) == getattr(twin.metadata, field)
    got = [[e.agency_raw for e in t.entries] for t in result.tables]
    want = [
        [e.agency_raw.replace("ư", "").replace("Ư", "") for e in t.entries] for t in twin.tables
    ]
    assert got == want
