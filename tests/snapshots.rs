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
    d1  examples/articles/coastal-wire.md  “Border summit confirmed for mid-March”
    d2  examples/articles/harbor-daily.txt  “Korean leaders set a date for border summit”
    d3  examples/articles/northern-post.txt  “Summit at Panmunjom: what we know”

    Shared claims
    ┌───────┬─────────────┬───────────────────┬──────────────────┬──────────────────┬──────────────────┐
    │ claim ┆ topic       ┆ verdict           ┆ d1 coastal-wire  ┆ d2 harbor-daily  ┆ d3 northern-post │
    ╞═══════╪═════════════╪═══════════════════╪══════════════════╪══════════════════╪══════════════════╡
    │ c1    ┆ summits and ┆ agree             ┆ 8:1 The leaders  ┆ 7:1 The leaders  ┆ 3:1 Officials    │
    │       ┆ diplomacy   ┆                   ┆ of North Korea   ┆ of North Korea   ┆ from North Korea │
    │       ┆             ┆                   ┆ and South Korea  ┆ and South Korea  ┆ and South Korea  │
    │       ┆             ┆                   ┆ will hold talks  ┆ will meet on     ┆ confirmed that   │
    │       ┆             ┆                   ┆ in Panmunjom on  ┆ March 14 in the  ┆ their leaders    │
    │       ┆             ┆                   ┆ March 14,        ┆ border village   ┆ will meet at     │
    │       ┆             ┆                   ┆ according to     ┆ of Panmunjom,    ┆ Panmunjom on     │
    │       ┆             ┆                   ┆ statements       ┆ officials in     ┆ March 14.        │
    │       ┆             ┆                   ┆ released in      ┆ both capitals    ┆                  │
    │       ┆             ┆                   ┆ Seoul and        ┆ confirmed on     ┆                  │
    │       ┆             ┆                   ┆ Pyongyang.       ┆ Tuesday.         ┆                  │
    │ c2    ┆ economy and ┆ differ: number    ┆ 12:3 South Korea ┆ 13:1 Seoul has   ┆ 9:1 Seoul has    │
    │       ┆ investment  ┆ d1 $1.8 billion · ┆ promised $1.8    ┆ pledged $2.5     ┆ pledged $2.5     │
    │       ┆             ┆ d2 $2.5 billion · ┆ billion in food  ┆ billion in food  ┆ billion in food  │
    │       ┆             ┆ d3 $2.5 billion   ┆ aid ahead of the ┆ aid to be        ┆ aid, to arrive   │
    │       ┆             ┆                   ┆ harvest.         ┆ delivered before ┆ before the       │
    │       ┆             ┆                   ┆                  ┆ the harvest      ┆ harvest.         │
    │       ┆             ┆                   ┆                  ┆ season.          ┆                  │
    │ c3    ┆ summits and ┆ agree             ┆ 13:3 Some 350    ┆ 15:1 Between 300 ┆ 5:1 About 350    │
    │       ┆ diplomacy   ┆                   ┆ delegates will   ┆ and 400          ┆ delegates are    │
    │       ┆             ┆                   ┆ travel to the    ┆ delegates are    ┆ expected at the  │
    │       ┆             ┆                   ┆ border for the   ┆ expected to      ┆ meeting, which   │
    │       ┆             ┆                   ┆ two-day meeting. ┆ attend the       ┆ is planned to    │
    │       ┆             ┆                   ┆                  ┆ two-day event.   ┆ last two days.   │
    │ c4    ┆ weapons     ┆ differ: negation  ┆ 15:1 North Korea ┆ 17:1 Pyongyang   ┆ —                │
    │       ┆ programme   ┆ d1 denies (“not”) ┆ has not agreed   ┆ has agreed to    ┆                  │
    │       ┆             ┆ · d2 asserts      ┆ to discuss its   ┆ discuss its      ┆                  │
    │       ┆             ┆                   ┆ missile          ┆ missile          ┆                  │
    │       ┆             ┆                   ┆ programme, a     ┆ programme at the ┆                  │
    │       ┆             ┆                   ┆ spokesman in     ┆ summit.          ┆                  │
    │       ┆             ┆                   ┆ Pyongyang said.  ┆                  ┆                  │
    │ c5    ┆ summits and ┆ differ: hedge     ┆ 17:1 Seoul will  ┆ 19:1 Seoul will  ┆ —                │
    │       ┆ diplomacy   ┆ d1 asserts · d2   ┆ reopen the joint ┆ reportedly       ┆                  │
    │       ┆             ┆ hedges            ┆ industrial park  ┆ reopen the joint ┆                  │
    │       ┆             ┆ (“reportedly”)    ┆ at Kaesong if    ┆ industrial park  ┆                  │
    │       ┆             ┆                   ┆ the talks        ┆ at Kaesong if    ┆                  │
    │       ┆             ┆                   ┆ succeed.         ┆ the talks go     ┆                  │
    │       ┆             ┆                   ┆                  ┆ well.            ┆                  │
    │ c6    ┆ summits and ┆ agree             ┆ 19:1 The two     ┆ 9:1 The meeting  ┆ —                │
    │       ┆ diplomacy   ┆ d1 adds: two      ┆ sides last met   ┆ would be the     ┆                  │
    │       ┆             ┆ sides             ┆ almost five      ┆ first between    ┆                  │
    │       ┆             ┆ d2 adds: two      ┆ years ago.       ┆ the two leaders  ┆                  │
    │       ┆             ┆ leaders           ┆                  ┆ in almost five   ┆                  │
    │       ┆             ┆                   ┆                  ┆ years.           ┆                  │
    └───────┴─────────────┴───────────────────┴──────────────────┴──────────────────┴──────────────────┘

    Said by one source only
    ┌───────┬───────────────────────┬─────────┬────────────────────────────────────────────────────────┐
    │ claim ┆ topic                 ┆ source  ┆ statement                                              │
    ╞═══════╪═══════════════════════╪═════════╪════════════════════════════════════════════════════════╡
    │ c7    ┆ military drills       ┆ d2:21:1 ┆ Analysts in Tokyo said the timing was shaped by the    │
    │       ┆                       ┆         ┆ approaching spring military exercises.                 │
    │ c8    ┆ summits and diplomacy ┆ d3:7:1  ┆ The talks will be broadcast live on state television   │
    │       ┆                       ┆         ┆ in both countries.                                     │
    │ c9    ┆ summits and diplomacy ┆ d3:11:1 ┆ Military exercises planned for the spring have been    │
    │       ┆                       ┆         ┆ postponed until after the summit.                      │
    └───────┴───────────────────────┴─────────┴────────────────────────────────────────────────────────┘

    Numbers
    ┌───────┬─────────────────┬──────────┬────────────────┬────────────────┬────────────────┬──────────┐
    │ claim ┆ what            ┆ unit     ┆ d1             ┆ d2             ┆ d3             ┆ conflict │
    │       ┆                 ┆          ┆ coastal-wire   ┆ harbor-daily   ┆ northern-post  ┆          │
    ╞═══════╪═════════════════╪══════════╪════════════════╪════════════════╪════════════════╪══════════╡
    │ c1    ┆ hold talks in   ┆ date     ┆ March 14       ┆ March 14       ┆ March 14       ┆          │
    │       ┆ Panmunjom on    ┆          ┆ (--03-14)      ┆ (--03-14)      ┆ (--03-14)      ┆          │
    │ c2    ┆ in food aid     ┆ USD      ┆ $1.8 billion   ┆ $2.5 billion   ┆ $2.5 billion   ┆ conflict │
    │       ┆ ahead of        ┆          ┆ (1.8 billion)  ┆ (2.5 billion)  ┆ (2.5 billion)  ┆          │
    │ c3    ┆ will travel to  ┆ delegate ┆ Some 350       ┆ Between 300    ┆ About 350      ┆          │
    │       ┆ the border      ┆          ┆ delegates      ┆ and 400        ┆ delegates      ┆          │
    │       ┆                 ┆          ┆ (350)          ┆ delegates      ┆ (350)          ┆          │
    │       ┆                 ┆          ┆                ┆ (300–400)      ┆                ┆          │
    │ c3    ┆ to the border   ┆ day      ┆ two-day (2)    ┆ two-day (2)    ┆ two days (2)   ┆          │
    │       ┆ for the         ┆          ┆                ┆                ┆                ┆          │
    │ c6    ┆ last met almost ┆ side     ┆ two sides (2)  ┆ —              ┆ —              ┆          │
    │       ┆ five years      ┆          ┆                ┆                ┆                ┆          │
    │ c6    ┆ The two sides   ┆ year     ┆ almost five    ┆ almost five    ┆ —              ┆          │
    │       ┆ last met        ┆          ┆ years (5)      ┆ years (5)      ┆                ┆          │
    │ c6    ┆ in almost five  ┆ leader   ┆ —              ┆ two leaders    ┆ —              ┆          │
    │       ┆ years           ┆          ┆                ┆ (2)            ┆                ┆          │
    └───────┴─────────────────┴──────────┴────────────────┴────────────────┴────────────────┴──────────┘

    9 claims: 3 agree, 3 differ, 3 unique · 1 number conflict
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
    | c1 | summits and diplomacy | agree | 8:1 The leaders of North Korea and South Korea will hold talks in Panmunjom on March 14, according to statements released in Seoul and Pyongyang. | 7:1 The leaders of North Korea and South Korea will meet on March 14 in the border village of Panmunjom, officials in both capitals confirmed on Tuesday. | 3:1 Officials from North Korea and South Korea confirmed that their leaders will meet at Panmunjom on March 14. |
    | c2 | economy and investment | differ: number<br>d1 $1.8 billion · d2 $2.5 billion · d3 $2.5 billion | 12:3 South Korea promised $1.8 billion in food aid ahead of the harvest. | 13:1 Seoul has pledged $2.5 billion in food aid to be delivered before the harvest season. | 9:1 Seoul has pledged $2.5 billion in food aid, to arrive before the harvest. |
    | c3 | summits and diplomacy | agree | 13:3 Some 350 delegates will travel to the border for the two-day meeting. | 15:1 Between 300 and 400 delegates are expected to attend the two-day event. | 5:1 About 350 delegates are expected at the meeting, which is planned to last two days. |
    | c4 | weapons programme | differ: negation<br>d1 denies (“not”) · d2 asserts | 15:1 North Korea has not agreed to discuss its missile programme, a spokesman in Pyongyang said. | 17:1 Pyongyang has agreed to discuss its missile programme at the summit. | — |
    | c5 | summits and diplomacy | differ: hedge<br>d1 asserts · d2 hedges (“reportedly”) | 17:1 Seoul will reopen the joint industrial park at Kaesong if the talks succeed. | 19:1 Seoul will reportedly reopen the joint industrial park at Kaesong if the talks go well. | — |
    | c6 | summits and diplomacy | agree<br>d1 adds: two sides<br>d2 adds: two leaders | 19:1 The two sides last met almost five years ago. | 9:1 The meeting would be the first between the two leaders in almost five years. | — |

    ## Said by one source only

    | claim | topic | source | statement |
    |---|---|---|---|
    | c7 | military drills | d2:21:1 | Analysts in Tokyo said the timing was shaped by the approaching spring military exercises. |
    | c8 | summits and diplomacy | d3:7:1 | The talks will be broadcast live on state television in both countries. |
    | c9 | summits and diplomacy | d3:11:1 | Military exercises planned for the spring have been postponed until after the summit. |

    ## Numbers

    | claim | what | unit | d1 coastal-wire | d2 harbor-daily | d3 northern-post | conflict |
    |---|---|---|---|---|---|---|
    | c1 | hold talks in Panmunjom on | date | March 14 (--03-14) | March 14 (--03-14) | March 14 (--03-14) |  |
    | c2 | in food aid ahead of | USD | $1.8 billion (1.8 billion) | $2.5 billion (2.5 billion) | $2.5 billion (2.5 billion) | conflict |
    | c3 | will travel to the border | delegate | Some 350 delegates (350) | Between 300 and 400 delegates (300–400) | About 350 delegates (350) |  |
    | c3 | to the border for the | day | two-day (2) | two-day (2) | two days (2) |  |
    | c6 | last met almost five years | side | two sides (2) | — | — |  |
    | c6 | The two sides last met | year | almost five years (5) | almost five years (5) | — |  |
    | c6 | in almost five years | leader | — | two leaders (2) | — |  |

    Sources: d1 `examples/articles/coastal-wire.md`, d2 `examples/articles/harbor-daily.txt`, d3 `examples/articles/northern-post.txt`

    9 claims: 3 agree, 3 differ, 3 unique · 1 number conflict
    ");
}

#[test]
fn compare_json() {
    let out = factdiff(&["compare", "examples/articles/", "--format", "json"]);
    assert_snapshot!(out, @r#"
    {
      "schema": "factdiff.compare/1",
      "documents": [
        {
          "id": "d1",
          "path": "examples/articles/coastal-wire.md",
          "title": "Border summit confirmed for mid-March",
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
          "score": 0.99,
          "statements": [
            {
              "doc": "d1",
              "sentence": "d1.s2",
              "text": "The leaders of North Korea and South Korea will hold talks in Panmunjom on March 14, according to statements released in Seoul and Pyongyang.",
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
          "verdict": "difference",
          "score": 0.99,
          "statements": [
            {
              "doc": "d1",
              "sentence": "d1.s4",
              "text": "South Korea promised $1.8 billion in food aid ahead of the harvest.",
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
          "differences": [
            {
              "kind": "number",
              "docs": [
                "d1",
                "d2",
                "d3"
              ],
              "detail": "d1 $1.8 billion · d2 $2.5 billion · d3 $2.5 billion"
            }
          ]
        },
        {
          "id": "c3",
          "topic": "summits and diplomacy",
          "verdict": "agreement",
          "score": 0.74,
          "statements": [
            {
              "doc": "d1",
              "sentence": "d1.s5",
              "text": "Some 350 delegates will travel to the border for the two-day meeting.",
              "line": 13,
              "column": 3,
              "start": 387,
              "end": 456
            },
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
          "id": "c4",
          "topic": "weapons programme",
          "verdict": "difference",
          "score": 1.0,
          "statements": [
            {
              "doc": "d1",
              "sentence": "d1.s6",
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
              "detail": "d1 denies (“not”) · d2 asserts"
            }
          ]
        },
        {
          "id": "c5",
          "topic": "summits and diplomacy",
          "verdict": "difference",
          "score": 1.0,
          "statements": [
            {
              "doc": "d1",
              "sentence": "d1.s7",
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
              "detail": "d1 asserts · d2 hedges (“reportedly”)"
            }
          ]
        },
        {
          "id": "c6",
          "topic": "summits and diplomacy",
          "verdict": "agreement",
          "score": 0.65,
          "statements": [
            {
              "doc": "d1",
              "sentence": "d1.s8",
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
          "differences": [],
          "extra": [
            "d1 adds: two sides",
            "d2 adds: two leaders"
          ]
        },
        {
          "id": "c7",
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
          "id": "c8",
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
          "id": "c9",
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
      "numbers": [
        {
          "label": "hold talks in Panmunjom on",
          "unit": "date",
          "kind": "date",
          "conflict": false,
          "claim": "c1",
          "values": [
            {
              "doc": "d1",
              "sentence": "d1.s2",
              "text": "March 14",
              "low": 314.0,
              "high": 314.0,
              "normalized": "--03-14"
            },
            {
              "doc": "d2",
              "sentence": "d2.s4",
              "text": "March 14",
              "low": 314.0,
              "high": 314.0,
              "normalized": "--03-14"
            },
            {
              "doc": "d3",
              "sentence": "d3.s2",
              "text": "March 14",
              "low": 314.0,
              "high": 314.0,
              "normalized": "--03-14"
            }
          ]
        },
        {
          "label": "in food aid ahead of",
          "unit": "USD",
          "kind": "money",
          "conflict": true,
          "claim": "c2",
          "values": [
            {
              "doc": "d1",
              "sentence": "d1.s4",
              "text": "$1.8 billion",
              "low": 1800000000.0,
              "high": 1800000000.0
            },
            {
              "doc": "d2",
              "sentence": "d2.s7",
              "text": "$2.5 billion",
              "low": 2500000000.0,
              "high": 2500000000.0
            },
            {
              "doc": "d3",
              "sentence": "d3.s5",
              "text": "$2.5 billion",
              "low": 2500000000.0,
              "high": 2500000000.0
            }
          ]
        },
        {
          "label": "will travel to the border",
          "unit": "delegate",
          "kind": "count",
          "conflict": false,
          "claim": "c3",
          "values": [
            {
              "doc": "d1",
              "sentence": "d1.s5",
              "text": "Some 350 delegates",
              "low": 350.0,
              "high": 350.0
            },
            {
              "doc": "d2",
              "sentence": "d2.s8",
              "text": "Between 300 and 400 delegates",
              "low": 300.0,
              "high": 400.0
            },
            {
              "doc": "d3",
              "sentence": "d3.s3",
              "text": "About 350 delegates",
              "low": 350.0,
              "high": 350.0
            }
          ]
        },
        {
          "label": "to the border for the",
          "unit": "day",
          "kind": "duration",
          "conflict": false,
          "claim": "c3",
          "values": [
            {
              "doc": "d1",
              "sentence": "d1.s5",
              "text": "two-day",
              "low": 2.0,
              "high": 2.0
            },
            {
              "doc": "d2",
              "sentence": "d2.s8",
              "text": "two-day",
              "low": 2.0,
              "high": 2.0
            },
            {
              "doc": "d3",
              "sentence": "d3.s3",
              "text": "two days",
              "low": 2.0,
              "high": 2.0
            }
          ]
        },
        {
          "label": "last met almost five years",
          "unit": "side",
          "kind": "count",
          "conflict": false,
          "claim": "c6",
          "values": [
            {
              "doc": "d1",
              "sentence": "d1.s8",
              "text": "two sides",
              "low": 2.0,
              "high": 2.0
            }
          ]
        },
        {
          "label": "The two sides last met",
          "unit": "year",
          "kind": "duration",
          "conflict": false,
          "claim": "c6",
          "values": [
            {
              "doc": "d1",
              "sentence": "d1.s8",
              "text": "almost five years",
              "low": 5.0,
              "high": 5.0
            },
            {
              "doc": "d2",
              "sentence": "d2.s5",
              "text": "almost five years",
              "low": 5.0,
              "high": 5.0
            }
          ]
        },
        {
          "label": "in almost five years",
          "unit": "leader",
          "kind": "count",
          "conflict": false,
          "claim": "c6",
          "values": [
            {
              "doc": "d2",
              "sentence": "d2.s5",
              "text": "two leaders",
              "low": 2.0,
              "high": 2.0
            }
          ]
        }
      ],
      "summary": {
        "claims": 9,
        "agreements": 3,
        "differences": 3,
        "unique": 3,
        "number_conflicts": 1
      }
    }
    "#);
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
    ┌───────┬─────────────────┬──────────┬────────────────┬────────────────┬────────────────┬──────────┐
    │ claim ┆ what            ┆ unit     ┆ d1             ┆ d2             ┆ d3             ┆ conflict │
    │       ┆                 ┆          ┆ coastal-wire   ┆ harbor-daily   ┆ northern-post  ┆          │
    ╞═══════╪═════════════════╪══════════╪════════════════╪════════════════╪════════════════╪══════════╡
    │ c1    ┆ hold talks in   ┆ date     ┆ March 14       ┆ March 14       ┆ March 14       ┆          │
    │       ┆ Panmunjom on    ┆          ┆ (--03-14)      ┆ (--03-14)      ┆ (--03-14)      ┆          │
    │ c2    ┆ in food aid     ┆ USD      ┆ $1.8 billion   ┆ $2.5 billion   ┆ $2.5 billion   ┆ conflict │
    │       ┆ ahead of        ┆          ┆ (1.8 billion)  ┆ (2.5 billion)  ┆ (2.5 billion)  ┆          │
    │ c3    ┆ will travel to  ┆ delegate ┆ Some 350       ┆ Between 300    ┆ About 350      ┆          │
    │       ┆ the border      ┆          ┆ delegates      ┆ and 400        ┆ delegates      ┆          │
    │       ┆                 ┆          ┆ (350)          ┆ delegates      ┆ (350)          ┆          │
    │       ┆                 ┆          ┆                ┆ (300–400)      ┆                ┆          │
    │ c3    ┆ to the border   ┆ day      ┆ two-day (2)    ┆ two-day (2)    ┆ two days (2)   ┆          │
    │       ┆ for the         ┆          ┆                ┆                ┆                ┆          │
    │ c6    ┆ last met almost ┆ side     ┆ two sides (2)  ┆ —              ┆ —              ┆          │
    │       ┆ five years      ┆          ┆                ┆                ┆                ┆          │
    │ c6    ┆ The two sides   ┆ year     ┆ almost five    ┆ almost five    ┆ —              ┆          │
    │       ┆ last met        ┆          ┆ years (5)      ┆ years (5)      ┆                ┆          │
    │ c6    ┆ in almost five  ┆ leader   ┆ —              ┆ two leaders    ┆ —              ┆          │
    │       ┆ years           ┆          ┆                ┆ (2)            ┆                ┆          │
    └───────┴─────────────────┴──────────┴────────────────┴────────────────┴────────────────┴──────────┘

    7 quantities · 1 conflict
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
    | c1 | other | agree | 3:1 The ferry to Wendel Island will resume on Friday after repairs &amp; inspections, the harbour board said. | 3:1 The harbour board said the ferry to Wendel Island will resume on Friday after repairs &amp; inspections. |
    | c2 | other | differ: negation<br>d1 asserts · d2 denies (“not”) | 5:1 The operator has confirmed the new timetable, a spokesperson said 'yes' &lt;!-- hidden --&gt; ]]&gt;. | 5:1 The operator has not confirmed the new timetable, a spokesperson said "onmouseover=alert(1) x=[31m. |

    ## Said by one source only

    | claim | topic | source | statement |
    |---|---|---|---|
    | c3 | other | d1:7:1 | Local shops on the island expect more visitors over the weekend. |
    | c4 | other | d2:7:1 | Tickets cost less than &lt;/style&gt; the old fares, according to the board. |
    | c5 | other | d2:9:1 | Passengers can read more at the board site or javascript:void(0). |

    ## Numbers

    | claim | what | unit | d1 island-courier | d2 quay-gazette | conflict |
    |---|---|---|---|---|---|
    | c2 |  |  | — | 1 |  |
    | c2 | x=[ | m | — | 31m (31) |  |
    | c5 |  |  | — | 0 |  |

    Sources: d1 `tests/fixtures/hostile/island-courier.txt`, d2 `tests/fixtures/hostile/quay-gazette.txt`

    5 claims: 1 agree, 1 differ, 3 unique · 0 number conflicts
    "#);
}
