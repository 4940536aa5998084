//! Snapshots of the human- and machine-readable reports of the example articles, run
//! through the binary, so any change to what users see shows up as a reviewable diff.
//!
//! Matching and extraction are still evolving, so these snapshots are expected to change.
//! They are inline (`@"…"`); to update them after an intended change:
//!
//! ```text
//! cargo install cargo-insta            # once
//! cargo insta test --accept --test snapshots
//! # or, to look at each change first:
//! cargo insta test --test snapshots && cargo insta review
//! ```
//!
//! Without cargo-insta, `INSTA_UPDATE=always cargo test --test snapshots` only writes
//! `.pending-snap` files next to this one (insta needs the tool to rewrite inline
//! snapshots); `INSTA_FORCE_PASS=1` lets the run finish so all of them are collected.

use assert_cmd::Command;
use insta::assert_snapshot;

fn factdiff(args: &[&str]) -> String {
    let out = Command::cargo_bin("factdiff")
        .expect("binary builds")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .env_remove("COLUMNS")
        .args(args)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "factdiff {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn compare_table() {
    let out = factdiff(&[
        "compare",
        "examples/articles/",
        "--color",
        "never",
        "--width",
        "100",
    ]);
    assert_snapshot!(out, @"
    d1  examples/articles/coastal-wire.md
    d2  examples/articles/harbor-daily.txt  “Korean leaders set a date for border summit”
    d3  examples/articles/northern-post.txt  “Summit at Panmunjom: what we know”

    Shared claims
    ┌───────┬─────────────┬───────────────────┬──────────────────┬──────────────────┬──────────────────┐
    │ claim ┆ topic       ┆ verdict           ┆ d1 coastal-wire  ┆ d2 harbor-daily  ┆ d3 northern-post │
    ╞═══════╪═════════════╪═══════════════════╪══════════════════╪══════════════════╪══════════════════╡
    │ c1    ┆ summits and ┆ agree             ┆ 8:1 The leaders  ┆ 7:1 The leaders  ┆ 3:1 Officials    │
    │       ┆ diplomacy   ┆                   ┆ of **North       ┆ of North Korea   ┆ from North Korea │
    │       ┆             ┆                   ┆ Korea** and      ┆ and South Korea  ┆ and South Korea  │
    │       ┆             ┆                   ┆ South Korea will ┆ will meet on     ┆ confirmed that   │
    │       ┆             ┆                   ┆ hold talks in    ┆ March 14 in the  ┆ their leaders    │
    │       ┆             ┆                   ┆ Panmunjom on     ┆ border village   ┆ will meet at     │
    │       ┆             ┆                   ┆ March 14,        ┆ of Panmunjom,    ┆ Panmunjom on     │
    │       ┆             ┆                   ┆ according to     ┆ officials in     ┆ March 14.        │
    │       ┆             ┆                   ┆ statements       ┆ both capitals    ┆                  │
    │       ┆             ┆                   ┆ released in      ┆ confirmed on     ┆                  │
    │       ┆             ┆                   ┆ Seoul and        ┆ Tuesday.         ┆                  │
    │       ┆             ┆                   ┆ Pyongyang.       ┆                  ┆                  │
    │ c2    ┆ economy and ┆ agree             ┆ 12:3 South Korea ┆ 13:1 Seoul has   ┆ 9:1 Seoul has    │
    │       ┆ investment  ┆                   ┆ promised [$1.8   ┆ pledged $2.5     ┆ pledged $2.5     │
    │       ┆             ┆                   ┆ billion](https:/ ┆ billion in food  ┆ billion in food  │
    │       ┆             ┆                   ┆ /example.org/aid ┆ aid to be        ┆ aid, to arrive   │
    │       ┆             ┆                   ┆ ) in food aid    ┆ delivered before ┆ before the       │
    │       ┆             ┆                   ┆ ahead of the     ┆ the harvest      ┆ harvest.         │
    │       ┆             ┆                   ┆ harvest.         ┆ season.          ┆                  │
    │ c3    ┆ weapons     ┆ differ: negation  ┆ 15:1 North Korea ┆ 17:1 Pyongyang   ┆ —                │
    │       ┆ programme   ┆ d1 denies         ┆ has not agreed   ┆ has agreed to    ┆                  │
    │       ┆             ┆ (“not”), d2       ┆ to discuss its   ┆ discuss its      ┆                  │
    │       ┆             ┆ asserts           ┆ missile          ┆ missile          ┆                  │
    │       ┆             ┆                   ┆ programme, a     ┆ programme at the ┆                  │
    │       ┆             ┆                   ┆ spokesman in     ┆ summit.          ┆                  │
    │       ┆             ┆                   ┆ Pyongyang said.  ┆                  ┆                  │
    │ c4    ┆ summits and ┆ differ: hedge     ┆ 17:1 Seoul will  ┆ 19:1 Seoul will  ┆ —                │
    │       ┆ diplomacy   ┆ d2 hedges         ┆ reopen the joint ┆ reportedly       ┆                  │
    │       ┆             ┆ (“reportedly”),   ┆ industrial park  ┆ reopen the joint ┆                  │
    │       ┆             ┆ d1 asserts        ┆ at Kaesong if    ┆ industrial park  ┆                  │
    │       ┆             ┆                   ┆ the talks        ┆ at Kaesong if    ┆                  │
    │       ┆             ┆                   ┆ succeed.         ┆ the talks go     ┆                  │
    │       ┆             ┆                   ┆                  ┆ well.            ┆                  │
    │ c5    ┆ summits and ┆ agree             ┆ 19:1 The two     ┆ 9:1 The meeting  ┆ —                │
    │       ┆ diplomacy   ┆                   ┆ sides last met   ┆ would be the     ┆                  │
    │       ┆             ┆                   ┆ almost five      ┆ first between    ┆                  │
    │       ┆             ┆                   ┆ years ago.       ┆ the two leaders  ┆                  │
    │       ┆             ┆                   ┆                  ┆ in almost five   ┆                  │
    │       ┆             ┆                   ┆                  ┆ years.           ┆                  │
    │ c6    ┆ summits and ┆ agree             ┆ —                ┆ 15:1 Between 300 ┆ 5:1 About 350    │
    │       ┆ diplomacy   ┆                   ┆                  ┆ and 400          ┆ delegates are    │
    │       ┆             ┆                   ┆                  ┆ delegates are    ┆ expected at the  │
    │       ┆             ┆                   ┆                  ┆ expected to      ┆ meeting, which   │
    │       ┆             ┆                   ┆                  ┆ attend the       ┆ is planned to    │
    │       ┆             ┆                   ┆                  ┆ two-day event.   ┆ last two days.   │
    └───────┴─────────────┴───────────────────┴──────────────────┴──────────────────┴──────────────────┘

    Said by one source only
    ┌───────┬───────────────────────┬─────────┬────────────────────────────────────────────────────────┐
    │ claim ┆ topic                 ┆ source  ┆ statement                                              │
    ╞═══════╪═══════════════════════╪═════════╪════════════════════════════════════════════════════════╡
    │ c7    ┆ other                 ┆ d1:1:1  ┆ ---                                                    │
    │ c8    ┆ summits and diplomacy ┆ d1:2:1  ┆ title: Border summit confirmed for mid-March           │
    │ c9    ┆ other                 ┆ d1:4:1  ┆ ---                                                    │
    │ c10   ┆ summits and diplomacy ┆ d1:6:1  ┆ # Border summit confirmed for mid-March                │
    │ c11   ┆ other                 ┆ d1:10:1 ┆ ## What is on the table                                │
    │ c12   ┆ summits and diplomacy ┆ d1:13:3 ┆ Some 350 delegates will travel to the border for the   │
    │       ┆                       ┆         ┆ two-day meeting.                                       │
    │ c13   ┆ military drills       ┆ d2:21:1 ┆ Analysts in Tokyo said the timing was shaped by the    │
    │       ┆                       ┆         ┆ approaching spring military exercises.                 │
    │ c14   ┆ summits and diplomacy ┆ d3:7:1  ┆ The talks will be broadcast live on state television   │
    │       ┆                       ┆         ┆ in both countries.                                     │
    │ c15   ┆ summits and diplomacy ┆ d3:11:1 ┆ Military exercises planned for the spring have been    │
    │       ┆                       ┆         ┆ postponed until after the summit.                      │
    └───────┴───────────────────────┴─────────┴────────────────────────────────────────────────────────┘

    15 claims: 4 agree, 2 differ, 9 unique · 0 number conflicts
    ");
}

#[test]
fn compare_markdown() {
    let out = factdiff(&["compare", "examples/articles/", "--format", "markdown"]);
    assert_snapshot!(out, @"
    # factdiff comparison

    ## Shared claims

    | claim | topic | verdict | d1 coastal-wire | d2 harbor-daily | d3 northern-post |
    |---|---|---|---|---|---|
    | c1 | summits and diplomacy | agree | 8:1 The leaders of **North Korea** and South Korea will hold talks in Panmunjom on March 14, according to statements released in Seoul and Pyongyang. | 7:1 The leaders of North Korea and South Korea will meet on March 14 in the border village of Panmunjom, officials in both capitals confirmed on Tuesday. | 3:1 Officials from North Korea and South Korea confirmed that their leaders will meet at Panmunjom on March 14. |
    | c2 | economy and investment | agree | 12:3 South Korea promised [$1.8 billion](https://example.org/aid) in food aid ahead of the harvest. | 13:1 Seoul has pledged $2.5 billion in food aid to be delivered before the harvest season. | 9:1 Seoul has pledged $2.5 billion in food aid, to arrive before the harvest. |
    | c3 | weapons programme | differ: negation<br>d1 denies (“not”), d2 asserts | 15:1 North Korea has not agreed to discuss its missile programme, a spokesman in Pyongyang said. | 17:1 Pyongyang has agreed to discuss its missile programme at the summit. | — |
    | c4 | summits and diplomacy | differ: hedge<br>d2 hedges (“reportedly”), d1 asserts | 17:1 Seoul will reopen the joint industrial park at Kaesong if the talks succeed. | 19:1 Seoul will reportedly reopen the joint industrial park at Kaesong if the talks go well. | — |
    | c5 | summits and diplomacy | agree | 19:1 The two sides last met almost five years ago. | 9:1 The meeting would be the first between the two leaders in almost five years. | — |
    | c6 | summits and diplomacy | agree | — | 15:1 Between 300 and 400 delegates are expected to attend the two-day event. | 5:1 About 350 delegates are expected at the meeting, which is planned to last two days. |

    ## Said by one source only

    | claim | topic | source | statement |
    |---|---|---|---|
    | c7 | other | d1:1:1 | --- |
    | c8 | summits and diplomacy | d1:2:1 | title: Border summit confirmed for mid-March |
    | c9 | other | d1:4:1 | --- |
    | c10 | summits and diplomacy | d1:6:1 | # Border summit confirmed for mid-March |
    | c11 | other | d1:10:1 | ## What is on the table |
    | c12 | summits and diplomacy | d1:13:3 | Some 350 delegates will travel to the border for the two-day meeting. |
    | c13 | military drills | d2:21:1 | Analysts in Tokyo said the timing was shaped by the approaching spring military exercises. |
    | c14 | summits and diplomacy | d3:7:1 | The talks will be broadcast live on state television in both countries. |
    | c15 | summits and diplomacy | d3:11:1 | Military exercises planned for the spring have been postponed until after the summit. |

    Sources: d1 `examples/articles/coastal-wire.md`, d2 `examples/articles/harbor-daily.txt`, d3 `examples/articles/northern-post.txt`

    15 claims: 4 agree, 2 differ, 9 unique · 0 number conflicts
    ");
}

#[test]
fn compare_json() {
    let out = factdiff(&["compare", "examples/articles/", "--format", "json"]);
    assert_snapshot!(out, @r###"
    {
      "schema": "factdiff.compare/1",
      "documents": [
        {
          "id": "d1",
          "path": "examples/articles/coastal-wire.md",
          "title": null,
          "byline": "Ilse Brenner"
        },
        {
          "id": "d2",
          "path": "examples/articles/harbor-daily.txt",
          "title": "Korean leaders set a date for border summit",
          "byline": "Mara Quint"
        },
        {
          "id": "d3",
          "path": "examples/articles/northern-post.txt",
          "title": "Summit at Panmunjom: what we know",
          "byline": null
        }
      ],
      "claims": [
        {
          "id": "c1",
          "topic": "summits and diplomacy",
          "verdict": "agreement",
          "score": 0.96,
          "statements": [
            {
              "doc": "d1",
              "sentence": "d1.s6",
              "text": "The leaders of **North Korea** and South Korea will hold talks in Panmunjom on March 14, according to statements released in Seoul and Pyongyang.",
              "line": 8,
              "column": 1,
              "start": 116,
              "end": 261
            },
            {
              "doc": "d2",
              "sentence": "d2.s4",
              "text": "The leaders of North Korea and South Korea will meet on March 14 in the border village of Panmunjom, officials in both capitals confirmed on Tuesday.",
              "line": 7,
              "column": 1,
              "start": 147,
              "end": 296
            },
            {
              "doc": "d3",
              "sentence": "d3.s2",
              "text": "Officials from North Korea and South Korea confirmed that their leaders will meet at Panmunjom on March 14.",
              "line": 3,
              "column": 1,
              "start": 35,
              "end": 142
            }
          ],
          "differences": []
        },
        {
          "id": "c2",
          "topic": "economy and investment",
          "verdict": "agreement",
          "score": 0.98,
          "statements": [
            {
              "doc": "d1",
              "sentence": "d1.s8",
              "text": "South Korea promised [$1.8 billion](https://example.org/aid) in food aid ahead of the harvest.",
              "line": 12,
              "column": 3,
              "start": 290,
              "end": 384
            },
            {
              "doc": "d2",
              "sentence": "d2.s7",
              "text": "Seoul has pledged $2.5 billion in food aid to be delivered before the harvest season.",
              "line": 13,
              "column": 1,
              "start": 390,
              "end": 475
            },
            {
              "doc": "d3",
              "sentence": "d3.s5",
              "text": "Seoul has pledged $2.5 billion in food aid, to arrive before the harvest.",
              "line": 9,
              "column": 1,
              "start": 302,
              "end": 375
            }
          ],
          "differences": []
        },
        {
          "id": "c3",
          "topic": "weapons programme",
          "verdict": "difference",
          "score": 0.99,
          "statements": [
            {
              "doc": "d1",
              "sentence": "d1.s10",
              "text": "North Korea has not agreed to discuss its missile programme, a spokesman in Pyongyang said.",
              "line": 15,
              "column": 1,
              "start": 458,
              "end": 549
            },
            {
              "doc": "d2",
              "sentence": "d2.s9",
              "text": "Pyongyang has agreed to discuss its missile programme at the summit.",
              "line": 17,
              "column": 1,
              "start": 550,
              "end": 618
            }
          ],
          "differences": [
            {
              "kind": "negation",
              "docs": [
                "d1",
                "d2"
              ],
              "detail": "d1 denies (“not”), d2 asserts"
            }
          ]
        },
        {
          "id": "c4",
          "topic": "summits and diplomacy",
          "verdict": "difference",
          "score": 0.99,
          "statements": [
            {
              "doc": "d1",
              "sentence": "d1.s11",
              "text": "Seoul will reopen the joint industrial park at Kaesong if the talks succeed.",
              "line": 17,
              "column": 1,
              "start": 551,
              "end": 627
            },
            {
              "doc": "d2",
              "sentence": "d2.s10",
              "text": "Seoul will reportedly reopen the joint industrial park at Kaesong if the talks go well.",
              "line": 19,
              "column": 1,
              "start": 620,
              "end": 707
            }
          ],
          "differences": [
            {
              "kind": "hedge",
              "docs": [
                "d1",
                "d2"
              ],
              "detail": "d2 hedges (“reportedly”), d1 asserts"
            }
          ]
        },
        {
          "id": "c5",
          "topic": "summits and diplomacy",
          "verdict": "agreement",
          "score": 0.62,
          "statements": [
            {
              "doc": "d1",
              "sentence": "d1.s12",
              "text": "The two sides last met almost five years ago.",
              "line": 19,
              "column": 1,
              "start": 629,
              "end": 674
            },
            {
              "doc": "d2",
              "sentence": "d2.s5",
              "text": "The meeting would be the first between the two leaders in almost five years.",
              "line": 9,
              "column": 1,
              "start": 298,
              "end": 374
            }
          ],
          "differences": []
        },
        {
          "id": "c6",
          "topic": "summits and diplomacy",
          "verdict": "agreement",
          "score": 0.52,
          "statements": [
            {
              "doc": "d2",
              "sentence": "d2.s8",
              "text": "Between 300 and 400 delegates are expected to attend the two-day event.",
              "line": 15,
              "column": 1,
              "start": 477,
              "end": 548
            },
            {
              "doc": "d3",
              "sentence": "d3.s3",
              "text": "About 350 delegates are expected at the meeting, which is planned to last two days.",
              "line": 5,
              "column": 1,
              "start": 144,
              "end": 227
            }
          ],
          "differences": []
        },
        {
          "id": "c7",
          "topic": "other",
          "verdict": "unique",
          "score": 1.0,
          "statements": [
            {
              "doc": "d1",
              "sentence": "d1.s1",
              "text": "---",
              "line": 1,
              "column": 1,
              "start": 0,
              "end": 3
            }
          ],
          "differences": []
        },
        {
          "id": "c8",
          "topic": "summits and diplomacy",
          "verdict": "unique",
          "score": 1.0,
          "statements": [
            {
              "doc": "d1",
              "sentence": "d1.s2",
              "text": "title: Border summit confirmed for mid-March",
              "line": 2,
              "column": 1,
              "start": 4,
              "end": 48
            }
          ],
          "differences": []
        },
        {
          "id": "c9",
          "topic": "other",
          "verdict": "unique",
          "score": 1.0,
          "statements": [
            {
              "doc": "d1",
              "sentence": "d1.s4",
              "text": "---",
              "line": 4,
              "column": 1,
              "start": 70,
              "end": 73
            }
          ],
          "differences": []
        },
        {
          "id": "c10",
          "topic": "summits and diplomacy",
          "verdict": "unique",
          "score": 1.0,
          "statements": [
            {
              "doc": "d1",
              "sentence": "d1.s5",
              "text": "# Border summit confirmed for mid-March",
              "line": 6,
              "column": 1,
              "start": 75,
              "end": 114
            }
          ],
          "differences": []
        },
        {
          "id": "c11",
          "topic": "other",
          "verdict": "unique",
          "score": 1.0,
          "statements": [
            {
              "doc": "d1",
              "sentence": "d1.s7",
              "text": "## What is on the table",
              "line": 10,
              "column": 1,
              "start": 263,
              "end": 286
            }
          ],
          "differences": []
        },
        {
          "id": "c12",
          "topic": "summits and diplomacy",
          "verdict": "unique",
          "score": 1.0,
          "statements": [
            {
              "doc": "d1",
              "sentence": "d1.s9",
              "text": "Some 350 delegates will travel to the border for the two-day meeting.",
              "line": 13,
              "column": 3,
              "start": 387,
              "end": 456
            }
          ],
          "differences": []
        },
        {
          "id": "c13",
          "topic": "military drills",
          "verdict": "unique",
          "score": 1.0,
          "statements": [
            {
              "doc": "d2",
              "sentence": "d2.s11",
              "text": "Analysts in Tokyo said the timing was shaped by the approaching spring military exercises.",
              "line": 21,
              "column": 1,
              "start": 709,
              "end": 799
            }
          ],
          "differences": []
        },
        {
          "id": "c14",
          "topic": "summits and diplomacy",
          "verdict": "unique",
          "score": 1.0,
          "statements": [
            {
              "doc": "d3",
              "sentence": "d3.s4",
              "text": "The talks will be broadcast live on state television in both countries.",
              "line": 7,
              "column": 1,
              "start": 229,
              "end": 300
            }
          ],
          "differences": []
        },
        {
          "id": "c15",
          "topic": "summits and diplomacy",
          "verdict": "unique",
          "score": 1.0,
          "statements": [
            {
              "doc": "d3",
              "sentence": "d3.s6",
              "text": "Military exercises planned for the spring have been postponed until after the summit.",
              "line": 11,
              "column": 1,
              "start": 377,
              "end": 462
            }
          ],
          "differences": []
        }
      ],
      "numbers": [],
      "summary": {
        "claims": 15,
        "agreements": 4,
        "differences": 2,
        "unique": 9,
        "number_conflicts": 0
      }
    }
    "###);
}

#[test]
fn numbers_table() {
    let out = factdiff(&[
        "numbers",
        "examples/articles/",
        "--color",
        "never",
        "--width",
        "100",
    ]);
    assert_snapshot!(out, @"
    Numbers
    ┌───────┬──────┬──────┬─────────────────┬─────────────────┬──────────────────┬──────────┐
    │ claim ┆ what ┆ unit ┆ d1 coastal-wire ┆ d2 harbor-daily ┆ d3 northern-post ┆ conflict │
    ╞═══════╪══════╪══════╪═════════════════╪═════════════════╪══════════════════╪══════════╡
    └───────┴──────┴──────┴─────────────────┴─────────────────┴──────────────────┴──────────┘

    0 quantities · 0 conflicts
    ");
}

/// Article text that looks like markup stays text in Markdown, too.
#[test]
fn hostile_markdown() {
    let out = factdiff(&["compare", "tests/fixtures/hostile/", "--format", "markdown"]);
    assert_snapshot!(out, @r#"
    # factdiff comparison

    ## Shared claims

    | claim | topic | verdict | d1 island-courier | d2 quay-gazette |
    |---|---|---|---|---|
    | c1 | other | agree | 3:1 The ferry to Wendel Island will resume on Friday after repairs &amp; inspections, the harbour board said. | 3:1 The harbour board said the ferry to Wendel Island will resume on Friday after &lt;b&gt;repairs&lt;/b&gt; &amp; inspections. |
    | c2 | other | differ: negation<br>d2 denies (“not”), d1 asserts | 5:1 The operator has confirmed the new timetable, a spokesperson said 'yes' &lt;!-- hidden --&gt; ]]&gt;. | 5:1 The operator has not confirmed the new timetable, a spokesperson said "onmouseover=alert(1) x=[31m. |

    ## Said by one source only

    | claim | topic | source | statement |
    |---|---|---|---|
    | c3 | other | d1:7:1 | Local shops on the island expect more visitors over the &lt;iframe src="//frame.example"&gt;&lt;/iframe&gt; weekend. |
    | c4 | other | d2:7:1 | Tickets cost less than &lt;/style&gt;&lt;img src=x onerror=alert(2)&gt; the old fares, according to the board. |
    | c5 | other | d2:9:1 | Passengers can read more at &lt;a href="https://tracker.example/pixel"&gt;the board site&lt;/a&gt; or javascript:void(0). |

    Sources: d1 `tests/fixtures/hostile/island-courier.txt`, d2 `tests/fixtures/hostile/quay-gazette.txt`

    5 claims: 1 agree, 1 differ, 3 unique · 0 number conflicts
    "#);
}
