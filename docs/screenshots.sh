#!/usr/bin/env bash
# Regenerates the screenshots of the HTML report under docs/ from a sample
# team built out of corpus/ reports: one near-whole copy, one passage two
# members share, one paragraph taken from the built-in template.
# Needs a release build and Chromium (apt-get install chromium
# fonts-wqy-microhei; without a CJK font the text shows as boxes).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
bin=$root/target/release/critique-lint
chrome=${CHROMIUM:-chromium}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
team=$work/第一党支部
mkdir -p "$team"

cp corpus/good-01-yi-guanyu.txt "$team/01-自然资源局.txt"
cp corpus/good-02-plain-headings.txt "$team/02-第二中学.txt"
cp corpus/good-03-part.txt "$team/03-城投集团.txt"
cp corpus/bad-placeholder.txt "$team/04-青山镇.txt"
cp corpus/bad-vague.txt "$team/05-文化和旅游局.txt"
cp corpus/bad-numbering.txt "$team/06-住建局.txt"
cp corpus/bad-formulation.txt "$team/07-市场监管局.txt"
cp corpus/bad-punctuation.txt "$team/08-供电公司.txt"
cp corpus/good-05-topic.txt "$team/09-人民医院.txt"
# A near-whole copy of 01 under another name.
sed -e 's/县自然资源局局长/县农业农村局局长/; s/耕地保护/高标准农田建设/g' \
  corpus/good-01-yi-guanyu.txt >"$team/10-农业农村局.txt"
# A passage two members share.
shared='去年九月我在全县安全生产大检查中只听取了汇报，没有深入任何一家危化品企业的生产车间，对三处重大隐患的整改进度也没有跟踪督办。'
sed -i "5s/\$/$shared/" "$team/03-城投集团.txt" "$team/09-人民医院.txt"
# A paragraph of the built-in template.
sed -n '/^一是深刻把握内涵/p' corpus/references/seed-2023-template.txt >>"$team/02-第二中学.txt"

(cd "$work" && "$bin" --format html -o 报告.html 第一党支部/ >/dev/null) || test $? -eq 1
shot() {
  "$chrome" --headless=new --no-sandbox --disable-gpu --hide-scrollbars \
    --window-size="$2" --screenshot="$root/docs/$1" "file://$work/报告.html#$3" 2>/dev/null
}
shot html-overview.png 1400,820 overview
shot html-report.png 1400,900 r/3
shot html-copies.png 1400,520 copies
shot html-pair.png 1400,820 pair/0/9
echo "docs/html-*.png written"
