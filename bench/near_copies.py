#!/usr/bin/env python3
"""Generates reports that are lightly edited copies of a few base texts: the
realistic worst case for the copy stage (every member started from one of
the same circulated drafts).

Usage: python3 bench/near_copies.py OUT_DIR [COUNT] [BASES]

Writes BASES base texts (examples/gen_reports.rs, ~5,000 characters each) to
OUT_DIR.bases/, then COUNT reports to OUT_DIR/: report i copies base i % BASES
with the sentences of each paragraph shuffled and about 8 % of the characters
changed, in word-sized edits (a 2–4 character stretch replaced by one taken
from another base), as members change names, numbers and phrases.
"""
import pathlib, random, re, subprocess, sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
CHANGED = 0.08


def main():
    out = pathlib.Path(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    nbases = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    bases_dir = out.with_name(out.name + ".bases")
    gen = ROOT / "target" / "release" / "examples" / "gen_reports"
    subprocess.run([str(gen), str(bases_dir), str(nbases)], check=True, stdout=subprocess.DEVNULL)
    bases = [p.read_text() for p in sorted(bases_dir.glob("r*.txt"))]
    rng = random.Random(20241201)
    han = re.compile(r"[\u4e00-\u9fff]{2,4}")
    donors = [m.group(0) for b in bases for m in han.finditer(b)]
    out.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(count):
        base = bases[i % nbases]
        lines = []
        for line in base.split("\n"):
            sentences = [s for s in re.split(r"(?<=。)", line) if s]
            # Headings and one-sentence lines stay; longer paragraphs shuffle.
            if len(sentences) > 2:
                head, rest = sentences[0], sentences[1:]
                rng.shuffle(rest)
                sentences = [head] + rest
            lines.append("".join(sentences))
        text = list("\n".join(lines))
        # Word-sized edits on Han characters until ~8 % are changed.
        budget = int(sum(1 for c in text if "\u4e00" <= c <= "\u9fff") * CHANGED)
        while budget > 0:
            at = rng.randrange(len(text))
            width = rng.randint(2, 4)
            if not all("\u4e00" <= c <= "\u9fff" for c in text[at:at + width]):
                continue
            word = rng.choice(donors)[:width]
            text[at:at + len(word)] = list(word)
            budget -= len(word)
        body = "".join(text)
        (out / f"n{i:05}.txt").write_text(body)
        total += len(body.encode())
    print(f"{count} reports from {nbases} bases, {total / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
