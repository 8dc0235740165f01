"""annotate --engine ray on a local Ray with 2 CPUs writes the very tables the datasets engine writes."""

from __future__ import annotations

import pytest

from batch_helpers import model_name, story_records, table_bytes, write_jsonl

pytestmark = pytest.mark.slow  # starts a local Ray

ray = pytest.importorskip("ray", reason="the ray extra is not installed")


@pytest.fixture(scope="module")
def local_ray():
    import os

    address = os.environ.pop("RAY_ADDRESS", None)  # never reach for a cluster from the test suite
    yield
    ray.shutdown()
    if address is not None:
        os.environ["RAY_ADDRESS"] = address


def test_ray_engine_writes_the_datasets_tables(tmp_path, local_ray, capfd):
    from claimcheck.batch.annotate import annotate

    model = model_name()
    corpus = write_jsonl(tmp_path / "a.jsonl", story_records()[1::3])  # 5 articles, every source kind
    options = dict(workers=2, shard_size=3, pack_size=1, model=model, docbin=True)  # 3 packs over 2 actors
    with_datasets = annotate(str(corpus), str(tmp_path / "datasets"), **options)
    capfd.readouterr()
    calls = []
    with_ray = annotate(str(corpus), str(tmp_path / "ray"), engine="ray", progress=lambda d, t: calls.append(d),
                        **options)
    terminal = capfd.readouterr()
    # Ray's own notices stay in its log files (token auth, progress bars off, actor constructor arguments,
    # "execution finished"): nothing of Ray's reaches the terminal without verbose=True
    assert not any(word in terminal.err + terminal.out for word in ("Token authentication", "core_worker",
                                                                    "Progress bars", "execution finished",
                                                                    "deprecated")), terminal.err
    assert calls == sorted(calls) and calls[-1] == 5 and calls[0] < 3  # documents counted pack by pack
    assert ray.is_initialized() and ray.cluster_resources().get("CPU") == 2
    assert with_ray.documents == with_datasets.documents == 5 and with_ray.claims == with_datasets.claims
    assert table_bytes(tmp_path / "ray") == table_bytes(tmp_path / "datasets")
    assert with_ray.manifest["run_key"] == with_datasets.manifest["run_key"]
