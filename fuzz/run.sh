#!/usr/bin/env bash
# Runs every fuzz target for SECONDS (default 600) one after another, a
# single job each, and prints one summary line per target.
#
#   fuzz/run.sh [SECONDS] [TARGET...]      targets: decode docx outline config check
#   CMIN=1 fuzz/run.sh ...                 then minimise each target's corpus into
#                                          fuzz/corpus/<target>/ (the committed one):
#                                          edge coverage only, inputs cut to
#                                          commit_len, so it stays small
#   fuzz/run.sh 0 ...                      with CMIN=1: only minimise, no fuzzing
#
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
# Inputs: fuzz/corpus/<target>/ (committed, minimised), fuzz/seeds/<target>/
# (crafted) and files of the repository (corpus/, rules/); new inputs go to
# fuzz/corpus-run/<target>/ (not committed). Crashes, timeouts and
# out-of-memory inputs land in fuzz/artifacts/<target>/; keep one as a
# regression input in fuzz/regressions/<target>/ once it is fixed.
set -uo pipefail

cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(decode docx outline config check)

# One core for the fuzzer: the engine's rayon pool runs on this thread.
export RAYON_NUM_THREADS=1
flags=(--sanitizer none --debug-assertions)

max_len() {
    case $1 in
        decode) echo 32768 ;;
        docx) echo 65536 ;;
        outline) echo 16384 ;;
        config) echo 8192 ;;
        # Known issue (fixed in main separately): a very long repeated
        # sentence makes the copy stage quadratic; reports of this size
        # stay far below the timeout.
        check) echo 12288 ;;
    esac
}

# Longest input kept in the committed corpus (tests/fuzz_regressions.rs runs
# them all in a debug build; the fuzzer still explores up to max_len).
commit_len() {
    case $1 in
        check | config) echo 2048 ;;
        *) max_len "$1" ;;
    esac
}

dict() {
    case $1 in
        decode | outline | check) echo fuzz/dicts/text.dict ;;
        docx) echo fuzz/dicts/xml.dict ;;
        config) echo fuzz/dicts/yaml.dict ;;
    esac
}

# Files of the repository that seed a target.
repo_seeds() {
    case $1 in
        decode) ls corpus/*.txt corpus/references/*.txt ;;
        docx) ls corpus/docx/*.docx ;;
        outline | check) ls corpus/*.txt corpus/eval/*/*.txt ;;
        config) ls rules/*.yaml ;;
    esac
}

cargo +nightly fuzz build "${flags[@]}" || exit 2

summary=()
for t in "${targets[@]}"; do
    run=fuzz/corpus-run/$t
    seeds=fuzz/corpus-run/seeds-$t
    mkdir -p "$run" "$seeds" "fuzz/corpus/$t" "fuzz/seeds/$t" "fuzz/artifacts/$t"
    repo_seeds "$t" | while read -r f; do
        cp "$f" "$seeds/$(echo "$f" | tr / _)"
    done
    before=$(ls "fuzz/artifacts/$t" | wc -l)
    log=fuzz/corpus-run/$t.log
    status=skipped
    if [ "$seconds" -gt 0 ]; then
        echo "== $t: ${seconds}s, max_len $(max_len "$t") (log: $log)"
        cargo +nightly fuzz run "${flags[@]}" "$t" "$run" "fuzz/corpus/$t" "fuzz/seeds/$t" "$seeds" -- \
            -max_len="$(max_len "$t")" -rss_limit_mb=2048 -timeout=10 \
            -max_total_time="$seconds" -dict="$(dict "$t")" -print_final_stats=1 \
            >"$log" 2>&1
        status=$?
    fi
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    new=$(grep -o 'stat::new_units_added: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    rss=$(grep -o 'stat::peak_rss_mb: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    units=$(ls "$run" | wc -l)
    crashes=$(($(ls "fuzz/artifacts/$t" | wc -l) - before))
    line="$t: ${seconds}s, ${execs:-?} executions (${rate:-?}/s), ${new:-?} new units, working corpus ${units} files, peak RSS ${rss:-?} MB, ${crashes} crash/timeout/oom, exit ${status}"
    [ "$status" = skipped ] && line="$t: not fuzzed"
    if [ "${CMIN:-}" = 1 ]; then
        merged=fuzz/corpus-run/cmin-$t
        rm -rf "$merged" && mkdir -p "$merged"
        cargo +nightly fuzz run "${flags[@]}" "$t" "$merged" "fuzz/corpus/$t" "$run" -- \
            -merge=1 -use_counters=0 -max_len="$(commit_len "$t")" -rss_limit_mb=2048 -timeout=10 \
            >"fuzz/corpus-run/$t.cmin.log" 2>&1
        rm -rf "fuzz/corpus/$t" && mv "$merged" "fuzz/corpus/$t"
        line="$line, minimised corpus $(ls "fuzz/corpus/$t" | wc -l) files $(du -sk --apparent-size "fuzz/corpus/$t" | cut -f1) KB"
    fi
    echo "$line"
    summary+=("$line")
done

echo
echo "== summary"
printf '%s\n' "${summary[@]}"
