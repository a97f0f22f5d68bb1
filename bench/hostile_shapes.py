#!/usr/bin/env python3
"""Times critique-lint on texts of one random shape repeated, at two sizes,
and flags shapes whose time grows much faster than their size (the second
size is four times the first: linear work takes ~4x, quadratic ~16x).

    python3 bench/hostile_shapes.py [--seed N] [--shapes N] [--lines] [--bin PATH]

A shape is one to seven tokens of the genre (markers, headings, hedges,
cues, marks, placeholders, spaces, line breaks) drawn at random; with
`--lines` each shape ends a line. Flagged shapes ("!!": over 1 s at the
larger size and over 7x the smaller's time) are worth a profile
(`valgrind --tool=callgrind`); tests/hostile.rs keeps the ones fixed.
"""
import argparse
import os
import random
import subprocess
import tempfile
import time

TOKENS = ['一、', '二、', '（一）', '（二）', '1.', '2、', '（1）', '①', '一是', '二是', '第一，',
          '存在的问题', '原因剖析', '整改措施', '\n', '。', '，', '；', '、', '：', ' ', '　', '“', '”',
          '《', '》', '（', '）', '学习', '不够', '有所', '有时', '比较', '虽然', '但', '究其原因',
          '针对问题一', '对应第1项', 'XX', '**', '____', '202X年', '3次', '2024年', '精神懈怠的危险',
          '三个自信', '推进', '加强', '理想信念', '工作忙', '任务重', '始终坚持', '取得明显成效',
          '没有发现', '——', '个人对照检查材料', '同志', '副局长', '张三', 'a', '1', '.', '(', ')', '—',
          '…', '！', '？', '【', '】', '□', '○', '的', '了', '在', '方面', '情况', '问题', '措施', '原因']


def timed(binary, path):
    start = time.time()
    subprocess.run([binary, '--format', 'json', path], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=600)
    return time.time() - start


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--seed', type=int, default=3)
    ap.add_argument('--shapes', type=int, default=60)
    ap.add_argument('--lines', action='store_true')
    ap.add_argument('--bin', default='target/release/critique-lint')
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        small_path = os.path.join(tmp, 'small.txt')
        big_path = os.path.join(tmp, 'big.txt')
        for _ in range(args.shapes):
            unit = ''.join(rng.choice(TOKENS) for _ in range(rng.randint(1, 7)))
            if args.lines:
                unit += rng.choice(['\n', '\n\n', '。\n'])
            n = len(unit.encode())
            with open(small_path, 'w') as f:
                f.write(unit * max(1, 300_000 // n))
            with open(big_path, 'w') as f:
                f.write(unit * max(1, 1_200_000 // n))
            small, big = timed(args.bin, small_path), timed(args.bin, big_path)
            ratio = big / max(small, 0.02)
            flag = '!!' if big > 1.0 and ratio > 7 else '  '
            print(f'{ratio:6.1f} {small:6.2f} {big:6.2f} {flag} {unit!r}', flush=True)


if __name__ == '__main__':
    main()
