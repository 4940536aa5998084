//! Unit tests for quantity extraction, in our own words (no evaluation data is copied here).

use super::*;

fn one(text: &str) -> Quantity {
    let qs = quantities(text);
    assert_eq!(qs.len(), 1, "{text}: {qs:#?}");
    qs.into_iter().next().unwrap()
}

#[test]
fn range_of_troops() {
    let q = one("Officials said 10,000 to 12,000 troops had crossed the border.");
    assert_eq!(q.value, None);
    assert_eq!((q.low, q.high), (10_000.0, 12_000.0));
    assert_eq!(q.unit, "troop");
    assert_eq!(q.kind, QuantityKind::Count);
    assert_eq!(q.text, "10,000 to 12,000 troops");
}

#[test]
fn between_range_and_adjectives() {
    let q = one("It sent between 10,000 to 12,000 North Korean troops.");
    assert_eq!((q.low, q.high), (10_000.0, 12_000.0));
    assert_eq!(q.unit, "troop");
    let q = one("Analysts expect between 10 and 20 launches.");
    assert_eq!((q.low, q.high), (10.0, 20.0));
    assert_eq!(q.unit, "launch");
}

#[test]
fn money_with_scale() {
    let q = one("The package is worth $150 billion over a decade.");
    assert_eq!(q.value, Some(150e9));
    assert_eq!(q.unit, "USD");
    assert_eq!(q.kind, QuantityKind::Money);
    let q = one("a deal worth 3bn euros");
    assert_eq!(q.value, Some(3e9));
    assert_eq!(q.unit, "EUR");
    let q = one("Profit rose to £1.2m last year.");
    assert_eq!(q.value, Some(1.2e6));
    assert_eq!(q.unit, "GBP");
    let q = one("the fine was 2.5 trillion won");
    assert_eq!(q.unit, "KRW");
    assert_eq!(q.value, Some(2.5e12));
    let q = one("it cost US$ 4 million");
    assert_eq!((q.value, q.unit.as_str()), (Some(4e6), "USD"));
}

#[test]
fn rate_per_year() {
    let q = one("The plant can build 10 to 20 weapons annually.");
    assert_eq!(q.kind, QuantityKind::Rate);
    assert_eq!(q.per.as_deref(), Some("year"));
    assert_eq!(q.unit, "weapon");
    assert_eq!((q.low, q.high), (10.0, 20.0));
    let q = one("They burn $5 million a day.");
    assert_eq!(q.per.as_deref(), Some("day"));
    assert_eq!(q.unit, "USD");
}

#[test]
fn years_and_counts() {
    let q = one("The summit took place in 2018.");
    assert_eq!(q.kind, QuantityKind::Year);
    assert_eq!(q.unit, "year");
    assert_eq!(one("the 2018 Singapore Summit").kind, QuantityKind::Year);
    assert_eq!(one("Russia's 2022 invasion").kind, QuantityKind::Year);
    assert_eq!(one("the war ended in 1953").kind, QuantityKind::Year);
    let q = one("some 2018 troops were deployed");
    assert_eq!(q.kind, QuantityKind::Count);
    assert_eq!(q.unit, "troop");
}

#[test]
fn number_words() {
    let q = one("twelve thousand soldiers marched");
    assert_eq!((q.value, q.unit.as_str()), (Some(12_000.0), "soldier"));
    assert_eq!(one("a dozen lorries").value, Some(12.0));
    assert_eq!(one("two-thirds of voters").value, Some(2.0 / 3.0));
    assert_eq!(one("half a million refugees").value, Some(500_000.0));
    assert_eq!(one("three missiles were fired").unit, "missile");
    assert_eq!(one("two hundred and nine").value, Some(209.0));
    assert_eq!(one("twenty-one guns").value, Some(21.0));
}

#[test]
fn percents_and_bounds() {
    let q = one("Prices rose 3.5% in May.");
    assert_eq!((q.value, q.unit.as_str()), (Some(3.5), "percent"));
    assert_eq!(one("up 12 percent").unit, "percent");
    assert_eq!(one("a 4 per cent rise").unit, "percent");
    let q = one("at least 40 people died");
    assert_eq!(q.bound, Bound::AtLeast);
    assert_eq!(q.unit, "people");
    assert_eq!(q.text, "at least 40 people");
    let q = one("nearly 300 homes");
    assert!(q.approx);
    let q = one("about 70 ships");
    assert!(q.approx);
    assert_eq!(q.bound, Bound::Exact);
    assert_eq!(one("up to 400 jobs").bound, Bound::AtMost);
    assert_eq!(one("fewer than 30 cases").bound, Bound::AtMost);
}

#[test]
fn measures_and_dashes() {
    let q = one("a range of 5,500 km");
    assert_eq!(
        (q.value, q.unit.as_str(), q.kind),
        (Some(5500.0), "km", QuantityKind::Measure)
    );
    assert_eq!(one("flew 300 miles").unit, "mile");
    assert_eq!(one("a 40-ton truck").unit, "ton");
    let q = one("between 10-20 boats");
    assert_eq!((q.low, q.high), (10.0, 20.0));
    let q = one("10–20 boats");
    assert_eq!((q.low, q.high), (10.0, 20.0));
}

#[test]
fn dates_and_ordinals() {
    let q = one("It happened on March 3, 2019, officials said.");
    assert_eq!(q.kind, QuantityKind::Date);
    assert_eq!(q.normalized.as_deref(), Some("2019-03-03"));
    assert_eq!(
        one("on 3 March 2019").normalized.as_deref(),
        Some("2019-03-03")
    );
    assert_eq!(
        one("by Nov. 3 the vote").normalized.as_deref(),
        Some("--11-03")
    );
    assert_eq!(
        one("filed 2019-03-03").normalized.as_deref(),
        Some("2019-03-03")
    );
    assert_eq!(one("the 21st summit").kind, QuantityKind::Ordinal);
    let q = one("the twenty-first century");
    assert_eq!((q.kind, q.value), (QuantityKind::Ordinal, Some(21.0)));
    assert!((one("one twenty-fifth").value.unwrap() - 0.04).abs() < 1e-12);
}

#[test]
fn names_are_not_quantities() {
    assert!(quantities("Trump-Kim talks on sea-to-surface arms").is_empty());
    assert!(quantities("the COVID-19 crisis").is_empty());
    assert!(quantities("The new iPhone 11 and the FTSE 100 index").is_empty());
    assert!(quantities("one of the aides said the other one left").len() <= 1);
}

#[test]
fn offsets_are_exact() {
    let text = "Über 5 km, then €20 and 3½ hours.";
    for q in quantities(text) {
        assert_eq!(&text[q.start..q.end], q.text);
    }
}

#[test]
fn comparatives_join_into_ranges() {
    let q = one("turnout was more than 40 and less than 60 percent");
    assert_eq!((q.value, q.low, q.high), (None, 40.0, 60.0));
    assert_eq!(one("no less than 30 lawmakers").bound, Bound::AtLeast);
    assert_eq!(one("no more than 30 lawmakers").bound, Bound::AtMost);
    assert_eq!(one("a score of 200 or more").bound, Bound::AtLeast);
    assert_eq!(one("values >= 7").bound, Bound::AtLeast);
    let q = one("it drew 3,000-plus complaints");
    assert_eq!((q.bound, q.unit.as_str()), (Bound::AtLeast, "complaint"));
}

#[test]
fn ratios_and_fractions() {
    let q = one("one in five adults");
    assert!((q.value.unwrap() - 0.2).abs() < 1e-12);
    assert_eq!(q.unit, "adult");
    assert!((one("3 out of 4 voters").value.unwrap() - 0.75).abs() < 1e-12);
    assert_eq!(one("two and a half").value, Some(2.5));
    assert_eq!(one("a quarter million").value, Some(250_000.0));
    assert_eq!(one("3/8 of it").value, Some(0.375));
}

#[test]
fn notation_and_grouping() {
    assert_eq!(one("a mass of 3e8 units").value, Some(3e8));
    let v = one("a factor of 2.5×10−3").value.unwrap();
    assert!((v - 2.5e-3).abs() < 1e-15);
    assert_eq!(one("it holds 52 000 seats").value, Some(52_000.0));
    assert_eq!(one("some 12 345 678 voters").value, Some(12_345_678.0));
}

#[test]
fn money_compounds_and_codes() {
    let q = one("it cost seven dollars and twenty cents");
    assert!((q.value.unwrap() - 7.2).abs() < 1e-9);
    let q = one("losses of 12 MEUR");
    assert_eq!((q.value, q.unit.as_str()), (Some(12e6), "EUR"));
    let q = one("they paid 40 USD million");
    assert_eq!(q.value, Some(40e6));
    assert_eq!(one("a bill for 300 yen").unit, "JPY");
    assert_eq!(one("hk $ 7 million").unit, "HKD");
    assert_eq!(one("the deal, worth A$3.1bn").unit, "AUD");
    assert_eq!(one("it fell to 64p").unit, "pence");
}

#[test]
fn spans_around_times() {
    let qs = quantities("The coin fell from $41,200 at 9.30pm to $39,800 by dawn.");
    let q = qs.iter().find(|q| q.kind == QuantityKind::Money).unwrap();
    assert_eq!((q.low, q.high), (39_800.0, 41_200.0));
    let t = quantities("at 9.30pm").pop().unwrap();
    assert_eq!(t.kind, QuantityKind::Time);
    assert_eq!(t.normalized.as_deref(), Some("21:30"));
}

#[test]
fn margins_and_season_years() {
    let q = one("support stood at 41% ± 2");
    assert_eq!((q.value, q.low, q.high), (None, 39.0, 43.0));
    assert_eq!(q.unit, "percent");
    let q = one("over the 2013-14 season");
    assert_eq!(
        (q.kind, q.low, q.high),
        (QuantityKind::Year, 2013.0, 2014.0)
    );
    let q = one("in the 1999-00 budget");
    assert_eq!((q.low, q.high), (1999.0, 2000.0));
}

#[test]
fn scores_and_codes_are_skipped() {
    assert!(quantities("the match ended 3-3 after extra time").is_empty());
    assert!(quantities("the bill passed 52-48 on Tuesday").is_empty());
    assert!(quantities("the CO2 sensor on the X6 model").is_empty());
    assert_eq!(one("a 1.2m jobs plan").value, Some(1.2e6));
    assert_eq!(one("a 100m sprint").unit, "m");
}

#[test]
fn anchor_list_matches_word_tables() {
    // Every anchor word is a number word the readers know, and every word the readers
    // know (of three letters or more) is an anchor, or quantities would be skipped.
    let known = |w: &str| {
        ones(w).is_some()
            || tens(w).is_some()
            || scale_word(w).is_some()
            || denominator(w).is_some()
            || ordinal_word(w).is_some()
            || matches!(
                w,
                "dozen"
                    | "dozens"
                    | "tens"
                    | "hundreds"
                    | "thousands"
                    | "millions"
                    | "billions"
                    | "trillions"
                    | "half"
                    | "quarter"
            )
    };
    for w in ANCHOR_WORDS {
        assert!(known(w), "{w}");
    }
    let probe = [
        "zero",
        "nought",
        "seventeen",
        "ninety",
        "hundred",
        "lakh",
        "crores",
        "halves",
        "quarters",
        "eighths",
        "trillionths",
        "twelfth",
        "second",
        "dozens",
        "billions",
    ];
    for w in probe {
        assert!(known(w) && is_anchor_word(w), "{w}");
    }
}

#[test]
fn random_text_never_panics() {
    // A small deterministic generator over pieces that stress the readers.
    let pieces = [
        "1", "12", ",", ".", "-", "–", "$", "€", "£", "%", " ", " ", "and", "to", "between", "one",
        "half", "a", "of", "million", "bn", "m", "k", "US", "per", "year", "km", "'s", "½", "😀",
        "ü", "/", "^", "e", "×", "10", "from", "at", "least", "or", "more", ":", "pm", "March",
        "Nov", "2019", "x", "\u{a0}", "0", "third", "dozens", "(", ")",
    ];
    let mut state = 0x2545_f491_4f6c_dd1du64;
    for _ in 0..3000 {
        let mut s = String::new();
        for _ in 0..24 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            s.push_str(pieces[(state % pieces.len() as u64) as usize]);
            if state & 0x100 != 0 {
                s.push(' ');
            }
        }
        let qs = quantities(&s);
        let mut last_end = 0;
        for q in &qs {
            assert!(
                q.start >= last_end && q.start <= q.end && q.end <= s.len(),
                "{s:?}"
            );
            assert_eq!(&s[q.start..q.end], q.text);
            last_end = q.end;
        }
    }
}

#[test]
fn pathological_inputs_stay_linear() {
    let cases = [
        "1 ".repeat(20_000),
        "one ".repeat(20_000),
        "$".repeat(40_000),
        "- ".repeat(20_000),
        "between ".repeat(20_000),
        "1-".repeat(20_000),
        "1,000".repeat(10_000),
        "twenty-".repeat(10_000),
        "more than ".repeat(10_000),
        "from 5 at ".repeat(10_000),
        // No spaces at all: pieces are cut at character boundaries.
        "é1".repeat(60_000),
        "9".repeat(150_000),
    ];
    for text in &cases {
        let t = std::time::Instant::now();
        let qs = quantities(text);
        assert!(qs.iter().all(|q| q.end <= text.len()));
        // Generous even for unoptimised test builds on a busy machine.
        assert!(
            t.elapsed().as_secs_f64() < 5.0,
            "slow on {:?}…",
            &text[..20]
        );
    }
}

#[test]
fn long_texts_are_read_in_pieces_with_exact_offsets() {
    let sentence = "Officials said 1,200 troops and $3.5 billion were sent in 2019. ";
    let text = sentence.repeat(3000);
    let qs = quantities(&text);
    assert_eq!(qs.len(), 3 * 3000);
    for q in &qs {
        assert_eq!(&text[q.start..q.end], q.text);
    }
}

#[test]
fn odd_input_never_panics() {
    let long = "9".repeat(500);
    let odd = [
        "",
        "$",
        "1,",
        "1.",
        "-",
        "½",
        "😀",
        "1,000,",
        ".5",
        "$$$",
        "1/0",
        "0/0",
        "--5",
        "—",
        "a",
        "the 1",
        "1e400",
        &long,
        "€-",
        "US$",
        "Y=",
        "between",
        "from 5 to",
        "1-",
        "Nov.",
        "March 99",
        "12:",
        "12:3",
        "½½½",
        "minus",
        "a half",
        "half a",
        "5,00",
        "1,0000",
        "\u{0301}5",
    ];
    for s in odd {
        for q in quantities(s) {
            assert!(q.start <= q.end && q.end <= s.len());
            assert!(q.low.is_finite() && q.high.is_finite());
        }
    }
    let q = quantities(&long);
    assert!(q.iter().all(|q| q.low.is_finite()));
}

#[test]
fn dozen_multiplies_only_the_last_group() {
    assert_eq!(
        one("They ordered four hundred and three dozen eggs.").value,
        Some(436.0)
    );
    assert_eq!(one("She baked five dozen rolls.").value, Some(60.0));
    assert_eq!(one("It holds two hundred dozen.").value, Some(2400.0));
}

#[test]
fn stacked_scales_multiply() {
    assert_eq!(
        one("The budget is four lakh crore rupees.").value,
        Some(4e12)
    );
    assert_eq!(one("an outlay of two thousand crore").value, Some(2e10));
    assert_eq!(one("about seven hundreds cars").value, Some(700.0));
}

#[test]
fn compound_ordinal_denominators() {
    let v = one("Take two hundred forty-sevenths of it.").value.unwrap();
    assert!((v - 200.0 / 47.0).abs() < 1e-9, "{v}");
    // "and" keeps the tens in the numerator.
    let v = one("Take two hundred and forty sevenths of it.")
        .value
        .unwrap();
    assert!((v - 240.0 / 7.0).abs() < 1e-9, "{v}");
    let v = one("Only one two hundred third of it.").value.unwrap();
    assert!((v - 1.0 / 203.0).abs() < 1e-12, "{v}");
    let v = one("It was six hundred-fifths.").value.unwrap();
    assert!((v - 120.0).abs() < 1e-9, "{v}");
}

#[test]
fn out_of_is_a_share_only_when_proper() {
    assert_eq!(one("seven out of ten voters").value, Some(0.7));
    let qs = quantities("they scored 14 out of 9 possible");
    let vals: Vec<_> = qs.iter().map(|q| q.value).collect();
    assert_eq!(vals, vec![Some(14.0), Some(9.0)]);
}

#[test]
fn bare_half_after_a_bound() {
    let q = one("More than half voters stayed home.");
    assert_eq!((q.low, q.bound), (0.5, Bound::AtLeast));
    assert!(quantities("They scored at half time.").is_empty());
    assert!(quantities("It lasted half a century.").is_empty());
    let q = one("The share is above one quarter and below a half.");
    assert_eq!((q.value, q.low, q.high), (None, 0.25, 0.5));
}

#[test]
fn spaced_k_closing_a_clause() {
    assert_eq!(one("Revenue hit 4.5 k.").value, Some(4500.0));
    assert_eq!(one("She won the 10 k race.").value, Some(10.0));
}

#[test]
fn codes_are_not_quantities() {
    assert!(quantities("The server at 10.0.12.7 went down.").is_empty());
    assert!(quantities("Call 44-555-0199 for details.").is_empty());
    assert!(quantities("The meeting is on 6/21/2023 in Oslo.").is_empty());
    assert!(quantities("It runs version 2.4.1 now.").is_empty());
    assert_eq!(one("It rose 2.5-3.5 percent.").high, 3.5);
}

#[test]
fn hyphenated_compound_names_the_unit() {
    let q = one("It has an eight-cylinder engine.");
    assert_eq!((q.value, q.unit.as_str()), (Some(8.0), "cylinder"));
    let qs = quantities("They make two-, three- and four-door cars.");
    let units: Vec<_> = qs.iter().map(|q| q.unit.as_str()).collect();
    assert_eq!(units, vec!["door", "door", "door"]);
    let qs = quantities("They signed two-, three- and five-year deals.");
    assert!(qs.iter().all(|q| q.unit == "year"), "{qs:#?}");
    assert_eq!(one("a 3,000-strong force").unit, "");
    // Years before a hyphen stay years.
    assert_eq!(one("a 2016-era law").kind, QuantityKind::Year);
}

#[test]
fn rate_written_after_the_first_figure_of_a_range() {
    let q = one("Oil fell from $82 a barrel to $61.");
    assert_eq!((q.low, q.high), (61.0, 82.0));
    assert_eq!(q.per.as_deref(), Some("barrel"));
    let q = one("Copper went from about $9 per kg to $12 per kg.");
    assert_eq!((q.low, q.high, q.per.as_deref()), (9.0, 12.0, Some("kg")));
}

#[test]
fn bare_figure_after_from_to_takes_the_unit() {
    let qs = quantities("Mileage went from about 20-25 mpg to 31 for vans.");
    assert_eq!(qs.len(), 2, "{qs:#?}");
    assert_eq!((qs[1].value, qs[1].unit.as_str()), (Some(31.0), "mpg"));
    let qs = quantities("Sales were 5 km away; they drove to 31 towns.");
    assert_eq!(qs[1].unit, "town");
}

#[test]
fn current_density_unit() {
    let q = one("a density of 2.4 A/cm2 to 0.5 A/cm2 was seen");
    assert_eq!((q.low, q.high, q.unit.as_str()), (0.5, 2.4, "A/cm²"));
}

/// The pre-scan that lets `quantities` skip a sentence never skips one the scanner reads a
/// quantity in: every word that is an anchor, alone or in a sentence, keeps it.
#[test]
fn pre_scan_never_skips_a_quantity() {
    let mut texts: Vec<String> = ANCHOR_WORDS
        .iter()
        .flat_map(|w| {
            let mut cap = w.to_string();
            cap[..1].make_ascii_uppercase();
            [
                format!("They said {w} people came."),
                format!("{cap} people came."),
                format!("They counted {} of them.", w.to_ascii_uppercase()),
            ]
        })
        .collect();
    for s in [
        "A spokesman said nothing.",
        "The US and the UK agreed.",
        "Prices in Rs were quoted.",
        "The fund held MUSD reserves.",
        "It cost hk $ a lot.",
        "It cost ½ of that.",
        "It was 5 o'clock.",
        "Revenue rose to £ twelve.",
        "Nobody at the meeting mentioned the treaty.",
        "He said it's the U.S. that won't agree.",
        "An extraordinarily long wordwithoutanyanchorinsideitatall ended it.",
    ] {
        texts.push(s.to_string());
    }
    for t in &texts {
        let mut out = Vec::new();
        quantities_in(t, &mut out, &mut Default::default());
        assert!(
            may_hold_quantity(t) || out.is_empty(),
            "pre-scan skipped {t:?}, which holds {out:#?}"
        );
        assert_eq!(quantities(t).len(), out.len(), "{t}");
    }
}

/// The eight-bytes-at-once letter test ends every run of letters where a byte-by-byte loop
/// does, and sees its capitals, for every byte at every position of the word.
#[test]
fn ascii_letter_runs_end_where_bytes_say() {
    for c in 0u8..=255 {
        for pos in 0..12 {
            for word in [
                &b"abcdefghijklmnopqrstuvwxyz"[..],
                b"abcdefghijkLMNOPQRSTuvwxyz",
            ] {
                let mut b = word.to_vec();
                b[pos] = c;
                for start in 0..b.len() {
                    let mut end = start;
                    while end < b.len() && b[end].is_ascii_alphabetic() {
                        end += 1;
                    }
                    let upper = b[start..end].iter().any(u8::is_ascii_uppercase);
                    assert_eq!(ascii_letters_end(&b, start), (end, upper), "{c} at {pos}");
                }
            }
        }
    }
}

/// The pre-scan's eight-bytes-at-once test marks exactly the bytes the class table calls
/// anchors, wherever they stand among other bytes.
#[test]
fn anchor_bytes_match_the_class_table() {
    let class = byte_classes();
    for c in 0u8..=255 {
        for pos in 0..8 {
            for fill in [b'a', b' ', b'0', 0xff] {
                let mut bytes = [fill; 8];
                bytes[pos] = c;
                let marks = anchor_bytes(u64::from_le_bytes(bytes)).to_le_bytes();
                for (m, b) in marks.iter().zip(bytes) {
                    assert_eq!(
                        *m == 0x80,
                        class[usize::from(b)] == ANCHOR,
                        "{b} among {fill}"
                    );
                }
            }
        }
    }
}

/// `could_start` answers words under three letters from its own short list: no number,
/// month or ordinal word is that short.
#[test]
fn no_number_word_is_under_three_letters() {
    let letters = (b'a'..=b'z').map(char::from);
    let short: Vec<String> = letters
        .clone()
        .map(String::from)
        .chain(
            letters
                .clone()
                .flat_map(|a| letters.clone().map(move |b| format!("{a}{b}"))),
        )
        .collect();
    for w in &short {
        let w = w.as_str();
        assert!(ones(w).is_none() && tens(w).is_none(), "{w}");
        assert!(month_num(w).is_none() && ordinal_word(w).is_none(), "{w}");
    }
}

#[test]
fn nine_eleven_is_a_name_not_a_fraction() {
    // It was read as 9/11 = 0.82 "attack", a figure in every numbers table it appeared in.
    assert!(quantities("The 9/11 attacks changed airport security.").is_empty());
    assert!(quantities("After 9/11, the rules changed.").is_empty());
    assert!(quantities("The vote moved to 3/14 this year.").is_empty());
}

#[test]
fn slash_pairs_that_are_not_fractions_give_no_number() {
    // "24/7" gave a count of 24, "50/50" one of 50 and a score "6/4" one of 6.
    for text in [
        "The hotline runs 24/7 for callers.",
        "It is a 50/50 chance, the coach said.",
        "The score was 6/4 in the final set.",
        "The 7/7 bombings hit the city.",
    ] {
        assert!(
            quantities(text).is_empty(),
            "{text}: {:?}",
            quantities(text)
        );
    }
}

#[test]
fn usual_slash_fractions_and_season_years_still_read() {
    assert_eq!(one("About 3/4 of voters agreed.").value, Some(0.75));
    assert_eq!(one("The track is 1/2 mile long.").value, Some(0.5));
    assert_eq!(
        one("Nearly 1/7 of the land is forest.").value,
        Some(1.0 / 7.0)
    );
    assert_eq!(
        one("The bond rose 5/64 of a point.").value,
        Some(5.0 / 64.0)
    );
    let q = one("The 2018/19 season ended early.");
    assert_eq!((q.value, q.kind), (Some(2018.0), QuantityKind::Year));
}
