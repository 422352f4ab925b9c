"""The batch's parts on their own: the folder walk's rule, the journal codec, legacy code pages."""

from __future__ import annotations

import gc
import json
import shutil
import unicodedata
from pathlib import Path

import bad_inputs
from conftest import SEEDS, extract_one, shipped_registry

from pipeline.batch import BatchSettings, plan, process_document, run_batch, walk
from pipeline.batch.codec import decode_result, encode_json
from pipeline.batch.local import largest_first
from pipeline.collector import collector_paused
from pipeline.ingest import decode_text


def test_the_walk_lists_every_file_but_hidden_ones_and_the_output(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / ".git").mkdir()
    (folder / "out").mkdir()
    shutil.copy(SEEDS[0], folder / "sub" / "a.md")
    (folder / "b.numbers").write_bytes(b"x")
    (folder / ".hidden.txt").write_text("x")
    (folder / ".git" / "c.txt").write_text("x")
    (folder / "out" / "documents.csv").write_text("x")
    (folder / "link.txt").symlink_to(folder / "sub" / "a.md")
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    (folder / "up").symlink_to(folder, target_is_directory=True)
    found = {
        item.path.relative_to(folder).as_posix(): item.skip
        for item in walk([folder], [folder / "out"])
    }
    assert found == {
        "b.numbers": "skipped: not a decision format (.numbers)",
        "dangling.txt": "skipped: broken symbolic link",
        "link.txt": None,
        "sub/a.md": None,
        "up": "skipped: symbolic link to a folder, not followed (a loop or a second path)",
    }
    assert walk([folder / "b.numbers"])[0].skip is None  # named on the command line: read


def test_the_journal_codec_gives_back_equal_results() -> None:
    for source in (*SEEDS, bad_inputs.PDF, bad_inputs.HTML):
        result = extract_one(source)
        assert decode_result(json.loads(encode_json(result))) == result


def test_windows_1258_and_latin1_decode_as_written() -> None:
    text = unicodedata.normalize("NFC", SEEDS[1].read_text(encoding="utf-8"))
    assert decode_text(bad_inputs.to_windows_1258(text)) == text
    french = "Procès-verbal: aucune décision, aucun tableau."
    assert decode_text(french.encode("latin-1")) == french


def test_workers_take_the_largest_files_first_and_results_keep_input_order(
    tmp_path: Path,
) -> None:
    """A large document started last would keep one worker busy after the others ran out;
    the order documents are handed out in changes neither their results nor the output order."""
    folder = tmp_path / "in"
    folder.mkdir()
    sizes = {"a.txt": 10, "b.txt": 300, "c.txt": 10, "d.txt": 150}
    for name, size in sizes.items():
        (folder / name).write_text("x" * size)
    pages = [folder / "scan-1.png", folder / "scan-2.png"]
    for page in pages:
        page.write_bytes(b"y" * 100)
    jobs = list(enumerate(plan(sorted(folder.iterdir()))))
    order = [job.path.name for _, job in largest_first(jobs)]
    # the two page images are one document of 200 bytes, more than d.txt though each page is less
    assert order == ["b.txt", "scan-1.png", "d.txt", "a.txt", "c.txt"]
    shutil.rmtree(folder)
    folder.mkdir()
    for index, seed in enumerate([SEEDS[0], *SEEDS[:3]]):  # the largest neither first nor last
        shutil.copy(seed, folder / f"{index}_{seed.name}")
    files = plan(sorted(folder.iterdir()))
    alone = list(run_batch(files, BatchSettings()))
    shared = list(run_batch(files, BatchSettings(), workers=2))
    assert [result.source_file for result in shared] == [job.source_file for job in files]
    assert [encode_json(result) for result in shared] == [encode_json(r) for r in alone]


def test_the_collector_is_paused_for_a_document_and_left_as_the_caller_had_it() -> None:
    seen: list[bool] = []
    with collector_paused():
        seen.append(gc.isenabled())
    seen.append(gc.isenabled())
    gc.disable()
    try:
        with collector_paused():
            seen.append(gc.isenabled())
        seen.append(gc.isenabled())
    finally:
        gc.enable()
    assert seen == [False, True, False, False]
    (job,) = plan([SEEDS[0]])
    assert process_document(job, BatchSettings(), shipped_registry()).status == "ok"
    assert gc.isenabled()
