//! Word tables for the quantity reader: number words, scales, fractions, months, currencies,
//! units, stop words and noun lemmas. Kept apart from the reader so the grammar in `mod.rs`
//! reads as grammar; every table here is data plus the small filters that make looking it up
//! cheap (three-letter prefix tables and a hashed unit list).

use super::{QuantityKind, UnitHit};
/// Number words and other words that anchor a quantity (see `Scanner::is_anchor`).
pub(super) const ANCHOR_WORDS: &[&str] = &[
    "zero",
    "nought",
    "naught",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
    "mln",
    "bln",
    "trn",
    "tln",
    "lakh",
    "lakhs",
    "crore",
    "crores",
    "half",
    "halves",
    "third",
    "thirds",
    "quarter",
    "quarters",
    "fourth",
    "fourths",
    "fifth",
    "fifths",
    "sixth",
    "sixths",
    "seventh",
    "sevenths",
    "eighth",
    "eighths",
    "ninth",
    "ninths",
    "tenth",
    "tenths",
    "twentieth",
    "twentieths",
    "thirtieth",
    "thirtieths",
    "hundredth",
    "hundredths",
    "thousandth",
    "thousandths",
    "millionth",
    "millionths",
    "billionth",
    "billionths",
    "trillionth",
    "trillionths",
    "first",
    "second",
    "eleventh",
    "twelfth",
    "dozen",
    "dozens",
    "tens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "trillions",
];

/// Whether `w` is one of [`ANCHOR_WORDS`]: one hash, where a search of the sorted list took
/// seven string comparisons.
pub(super) fn is_anchor_word(w: &str) -> bool {
    type Set = std::collections::HashSet<&'static str, std::hash::BuildHasherDefault<Fnv>>;
    static SET: std::sync::OnceLock<Set> = std::sync::OnceLock::new();
    SET.get_or_init(|| ANCHOR_WORDS.iter().copied().collect())
        .contains(w)
}

/// Words a quantity may start with: anchors, months, hedges and comparatives.
pub(super) const START_WORDS: &[&str] = &[
    "january",
    "jan",
    "february",
    "feb",
    "march",
    "mar",
    "april",
    "apr",
    "may",
    "june",
    "jun",
    "july",
    "jul",
    "august",
    "aug",
    "september",
    "sep",
    "sept",
    "october",
    "oct",
    "november",
    "nov",
    "december",
    "dec",
    "minus",
    "negative",
    "larger",
    "bigger",
    "smaller",
    "surpass",
    "surpasses",
    "surpassing",
    "exceeds",
    "exceed",
    "exceeding",
    "not",
    "more",
    "greater",
    "higher",
    "fewer",
    "less",
    "lower",
    "close",
    "just",
    "well",
    "about",
    "around",
    "roughly",
    "approximately",
    "approx",
    "circa",
    "some",
    "estimated",
    "almost",
    "nearly",
    "over",
    "above",
    "under",
    "below",
    "between",
    "from",
];

pub(super) const PREFIX_SIZE: usize = 26 * 26 * 26;

pub(super) const fn prefix_index(b: &[u8]) -> Option<usize> {
    if b.len() < 3 {
        return None;
    }
    let (x, y, z) = (b[0], b[1], b[2]);
    if !(x.is_ascii_lowercase() && y.is_ascii_lowercase() && z.is_ascii_lowercase()) {
        return None;
    }
    Some(((x - b'a') as usize * 26 + (y - b'a') as usize) * 26 + (z - b'a') as usize)
}

/// For each three-letter prefix, a bit per word length (capped at 15) of the listed words.
pub(super) const fn prefix_table(lists: &[&[&str]]) -> [u16; PREFIX_SIZE] {
    let mut t = [0u16; PREFIX_SIZE];
    let mut l = 0;
    while l < lists.len() {
        let words = lists[l];
        let mut i = 0;
        while i < words.len() {
            let b = words[i].as_bytes();
            if let Some(ix) = prefix_index(b) {
                let len = if b.len() > 15 { 15 } else { b.len() };
                t[ix] |= 1 << len;
            }
            i += 1;
        }
        l += 1;
    }
    t
}

/// First three letters of every anchor word: most words are rejected with one table read.
pub(super) static ANCHOR_PREFIX: [u16; PREFIX_SIZE] = prefix_table(&[ANCHOR_WORDS]);
pub(super) static START_PREFIX: [u16; PREFIX_SIZE] = prefix_table(&[ANCHOR_WORDS, START_WORDS]);

/// False only when `w` certainly is not in the table's lists (short words always pass).
pub(super) fn may_be(table: &[u16; PREFIX_SIZE], w: &str) -> bool {
    match prefix_index(w.as_bytes()) {
        Some(ix) => table[ix] & (1 << w.len().min(15)) != 0,
        None => true,
    }
}

pub(super) fn could_start(w: &str) -> bool {
    // No number, month or ordinal word is shorter than three letters.
    if w.len() < 3 {
        return matches!(w, "a" | "an" | "up" | "at" | "no" | "as" | "in" | "u");
    }
    if !may_be(&START_PREFIX, w) {
        return false;
    }
    ones(w).is_some()
        || tens(w).is_some()
        || month_num(w).is_some()
        || ordinal_word(w).is_some()
        || matches!(
            w,
            "a" | "an"
                | "half"
                | "minus"
                | "negative"
                | "larger"
                | "bigger"
                | "smaller"
                | "surpass"
                | "surpasses"
                | "surpassing"
                | "exceeds"
                | "quarter"
                | "nought"
                | "naught"
                | "up"
                | "at"
                | "no"
                | "not"
                | "more"
                | "greater"
                | "higher"
                | "fewer"
                | "less"
                | "lower"
                | "as"
                | "in"
                | "close"
                | "just"
                | "well"
                | "about"
                | "around"
                | "roughly"
                | "approximately"
                | "approx"
                | "circa"
                | "some"
                | "estimated"
                | "almost"
                | "nearly"
                | "over"
                | "above"
                | "exceeding"
                | "exceed"
                | "under"
                | "below"
                | "between"
                | "from"
                | "dozens"
                | "tens"
                | "hundreds"
                | "thousands"
                | "millions"
                | "billions"
                | "trillions"
                | "u"
        )
}

pub(super) fn ones(w: &str) -> Option<f64> {
    Some(match w {
        "zero" | "nought" | "naught" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        _ => return None,
    })
}

pub(super) fn tens(w: &str) -> Option<f64> {
    Some(match w {
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

pub(super) fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" | "mn" | "mln" => 1e6,
        "billion" | "bn" | "bln" => 1e9,
        "trillion" | "tn" | "trn" | "tln" => 1e12,
        "lakh" | "lakhs" => 1e5,
        "crore" | "crores" => 1e7,
        _ => return None,
    })
}

pub(super) fn denominator(w: &str) -> Option<f64> {
    Some(match w {
        "half" | "halves" => 2.0,
        "third" | "thirds" => 3.0,
        "quarter" | "quarters" | "fourth" | "fourths" => 4.0,
        "fifth" | "fifths" => 5.0,
        "sixth" | "sixths" => 6.0,
        "seventh" | "sevenths" => 7.0,
        "eighth" | "eighths" => 8.0,
        "ninth" | "ninths" => 9.0,
        "tenth" | "tenths" => 10.0,
        "twentieth" | "twentieths" => 20.0,
        "thirtieth" | "thirtieths" => 30.0,
        "hundredth" | "hundredths" => 100.0,
        "thousandth" | "thousandths" => 1e3,
        "millionth" | "millionths" => 1e6,
        "billionth" | "billionths" => 1e9,
        "trillionth" | "trillionths" => 1e12,
        _ => return None,
    })
}

pub(super) fn ordinal_word(w: &str) -> Option<f64> {
    Some(match w {
        "first" => 1.0,
        "second" => 2.0,
        "third" => 3.0,
        "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        "eleventh" => 11.0,
        "twelfth" => 12.0,
        "twentieth" => 20.0,
        "hundredth" => 100.0,
        _ => return None,
    })
}

pub(super) fn vulgar(c: char) -> Option<f64> {
    Some(match c {
        '½' => 0.5,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '⅕' => 0.2,
        '⅖' => 0.4,
        '⅗' => 0.6,
        '⅘' => 0.8,
        '⅙' => 1.0 / 6.0,
        '⅚' => 5.0 / 6.0,
        '⅛' => 0.125,
        '⅜' => 0.375,
        '⅝' => 0.625,
        '⅞' => 0.875,
        _ => return None,
    })
}

pub(super) fn month_num(w: &str) -> Option<u32> {
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

pub(super) fn symbol_currency(c: char) -> Option<&'static str> {
    Some(match c {
        '$' => "USD",
        '€' => "EUR",
        '£' => "GBP",
        '¥' => "JPY",
        '₩' => "KRW",
        '₹' => "INR",
        '₽' => "RUB",
        '₪' => "ILS",
        '₺' => "TRY",
        '₱' => "PHP",
        '₫' => "VND",
        '₦' => "NGN",
        '₴' => "UAH",
        '฿' => "THB",
        '₿' => "BTC",
        '₡' => "CRC",
        '₾' => "GEL",
        '₭' => "LAK",
        _ => return None,
    })
}

/// Letters written before "$": "US$", "HK$", "A$", "$US", "$A".
pub(super) fn dollar_prefix(w: &str) -> Option<&'static str> {
    Some(match w {
        "us" | "usd" => "USD",
        "a" | "au" | "aud" => "AUD",
        "c" | "ca" | "can" | "cad" => "CAD",
        "hk" => "HKD",
        "nz" => "NZD",
        "s" | "sg" => "SGD",
        "nt" => "TWD",
        "r" => "BRL",
        "mx" | "mex" | "mxn" => "MXN",
        "nzd" => "NZD",
        "hkd" => "HKD",
        "sgd" => "SGD",
        _ => return None,
    })
}

pub(super) fn iso_code(w: &str) -> Option<&'static str> {
    Some(match w {
        "usd" => "USD",
        "eur" => "EUR",
        "gbp" => "GBP",
        "jpy" => "JPY",
        "cny" => "CNY",
        "rmb" => "CNY",
        "krw" => "KRW",
        "rub" => "RUB",
        "inr" => "INR",
        "cad" => "CAD",
        "aud" => "AUD",
        "chf" => "CHF",
        "hkd" => "HKD",
        "sgd" => "SGD",
        "nzd" => "NZD",
        "mxn" => "MXN",
        "brl" => "BRL",
        "zar" => "ZAR",
        "try" => "TRY",
        "ils" => "ILS",
        "sek" => "SEK",
        "nok" => "NOK",
        "dkk" => "DKK",
        "pln" => "PLN",
        "uah" => "UAH",
        "rm" => "MYR",
        "myr" => "MYR",
        "btc" => "BTC",
        _ => return None,
    })
}

/// Units whose meaning depends on case ("Nm" newton metre vs "nm" nanometre, "M" mega).
pub(super) fn case_sensitive_unit(raw: &str) -> Option<UnitHit> {
    let (unit, kind) = match raw {
        "Nm" => ("N·m", QuantityKind::Measure),
        "PS" => ("hp", QuantityKind::Measure),
        "C" => ("°C", QuantityKind::Measure),
        "F" => ("°F", QuantityKind::Measure),
        "MW" => ("MW", QuantityKind::Measure),
        "mW" => ("mW", QuantityKind::Measure),
        _ => return None,
    };
    Some(UnitHit { unit, kind, end: 0 })
}

/// Units written after a number: surface form (lowercased, tokens joined as written) →
/// normalised unit and kind.
pub(super) const UNIT_KEYS: &[(&str, &str, QuantityKind)] = &[
    ("%", "percent", QuantityKind::Percent),
    ("percent", "percent", QuantityKind::Percent),
    ("per cent", "percent", QuantityKind::Percent),
    ("pc", "percent", QuantityKind::Percent),
    ("pct", "percent", QuantityKind::Percent),
    ("percentage", "percent", QuantityKind::Percent),
    ("percents", "percent", QuantityKind::Percent),
    ("per-cent", "percent", QuantityKind::Percent),
    (
        "percentage point",
        "percentage point",
        QuantityKind::Percent,
    ),
    (
        "percentage points",
        "percentage point",
        QuantityKind::Percent,
    ),
    (
        "percentage-point",
        "percentage point",
        QuantityKind::Percent,
    ),
    ("pp", "percentage point", QuantityKind::Percent),
    ("ppt", "percentage point", QuantityKind::Percent),
    ("ppts", "percentage point", QuantityKind::Percent),
    ("basis point", "basis point", QuantityKind::Measure),
    ("basis points", "basis point", QuantityKind::Measure),
    ("basis-point", "basis point", QuantityKind::Measure),
    ("bps", "basis point", QuantityKind::Measure),
    ("bp", "basis point", QuantityKind::Measure),
    ("km", "km", QuantityKind::Measure),
    ("kms", "km", QuantityKind::Measure),
    ("kilometre", "km", QuantityKind::Measure),
    ("kilometres", "km", QuantityKind::Measure),
    ("kilometer", "km", QuantityKind::Measure),
    ("kilometers", "km", QuantityKind::Measure),
    ("m", "m", QuantityKind::Measure),
    ("metre", "m", QuantityKind::Measure),
    ("metres", "m", QuantityKind::Measure),
    ("meter", "m", QuantityKind::Measure),
    ("meters", "m", QuantityKind::Measure),
    ("cm", "cm", QuantityKind::Measure),
    ("centimetre", "cm", QuantityKind::Measure),
    ("centimetres", "cm", QuantityKind::Measure),
    ("centimeter", "cm", QuantityKind::Measure),
    ("centimeters", "cm", QuantityKind::Measure),
    ("mm", "mm", QuantityKind::Measure),
    ("millimetre", "mm", QuantityKind::Measure),
    ("millimetres", "mm", QuantityKind::Measure),
    ("millimeter", "mm", QuantityKind::Measure),
    ("millimeters", "mm", QuantityKind::Measure),
    ("μm", "μm", QuantityKind::Measure),
    ("µm", "μm", QuantityKind::Measure),
    ("micrometre", "μm", QuantityKind::Measure),
    ("micrometres", "μm", QuantityKind::Measure),
    ("micrometer", "μm", QuantityKind::Measure),
    ("micrometers", "μm", QuantityKind::Measure),
    ("micron", "μm", QuantityKind::Measure),
    ("microns", "μm", QuantityKind::Measure),
    ("nm", "nm", QuantityKind::Measure),
    ("nanometre", "nm", QuantityKind::Measure),
    ("nanometres", "nm", QuantityKind::Measure),
    ("nanometer", "nm", QuantityKind::Measure),
    ("nanometers", "nm", QuantityKind::Measure),
    ("mi", "mile", QuantityKind::Measure),
    ("mile", "mile", QuantityKind::Measure),
    ("miles", "mile", QuantityKind::Measure),
    ("nautical mile", "nautical mile", QuantityKind::Measure),
    ("nautical miles", "nautical mile", QuantityKind::Measure),
    ("ft", "ft", QuantityKind::Measure),
    ("foot", "ft", QuantityKind::Measure),
    ("feet", "ft", QuantityKind::Measure),
    ("inch", "inch", QuantityKind::Measure),
    ("inches", "inch", QuantityKind::Measure),
    ("″", "inch", QuantityKind::Measure),
    ("\"", "inch", QuantityKind::Measure),
    ("yard", "yard", QuantityKind::Measure),
    ("yards", "yard", QuantityKind::Measure),
    ("yd", "yard", QuantityKind::Measure),
    ("yds", "yard", QuantityKind::Measure),
    ("light year", "light-year", QuantityKind::Measure),
    ("light years", "light-year", QuantityKind::Measure),
    ("light-year", "light-year", QuantityKind::Measure),
    ("light-years", "light-year", QuantityKind::Measure),
    ("sq m", "m²", QuantityKind::Measure),
    ("sqm", "m²", QuantityKind::Measure),
    ("square metre", "m²", QuantityKind::Measure),
    ("square metres", "m²", QuantityKind::Measure),
    ("square meter", "m²", QuantityKind::Measure),
    ("square meters", "m²", QuantityKind::Measure),
    ("m2", "m²", QuantityKind::Measure),
    ("m²", "m²", QuantityKind::Measure),
    ("sq km", "km²", QuantityKind::Measure),
    ("km2", "km²", QuantityKind::Measure),
    ("km²", "km²", QuantityKind::Measure),
    ("square kilometre", "km²", QuantityKind::Measure),
    ("square kilometres", "km²", QuantityKind::Measure),
    ("square kilometer", "km²", QuantityKind::Measure),
    ("square kilometers", "km²", QuantityKind::Measure),
    ("sq mi", "mile²", QuantityKind::Measure),
    ("square mile", "mile²", QuantityKind::Measure),
    ("square miles", "mile²", QuantityKind::Measure),
    ("sq ft", "ft²", QuantityKind::Measure),
    ("square foot", "ft²", QuantityKind::Measure),
    ("square feet", "ft²", QuantityKind::Measure),
    ("acre", "acre", QuantityKind::Measure),
    ("acres", "acre", QuantityKind::Measure),
    ("hectare", "hectare", QuantityKind::Measure),
    ("hectares", "hectare", QuantityKind::Measure),
    ("ha", "hectare", QuantityKind::Measure),
    ("cubic foot", "ft³", QuantityKind::Measure),
    ("cubic feet", "ft³", QuantityKind::Measure),
    ("cubic metre", "m³", QuantityKind::Measure),
    ("cubic metres", "m³", QuantityKind::Measure),
    ("cubic meter", "m³", QuantityKind::Measure),
    ("cubic meters", "m³", QuantityKind::Measure),
    ("m3", "m³", QuantityKind::Measure),
    ("m³", "m³", QuantityKind::Measure),
    ("km3", "km³", QuantityKind::Measure),
    ("km³", "km³", QuantityKind::Measure),
    ("cubic kilometre", "km³", QuantityKind::Measure),
    ("cubic kilometres", "km³", QuantityKind::Measure),
    ("cubic kilometer", "km³", QuantityKind::Measure),
    ("cubic kilometers", "km³", QuantityKind::Measure),
    ("l", "l", QuantityKind::Measure),
    ("litre", "l", QuantityKind::Measure),
    ("litres", "l", QuantityKind::Measure),
    ("liter", "l", QuantityKind::Measure),
    ("liters", "l", QuantityKind::Measure),
    ("ml", "ml", QuantityKind::Measure),
    ("millilitre", "ml", QuantityKind::Measure),
    ("millilitres", "ml", QuantityKind::Measure),
    ("milliliter", "ml", QuantityKind::Measure),
    ("milliliters", "ml", QuantityKind::Measure),
    ("gallon", "gallon", QuantityKind::Measure),
    ("gallons", "gallon", QuantityKind::Measure),
    ("gal", "gallon", QuantityKind::Measure),
    ("barrel", "barrel", QuantityKind::Measure),
    ("barrels", "barrel", QuantityKind::Measure),
    ("bbl", "barrel", QuantityKind::Measure),
    ("pint", "pint", QuantityKind::Measure),
    ("pints", "pint", QuantityKind::Measure),
    ("quart", "quart", QuantityKind::Measure),
    ("quarts", "quart", QuantityKind::Measure),
    ("ounce", "oz", QuantityKind::Measure),
    ("ounces", "oz", QuantityKind::Measure),
    ("oz", "oz", QuantityKind::Measure),
    ("kg", "kg", QuantityKind::Measure),
    ("kgs", "kg", QuantityKind::Measure),
    ("kilogram", "kg", QuantityKind::Measure),
    ("kilograms", "kg", QuantityKind::Measure),
    ("kilo", "kg", QuantityKind::Measure),
    ("kilos", "kg", QuantityKind::Measure),
    ("kilogramme", "kg", QuantityKind::Measure),
    ("g", "g", QuantityKind::Measure),
    ("gram", "g", QuantityKind::Measure),
    ("grams", "g", QuantityKind::Measure),
    ("gramme", "g", QuantityKind::Measure),
    ("grammes", "g", QuantityKind::Measure),
    ("mg", "mg", QuantityKind::Measure),
    ("milligram", "mg", QuantityKind::Measure),
    ("milligrams", "mg", QuantityKind::Measure),
    ("lb", "lb", QuantityKind::Measure),
    ("lbs", "lb", QuantityKind::Measure),
    ("pound", "lb", QuantityKind::Measure),
    ("pounds", "lb", QuantityKind::Measure),
    ("ton", "ton", QuantityKind::Measure),
    ("tons", "ton", QuantityKind::Measure),
    ("tonne", "tonne", QuantityKind::Measure),
    ("tonnes", "tonne", QuantityKind::Measure),
    ("metric ton", "tonne", QuantityKind::Measure),
    ("metric tons", "tonne", QuantityKind::Measure),
    ("mph", "mph", QuantityKind::Measure),
    ("miles per hour", "mph", QuantityKind::Measure),
    ("mile per hour", "mph", QuantityKind::Measure),
    ("miles an hour", "mph", QuantityKind::Measure),
    ("km/h", "km/h", QuantityKind::Measure),
    // Current density, as battery and solar-cell reports write it.
    ("a/cm2", "A/cm²", QuantityKind::Measure),
    ("a/cm²", "A/cm²", QuantityKind::Measure),
    ("km/hr", "km/h", QuantityKind::Measure),
    ("kmh", "km/h", QuantityKind::Measure),
    ("kph", "km/h", QuantityKind::Measure),
    ("kilometres per hour", "km/h", QuantityKind::Measure),
    ("kilometers per hour", "km/h", QuantityKind::Measure),
    ("km per hour", "km/h", QuantityKind::Measure),
    ("kilometres an hour", "km/h", QuantityKind::Measure),
    ("kilometers an hour", "km/h", QuantityKind::Measure),
    ("knot", "knot", QuantityKind::Measure),
    ("knots", "knot", QuantityKind::Measure),
    ("w", "W", QuantityKind::Measure),
    ("watt", "W", QuantityKind::Measure),
    ("watts", "W", QuantityKind::Measure),
    ("kw", "kW", QuantityKind::Measure),
    ("kilowatt", "kW", QuantityKind::Measure),
    ("kilowatts", "kW", QuantityKind::Measure),
    ("megawatt", "MW", QuantityKind::Measure),
    ("megawatts", "MW", QuantityKind::Measure),
    ("gw", "GW", QuantityKind::Measure),
    ("gigawatt", "GW", QuantityKind::Measure),
    ("gigawatts", "GW", QuantityKind::Measure),
    ("wh", "Wh", QuantityKind::Measure),
    ("watt hour", "Wh", QuantityKind::Measure),
    ("watt hours", "Wh", QuantityKind::Measure),
    ("watt-hour", "Wh", QuantityKind::Measure),
    ("watt-hours", "Wh", QuantityKind::Measure),
    ("km^2", "km²", QuantityKind::Measure),
    ("km^3", "km³", QuantityKind::Measure),
    ("m^2", "m²", QuantityKind::Measure),
    ("m^3", "m³", QuantityKind::Measure),
    ("kwh", "kWh", QuantityKind::Measure),
    ("kilowatt hour", "kWh", QuantityKind::Measure),
    ("kilowatt hours", "kWh", QuantityKind::Measure),
    ("kilowatt-hour", "kWh", QuantityKind::Measure),
    ("kilowatt-hours", "kWh", QuantityKind::Measure),
    ("mwh", "MWh", QuantityKind::Measure),
    ("megawatt hour", "MWh", QuantityKind::Measure),
    ("megawatt hours", "MWh", QuantityKind::Measure),
    ("megawatt-hour", "MWh", QuantityKind::Measure),
    ("megawatt-hours", "MWh", QuantityKind::Measure),
    ("gwh", "GWh", QuantityKind::Measure),
    ("gigawatt hour", "GWh", QuantityKind::Measure),
    ("gigawatt hours", "GWh", QuantityKind::Measure),
    ("gigawatt-hour", "GWh", QuantityKind::Measure),
    ("gigawatt-hours", "GWh", QuantityKind::Measure),
    ("twh", "TWh", QuantityKind::Measure),
    ("terawatt hour", "TWh", QuantityKind::Measure),
    ("terawatt hours", "TWh", QuantityKind::Measure),
    ("terawatt-hour", "TWh", QuantityKind::Measure),
    ("terawatt-hours", "TWh", QuantityKind::Measure),
    ("hp", "hp", QuantityKind::Measure),
    ("horsepower", "hp", QuantityKind::Measure),
    ("bhp", "hp", QuantityKind::Measure),
    ("v", "V", QuantityKind::Measure),
    ("volt", "V", QuantityKind::Measure),
    ("volts", "V", QuantityKind::Measure),
    ("kv", "V", QuantityKind::Measure),
    ("mah", "mAh", QuantityKind::Measure),
    ("hz", "Hz", QuantityKind::Measure),
    ("hertz", "Hz", QuantityKind::Measure),
    ("khz", "kHz", QuantityKind::Measure),
    ("mhz", "MHz", QuantityKind::Measure),
    ("ghz", "GHz", QuantityKind::Measure),
    ("rpm", "rpm", QuantityKind::Measure),
    ("lb-ft", "lb-ft", QuantityKind::Measure),
    ("pound-feet", "lb-ft", QuantityKind::Measure),
    ("pound-foot", "lb-ft", QuantityKind::Measure),
    ("foot-pounds", "lb-ft", QuantityKind::Measure),
    ("kb", "kB", QuantityKind::Measure),
    ("kilobyte", "kB", QuantityKind::Measure),
    ("kilobytes", "kB", QuantityKind::Measure),
    ("mb", "MB", QuantityKind::Measure),
    ("megabyte", "MB", QuantityKind::Measure),
    ("megabytes", "MB", QuantityKind::Measure),
    ("gb", "GB", QuantityKind::Measure),
    ("gigabyte", "GB", QuantityKind::Measure),
    ("gigabytes", "GB", QuantityKind::Measure),
    ("tb", "TB", QuantityKind::Measure),
    ("terabyte", "TB", QuantityKind::Measure),
    ("terabytes", "TB", QuantityKind::Measure),
    ("pb", "PB", QuantityKind::Measure),
    ("petabyte", "PB", QuantityKind::Measure),
    ("petabytes", "PB", QuantityKind::Measure),
    ("eb", "EB", QuantityKind::Measure),
    ("exabyte", "EB", QuantityKind::Measure),
    ("exabytes", "EB", QuantityKind::Measure),
    ("mbps", "Mbps", QuantityKind::Measure),
    ("gbps", "Gbps", QuantityKind::Measure),
    ("degree", "degree", QuantityKind::Measure),
    ("degrees", "degree", QuantityKind::Measure),
    ("°", "degree", QuantityKind::Measure),
    ("degrees celsius", "°C", QuantityKind::Measure),
    ("degree celsius", "°C", QuantityKind::Measure),
    ("degrees c", "°C", QuantityKind::Measure),
    ("°c", "°C", QuantityKind::Measure),
    ("celsius", "°C", QuantityKind::Measure),
    ("° c", "°C", QuantityKind::Measure),
    ("degrees centigrade", "°C", QuantityKind::Measure),
    ("degrees fahrenheit", "°F", QuantityKind::Measure),
    ("degree fahrenheit", "°F", QuantityKind::Measure),
    ("degrees f", "°F", QuantityKind::Measure),
    ("°f", "°F", QuantityKind::Measure),
    ("fahrenheit", "°F", QuantityKind::Measure),
    ("° f", "°F", QuantityKind::Measure),
    ("ppm", "ppm", QuantityKind::Measure),
    ("ppb", "ppb", QuantityKind::Measure),
    ("db", "dB", QuantityKind::Measure),
    ("decibel", "dB", QuantityKind::Measure),
    ("decibels", "dB", QuantityKind::Measure),
    ("gpa", "GPa", QuantityKind::Measure),
    ("gigapascal", "GPa", QuantityKind::Measure),
    ("gigapascals", "GPa", QuantityKind::Measure),
    ("mpg", "mpg", QuantityKind::Measure),
    ("miles per gallon", "mpg", QuantityKind::Measure),
    ("mile per gallon", "mpg", QuantityKind::Measure),
    ("calorie", "kcal", QuantityKind::Measure),
    ("calories", "kcal", QuantityKind::Measure),
    ("kcal", "kcal", QuantityKind::Measure),
    ("times", "times", QuantityKind::Measure),
    ("point", "point", QuantityKind::Measure),
    ("points", "point", QuantityKind::Measure),
    ("second", "second", QuantityKind::Duration),
    ("seconds", "second", QuantityKind::Duration),
    ("sec", "second", QuantityKind::Duration),
    ("secs", "second", QuantityKind::Duration),
    ("minute", "minute", QuantityKind::Duration),
    ("minutes", "minute", QuantityKind::Duration),
    ("min", "minute", QuantityKind::Duration),
    ("mins", "minute", QuantityKind::Duration),
    ("hour", "hour", QuantityKind::Duration),
    ("hours", "hour", QuantityKind::Duration),
    ("hr", "hour", QuantityKind::Duration),
    ("hrs", "hour", QuantityKind::Duration),
    ("h", "hour", QuantityKind::Duration),
    ("day", "day", QuantityKind::Duration),
    ("days", "day", QuantityKind::Duration),
    ("week", "week", QuantityKind::Duration),
    ("weeks", "week", QuantityKind::Duration),
    ("month", "month", QuantityKind::Duration),
    ("months", "month", QuantityKind::Duration),
    ("year", "year", QuantityKind::Duration),
    ("years", "year", QuantityKind::Duration),
    ("yr", "year", QuantityKind::Duration),
    ("yrs", "year", QuantityKind::Duration),
    ("year-old", "year", QuantityKind::Duration),
    ("years-old", "year", QuantityKind::Duration),
    ("years old", "year", QuantityKind::Duration),
    ("year old", "year", QuantityKind::Duration),
    ("month-old", "month", QuantityKind::Duration),
    ("months-old", "month", QuantityKind::Duration),
    ("months old", "month", QuantityKind::Duration),
    ("decade", "decade", QuantityKind::Duration),
    ("decades", "decade", QuantityKind::Duration),
    ("century", "century", QuantityKind::Duration),
    ("centuries", "century", QuantityKind::Duration),
];

/// FNV-1a: unit keys are short and trusted, so a light hash beats the default SipHash.
#[derive(Default)]
pub(super) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100_0000_01b3);
        }
        self.0 = h;
    }

    /// Slice keys hash their length first: one step, not eight bytes.
    fn write_usize(&mut self, n: usize) {
        self.write(&[n as u8]);
    }
}

/// Prefix-and-length filter over the first word of every unit key (see `prefix_table`).
pub(super) static UNIT_PREFIX: [u16; PREFIX_SIZE] = unit_prefix_table(UNIT_KEYS);

pub(super) const fn unit_prefix_table(keys: &[(&str, &str, QuantityKind)]) -> [u16; PREFIX_SIZE] {
    let mut t = [0u16; PREFIX_SIZE];
    let mut i = 0;
    while i < keys.len() {
        let b = keys[i].0.as_bytes();
        let mut len = 0;
        while len < b.len() && b[len].is_ascii_lowercase() {
            len += 1;
        }
        if let Some(ix) = prefix_index(b) {
            let l = if len > 15 { 15 } else { len };
            t[ix] |= 1 << l;
        }
        i += 1;
    }
    t
}

/// The unit a key names, if any, and whether a longer key starts with it, so the caller
/// stops adding tokens to a key no unit begins with. Keys are given as bytes: they are built
/// from text in a stack buffer, and checking that buffer is UTF-8 again cost more than the
/// look-up.
pub(super) fn unit_lookup(key: &[u8]) -> (Option<(&'static str, QuantityKind)>, bool) {
    type Entry = (Option<(&'static str, QuantityKind)>, bool);
    type Map = std::collections::HashMap<&'static [u8], Entry, std::hash::BuildHasherDefault<Fnv>>;
    static MAP: std::sync::OnceLock<Map> = std::sync::OnceLock::new();
    if key.len() > 24 {
        return (None, false);
    }
    MAP.get_or_init(|| {
        let mut map = Map::default();
        for &(k, u, q) in UNIT_KEYS {
            let k = k.as_bytes();
            // A later entry for the same key wins, as it did when the table was collected.
            map.entry(k).or_insert((None, false)).0 = Some((u, q));
            for end in 1..k.len() {
                map.entry(&k[..end]).or_insert((None, false)).1 = true;
            }
        }
        map
    })
    .get(key)
    .copied()
    .unwrap_or((None, false))
}

pub(super) fn is_period(p: &str) -> bool {
    matches!(
        p,
        "year"
            | "month"
            | "week"
            | "day"
            | "hour"
            | "minute"
            | "second"
            | "quarter"
            | "decade"
            | "century"
    )
}

pub(super) fn is_stop(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "from"
            | "by"
            | "with"
            | "and"
            | "or"
            | "but"
            | "as"
            | "than"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "this"
            | "these"
            | "those"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "can"
            | "could"
            | "may"
            | "might"
            | "should"
            | "must"
            | "shall"
            | "do"
            | "does"
            | "did"
            | "not"
            | "no"
            | "it"
            | "its"
            | "their"
            | "his"
            | "her"
            | "they"
            | "he"
            | "she"
            | "we"
            | "you"
            | "i"
            | "per"
            | "each"
            | "every"
            | "over"
            | "under"
            | "after"
            | "before"
            | "since"
            | "during"
            | "while"
            | "when"
            | "where"
            | "if"
            | "so"
            | "up"
            | "down"
            | "out"
            | "into"
            | "about"
            | "around"
            | "between"
            | "ago"
            | "more"
            | "less"
            | "also"
            | "just"
            | "only"
            | "still"
            | "now"
            | "then"
            | "there"
            | "here"
            | "all"
            | "some"
            | "many"
            | "much"
            | "both"
            | "either"
            | "within"
            | "without"
            | "through"
            | "across"
            | "against"
            | "toward"
            | "towards"
            | "including"
            | "according"
            | "said"
            | "says"
            | "say"
            | "told"
            | "than."
            | "last"
            | "next"
            | "ahead"
            | "behind"
            | "away"
            | "off"
            | "again"
            | "too"
            | "very"
            | "even"
            | "because"
            | "though"
            | "although"
            | "unless"
            | "until"
            | "till"
            | "via"
            | "amid"
            | "among"
            | "onto"
            | "upon"
            | "plus"
            | "minus"
            | "versus"
            | "vs"
            | "what"
            | "how"
            | "why"
            | "our"
            | "my"
            | "your"
            | "them"
            | "him"
            | "us"
            | "me"
            | "whether"
            | "yet"
            | "nor"
            | "ever"
            | "never"
            | "always"
            | "already"
            | "earlier"
            | "later"
            | "today"
            | "yesterday"
            | "tomorrow"
            | "tonight"
            | "respectively"
            | "apiece"
            | "each."
            | "people's"
            | "in."
            | "like"
            | "unlike"
            | "near"
            | "beyond"
            | "above"
            | "below"
            | "except"
            | "instead"
            | "versus."
            | "this."
            | "other"
            | "others"
            | "another"
            | "such"
            | "same"
            | "own"
            | "further"
            | "least"
            | "most"
            | "year"
            | "less."
            | "s"
            | "t"
            | "whereas"
            | "sunday"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
    )
}

pub(super) fn is_adverb_like(w: &str) -> bool {
    w.ends_with("ly") || matches!(w, "last" | "more" | "time" | "day" | "thing" | "way")
}

/// Irregular plurals and plural-only nouns common in news counts.
pub(super) fn irregular_plural(w: &str) -> Option<&'static str> {
    Some(match w {
        "people" => "people",
        "men" => "man",
        "women" => "woman",
        "children" => "child",
        "police" => "police",
        "personnel" => "personnel",
        "staff" => "staff",
        "cattle" => "cattle",
        "sheep" => "sheep",
        "fish" => "fish",
        "deer" => "deer",
        "feet" => "foot",
        "teeth" => "tooth",
        "mice" => "mouse",
        "geese" => "goose",
        "aircraft" => "aircraft",
        "data" => "data",
        "media" => "media",
        "crew" => "crew",
        "livestock" => "livestock",
        "troops" => "troop",
        "lives" => "life",
        "wives" => "wife",
        "knives" => "knife",
        "halves" => "half",
        "thieves" => "thief",
        "wolves" => "wolf",
        "leaves" => "leaf",
        "series" => "series",
        "species" => "species",
        "news" => "news",
        "analyses" => "analysis",
        "crises" => "crisis",
        "theses" => "thesis",
        "criteria" => "criterion",
        "phenomena" => "phenomenon",
        "movies" => "movie",
        "cookies" => "cookie",
        "zombies" => "zombie",
        "rookies" => "rookie",
        "calories" => "calorie",
        "shoes" => "shoe",
        "toes" => "toe",
        "canoes" => "canoe",
        "hostages" => "hostage",
        _ => return None,
    })
}

pub(super) fn looks_plural(w: &str) -> bool {
    if irregular_plural(w).is_some() {
        return true;
    }
    if w.len() > 4 && w.ends_with("men") {
        return true;
    }
    w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !w.ends_with("'s")
        && !matches!(
            w,
            "this"
                | "its"
                | "has"
                | "was"
                | "does"
                | "is"
                | "as"
                | "us"
                | "yes"
                | "always"
                | "perhaps"
                | "whereas"
                | "towards"
                | "besides"
                | "afterwards"
                | "sometimes"
                | "various"
                | "previous"
                | "serious"
                | "famous"
                | "news"
        )
}

/// Singular lowercase lemma of a counted noun ("troops" → "troop", "countries" → "country").
pub(super) fn lemma(w: &str) -> String {
    if let Some(s) = irregular_plural(w) {
        return s.to_string();
    }
    if let Some(stem) = w.strip_suffix("men") {
        if stem.len() >= 3 {
            return format!("{stem}man");
        }
    }
    if let Some(stem) = w.strip_suffix("ies") {
        if stem.len() >= 2 {
            return format!("{stem}y");
        }
    }
    // "viruses", "bonuses", "buses" (but "houses", "causes" keep their "e").
    if let Some(stem) = w.strip_suffix("uses") {
        if stem
            .chars()
            .last()
            .is_some_and(|c| !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u'))
        {
            return format!("{stem}us");
        }
    }
    for suf in ["ches", "shes", "sses", "xes", "zzes"] {
        if w.ends_with(suf) {
            return w[..w.len() - 2].to_string();
        }
    }
    if looks_plural(w) {
        if let Some(s) = w.strip_suffix('s') {
            return s.to_string();
        }
    }
    w.to_string()
}
