#!/usr/bin/env python3
"""Whole-process benchmark of critique-lint against a segmentation-only baseline.

Usage: python3 bench/run.py [--docs 1000] [--runs 7] [--cross] [--small]

Builds release binaries, generates DOCS synthetic reports (~5,000 characters
each, examples/gen_reports.rs) into bench/data/, then times, interleaved:
  * segment_only  — loads jieba, reads and segments the same files (2 threads)
  * check         — critique-lint --format json: the core rules (structure,
                    typography, wording), all rules, all but correspondence
  * 1 file        — both programs on a single file (dictionary load dominates)
and prints median wall times, documents/s, MB/s, ratios and peak memory.

--small times what a member, a hook or an editor waits for: one report and
a team of 30, each against segment_only on the same files (at least 21
runs), with the dictionary of the reports' own words (the default for
inputs this small) and with jieba's full dictionary
(CRITIQUE_LINT_DICTIONARY=full, the only path before), and peak memory.
"""
import argparse, os, pathlib, resource, statistics, subprocess, sys, time

ROOT = pathlib.Path(__file__).resolve().parent.parent
TARGET = ROOT / "target" / "release"


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


THREADS = 2
# segment_only runs on rayon's global pool: this sets its size, as -j does
# for critique-lint.
ENV = dict(os.environ, RAYON_NUM_THREADS=str(THREADS))
FAILED = []


def check_limit(what, value, limit):
    """Prints a ratio against its limit and remembers a failure."""
    ok = value <= limit
    if not ok:
        FAILED.append(f"{what}: {value:.2f} > {limit}")
    return f"{value:.2f}x (limit {limit}{'' if ok else ', FAILED'})"


def timed(cmd):
    """Wall seconds and CPU seconds (user + system) of one run of cmd (a
    command line, or a command line and environment variables to set)."""
    cmd, env = cmd if isinstance(cmd, tuple) else (cmd, {})
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       env=dict(ENV, **env))
    wall = time.perf_counter() - t
    if p.returncode not in (0, 1):
        sys.exit(f"{cmd} failed with {p.returncode}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def bench(cmds, runs):
    """Runs each command `runs` times, interleaved; name -> (median wall,
    (25th, 75th percentile of wall), median CPU). Limits are judged on
    medians of all runs, never on the best run."""
    walls = {n: [] for n in cmds}
    cpus = {n: [] for n in cmds}
    for _ in range(runs):
        for name, cmd in cmds.items():
            w, c = timed(cmd)
            walls[name].append(w)
            cpus[name].append(c)

    def quartiles(xs):
        if len(xs) < 4:
            return min(xs), max(xs)
        q = statistics.quantiles(xs, n=4)
        return q[0], q[2]
    return {n: (statistics.median(walls[n]), quartiles(walls[n]), statistics.median(cpus[n])) for n in cmds}


def peak_rss(cmd):
    """Peak resident memory of one run of cmd, in KiB."""
    cmd, env = cmd if isinstance(cmd, tuple) else (cmd, {})
    out = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True, env=dict(ENV, **env))
    return int(out.stderr.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--cross", action="store_true",
                    help="scale of the cross-document rules: 1,000 and 10,000 reports")
    ap.add_argument("--small", action="store_true",
                    help="one report and a team of 30 against segment_only, peak memory")
    ap.add_argument("--near", action="store_true",
                    help="1,000 lightly edited copies of 20 base texts (bench/near_copies.py): "
                         "the default run against segment_only, peak memory, findings per report")
    args = ap.parse_args()
    if args.cross:
        return cross(args.runs)
    if args.near:
        return near(args.runs)
    if args.small:
        return small(max(args.runs, 21))
    build()
    data = ROOT / "bench" / "data" / f"{args.docs}"
    if not (data / "planted.tsv").exists():
        sh([str(TARGET / "examples" / "gen_reports"), str(data), str(args.docs)])
    files = sorted(data.glob("*.txt"))
    size = sum(f.stat().st_size for f in files)
    one = str(files[0])
    lint = str(TARGET / "critique-lint")
    j = ["-j", str(THREADS)]
    seg = str(TARGET / "examples" / "segment_only")
    cmds = {
        "segment_only": [seg, str(data)],
        "check, core rules": [lint, *j, "--format", "json", "--select", "structure,typography,wording", str(data)],
        "check, all rules": [lint, *j, "--format", "json", str(data)],
        "check w/o correspondence": [lint, *j, "--format", "json", "--ignore", "correspondence", str(data)],
        "segment_only (1 file)": [seg, one],
        "check, core (1 file)": [lint, *j, "--format", "json", "--select", "structure,typography,wording", one],
        "check, all (1 file)": [lint, *j, "--format", "json", one],
    }
    res = bench(cmds, args.runs)
    print(f"{len(files)} reports, {size / 1e6:.1f} MB, {args.runs} runs each, {THREADS} threads "
          f"(wall: median [25th–75th percentile]; CPU: median)")
    for name, (med, (q1, q3), cpu) in res.items():
        n = 1 if "1 file" in name else len(files)
        mb = (os.path.getsize(one) if n == 1 else size) / 1e6
        print(f"  {name:26} {med:7.3f} s [{q1:.3f}–{q3:.3f}]  cpu {cpu:6.3f} s  "
              f"{n / med:7.0f} docs/s  {mb / med:6.1f} MB/s")
    seg_all, seg_one = res["segment_only"][0], res["segment_only (1 file)"][0]
    print(f"  core rules / segment_only: {len(files)} files "
          f"{check_limit('core rules', res['check, core rules'][0] / seg_all, 1.5)}, "
          f"1 file {check_limit('core rules, 1 file', res['check, core (1 file)'][0] / seg_one, 1.15)}")
    print(f"  default run (all rules) / segment_only: {len(files)} files "
          f"{check_limit('default run', res['check, all rules'][0] / seg_all, 1.5)}, "
          f"1 file {res['check, all (1 file)'][0] / seg_one:.2f}x")
    share = 1 - res["check w/o correspondence"][0] / res["check, all rules"][0]
    share_cpu = 1 - res["check w/o correspondence"][2] / res["check, all rules"][2]
    if share_cpu > 0.30:
        FAILED.append(f"correspondence share of CPU {share_cpu:.0%} > 30%")
    print(f"  correspondence stage (links, unaddressed-*, orphan, vague-*): {share:.0%} of check wall time, "
          f"{share_cpu:.0%} of CPU time (limit 30%)")
    print(f"  peak memory: check {peak_rss(cmds['check, all rules']) / 1024:.0f} MiB, "
          f"segment_only {peak_rss(cmds['segment_only']) / 1024:.0f} MiB")


def build():
    """The examples, then the binary on its own: built together, cargo would
    give the binary the dev-dependencies' features (a full-DFA regex build,
    ~10 M more instructions per run) that a user's `cargo install` never has."""
    sh(["cargo", "build", "--release", "-q",
        "--example", "segment_only", "--example", "gen_reports"], cwd=ROOT)
    sh(["cargo", "build", "--release", "-q", "--bin", "critique-lint"], cwd=ROOT)


def near(runs):
    """The copies issue's benchmark: everyone started from the same drafts."""
    build()
    data = ROOT / "bench" / "data" / "near-1000"
    if not data.exists():
        sh([sys.executable, str(ROOT / "bench" / "near_copies.py"), str(data), "1000", "20"])
    files = sorted(data.glob("*.txt"))
    size = sum(f.stat().st_size for f in files)
    lint = str(TARGET / "critique-lint")
    seg = str(TARGET / "examples" / "segment_only")
    cmds = {
        "segment_only": [seg, str(data)],
        "check (default rules)": [lint, "-j", str(THREADS), "--format", "json", str(data)],
    }
    res = bench(cmds, runs)
    print(f"{len(files)} near-copies of 20 texts, {size / 1e6:.1f} MB, {runs} runs each, "
          f"{THREADS} threads (wall: median [25th–75th percentile]; CPU: median)")
    for name, (med, (q1, q3), cpu) in res.items():
        print(f"  {name:26} {med:7.3f} s [{q1:.3f}–{q3:.3f}]  cpu {cpu:6.3f} s")
    ratio = res["check (default rules)"][0] / res["segment_only"][0]
    print(f"  default run / segment_only: {check_limit('near-copies default run', ratio, 1.5)}")
    peak = peak_rss(cmds["check (default rules)"]) / 1024
    if peak > 120:
        FAILED.append(f"near-copies peak memory {peak:.0f} MiB > 120")
    print(f"  peak memory: check {peak:.0f} MiB (limit 120), "
          f"segment_only {peak_rss(cmds['segment_only']) / 1024:.0f} MiB")
    out = subprocess.run(cmds["check (default rules)"], capture_output=True, env=ENV).stdout
    import json, collections
    diags = json.loads(out)["diagnostics"]
    per = len(diags) / len(files)
    if per > 10:
        FAILED.append(f"near-copies findings per report {per:.1f} > 10")
    top = collections.Counter(d["rule"] for d in diags).most_common(6)
    print(f"  findings per report: {per:.1f} (limit 10); most: "
          + ", ".join(f"{r} {n}" for r, n in top))


def small(runs):
    """One report and a team of 30: whole runs against segment_only."""
    build()
    data = ROOT / "bench" / "data" / "1000"
    if not (data / "planted.tsv").exists():
        sh([str(TARGET / "examples" / "gen_reports"), str(data), "1000"])
    files = [str(f) for f in sorted(data.glob("*.txt"))]
    lint = str(TARGET / "critique-lint")
    seg = str(TARGET / "examples" / "segment_only")
    full = {"CRITIQUE_LINT_DICTIONARY": "full"}
    limits = {1: 0.2, 30: 0.5}
    cmds = {}
    for n in limits:
        team = files[:n]
        cmds[f"segment_only ({n})"] = [seg] + team
        cmds[f"check, own words ({n})"] = [lint, "--format", "json"] + team
        cmds[f"check, full dictionary ({n})"] = ([lint, "--format", "json"] + team, full)
    res = bench(cmds, runs)
    print(f"{runs} runs each, interleaved, 2 threads (wall: median [25th–75th percentile]; CPU: median)")
    for name, (med, (q1, q3), cpu) in res.items():
        print(f"  {name:30} {med * 1000:7.1f} ms [{q1 * 1000:.1f}–{q3 * 1000:.1f}]  cpu {cpu * 1000:6.1f} ms")
    for n, limit in limits.items():
        seg_med = res[f"segment_only ({n})"][0]
        print(f"  {n:2} report{'s' if n > 1 else ' '} / segment_only: own words "
              f"{res[f'check, own words ({n})'][0] / seg_med:.2f}x (limit {limit}), full dictionary "
              f"{res[f'check, full dictionary ({n})'][0] / seg_med:.2f}x")
    print("  peak memory, 1 report: check " + ", ".join(
        f"{name.split(', ')[1].split(' (')[0]} {peak_rss(cmds[name]) / 1024:.0f} MiB"
        for name in ("check, own words (1)", "check, full dictionary (1)"))
        + f"; segment_only {peak_rss(cmds['segment_only (1)']) / 1024:.0f} MiB (limit 20 MiB)")


CROSS_RULES = "shared-passage,template-copy,repeated-passage"


def planted_recall(data, out_json):
    """Share of planted copies (planted.tsv) reported with both locations."""
    import json
    d = json.load(open(out_json))
    found = set()
    for x in d["diagnostics"]:
        if x["rule"] in ("shared-passage", "template-copy"):
            found.add((pathlib.Path(x["path"]).name, pathlib.Path(x["labels"][0]["path"]).name))
    rows = [l.split("\t") for l in (data / "planted.tsv").read_text().splitlines()[1:] if l]
    hit = 0
    for copy, src, _ in rows:
        if src == "template":
            hit += any(a == copy and "seed" in b for a, b in found)
        else:
            hit += (copy, src) in found and (src, copy) in found
    return hit, len(rows)


def cross(runs):
    """Cross-document stage at 1k and 10k reports: time, memory, planted copies."""
    build()
    lint = str(TARGET / "critique-lint")
    times = {}
    for n in (1000, 10000):
        data = ROOT / "bench" / "data" / f"{n}"
        if not (data / "planted.tsv").exists():
            sh([str(TARGET / "examples" / "gen_reports"), str(data), str(n)])
        size = sum(f.stat().st_size for f in data.glob("*.txt"))
        cmds = {
            "with cross-document rules": [lint, "-j", str(THREADS), "--format", "json", str(data)],
            "cross-document rules ignored": [lint, "-j", str(THREADS), "--format", "json", "--ignore", CROSS_RULES,
                                             str(data)],
        }
        res = bench(cmds, runs if n == 1000 else max(1, runs // 3))
        out = ROOT / "bench" / "data" / f"out-{n}.json"
        with open(out, "w") as f:
            subprocess.run(cmds["with cross-document rules"], stdout=f, stderr=subprocess.DEVNULL)
        hit, total = planted_recall(data, out)
        print(f"{n} reports, {size / 1e6:.0f} MB:")
        for name, (med, (q1, q3), cpu) in res.items():
            print(f"  {name:30} {med:7.2f} s [{q1:.2f}–{q3:.2f}]  cpu {cpu:6.2f} s  "
                  f"peak {peak_rss(cmds[name]) / 1024:.0f} MiB")
        with_cross = res["with cross-document rules"][0]
        without = res["cross-document rules ignored"][0]
        print(f"  ratio with / without: {check_limit(f'cross ratio at {n}', with_cross / without, 1.3)}; "
              f"planted copies found with both locations: {hit} of {total}")
        if hit != total:
            FAILED.append(f"planted copies at {n}: {hit} of {total}")
        times[n] = with_cross
    print(f"1k -> 10k time ratio: {check_limit('1k -> 10k', times[10000] / times[1000], 11)}")


if __name__ == "__main__":
    main()
    if FAILED:
        print("limits exceeded: " + "; ".join(FAILED))
        sys.exit(1)
