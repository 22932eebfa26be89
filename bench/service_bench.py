"""Service benchmarks: REST, SPARQL (ours vs the Oxigraph server), pages, in-process lookups.

    .venv/bin/python bench/service_bench.py [--sizes 10k,100k,1M] [--quick]

For each size (graphs from `bench/scale.py`, generated on first use under `bench/out/`):

1. in-process: build the embedded store (`EmbeddedStore.from_dirs`, timed = load time), then time
   `get_measure(store, "hubei-2021~8", memo)` and `list_measures(business_type=bonded-repair)` directly;
2. `bzkg serve --data DIR` (embedded; start-up until `/ready` timed), `oxigraph serve` in memory with
   `--union-default-graph` filled by `bzkg load --gsp` (timed), and `bzkg serve` in remote mode
   (`BZKG_SPARQL_ENDPOINT` = that Oxigraph server);
3. over HTTP on loopback (httpx, one keep-alive connection, sequential): p50/p99 of the REST lookup
   of one measure, the REST list filtered by business type, each named query (`queries/*.rq`, its
   default parameters inlined as a `VALUES` row) through `/sparql` of both `bzkg serve`s and
   directly against Oxigraph's `/query` (same text, same `Accept`), and the same named query through
   `/api/v1/queries/{name}`; throughput at concurrency 8 (asyncio, 8 connections, fixed duration);
   HTML pages (first fetch and warm fetches; wall time of the request and the `Server-Timing`
   header, which covers template rendering only).

Every series is bounded by a request count and a time limit, whichever comes first. The results go
to `bench/out/service-results.json` and, as Markdown tables, `bench/out/service-report.md`.
Not part of the test suite: nothing here asserts a target, it reports.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import math
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import scale  # noqa: E402

VENV_BIN = Path(sys.executable).parent
BZKG = [str(VENV_BIN / "bzkg")] if (VENV_BIN / "bzkg").exists() else [sys.executable, "-m", "bzkg.cli"]
OXIGRAPH = shutil.which("oxigraph", path=str(VENV_BIN)) or shutil.which("oxigraph")
OUT = ROOT / "bench" / "out"
SPARQL_JSON = "application/sparql-results+json"

MEASURE_ID = "hubei-2021~8"
MEASURE_PAGE = "/id/doc/hubei-2021/measure/8"
PAGES = {
    "home": "/",
    "measure": MEASURE_PAGE,
    "class (bz:Measure)": "/ontology/class/Measure",
    "heatmap (/compare)": "/compare",
}
THROUGHPUT_QUERY = "zones-parallel-import-vehicles"


# -- statistics -----------------------------------------------------------------------------------
def pct(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    s = sorted(values)
    return s[max(0, math.ceil(p / 100 * len(s)) - 1)]


@dataclass
class Series:
    times: list[float] = field(default_factory=list)  # ms
    server: list[float] = field(default_factory=list)  # ms, from Server-Timing
    status: int = 0
    size: int = 0  # bytes of the last answer
    first: float | None = None  # ms, the first (cold) request

    def summary(self) -> dict:
        out = {
            "n": len(self.times),
            "p50_ms": round(statistics.median(self.times), 3) if self.times else None,
            "p99_ms": round(pct(self.times, 99), 3) if self.times else None,
            "status": self.status,
            "bytes": self.size,
        }
        if self.first is not None:
            out["first_ms"] = round(self.first, 2)
        if self.server:
            out["server_timing_p50_ms"] = round(statistics.median(self.server), 2)
        return out


_TIMING = re.compile(r"dur=([0-9.]+)")


def series(
    client: httpx.Client, method: str, url: str, *, n: int, seconds: float, warmup: int = 2, cold: bool = False, **kw
) -> Series:
    """Up to `n` timed requests within `seconds` (at least 3), after `warmup` untimed ones."""
    s = Series()
    for i in range(warmup):
        began = time.perf_counter()
        r = client.request(method, url, **kw)
        if i == 0 and cold:
            s.first = (time.perf_counter() - began) * 1000
        r.raise_for_status()
    deadline = time.perf_counter() + seconds
    while len(s.times) < n and (len(s.times) < 3 or time.perf_counter() < deadline):
        began = time.perf_counter()
        r = client.request(method, url, **kw)
        body = r.content
        s.times.append((time.perf_counter() - began) * 1000)
        s.status, s.size = r.status_code, len(body)
        if r.status_code >= 400:
            raise RuntimeError(f"{method} {url}: HTTP {r.status_code} {r.text[:300]}")
        if m := _TIMING.search(r.headers.get("server-timing", "")):
            s.server.append(float(m.group(1)))
    return s


def throughput(method: str, url: str, *, concurrency: int, seconds: float, **kw) -> dict:
    """Requests/s with `concurrency` requests in flight for `seconds` (asyncio, one client)."""

    async def run() -> tuple[int, int, float]:
        limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
        async with httpx.AsyncClient(timeout=120, limits=limits) as client:
            first_error: list[str] = []
            for _ in range(concurrency):  # open the connections
                await client.request(method, url, **kw)
            done = errors = 0
            began = time.perf_counter()
            deadline = began + seconds

            async def worker() -> None:
                nonlocal done, errors
                while time.perf_counter() < deadline:
                    r = await client.request(method, url, **kw)
                    await r.aread()
                    if r.status_code >= 400:
                        errors += 1
                        if not first_error:
                            first_error.append(f"HTTP {r.status_code} {r.text[:200]}")
                    else:
                        done += 1

            await asyncio.gather(*(worker() for _ in range(concurrency)))
            return done, errors, time.perf_counter() - began, first_error

    done, errors, elapsed, first_error = asyncio.run(run())
    out = {"requests": done, "errors": errors, "seconds": round(elapsed, 2), "rps": round(done / elapsed, 1)}
    if first_error:
        out["first_error"] = first_error[0]
    return out


# -- servers --------------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    name: str
    process: subprocess.Popen
    base: str
    startup_s: float

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start(name: str, cmd: list[str], port: int, probe: str, env: dict | None = None, timeout: float = 600) -> Server:
    log = open(OUT / f"{name}.log", "wb")  # noqa: SIM115 - kept open for the process's life
    began = time.perf_counter()
    process = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, **(env or {})}, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = began + timeout
    while time.perf_counter() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited with {process.returncode}; see {log.name}")
        with contextlib.suppress(httpx.TransportError):
            if httpx.get(base + probe, timeout=5).status_code == 200:
                return Server(name, process, base, time.perf_counter() - began)
        time.sleep(0.05)
    process.kill()
    raise RuntimeError(f"{name} did not become ready in {timeout} s; see {log.name}")


def bzkg_serve(name: str, data: Path, env: dict | None = None) -> Server:
    port = free_port()
    cmd = [*BZKG, "serve", "--port", str(port), "--data", str(data), "--log-level", "warning"]
    return start(name, cmd, port, "/ready", env)


def oxigraph_serve() -> Server:
    if OXIGRAPH is None:
        raise SystemExit("the oxigraph server binary is not installed (.venv/bin/oxigraph)")
    port = free_port()
    cmd = [OXIGRAPH, "serve", "--bind", f"127.0.0.1:{port}", "--union-default-graph", "--timeout-s", "120"]
    return start("oxigraph", cmd, port, "/query?query=ASK%7B%7D")


# -- queries --------------------------------------------------------------------------------------
def named_queries() -> dict[str, tuple[str, dict[str, str]]]:
    """name -> (SPARQL text with the default parameters inlined as a VALUES row, REST params)."""
    from api.services.named_queries import load_queries

    out = {}
    for q, text in load_queries(ROOT / "queries").values():
        defaults = {p.name: p.default for p in q.parameters if p.default is not None}
        if defaults:
            values = " ".join(f"?{k}" for k in defaults)
            row = " ".join(json.dumps(v, ensure_ascii=False) for v in defaults.values())
            where = re.search(r"WHERE\s*\{", text)
            assert where, q.name
            text = f"{text[: where.end()]}\n  VALUES ({values}) {{ ({row}) }}{text[where.end() :]}"
        out[q.name] = (text, defaults)
    return out


def sparql_post(query: str) -> dict:
    return {
        "content": query.encode("utf-8"),
        "headers": {"Content-Type": "application/sparql-query", "Accept": SPARQL_JSON},
    }


def rows(client: httpx.Client, url: str, query: str) -> int:
    r = client.post(url, **sparql_post(query))
    r.raise_for_status()
    return len(r.json()["results"]["bindings"])


# -- one size -------------------------------------------------------------------------------------
def in_process(data: Path, budget: dict) -> dict:
    from api.services.measures import MeasureFilter, get_measure, list_measures
    from api.services.memo import Memo
    from store.embedded import EmbeddedStore

    began = time.perf_counter()
    store = EmbeddedStore.from_dirs(data, ROOT / "ontology")
    load_s = time.perf_counter() - began
    quads = len(store)
    out = {"load_s": round(load_s, 2), "quads": quads}
    memo = Memo()  # as the app keeps one: vocabularies and counts once per store version
    try:
        for name, fn in {
            "get_measure": lambda: get_measure(store, MEASURE_ID, memo),
            "list_measures business_type=bonded-repair": lambda: list_measures(
                store, MeasureFilter(business_type="bonded-repair"), memo=memo
            ),
        }.items():
            fn()
            times: list[float] = []
            deadline = time.perf_counter() + budget["seconds"]
            while len(times) < budget["n_inproc"] and (len(times) < 3 or time.perf_counter() < deadline):
                t = time.perf_counter()
                fn()
                times.append((time.perf_counter() - t) * 1000)
            out[name] = {
                "n": len(times),
                "p50_ms": round(statistics.median(times), 3),
                "p99_ms": round(pct(times, 99), 3),
            }
    finally:
        store.close()
    return out


def bench_size(size: str, budget: dict) -> dict:
    manifest = scale.generate(size)
    data = OUT / size
    result: dict = {"size": size, "document_triples": manifest["document_triples"], "files": manifest["files"]}
    print(f"\n== {size}: {manifest['document_triples']:,} document triples in {manifest['files']} files", flush=True)

    result["in_process"] = in_process(data, budget)
    print(f"   in-process: {result['in_process']}", flush=True)

    env = {"BZKG_MAX_ROWS": "10000000", "BZKG_QUERY_TIMEOUT": "120"}  # same answers as Oxigraph, never cut
    servers: list[Server] = []
    try:
        embedded = bzkg_serve("embedded", data, env)
        servers.append(embedded)
        oxi = oxigraph_serve()
        servers.append(oxi)
        began = time.perf_counter()
        load = subprocess.run(
            [*BZKG, "load", "--gsp", f"{oxi.base}/store", "--data", str(data)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=1200,
        )
        if load.returncode != 0:
            raise RuntimeError(f"bzkg load failed: {load.stderr[-1000:]}")
        gsp_load_s = time.perf_counter() - began
        remote = bzkg_serve("remote", data, {**env, "BZKG_SPARQL_ENDPOINT": f"{oxi.base}/query"})
        servers.append(remote)
        result["startup"] = {
            "embedded_serve_ready_s": round(embedded.startup_s, 2),
            "oxigraph_gsp_load_s": round(gsp_load_s, 2),
            "remote_serve_ready_s": round(remote.startup_s, 2),
        }
        print(f"   start-up: {result['startup']}", flush=True)

        n, secs = budget["n"], budget["seconds"]
        with httpx.Client(timeout=300) as client:
            rest: dict = {}
            for label, server in (("embedded", embedded), ("remote", remote)):
                rest[label] = {
                    "measure": series(
                        client, "GET", f"{server.base}/api/v1/measures/{MEASURE_ID}", n=n, seconds=secs
                    ).summary(),
                    "measures?business_type=bonded-repair": series(
                        client, "GET", f"{server.base}/api/v1/measures?business_type=bonded-repair", n=n, seconds=secs
                    ).summary(),
                }
                print(f"   REST {label}: {rest[label]}", flush=True)
            result["rest"] = rest

            queries: dict = {}
            for name, (text, params) in named_queries().items():
                row_counts = {
                    "ours": rows(client, f"{embedded.base}/sparql", text),
                    "oxigraph": rows(client, f"{oxi.base}/query", text),
                }
                entry = {"rows": row_counts}
                for label, url in (
                    ("oxigraph /query", f"{oxi.base}/query"),
                    ("embedded /sparql", f"{embedded.base}/sparql"),
                    ("remote /sparql", f"{remote.base}/sparql"),
                ):
                    entry[label] = series(client, "POST", url, n=n, seconds=secs, **sparql_post(text)).summary()
                entry["embedded /api/v1/queries"] = series(
                    client, "GET", f"{embedded.base}/api/v1/queries/{name}", n=n, seconds=secs, params=params
                ).summary()
                base_p50 = entry["oxigraph /query"]["p50_ms"]
                entry["overhead_embedded"] = round(entry["embedded /sparql"]["p50_ms"] / base_p50, 2)
                entry["overhead_remote"] = round(entry["remote /sparql"]["p50_ms"] / base_p50, 2)
                entry["added_ms_embedded"] = round(entry["embedded /sparql"]["p50_ms"] - base_p50, 2)
                queries[name] = entry
                print(
                    f"   {name}: rows {row_counts}, oxigraph {base_p50} ms, ours {entry['embedded /sparql']['p50_ms']}"
                    f" ms (x{entry['overhead_embedded']}), remote x{entry['overhead_remote']}",
                    flush=True,
                )
            result["named_queries"] = queries

            pages: dict = {}
            for label, path in PAGES.items():
                pages[label] = series(
                    client,
                    "GET",
                    f"{embedded.base}{path}",
                    n=budget["n_pages"],
                    seconds=secs,
                    cold=True,
                    headers={"Accept": "text/html"},
                ).summary()
                print(f"   page {label}: {pages[label]}", flush=True)
            result["pages"] = pages

        tp_text, tp_params = named_queries()[THROUGHPUT_QUERY]
        c, tsecs = 8, budget["throughput_seconds"]
        result["throughput_c8"] = {
            "REST measure (embedded)": throughput(
                "GET", f"{embedded.base}/api/v1/measures/{MEASURE_ID}", concurrency=c, seconds=tsecs
            ),
            "REST measure (remote)": throughput(
                "GET", f"{remote.base}/api/v1/measures/{MEASURE_ID}", concurrency=c, seconds=tsecs
            ),
            f"/api/v1/queries/{THROUGHPUT_QUERY} (embedded)": throughput(
                "GET",
                f"{embedded.base}/api/v1/queries/{THROUGHPUT_QUERY}",
                concurrency=c,
                seconds=tsecs,
                params=tp_params,
            ),
            f"{THROUGHPUT_QUERY} via /sparql (embedded)": throughput(
                "POST", f"{embedded.base}/sparql", concurrency=c, seconds=tsecs, **sparql_post(tp_text)
            ),
            f"{THROUGHPUT_QUERY} via Oxigraph /query": throughput(
                "POST", f"{oxi.base}/query", concurrency=c, seconds=tsecs, **sparql_post(tp_text)
            ),
        }
        print(f"   throughput: {result['throughput_c8']}", flush=True)
    finally:
        for server in reversed(servers):
            server.stop()
    return result


# -- report ---------------------------------------------------------------------------------------
def _ms(v: float | None) -> str:
    if v is None:
        return "–"
    return f"{v:.2f}" if v < 10 else f"{v:.1f}" if v < 100 else f"{v:.0f}"


def _rps(t: dict) -> str:
    return f"{t['rps']}" + (f" ({t['errors']} errors: {t.get('first_error', '')[:60]})" if t["errors"] else "")


def report(results: list[dict], meta: dict) -> str:
    sizes = [r["size"] for r in results]
    head = lambda cols: "| " + " | ".join(cols) + " |\n|" + "---|" * len(cols) + "\n"  # noqa: E731
    md = [f"Run {meta['date']} on {meta['machine']}; `{meta['command']}`.\n\n"]

    md.append("### Graph sizes and load times\n\n")
    md.append(
        head(
            [
                "size",
                "document triples",
                "files",
                "store quads (with ontology)",
                "in-process load (s)",
                "`bzkg serve` until /ready (s)",
                "Oxigraph `bzkg load --gsp` (s)",
            ]
        )
    )
    for r in results:
        md.append(
            f"| {r['size']} | {r['document_triples']:,} | {r['files']} | {r['in_process']['quads']:,} | "
            f"{r['in_process']['load_s']} | {r['startup']['embedded_serve_ready_s']} | "
            f"{r['startup']['oxigraph_gsp_load_s']} |\n"
        )

    md.append("\n### One measure and a filtered list (ms, p50 / p99)\n\n")
    md.append(head(["what", *sizes]))
    lines = [
        ("in-process `get_measure` (embedded store)", lambda r: r["in_process"]["get_measure"]),
        ("REST `/api/v1/measures/hubei-2021~8`, embedded", lambda r: r["rest"]["embedded"]["measure"]),
        ("REST `/api/v1/measures/hubei-2021~8`, remote", lambda r: r["rest"]["remote"]["measure"]),
        (
            "in-process `list_measures(business_type=bonded-repair)`",
            lambda r: r["in_process"]["list_measures business_type=bonded-repair"],
        ),
        (
            "REST `/api/v1/measures?business_type=bonded-repair`, embedded",
            lambda r: r["rest"]["embedded"]["measures?business_type=bonded-repair"],
        ),
        (
            "REST `/api/v1/measures?business_type=bonded-repair`, remote",
            lambda r: r["rest"]["remote"]["measures?business_type=bonded-repair"],
        ),
    ]
    for label, get in lines:
        md.append(
            f"| {label} | " + " | ".join(f"{_ms(get(r)['p50_ms'])} / {_ms(get(r)['p99_ms'])}" for r in results) + " |\n"
        )

    md.append("\n### Named queries: our `/sparql` against the Oxigraph server's `/query` (ms, p50 / p99)\n\n")
    md.append(
        head(
            [
                "query",
                "size",
                "rows",
                "Oxigraph /query",
                "embedded /sparql",
                "ratio",
                "added (ms)",
                "remote /sparql",
                "ratio",
                "`/api/v1/queries/…` (embedded)",
            ]
        )
    )
    for name in results[0]["named_queries"]:
        for r in results:
            q = r["named_queries"][name]
            cell = lambda k: f"{_ms(q[k]['p50_ms'])} / {_ms(q[k]['p99_ms'])}"  # noqa: E731, B023
            md.append(
                f"| {name} | {r['size']} | {q['rows']['oxigraph']} | {cell('oxigraph /query')} | "
                f"{cell('embedded /sparql')} | {q['overhead_embedded']:.2f} | {q['added_ms_embedded']:+.2f} | "
                f"{cell('remote /sparql')} | "
                f"{q['overhead_remote']:.2f} | {cell('embedded /api/v1/queries')} |\n"
            )

    md.append("\n### Throughput at concurrency 8 (requests/s)\n\n")
    md.append(head(["what", *sizes]))
    for label in results[0]["throughput_c8"]:
        md.append(f"| {label} | " + " | ".join(_rps(r["throughput_c8"][label]) for r in results) + " |\n")

    pages = ["\n### Pages (embedded; ms)\n\n"]
    pages.append(head(["page", "size", "first fetch", "warm p50", "warm p99", "`Server-Timing` render p50", "bytes"]))
    for label in PAGES:
        for r in results:
            p = r["pages"][label]
            pages.append(
                f"| {label} `{PAGES[label]}` | {r['size']} | {_ms(p.get('first_ms'))} | {_ms(p['p50_ms'])} | "
                f"{_ms(p['p99_ms'])} | {_ms(p.get('server_timing_p50_ms'))} | {p['bytes']:,} |\n"
            )
    return "".join(md), "".join(pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10k,100k,1M", help="comma-separated sizes (default: %(default)s)")
    parser.add_argument("--quick", action="store_true", help="smaller request counts and time limits")
    args = parser.parse_args(argv)
    budget = (
        {"n": 50, "n_pages": 10, "n_inproc": 100, "seconds": 2.0, "throughput_seconds": 2.0}
        if args.quick
        else {"n": 300, "n_pages": 30, "n_inproc": 1000, "seconds": 8.0, "throughput_seconds": 5.0}
    )
    OUT.mkdir(parents=True, exist_ok=True)
    meta = {
        "date": dt.date.today().isoformat(),
        "machine": f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}",
        "command": "python bench/service_bench.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "budget": budget,
    }
    began = time.perf_counter()
    results = []
    for size in args.sizes.split(","):
        results.append(bench_size(size.strip(), budget))
        meta["seconds"] = round(time.perf_counter() - began)
        (OUT / "service-results.json").write_text(json.dumps({"meta": meta, "results": results}, indent=2) + "\n")
    service_md, pages_md = report(results, meta)
    (OUT / "service-report.md").write_text("## Service\n\n" + service_md + "\n## Pages\n" + pages_md)
    print(f"\nwritten {OUT / 'service-results.json'} and {OUT / 'service-report.md'} in {meta['seconds']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
