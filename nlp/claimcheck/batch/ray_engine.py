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
import warnings
from typing import Any, Callable

from claimcheck.batch.inputs import RAW_COLUMNS
from claimcheck.errors import UsageError

OUTPUTS = ("documents", "mentions", "claims", "docbin", "warnings")


class PackAnnotator:
    """A Ray actor: loads the pipeline once, then annotates pack after pack."""

    def __init__(self, model: str, dayfirst: bool | None, docbin: bool):
        from claimcheck.batch.annotate import warm_up

        self.model, self.dayfirst, self.docbin = model, dayfirst, docbin
        warm_up(model, dayfirst)

    def __call__(self, batch):
        from claimcheck.batch.annotate import _one_thread_per_worker, annotate_pack

        _one_thread_per_worker()
        rows = batch.to_pylist()  # pyarrow batch format: one dict per pack
        outs = [annotate_pack({k: row[k] for k in RAW_COLUMNS}, model=self.model, dayfirst=self.dayfirst,
                              docbin=self.docbin) for row in rows]
        return {k: [o[k] for o in outs] for k in OUTPUTS}


#: a local Ray stays on this machine: no usage report (whose cloud detection asks 169.254.169.254 and
#: metadata.google.internal), and "no cluster", so every process binds to loopback (Ray otherwise finds
#: "its" address with a UDP connect to 8.8.8.8 and listens on the machine's public address)
LOCAL_RAY_ENV = {"RAY_USAGE_STATS_ENABLED": "0", "RAY_USAGE_STATS_PROMPT_ENABLED": "0",
                 "RAY_DISABLE_IMPORT_WARNING": "1", "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "0"}


_CLOSED_PORT = "http://127.0.0.1:9"  # discard: nothing listens there, so a connect is refused at once
_LOOPBACK = "127.0.0.1,localhost,::1"
_START_ONLY_ENV = {"http_proxy": _CLOSED_PORT, "HTTP_PROXY": _CLOSED_PORT, "no_proxy": _LOOPBACK,
                   "NO_PROXY": _LOOPBACK}


def quiet_ray_logs(verbose: bool) -> None:
    """Ray's Python notices (token authentication, progress bars off, "execution finished") at ERROR only,
    unless ``verbose``; they still go to Ray's own log files."""
    level = logging.INFO if verbose else logging.ERROR
    for name in ("ray", "ray.data", "ray.data._internal.execution.streaming_executor"):
        logging.getLogger(name).setLevel(level)


def start_ray(workers: int, verbose: bool = False) -> None:
    """Connect to ``RAY_ADDRESS`` when set, else start a local Ray with ``workers`` CPUs (once per process).
    Ray's own notices reach the terminal only when ``verbose``."""
    address = os.environ.get("RAY_ADDRESS")
    if not address:
        # before Ray is imported: it reads some of these (the cluster switch) once, at import
        for key, value in LOCAL_RAY_ENV.items():
            os.environ.setdefault(key, value)
    try:
        import ray
    except ImportError:
        raise UsageError("--engine ray needs Ray: pip install 'claimcheck[ray]'") from None
    quiet_ray_logs(verbose)
    if ray.is_initialized():
        return
    from claimcheck.paths import OFFLINE_ENV, hub_offline

    hub_offline()
    env = {"env_vars": {k: os.environ[k] for k in ("PYTHONPATH", *OFFLINE_ENV) if k in os.environ}}
    level = logging.INFO if verbose else logging.ERROR
    start_env = {}
    if not address:
        env["env_vars"].update(LOCAL_RAY_ENV)
        # Ray's head processes ask the cloud-metadata addresses whatever the usage setting (the one dashboard
        # module a dashboard-less Ray loads does); they inherit this process' environment at start, so for the
        # start only, plain-HTTP requests go to a closed loopback port and anything on loopback goes direct
        start_env.update(_START_ONLY_ENV)
    saved = {k: os.environ.get(k) for k in start_env}
    os.environ.update(start_env)
    try:
        if address:
            ray.init(address=address, runtime_env=env, log_to_driver=verbose, logging_level=level)
        else:
            ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=verbose, runtime_env=env,
                     logging_level=level, _node_ip_address="127.0.0.1")
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    import ray.data  # noqa: F401  (configures its loggers on import)

    quiet_ray_logs(verbose)  # ray.init and ray.data configure their loggers again
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True
    ctx.enable_progress_bars = False
    ctx.print_on_execution_start = False


def map_with_ray(packs: list[dict], *, workers: int, model: str, dayfirst: bool | None, docbin: bool,
                 done: Callable[[int], None] = lambda n: None, verbose: bool = False) -> list[dict]:
    """Annotate packs with Ray Data: ``map_batches`` over a pool of ``workers`` actors, results in order;
    ``done(documents)`` after each pack's result arrives."""
    import pyarrow as pa

    start_ray(workers, verbose)  # first: it sets what a local Ray must know before Ray is imported
    import ray
    schema = pa.schema([(k, pa.list_(pa.string())) for k in RAW_COLUMNS])
    # one block per pack, made in the driver: the work spreads over the actors, and no task needs a CPU
    # that the actors hold (a local Ray has exactly `workers` CPUs)
    ds = ray.data.from_arrow([pa.Table.from_pylist([pack], schema=schema) for pack in packs])
    # a local Ray's actors are not restarted: on one machine a dead actor is a bug or memory, and annotate
    # resumes by shard anyway (a restartable actor also makes Ray print a notice on every start). Ray's own
    # comment names the extra keyword for this, which its Dataset API now calls deprecated: that notice is
    # kept off the user's terminal.
    restarts: dict[str, Any] = {} if os.environ.get("RAY_ADDRESS") else {"max_restarts": 0}  # ray_remote_args
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="`ray_remote_args` is deprecated")
        out = ds.map_batches(PackAnnotator, fn_constructor_kwargs={"model": model, "dayfirst": dayfirst,
                                                                   "docbin": docbin},
                             batch_size=1, batch_format="pyarrow", num_cpus=1,
                             compute=ray.data.ActorPoolStrategy(size=min(workers, len(packs))), **restarts)
    results = []
    for pack, row in zip(packs, out.iter_rows(), strict=True):
        results.append({k: row[k] for k in OUTPUTS})
        done(len(pack["id"]))
    return results
