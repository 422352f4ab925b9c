"""``--scheduler``: the same batch as tasks on a real Dask LocalCluster gives the same bytes,
under the same per-document time limit."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, read_csv, run_cli
from test_batch_limits import TABLE_HEAD

distributed = pytest.importorskip("distributed")


def test_dask_cluster_writes_the_same_bytes_as_local_workers(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, folder / seed.name)
    for name in ("laocai_2016_cntt.pdf", "hue_2019_cqdt.docx", "bo_tttt_2019_ictindex.html"):
        shutil.copy(ROOT / "samples/generated" / name, folder / name)
    (folder / "empty.txt").write_bytes(b"")
    overlay = tmp_path / "overlay.csv"
    overlay.write_text(
        "id,name,level,province_id,aliases,valid_from,valid_to\n"
        "p10.vqg-hoang-lien,Vườn quốc gia Hoàng Liên,province_agency,p10,,,\n",
        encoding="utf-8",
    )
    local, remote = tmp_path / "local", tmp_path / "dask"
    options = ["--overlay", str(overlay)]
    code, _stdout, stderr = run_cli("extract", str(folder), "--out", str(local), *options)
    assert code == 3, stderr
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        scheduler = ["--scheduler", cluster.scheduler_address]
        code, _stdout, stderr = run_cli(
            "extract", str(folder), "--out", str(remote), *options, *scheduler
        )
    assert code == 3, stderr
    assert "empty.txt: failed: CorruptFile: the file is empty" in stderr
    written = sorted(path.name for path in local.iterdir() if path.is_file())
    assert written == sorted(path.name for path in remote.iterdir() if path.is_file())
    for name in written:
        assert (remote / name).read_bytes() == (local / name).read_bytes(), name
    assert "p10.vqg-hoang-lien" in (remote / "entries.csv").read_text(encoding="utf-8")


def test_the_time_limit_holds_on_a_dask_cluster(tmp_path: Path) -> None:
    """As test_batch_limits on local workers: the slow document fails at the limit, alone, and
    the good one after it is read on the same worker by the reader that replaced it."""
    folder = tmp_path / "in"
    folder.mkdir()
    rows = (f"{i}\tĐơn vị chưa có tên số {i}\t{i % 100}\n" for i in range(1, 1001))
    (folder / "b_slow.txt").write_text(TABLE_HEAD + "".join(rows), encoding="utf-8")
    shutil.copy(SEEDS[0], folder / "c_good.txt")
    out = tmp_path / "out"
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:  # fmt: skip
        code, _stdout, stderr = run_cli(
            "extract", str(folder), "--out", str(out), "--time-limit", "2",
            "--scheduler", cluster.scheduler_address,
        )  # fmt: skip
    assert code == 3, stderr
    documents = {Path(row["source_file"]).name: row for row in read_csv(out / "documents.csv")}
    slow, good = documents["b_slow.txt"], documents["c_good.txt"]
    assert slow["status"] == "failed" and "time limit of 2 s" in slow["error"], slow["error"]
    assert "replaced" in slow["error"]
    assert (good["status"], good["entries"]) == ("ok", "31")
    assert "b_slow.txt: failed: DocumentTooLarge: still running after" in stderr
