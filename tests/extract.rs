//! What extraction reads out of single sentences, where a misreading would mislead the
//! matcher or the judge further down.

use factdiff::extract::Facts;
use factdiff::Document;

fn facts(sentence: &str) -> Facts {
    let doc = Document::from_text("d", "d.txt", sentence).expect("plain text reads");
    assert_eq!(doc.facts.len(), 1, "{sentence:?} should be one statement");
    doc.facts.into_iter().next().unwrap()
}

#[test]
fn alias_inside_a_company_name_does_not_split_it() {
    let f = facts("Shares of Mitsubishi Tokyo Financial fell on Monday.");
    assert!(
        f.entities.iter().any(|e| e == "Mitsubishi Tokyo Financial"),
        "{:?}",
        f.entities
    );
    assert!(!f.entities.iter().any(|e| e == "Japan"), "{:?}", f.entities);
}

#[test]
fn alias_closing_a_run_of_capitals_still_counts() {
    let f = facts("The envoy met Chairman Kim in Tokyo on Monday.");
    assert!(f.entities.iter().any(|e| e == "Japan"), "{:?}", f.entities);
}

#[test]
fn ticker_digits_are_no_quantity() {
    let f = facts("Harrow Bank (HK:2318) slipped 1.2 percent to 64 dollars.");
    let values: Vec<f64> = f.quantities.iter().map(|q| q.low).collect();
    assert!(!values.contains(&2318.0), "{values:?}");
    assert!(values.contains(&1.2), "{values:?}");
    assert!(
        f.entities.iter().any(|e| e == "HK:2318"),
        "{:?}",
        f.entities
    );
}

#[test]
fn up_or_off_before_a_figure_moves_it() {
    let up = facts("Shares of Hartwell were up $2.28 in midday trading.");
    assert!(up.terms.iter().any(|t| t == "rise"), "{:?}", up.terms);
    let off = facts("The index was off around 24 points at midday.");
    assert!(off.terms.iter().any(|t| t == "fall"), "{:?}", off.terms);
    let phrasal = facts("The council set up a fund for the flooded valley.");
    assert!(
        !phrasal.terms.iter().any(|t| t == "rise"),
        "{:?}",
        phrasal.terms
    );
}

#[test]
fn trading_moments_are_read_from_market_phrases() {
    use factdiff::extract::Moment;
    let moment = |s: &str| facts(s).moment;
    assert_eq!(
        moment("In midafternoon trading, the index was up 8 points."),
        Some(Moment::Afternoon)
    );
    assert_eq!(
        moment("The shares rose 20 cents to a record closing high."),
        Some(Moment::Close)
    );
    assert_eq!(
        moment("The index closed up 12 points at 1,790."),
        Some(Moment::Close)
    );
    assert_eq!(
        moment("The shares were up 19 cents in early trading."),
        Some(Moment::Open)
    );
    assert_eq!(
        moment("Around 0335 GMT, the shares were up 19 cents."),
        Some(Moment::Clock(3 * 60 + 35))
    );
    // "morning" and "closed" time a market reading only in a market phrase.
    assert_eq!(
        moment("The mayor spoke on Tuesday morning about 300 jobs."),
        None
    );
    assert_eq!(moment("The factory closed its doors after 40 years."), None);
}

#[test]
fn instrument_codes_are_neither_names_nor_words() {
    let f = facts("The Tarvo Composite Index .TRVX slipped 8.6 points to 1,773.5.");
    assert_eq!(f.entities, vec!["Tarvo Composite Index".to_string()]);
    assert!(!f.terms.iter().any(|t| t == "trvx"), "{:?}", f.terms);
    let f = facts("The dollar stood at 116.78 yen JPY= in late trading.");
    assert!(!f.entities.iter().any(|e| e == "JPY"), "{:?}", f.entities);
}

#[test]
fn index_kind_words_count_whether_capitalised_or_not() {
    let capitalised = facts("Later the Tarvo Composite Index slipped 8 points.");
    let lowercase = facts("Later the Tarvo composite index slipped 8 points.");
    for f in [&capitalised, &lowercase] {
        for word in ["composit", "index"] {
            assert!(f.terms.iter().any(|t| t == word), "{word}: {:?}", f.terms);
        }
    }
}

#[test]
fn a_weekly_gain_and_its_restatement_are_per_week() {
    let f = facts("The index had a weekly gain of 17.27, or 1.2 percent, on Friday.");
    let pers: Vec<Option<&str>> = f.quantities.iter().map(|q| q.per.as_deref()).collect();
    assert_eq!(pers, vec![Some("week"), Some("week")], "{:?}", f.quantities);
    let day = facts("The index rose 17.27, or 1.2 percent, on Friday.");
    assert!(
        day.quantities.iter().all(|q| q.per.is_none()),
        "{:?}",
        day.quantities
    );
}

#[test]
fn documents_read_one_after_another_share_the_built_in_extractor() {
    // Building an extractor costs about as much as extracting a short article; reading
    // documents one by one built one per document.
    let first = factdiff::extract::Extractor::builtin();
    let again = factdiff::extract::Extractor::builtin();
    assert!(std::ptr::eq(first, again));
    let a = Document::from_text("d1", "a.txt", "Kim met Moon in Seoul.").expect("reads");
    let b = Document::read_with(
        "d1",
        "a.txt",
        b"Kim met Moon in Seoul.",
        factdiff::InputFormat::Text,
        &factdiff::extract::Extractor::default(),
    )
    .expect("reads");
    assert_eq!(a.facts[0].entities, b.facts[0].entities);
    assert_eq!(a.facts[0].terms, b.facts[0].terms);
}
