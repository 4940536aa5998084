#!/usr/bin/env bash
# Renders the HTML report in a real browser and proves that hostile article text stays text.
#
# The unit tests in tests/html.rs check the markup as a string; only a browser can say what a
# reader actually gets: whether a payload became an element, whether any script ran. So this
# renders the example articles together with tests/fixtures/hostile/ and
# tests/fixtures/browser/ (script tags, onerror images, attribute-breaking SVGs, some of them
# setting document.title so that running at all is visible), loads the report in headless
# Chromium, saves a screenshot and checks the DOM Chromium serialises after the page settled.
# A tampered copy of the report, with the payload made live and the CSP removed, must then
# fail the same checks: otherwise the checks could pass only because nothing ever runs here.
#
# Usage: scripts/html-browser-check.sh [OUT_DIR]   (default: target/html-browser-check)
# Exits 0 when every check passes, 1 when one fails, 2 when the browser cannot be set up.
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-target/html-browser-check}
mkdir -p "$out"
out=$(cd "$out" && pwd)

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

find_chromium() {
  command -v chromium || command -v chromium-browser || true
}

chromium=$(find_chromium)
if [[ -z $chromium ]]; then
  echo "== installing Debian's chromium"
  if [[ $(id -u) -ne 0 ]]; then
    echo "chromium is missing and installing it needs root: apt-get install -y chromium" >&2
    exit 2
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq chromium >/dev/null
  chromium=$(find_chromium)
  [[ -n $chromium ]] || { echo "chromium did not install" >&2; exit 2; }
fi
echo "== $("$chromium" --version 2>/dev/null || echo "$chromium")"

echo "== building factdiff"
cargo build --locked --quiet --bin factdiff
target_dir=$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
factdiff="$target_dir/debug/factdiff"
[[ -x $factdiff ]] || { echo "no binary at $factdiff" >&2; exit 2; }

report="$out/report.html"
"$factdiff" compare examples/articles/ tests/fixtures/hostile/ tests/fixtures/browser/ \
  --format html -o "$report"
echo "== rendered $report ($(wc -c <"$report") bytes)"

# One fresh profile per launch: a reused profile can carry state between the runs compared.
browse() {
  local profile
  profile=$(mktemp -d)
  # Headless Chromium can hang on a broken display stack; a bounded wait turns that into a
  # failure instead of a stuck CI job.
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu \
    --disable-background-networking --disable-component-update --disable-sync \
    --no-first-run --user-data-dir="$profile" \
    --virtual-time-budget=3000 "$@" 2>>"$out/chromium.log"
  local status=$?
  rm -rf "$profile"
  return $status
}

# The document title is the first <title>; the heatmap's SVG cells carry their own later on.
title_of() {
  grep -q '<title>' "$1" || return 0
  tr '\n' ' ' <"$1" | sed 's:</title>.*::; s:.*<title>::'
}

# Prints what is wrong with a serialised DOM; prints nothing for a clean one.
dom_problems() {
  local dom=$1 expected_title=$2 title
  title=$(title_of "$dom")
  [[ $title == "$expected_title" ]] || echo "title changed to \"$title\" (a payload ran)"
  # In a serialised DOM, text never contains a raw "<", so any of these is a real element.
  if grep -qi '<script' "$dom"; then echo "a <script> element exists"; fi
  if grep -qi '<blink' "$dom"; then echo "a payload created an element"; fi
  if grep -Eiq '<[a-z][^>]*[[:space:]]on[a-z]+=' "$dom"; then
    echo "an element carries an event-handler attribute:"
    grep -Eio '<[a-z][^>]*[[:space:]]on[a-z]+=[^>]*>' "$dom" | head -3 | sed 's/^/    /'
  fi
}

expected_title=$(title_of "$report")
[[ -n $expected_title ]] || fail "the report has no <title>"

# A blank page compresses to a few kilobytes; a rendered report is far larger.
screenshot() {
  local png=$1 page=$2 bytes
  rm -f "$png"
  browse --window-size=1280,2000 --screenshot="$png" "file://$page" >/dev/null ||
    fail "chromium could not take the screenshot $png (see $out/chromium.log)"
  [[ $(head -c 8 "$png" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]] || fail "$png is not a PNG"
  bytes=$(wc -c <"$png")
  ((bytes > 20000)) || fail "the screenshot $png is nearly empty ($bytes bytes)"
  echo "   $png ($bytes bytes)"
}

echo "== screenshots"
screenshot "$out/report.png" "$report"
# The hostile sources come last in the full report; on their own, their findings are on top.
"$factdiff" compare tests/fixtures/hostile/ tests/fixtures/browser/ --format html \
  -o "$out/hostile.html"
screenshot "$out/hostile.png" "$out/hostile.html"

echo "== DOM after load"
browse --dump-dom "file://$report" >"$out/report.dom.html" ||
  fail "chromium could not load the report (see $out/chromium.log)"
problems=$(dom_problems "$out/report.dom.html" "$expected_title")
[[ -z $problems ]] || fail "$problems"

# Each payload that reaches the report must be on the page as visible text, whole. Sentence
# text leaves out markup that is clearly pasted markup (tag pairs, tags with quoted or spaced
# attributes), so the payloads checked here are those that survive it: an unclosed <script>,
# slash-separated SVG handlers (live in a browser if unescaped), a title, a stray </style>.
for payload in \
  '&lt;script&gt;alert(1) may also sail' \
  '&lt;svg/onload=alert(3)&gt;' \
  '&lt;svg/onload=document.title=7&gt;' \
  "&lt;script&gt;alert(\"title\")&lt;/script&gt;" \
  '&lt;/style&gt; the old fares'; do
  grep -qF -- "$payload" "$out/report.dom.html" || fail "payload not shown as text: $payload"
  echo "   shown as text: $payload"
done
echo "   title unchanged: \"$expected_title\"; no script, no handler attribute, no injected element"

echo "== control: a report with a live payload and no CSP must fail the same checks"
tampered="$out/tampered.html"
sed -e 's:<meta http-equiv="Content-Security-Policy"[^>]*>::' \
  -e "s:<body\([^>]*\)>:<body\1><img src=x onerror=\"document.title='payload ran'\">:" \
  "$report" >"$tampered"
browse --dump-dom "file://$tampered" >"$out/tampered.dom.html" ||
  fail "chromium could not load the tampered report"
control=$(dom_problems "$out/tampered.dom.html" "$expected_title")
grep -q 'title changed' <<<"$control" ||
  fail "the run detector missed a live payload, so its passing above proves nothing"
echo "   detected: $(head -1 <<<"$control")"

# Informational, not a gate: the size of a report over many sources, to watch its growth.
echo "== HTML report size for 100 generated articles (aim: under 3 MB)"
bash scripts/gen-articles.sh 100 "$out/articles-100"
"$factdiff" compare "$out/articles-100" --format html -o "$out/report-100.html"
echo "   $(wc -c <"$out/report-100.html") bytes from $(cat "$out"/articles-100/* | wc -c) bytes of articles"
rm -rf "$out/articles-100"

echo "== html browser check passed"
