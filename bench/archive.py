#!/usr/bin/env python3
"""Benchmark of the archive (issue 16).

Usage: python3 bench/archive.py [--reports 100000] [--runs 7] [--work DIR] [--keep]

1. Generates REPORTS short synthetic reports (about 900 characters each: an
   author line, parts of problems, causes and measures built from a phrase
   bank with random numbers, places and names; 5 years of 20% of the reports
   each) and builds an archive of them with `critique-lint archive add -q`;
   prints the build time and the archive's size on disk.
2. Generates a team of 30 reports for the next year, by authors in the
   archive (a third repeat one of their problems, a few copy a passage of
   another archived report), and times, interleaved, median of RUNS:
     * check           — the team alone, no archive
     * check --archive — the team against the archive
     * check --reference DIR — the team with 1,000 archived reports as references
   and checks the limits: archive ≤ no archive + 0.5 s, and ≤ 1.5 × reference.

Generation and the build take a while for 100,000 reports (the data go to
--work, default /tmp/critique-lint-archive-bench, reused when present).
"""
import argparse, os, pathlib, random, shutil, statistics, subprocess, sys, time

ROOT = pathlib.Path(__file__).resolve().parent.parent
BIN = ROOT / "target" / "release" / "critique-lint"

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国庆东海波宁晓林文斌峰志远卫民德华春梅雪松柏青山河江"
UNITS = ["县水利局", "县教育局", "县农业农村局", "县自然资源局", "县卫生健康局", "县住建局", "县交通运输局",
         "县商务局", "县文旅局", "县民政局", "县财政局", "县审计局", "县市场监管局", "县生态环境局", "县应急管理局",
         "城关镇", "青石镇", "河口乡", "东城街道", "西城街道", "县人民医院", "县第一中学", "县税务局", "县林业局"]
ROLES = ["党组书记、局长", "党组成员、副局长", "党委书记", "党委副书记、镇长", "党工委书记", "党委书记、院长", "党委书记、校长"]
ASPECTS = ["理论学习", "政治能力", "担当作为", "工作作风", "廉洁自律", "服务群众", "推动发展", "防范风险", "队伍建设", "改革创新"]
FAULTS = ["学习的系统性不够", "研讨质量不高", "调研走过场", "会议文件偏多", "监督停留在签责任书", "推进项目迟缓",
          "隐患排查不彻底", "政策宣传不到位", "办事流程繁琐", "资金拨付偏慢", "对年轻干部压担子不够", "群众反映的问题回应慢",
          "台账管理混乱", "考核指标完成率偏低", "基层走访次数偏少", "制度执行打折扣"]
THINGS = ["水库除险加固", "供水管网改造", "高标准农田建设", "学校扩容", "课后服务", "污水处理设施运行", "宅基地审批",
          "河道采砂监管", "不动产登记", "耕地保护", "安置小区办证", "农产品抽检", "集体经济发展", "老旧小区改造",
          "道路养护", "医保基金监管", "安全生产检查", "食品安全抽检", "人居环境整治", "招商引资"]
ACTIONS = ["建立周调度制度", "成立专班逐项推进", "每月通报一次进度", "开展专项检查", "压缩审批环节", "建立工作台账",
           "实行挂图作战", "开展蹲点调研", "组织专题培训", "落实包保责任", "引入第三方评估", "建立群众评议机制"]
CAUSES = ["理想信念的根基不够牢固", "宗旨意识有所淡化", "担当精神不足", "纪律规矩意识有所松懈", "政治站位不够高",
          "底线思维不牢", "改革意识不足", "群众观念树得不牢"]


def name(rng):
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def place(rng):
    return rng.choice(["东", "西", "南", "北", "中"]) + rng.choice(["片区", "河段", "社区", "园区", "乡镇"]) + str(rng.randint(1, 99)) + "号点位"


def problem(rng):
    thing = rng.choice(THINGS)
    return (f"{rng.choice(ASPECTS)}上{rng.choice(FAULTS)}，{thing}工作中{place(rng)}有{rng.randint(2, 90)}项任务滞后，"
            f"群众在{rng.randint(1, 12)}月集中反映{rng.randint(2, 60)}次，我只作了{rng.randint(1, 9)}次安排。")


def cause(rng):
    return (f"{rng.choice(CAUSES)}。面对{rng.choice(THINGS)}这样的难事，存在等上级、等条件的思想，"
            f"对{place(rng)}的情况掌握不全，第{rng.randint(1, 40)}次督办后才推动。")


def measure(rng, year):
    return (f"{rng.choice(ACTIONS)}，由我牵头{rng.choice(THINGS)}，在{place(rng)}每{rng.randint(1, 4)}周推进一次，"
            f"确保{year + 1}年{rng.randint(1, 12)}月底前完成{rng.randint(10, 99)}项任务。")


def report(rng, author, unit, role, year, problems=None):
    lines = [f"{year}年度民主生活会个人对照检查材料", f"{unit}{role} {author}",
             f"按照要求，我会前参加集中学习{rng.randint(2, 9)}次，征求意见建议{rng.randint(10, 40)}条，现将对照检查情况报告如下。",
             "一、存在的问题"]
    problems = problems or [problem(rng) for _ in range(4)]
    for i, p in enumerate(problems):
        lines.append(f"{'一二三四五六'[i]}是{p}")
    lines.append("二、原因剖析")
    for i in range(2):
        lines.append(f"（{'一二三'[i]}）{cause(rng)}")
    lines.append("三、整改措施")
    for i in range(4):
        lines.append(f"（{'一二三四五'[i]}）{measure(rng, year)}")
    lines.append("以上对照检查，恳请同志们批评指正。")
    lines.append(f"{year + 1}年1月{rng.randint(5, 28)}日")
    return "\n".join(lines) + "\n", problems


def generate(work, n, rng):
    """n archived reports: n / 5 authors, one report a year 2019–2023."""
    archived = work / "archived"
    if (work / "archived.done").exists():
        return
    shutil.rmtree(archived, ignore_errors=True)
    # Distinct names (a surname and two given characters): the archive
    # knows an author by name.
    pool = [s + a + b for s in SURNAMES for a in GIVEN for b in GIVEN]
    authors = [(nm, rng.choice(UNITS), rng.choice(ROLES)) for nm in rng.sample(pool, max(1, n // 5))]
    for i in range(n):
        author, unit, role = authors[i % len(authors)]
        year = 2019 + (i // len(authors)) % 5
        d = archived / str(year) / f"{i // 1000:03d}"
        d.mkdir(parents=True, exist_ok=True)
        text, problems = report(rng, author, unit, role, year)
        (d / f"{i:06d}.txt").write_text(text)
    (work / "archived.done").write_text("")


def team(work, rng):
    """30 reports of 2024 by archived authors of 2023."""
    out = work / "team"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    files_2023 = sorted((work / "archived" / "2023").rglob("*.txt"))
    for i, f in enumerate(files_2023[:30]):
        old = f.read_text().splitlines()
        author_line = old[1]
        unit_role, author = author_line.rsplit(" ", 1)
        unit = next(u for u in UNITS if unit_role.startswith(u))
        role = unit_role[len(unit):]
        problems = None
        if i % 3 == 0:  # one problem comes back
            problems = [problem(rng) for _ in range(3)] + [old[4][2:]]
        text, _ = report(rng, author, unit, role, 2024, problems)
        if i % 10 == 5:  # a passage copied from another archived report
            other = files_2023[100 + i].read_text().splitlines()
            text = text.replace("三、整改措施", other[10] + "\n三、整改措施")
        (out / f"member-{i:02d}.txt").write_text(text)


def timed(cmd):
    t = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t
    if p.returncode not in (0, 1):
        sys.exit(f"{' '.join(map(str, cmd))} failed with {p.returncode}: {p.stderr.decode()}")
    return wall


def size(path):
    return sum(os.path.getsize(str(path) + x) for x in ("", "-wal", "-shm") if os.path.exists(str(path) + x))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--work", default="/tmp/critique-lint-archive-bench")
    args = ap.parse_args()
    subprocess.run(["cargo", "build", "--release", "-q"], cwd=ROOT, check=True)
    work = pathlib.Path(args.work) / str(args.reports)
    work.mkdir(parents=True, exist_ok=True)
    rng = random.Random(16)
    t = time.perf_counter()
    generate(work, args.reports, rng)
    print(f"generated {args.reports} reports in {time.perf_counter() - t:.0f} s "
          f"({sum(f.stat().st_size for f in (work / 'archived').rglob('*.txt')) / 1e6:.0f} MB)")
    db = work / "archive.db"
    if not (work / "archive.done").exists():
        for x in ("", "-wal", "-shm"):
            pathlib.Path(str(db) + x).unlink(missing_ok=True)
        t = time.perf_counter()
        subprocess.run([BIN, "archive", "--archive", db, "add", "-q", work / "archived"], check=True)
        build = time.perf_counter() - t
        (work / "archive.done").write_text(f"{build:.1f}")
    build = float((work / "archive.done").read_text())
    print(f"archive: {args.reports} reports, built in {build:.0f} s, {size(db) / 1e6:.0f} MB on disk")
    team(work, random.Random(2024))
    refs = work / "references"
    shutil.rmtree(refs, ignore_errors=True)
    refs.mkdir()
    for f in sorted((work / "archived" / "2023").rglob("*.txt"))[:1000]:
        shutil.copy(f, refs / f.name)
    base = [BIN, "check", "--format", "json", "-q", work / "team"]
    cmds = {
        "no archive": base,
        "--archive": base + ["--archive", db],
        "--reference 1,000": base + ["--reference", refs],
    }
    times = {k: [] for k in cmds}
    for _ in range(args.runs):
        for k, c in cmds.items():
            times[k].append(timed(c))
    med = {k: statistics.median(v) for k, v in times.items()}
    for k, v in med.items():
        print(f"{k:>18}: {v:.3f} s (median of {args.runs})")
    extra = med["--archive"] - med["no archive"]
    ratio = med["--archive"] / med["--reference 1,000"]
    ok = extra <= 0.5 and ratio <= 1.5
    print(f"archive costs {extra:+.3f} s (limit 0.5 s); {ratio:.2f} x --reference on 1,000 (limit 1.5)")
    found = subprocess.run(base + ["--archive", db], capture_output=True).stdout
    import json
    rules = {}
    for d in json.loads(found)["diagnostics"]:
        rules[d["rule"]] = rules.get(d["rule"], 0) + 1
    print("archive findings on the team:", {k: v for k, v in rules.items()
                                            if k in ("repeated-problem", "repeated-measure", "archive-copy", "missing-followup")})
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
