"""The Ray Data engine of ``annotate --engine ray``: the same per-pack function, run by Ray actors.

Each shard becomes a Ray Dataset whose rows are packs of raw records; ``map_batches`` sends them to a
pool of :class:`PackAnnotator` actors (one per worker, each holding the loaded pipeline) and the results come
back in input order, so the driver writes exactly the files the ``datasets`` engine writes. With
``RAY_ADDRESS`` set (``ray://head:10001`` or ``auto`` on a cluster node) the actors run on that cluster;
otherwise a local Ray starts with ``workers`` CPUs. Needs the ``ray`` extra: ``pip install 'claimcheck[ray]'``.
"""

from __future__ import annotations

import logging
import os

from claimcheck.batch.inputs import RAW_COLUMNS
from claimcheck.errors import UsageError

OUTPUTS = ("documents", "mentions", "claims", "docbin", "warnings")


class PackAnnotator:
    """A Ray actor: loads the pipeline once, then annotates pack after pack."""

    def __init__(self, model: str, dayfirst: bool | None, docbin: bool):
        from claimcheck.batch.annotate import warm_up

        self.options = {"model": model, "dayfirst": dayfirst, "docbin": docbin}
        warm_up(model, dayfirst)

    def __call__(self, batch):
        from claimcheck.batch.annotate import _one_thread_per_worker, annotate_pack

        _one_thread_per_worker()
        rows = batch.to_pylist()  # pyarrow batch format: one dict per pack
        outs = [annotate_pack({k: row[k] for k in RAW_COLUMNS}, **self.options) for row in rows]
        return {k: [o[k] for o in outs] for k in OUTPUTS}


def start_ray(workers: int) -> None:
    """Connect to ``RAY_ADDRESS`` when set, else start a local Ray with ``workers`` CPUs (once per process)."""
    try:
        import ray
    except ImportError:
        raise UsageError("--engine ray needs Ray: pip install 'claimcheck[ray]'") from None
    if ray.is_initialized():
        return
    address = os.environ.get("RAY_ADDRESS")
    env = {"env_vars": {k: os.environ[k] for k in ("PYTHONPATH", "HF_HUB_OFFLINE", "HF_DATASETS_OFFLINE")
                        if k in os.environ}}
    if address:
        ray.init(address=address, runtime_env=env, log_to_driver=False, logging_level=logging.WARNING)
    else:
        ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False, runtime_env=env,
                 logging_level=logging.WARNING)
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True
    ctx.enable_progress_bars = False
    ctx.print_on_execution_start = False


def map_with_ray(packs: list[dict], *, workers: int, model: str, dayfirst: bool | None, docbin: bool) -> list[dict]:
    """Annotate packs with Ray Data: ``map_batches`` over a pool of ``workers`` actors, results in order."""
    import pyarrow as pa
    import ray

    start_ray(workers)
    schema = pa.schema([(k, pa.list_(pa.string())) for k in RAW_COLUMNS])
    # one block per pack, made in the driver: the work spreads over the actors, and no task needs a CPU
    # that the actors hold (a local Ray has exactly `workers` CPUs)
    ds = ray.data.from_arrow([pa.Table.from_pylist([pack], schema=schema) for pack in packs])
    out = ds.map_batches(PackAnnotator, fn_constructor_kwargs={"model": model, "dayfirst": dayfirst, "docbin": docbin},
                         batch_size=1, batch_format="pyarrow", num_cpus=1,
                         compute=ray.data.ActorPoolStrategy(size=min(workers, len(packs))))
    return [{k: row[k] for k in OUTPUTS} for row in out.iter_rows()]
