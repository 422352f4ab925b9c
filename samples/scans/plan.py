"""Which scans are made: one ``Scan`` per output, each with its own fixed seed.

A small set chosen to cover the fixtures' hard parts: two-level merged headers and band rows
(laocai), decimal commas, decimal maxima and a landscape appendix (quangninh), a long table
crossing pages without its header (thoxuan), a 63-row national table crossing three pages with
ties (bo_tttt), and the seeds' own form (daklak). Every container the OCR reader accepts appears
at least once; photos are JPEG as phones write them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Scan:
    """One output: a decision scanned or photographed, in one container."""

    name: str  # file stem in samples/scanned/
    decision: str  # slug in samples/generated/manifest.json
    variant: str  # 300dpi | 200dpi | photo: the acceptance figure it counts towards
    container: str  # pdf | tiff | png | jpeg | mixed-pdf
    seed: int  # page p uses seed * 100 + p
    dpi: int = 300
    colour: bool = False  # RGB (a red seal must stay red); else grey
    stamps: bool = False  # red seal over the signature and over part of a table
    rotated: tuple[int, ...] = ()  # pages turned 90° as a landscape appendix is scanned
    scanned: tuple[int, ...] = ()  # mixed-pdf: the pages replaced by a scanned image
    quality: int = 70  # JPEG quality of the page images

    @property
    def tags(self) -> tuple[str, ...]:
        """What the output shows, for the manifest and the README."""
        tags = [self.variant, self.container]
        tags += ["stamped"] * self.stamps + ["rotated"] * bool(self.rotated)
        return tuple(tags)


PLAN: tuple[Scan, ...] = (
    Scan(
        "laocai_2016_cntt__300dpi_stamped",
        "laocai_2016_cntt",
        "300dpi",
        "pdf",
        1601,
        colour=True,
        stamps=True,
    ),
    Scan(
        "quangninh_2022_dti__300dpi_rotated",
        "quangninh_2022_dti",
        "300dpi",
        "tiff",
        2201,
        rotated=(2,),
    ),
    Scan(
        "bo_tttt_2019_ictindex__300dpi_mixed",
        "bo_tttt_2019_ictindex",
        "300dpi",
        "mixed-pdf",
        1901,
        scanned=(2,),
    ),
    Scan(
        "thoxuan_2021_cchc_xa__200dpi_stamped",
        "thoxuan_2021_cchc_xa",
        "200dpi",
        "pdf",
        2101,
        dpi=200,
        colour=True,
        stamps=True,
        quality=75,
    ),
    Scan("bo_tttt_2019_ictindex__200dpi", "bo_tttt_2019_ictindex", "200dpi", "png", 1902, dpi=200),
    Scan(
        "laocai_2016_cntt__200dpi", "laocai_2016_cntt", "200dpi", "pdf", 1602, dpi=200, quality=75
    ),
    Scan("hue_2019_cqdt__photo", "hue_2019_cqdt", "photo", "jpeg", 1903, colour=True, quality=80),
    Scan(
        "daklak_2017_cntt__photo",
        "daklak_2017_cntt",
        "photo",
        "jpeg",
        1701,
        colour=True,
        quality=80,
    ),
)
