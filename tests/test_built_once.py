"""The registry and what the matcher derives from it are built once per process (issue 18).

The API builds one registry for all its calls; a document (what every local worker, isolated
child and Dask task runs) never builds one; reading the same documents again derives nothing
new from it; and what the matcher asks again for every table is the object it kept.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import pipeline
from pipeline.batch import BatchSettings, plan, process_document
from pipeline.match import resolve_province
from pipeline.match.blocks import _district_cores, province_words
from pipeline.registry import _cached_registry, load_registry, registry_builds
from pipeline.registry.lazy import LazyUnits

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = [
    *sorted((ROOT / "samples").glob("0*.txt")),
    *sorted((ROOT / "samples/generated").glob("*.docx"))[:2],
    *sorted((ROOT / "samples/generated").glob("*.pdf"))[:2],
]


@pytest.fixture
def no_registry_yet():  # noqa: ANN201 - a registry built before the test would hide a build
    _cached_registry.cache_clear()
    yield
    _cached_registry.cache_clear()


@pytest.mark.usefixtures("no_registry_yet")
def test_the_api_builds_one_registry_for_all_its_calls() -> None:
    before = registry_builds()
    first = pipeline.extract_document(DOCUMENTS[0])
    second = pipeline.extract_document(DOCUMENTS[1])
    assert first.status == second.status == "ok"
    assert registry_builds() - before == 1
    assert load_registry() is load_registry()


@pytest.mark.usefixtures("no_registry_yet")
def test_documents_build_no_registry_and_a_second_pass_derives_nothing() -> None:
    registry = load_registry()
    builds = registry_builds()
    settings = BatchSettings()
    jobs = plan(DOCUMENTS)
    first = [process_document(job, settings, registry) for job in jobs]
    derived = registry.derived()
    second = [process_document(job, settings, registry) for job in jobs]
    assert registry_builds() == builds  # the worker's registry, loaded before its loop, serves
    assert derived > 0 and registry.derived() == derived
    assert sum(len(r.tables) for r in first) > 0
    assert [r.tables for r in first] == [r.tables for r in second]


def test_what_every_table_asks_again_is_kept() -> None:
    registry = load_registry()
    lao_cai = resolve_province(registry, "Lào Cai", 2016)
    assert province_words(registry, lao_cai) is province_words(registry, lao_cai)
    assert _district_cores(registry, lao_cai[0]) is _district_cores(registry, lao_cai[0])


@pytest.mark.usefixtures("no_registry_yet")
@pytest.mark.parametrize("enabled", [True, False])
def test_building_the_registry_leaves_the_collector_as_it_was(enabled: bool) -> None:
    import gc

    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        load_registry()
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


WARMED = """
import sys
from pathlib import Path
from pipeline.batch import BatchSettings, plan, run_batch
results = list(run_batch(plan([Path(p) for p in sys.argv[1:]]), BatchSettings(), workers=1))
assert all(result.status == "ok" for result in results), [r.error for r in results]
print("pipeline.ingest.pdf" in sys.modules)
"""


@pytest.mark.parametrize(("documents", "imported"), [(DOCUMENTS[:2], False), (DOCUMENTS, True)])
def test_the_parent_loads_the_pdf_reader_only_for_a_batch_with_pdfs(
    documents: list[Path], imported: bool
) -> None:
    """The parent warms what every forked worker shares: pypdfium2 and the layout only when
    the batch names a PDF (a text batch does not wait for them before its first worker)."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", WARMED, *map(str, documents)],
        capture_output=True, text=True, cwd=ROOT, check=True,
    )  # fmt: skip
    assert done.stdout.strip() == str(imported)


@pytest.mark.usefixtures("no_registry_yet")
def test_a_decision_of_agencies_builds_its_province_agencies_only() -> None:
    """The seeds rank a province's agencies: that province's agencies are built, no other's,
    and no commune (``pipeline.registry.lazy``: nine tenths of the registry's build)."""
    settings = BatchSettings()
    registry = settings.load_registry()
    units = registry.units
    assert isinstance(units, LazyUnits)
    communes, agencies = units.unbuilt("commune"), units.unbuilt("province_agency")
    for job in plan(DOCUMENTS[:2]):
        assert process_document(job, settings, registry).status == "ok"
    assert units.unbuilt("commune") == communes
    assert agencies - 2 <= units.unbuilt("province_agency") < agencies  # the seeds' provinces
