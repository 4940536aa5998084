//! Decoding: the bytes of one input file to a Rust `String`.
//!
//! Owns byte-order marks, UTF-16, legacy 8-bit encodings (declared by an HTML `<meta>` or
//! guessed by chardetng) and the "is this text at all?" checks. It exists apart from the
//! format readers so that they can all rely on one rule about offsets:
//!
//! * UTF-8 input (with or without BOM) is kept byte for byte, BOM included, so an offset
//!   into the decoded text *is* an offset into the file.
//! * Transcoded input (UTF-16, legacy encodings) cannot keep that property; offsets then
//!   point into the decoded text ([`crate::ingest::Ingested::text`]), and
//!   [`Decoded::encoding`] names the source encoding so callers can say so.

use super::{IngestError, InputFormat};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// The decoded text of one input.
#[derive(Debug)]
pub(crate) struct Decoded {
    /// The text; for UTF-8 input identical to the file's bytes.
    pub text: String,
    /// Length in bytes of a UTF-8 BOM kept at the start of `text` (0 or 3).
    pub bom: usize,
    /// Name of the encoding the input was transcoded from, `None` for UTF-8 input.
    pub encoding: Option<&'static str>,
}

/// Decodes `bytes` read as `format`.
pub(crate) fn decode(bytes: &[u8], format: InputFormat) -> Result<Decoded, IngestError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return match std::str::from_utf8(rest) {
            Ok(_) => finish(String::from_utf8_lossy(bytes).into_owned(), 3, None),
            // A UTF-8 BOM followed by invalid UTF-8 is corrupt rather than legacy text.
            Err(e) => Err(IngestError::InvalidUtf8(e.valid_up_to() + 3)),
        };
    }
    for (bom, enc) in [(&b"\xFF\xFE"[..], UTF_16LE), (&b"\xFE\xFF"[..], UTF_16BE)] {
        if bytes.starts_with(bom) {
            let (text, _) = enc.decode_without_bom_handling(&bytes[2..]);
            return finish(text.into_owned(), 0, Some(enc.name()));
        }
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return finish(text.into_owned(), 0, Some(enc.name()));
    }
    if bytes.contains(&0) {
        return Err(IngestError::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            // A page that declares a legacy charset but is valid UTF-8 with non-ASCII bytes
            // was almost surely saved as UTF-8 later (browsers' "Save as" does that).
            finish(text.to_string(), 0, None)
        }
        Err(e) => {
            let declared = match format {
                InputFormat::Html => declared_charset(bytes),
                _ => None,
            };
            let enc = declared.filter(|e| *e != UTF_8).unwrap_or_else(|| {
                let mut det = chardetng::EncodingDetector::new();
                det.feed(bytes, true);
                det.guess(None, true)
            });
            if enc == UTF_8 {
                return Err(IngestError::InvalidUtf8(e.valid_up_to()));
            }
            // Any byte soup decodes in some 8-bit encoding; prose, in every script such
            // encodings serve, breaks lines or words with ASCII whitespace.
            let sample = &bytes[..bytes.len().min(4096)];
            if sample.len() >= 64 && !sample.iter().any(u8::is_ascii_whitespace) {
                return Err(IngestError::InvalidUtf8(e.valid_up_to()));
            }
            let (text, _, _) = enc.decode(bytes);
            finish(text.into_owned(), 0, Some(enc.name()))
        }
    }
}

fn finish(
    text: String,
    bom: usize,
    encoding: Option<&'static str>,
) -> Result<Decoded, IngestError> {
    if text[bom..].trim().is_empty() {
        return Err(IngestError::Empty);
    }
    if encoding.is_some() && text.contains('\0') {
        return Err(IngestError::Binary);
    }
    if !looks_like_text(&text) {
        return Err(IngestError::NotText);
    }
    Ok(Decoded {
        text,
        bom,
        encoding,
    })
}

/// UTF-16 without a BOM shows as NUL in every other byte of ASCII text; binary files have
/// NULs too, but not in such a regular pattern.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_nul = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    let mostly = |n: usize| n * 10 >= pairs * 7;
    let never = |n: usize| n * 50 <= pairs;
    if mostly(odd_nul) && never(even_nul) {
        Some(UTF_16LE)
    } else if mostly(even_nul) && never(odd_nul) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Text in any human language has few C0 control characters and few undecodable bytes.
fn looks_like_text(text: &str) -> bool {
    // Counted over bytes, which is exact for valid UTF-8 and several times faster than
    // decoding every character: characters are the bytes that start one; the control
    // characters are the ASCII ones (but line breaks, tabs and form feeds) and U+0080 to
    // U+009F (0xC2 0x80..=0x9F); the replacement character is 0xEF 0xBF 0xBD.
    let bytes = text.as_bytes();
    let total = bytes.iter().filter(|&&b| (b as i8) >= -0x40).count();
    let ascii_controls = bytes
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)) || b == 0x7F)
        .count();
    let wide_controls = memchr::memchr_iter(0xC2, bytes)
        .filter(|&i| bytes.get(i + 1).is_some_and(|b| (0x80..=0x9F).contains(b)))
        .count();
    let replacements = memchr::memmem::find_iter(bytes, "\u{FFFD}".as_bytes()).count();
    (ascii_controls + wide_controls + replacements) * 20 <= total
}

/// The charset an HTML page declares in a `<meta>` near its start, as browsers pre-scan.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"charset") {
        let mut i = from + pos + b"charset".len();
        from = i;
        while i < lower.len() && lower[i].is_ascii_whitespace() {
            i += 1;
        }
        if lower.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while i < lower.len() && matches!(lower[i], b' ' | b'"' | b'\'') {
            i += 1;
        }
        let start = i;
        while i < lower.len() && (lower[i].is_ascii_alphanumeric() || b"-_:.".contains(&lower[i])) {
            i += 1;
        }
        if let Some(enc) = Encoding::for_label(&lower[start..i]) {
            // A page cannot really be UTF-16 if this ASCII declaration was readable.
            if enc == UTF_16LE || enc == UTF_16BE {
                return Some(UTF_8);
            }
            return Some(enc);
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_test_counts_characters_not_bytes() {
        // One bad character in twenty passes, one more fails, whatever their encoded width:
        // C0 and C1 controls and the replacement character count, line ends and tabs do not.
        let good = "\u{e9}\u{1F600}\t\r\nab\u{20ac}\u{c2}x\u{a0}yz";
        for bad in ["\u{1}", "\u{7f}", "\u{85}", "\u{FFFD}"] {
            let pass = format!("{bad}{}", "\u{e9}".repeat(19));
            assert!(looks_like_text(&pass), "{bad:?}");
            let fail = format!("{bad}{bad}{}", "\u{e9}".repeat(18));
            assert!(!looks_like_text(&fail), "{bad:?}");
        }
        assert!(looks_like_text(good));
    }

    #[test]
    fn keeps_utf8_bom_bytes() {
        let d = decode("\u{FEFF}Hello".as_bytes(), InputFormat::Text).unwrap();
        assert_eq!(d.bom, 3);
        assert_eq!(d.text.len(), 8);
        assert_eq!(d.encoding, None);
    }

    #[test]
    fn decodes_utf16_both_orders() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in "Größe".encode_utf16() {
            le.extend(u.to_le_bytes());
            be.extend(u.to_be_bytes());
        }
        assert_eq!(decode(&le, InputFormat::Text).unwrap().text, "Größe");
        assert_eq!(decode(&be, InputFormat::Text).unwrap().text, "Größe");
    }

    #[test]
    fn reads_latin1_by_detection_and_by_meta() {
        let latin1 = b"Le ministre a d\xe9clar\xe9 que la r\xe9forme \xe9tait pr\xeate.";
        let d = decode(latin1, InputFormat::Text).unwrap();
        assert!(d.text.contains("déclaré"), "{}", d.text);
        assert!(d.encoding.is_some());
        let html = b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf\xe9</body></html>";
        let d = decode(html, InputFormat::Html).unwrap();
        assert!(d.text.contains("café"));
        assert_eq!(d.encoding, Some("windows-1252"));
    }

    #[test]
    fn rejects_empty_binary_and_garbage() {
        assert_eq!(
            decode(b"  \n\t ", InputFormat::Text).unwrap_err(),
            IngestError::Empty
        );
        assert_eq!(
            decode(b"\xEF\xBB\xBF\n", InputFormat::Text).unwrap_err(),
            IngestError::Empty
        );
        assert_eq!(
            decode(b"PK\x03\x04\x00\x00\x08\x00", InputFormat::Text).unwrap_err(),
            IngestError::Binary
        );
        let junk: Vec<u8> = (0..600u32).map(|i| (i * 37 % 31 + 1) as u8).collect();
        assert!(decode(&junk, InputFormat::Text).is_err());
    }
}
