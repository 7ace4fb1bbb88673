#!/usr/bin/env python3
"""The HTTP half of bench/search_vs_raw.sh, and its report (see bench/README.md).

  search_http.py time --port P --user U --password-env VAR --queries Q --passes N --out FILE
      Signs in (mode token; the password from environment variable VAR) and sends every query
      of Q (search_bench's query file) as GET /api/v1/search?q=w1+w2&limit=20 over one
      keep-alive connection: one warm-up pass, then N timed passes. Timing is client-side: from
      sending the request to having read the whole body. Writes per query the visible total,
      the ranking, the number of hits and the median of its passes (ms).

  search_http.py report --queries Q --raw R1 [R2 …] --http ROLE:F1[,F2 …] [--http …]
      Percentiles of the 200-query mix (per run, then the median over runs), ratios to the raw
      FTS5 reference with the goals, medians per match-count bucket, and the single-word probes.

Standard library only, like the end-to-end tests.
"""
import argparse
import http.client
import json
import math
import os
import statistics
import sys
import time
import urllib.parse


def read_queries(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 3:
                out.append({"kind": fields[0], "lang": fields[1], "words": fields[2:]})
    return out


def read_rows(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if not line.startswith("#")]


def time_queries(args):
    queries = read_queries(args.queries)
    conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=120)
    body = json.dumps({"username": args.user, "password": os.environ[args.password_env], "mode": "token"})
    conn.request("POST", "/api/v1/auth/login", body=body, headers={"Content-Type": "application/json"})
    r = conn.getresponse()
    login = r.read()
    if r.status != 200:
        sys.exit(f"login as {args.user} failed: {r.status} {login[:200]!r}")
    headers = {"Authorization": "Bearer " + json.loads(login)["token"]}
    paths = ["/api/v1/search?" + urllib.parse.urlencode({"q": " ".join(q["words"]), "limit": 20}) for q in queries]
    times = [[] for _ in queries]
    seen = [None] * len(queries)
    for p in range(args.passes + 1):  # pass 0 warms the caches and is not counted
        for i, path in enumerate(paths):
            t0 = time.perf_counter()
            conn.request("GET", path, headers=headers)
            r = conn.getresponse()
            data = r.read()
            t1 = time.perf_counter()
            if r.status != 200:
                sys.exit(f"{path}: {r.status} {data[:200]!r}")
            if p == 0:
                j = json.loads(data)
                seen[i] = (j["total"], j.get("ranking", "?"), len(j["items"]))
            else:
                times[i].append((t1 - t0) * 1000)
    conn.close()
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# total\tranking\thits\thttp_ms\n")
        for (total, ranking, hits), ms in zip(seen, times):
            f.write(f"{total}\t{ranking}\t{hits}\t{statistics.median(ms):.3f}\n")


def pct(values, p):
    """Nearest-rank percentile."""
    s = sorted(values)
    return s[max(0, math.ceil(p / 100 * len(s)) - 1)]


BUCKETS = [(0, 0, "0"), (1, 99, "1-99"), (100, 999, "100-999"), (1000, 9999, "1k-9.9k"),
           (10000, 99999, "10k-99k"), (100000, float("inf"), ">=100k")]


def report(args):
    queries = read_queries(args.queries)
    mix = [i for i, q in enumerate(queries) if q["kind"] == "pair"]
    probes = [i for i, q in enumerate(queries) if q["kind"] != "pair"]
    raw_runs = [read_rows(p) for p in args.raw]
    matches = [int(row[0]) for row in raw_runs[0]]
    series = {"raw + snippet": [[float(r[1]) for r in run] for run in raw_runs],
              "raw, no snippet": [[float(r[2]) for r in run] for run in raw_runs]}
    seen = {}
    for spec in args.http:
        role, files = spec.split(":", 1)
        runs = [read_rows(p) for p in files.split(",")]
        series[f"HTTP {role}"] = [[float(r[3]) for r in run] for run in runs]
        seen[role] = runs[0]

    def per_query_median(name):
        runs = series[name]
        return [statistics.median(run[i] for run in runs) for i in range(len(runs[0]))]

    m = sorted(matches[i] for i in mix)
    print(f"\n== {len(mix)} two-word queries: raw (unfiltered) matches per query median {pct(m, 50)}, "
          f"p95 {pct(m, 95)}, max {m[-1]}; {len(raw_runs)} run(s), each the per-query median of its passes")
    print(f"{'':18} {'p50 ms':>9} {'p95 ms':>9} {'p99 ms':>9} {'max ms':>9}   p95 of each run")
    figures = {}
    for name, runs in series.items():
        per_run = [{p: pct([run[i] for i in mix], p) for p in (50, 95, 99, 100)} for run in runs]
        figures[name] = {p: statistics.median(r[p] for r in per_run) for p in (50, 95, 99, 100)}
        f = figures[name]
        print(f"{name:18} {f[50]:9.2f} {f[95]:9.2f} {f[99]:9.2f} {f[100]:9.2f}   "
              + " / ".join(f"{r[95]:.1f}" for r in per_run))

    raw = figures["raw + snippet"]
    print("\n== goals (perf-anchors G10 and the issue), HTTP against raw + snippet")
    for name in series:
        if not name.startswith("HTTP"):
            continue
        f = figures[name]
        checks = [(f"p95 {f[95]:.1f} ms <= 1.2 x raw p95 {raw[95]:.1f} ms (ratio {f[95] / raw[95]:.2f})",
                   f[95] <= 1.2 * raw[95]),
                  (f"p99 {f[99]:.1f} ms <= 1.2 x raw p99 {raw[99]:.1f} ms (ratio {f[99] / raw[99]:.2f})",
                   f[99] <= 1.2 * raw[99]),
                  (f"p50 {f[50]:.2f} ms <= raw p50 + 2 ms ({raw[50] + 2:.2f} ms)", f[50] <= raw[50] + 2),
                  (f"p95 {f[95]:.1f} ms <= 100 ms absolute", f[95] <= 100)]
        for text, ok in checks:
            print(f"  {name:16} {'PASS' if ok else 'MISS'}  {text}")
        ranked_among_newest = sum(1 for i in mix if seen[name[5:]][i][1] == "relevance_among_newest")
        print(f"  {name:16} {ranked_among_newest} of {len(mix)} queries ranked among the newest only")

    medians = {name: per_query_median(name) for name in series}
    print("\n== median ms per bucket of raw match count (per-query medians over runs)")
    print(f"{'matches':10} {'queries':>8}" + "".join(f" {name:>17}" for name in series))
    for low, high, label in BUCKETS:
        idx = [i for i in mix if low <= matches[i] <= high]
        if not idx:
            continue
        print(f"{label:10} {len(idx):8d}" + "".join(f" {statistics.median(medians[n][i] for i in idx):17.2f}"
                                                     for n in series))

    print("\n== single words (ms, per-query medians over runs)")
    roles = list(seen)
    print(f"{'word':24} {'raw matches':>11}" + "".join(f" {'total ' + r:>16}" for r in roles)
          + "".join(f" {name:>17}" for name in series))
    for i in probes:
        q = queries[i]
        label = f"{q['kind']} {q['lang']} {q['words'][0]}"
        totals = "".join(f" {seen[r][i][0] + ('*' if seen[r][i][1] == 'relevance_among_newest' else ''):>16}"
                         for r in roles)
        print(f"{label:24} {matches[i]:11d}{totals}" + "".join(f" {medians[n][i]:17.2f}" for n in series))
    print("  (* ranked among the newest only)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    t = sub.add_parser("time")
    t.add_argument("--port", type=int, required=True)
    t.add_argument("--user", required=True)
    t.add_argument("--password-env", required=True)
    t.add_argument("--queries", required=True)
    t.add_argument("--passes", type=int, default=3)
    t.add_argument("--out", required=True)
    r = sub.add_parser("report")
    r.add_argument("--queries", required=True)
    r.add_argument("--raw", nargs="+", required=True)
    r.add_argument("--http", action="append", required=True)
    args = parser.parse_args()
    time_queries(args) if args.command == "time" else report(args)


if __name__ == "__main__":
    main()
