"""``--scheduler``: the same batch as tasks on a real Dask LocalCluster gives the same bytes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, run_cli

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
