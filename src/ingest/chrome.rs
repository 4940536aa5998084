//! Page chrome, bylines and sentence labels: the line-level rules shared by every format.
//!
//! Text copied from a web page carries the page around the article: breadcrumbs, share and
//! comment prompts, "related" lists, newsletter, cookie and ad-blocker notices, photo
//! credits, bylines. None of it is a statement of the story, so it must never be compared.
//! The rules are one table of patterns, each with a name (for debugging and tests) and a
//! word limit: a rule that could also match real prose (a paragraph about a newsletter)
//! only fires on lines short enough to be chrome. All patterns are case-insensitive; each is
//! its own [`Regex`], tried in table order, so classification stays linear in the line
//! length.

use regex::Regex;
use std::sync::LazyLock;

/// One chrome rule: lines matching `pattern` with at most `max_words` words are chrome.
struct Rule {
    name: &'static str,
    max_words: usize,
    pattern: &'static str,
}

/// The chrome rules. Patterns describe shapes, not one site's strings.
const RULES: &[Rule] = &[
    Rule {
        name: "breadcrumb",
        max_words: 40,
        pattern: r"^(?:home|start|front ?page|news)\s*(?:»|›|>|/|\||→|::|>>)\s*\S",
    },
    Rule {
        name: "breadcrumb",
        max_words: 40,
        pattern: r"^(?:[^»›]{1,80}[»›]){2,}[^»›]*$",
    },
    Rule {
        name: "share",
        max_words: 8,
        pattern: r"^(?:share|tweet|e-?mail|print|save)(?: (?:this|the))?(?: (?:article|story|post|page|link))?(?: (?:on|via|with) [\w ]+)?\s*[:!.]?$",
    },
    Rule {
        name: "social",
        max_words: 12,
        pattern: r"^(?:(?:facebook|twitter|x|linkedin|whatsapp|e-?mail|reddit|pinterest|telegram|print|copy link|flipboard|messenger|share|bluesky|threads)\s*[,|·/•]?\s*)+$",
    },
    Rule {
        name: "comments",
        max_words: 10,
        pattern: r"^(?:(?:leave|post|add|write|submit) a (?:comment|reply|response)|\d+\s+(?:comments?|responses?|replies)|comments?(?:\s*\(\d+\))?|(?:join|start) the (?:conversation|discussion)|(?:view|show|read|load) (?:all )?comments|reply|cancel reply)(?: below)?\s*[:.!]?$",
    },
    Rule {
        name: "comment prompt",
        max_words: 40,
        pattern: r"\b(?:share|tell us|let us know|leave|drop|post|sound off)\b[^.!?]{0,60}\bcomments?\b(?: section)?(?: below)?\s*[.!]?\s*$|^share your (?:thoughts|views|opinions?|predictions|experiences?)\b",
    },
    Rule {
        name: "related",
        max_words: 25,
        pattern: r"^(?:you (?:may|might|could) also (?:like|enjoy|be interested in)|related(?: (?:articles?|posts?|stories|news|content|coverage|reading|topics|links))?|read (?:more|next|also|this next)|also read|more (?:stories|news|articles|videos)(?: (?:from|on|about) [^.!?]{1,40})?|more from (?:this|our|the) (?:author|site|section|writer)|more on this(?: story| topic)?|recommended(?: for you| stories| articles| reading)?|most (?:popular|read|viewed|shared)|trending(?: now| stories)?|see also|continue reading|don'?t miss|further reading|editor'?s picks?|top stories|latest (?:news|stories))\s*(?:[:…»›>].*|[.!]?$)",
    },
    Rule {
        name: "newsletter",
        max_words: 40,
        pattern: r"^(?:sign up|subscribe|get (?:our|the) (?:free )?newsletter)\b|\b(?:sign up|subscribe) (?:for|to) (?:our|the) (?:[\w-]+ ){0,3}newsletters?\b|\bdelivered (?:straight |directly |right )?to your inbox\b|\b(?:get|receive)\b.{0,60}\b(?:in|to) your inbox\b",
    },
    Rule {
        name: "cookies",
        max_words: 60,
        pattern: r"\b(?:we|this (?:site|website)) uses? cookies\b|^(?:accept|reject|manage|allow) (?:all )?cookies\b|\bcookies? (?:policy|settings|preferences|consent)\b|^(?:privacy policy|terms of (?:use|service)|cookie policy)\b",
    },
    Rule {
        name: "ad blocker",
        max_words: 30,
        pattern: r"\bad[- ]?block(?:er|ers|ing)?\b|\bdisabl\w* (?:your |the )?ad\b|\bwhitelist(?:ing)? (?:us|our|this)\b",
    },
    Rule {
        name: "advertising",
        max_words: 8,
        pattern: r"^(?:advertisement|advertising|adverts?|ads?|sponsored(?: content| post)?|paid (?:content|post)|partner content|story continues below(?: advertisement)?|(?:(?:advertisement|advert)\s*[-–—:|]\s*)?scroll (?:down )?to continue(?: with content| reading)?|continue reading (?:below|the main story))\s*[:.]?$",
    },
    Rule {
        name: "spam filter",
        max_words: 40,
        pattern: r"\bakismet\b|\bcomment data is processed\b|\byour email address will not be published\b|\brequired fields are marked\b",
    },
    Rule {
        name: "photo credit",
        max_words: 25,
        pattern: r"^\(?(?:photo|image|picture|photograph|illustration|video|graphic|pictured)s?(?: credits?)?\s*(?::|by\b|courtesy\b|©|/)|^(?:credit|source|caption)s?\s*:|\b(?:getty images|shutterstock|ap photo|afp photo|reuters/|afp via getty|epa-efe|istock(?:photo)?|associated press photo|file photo)\b",
    },
    Rule {
        name: "navigation",
        max_words: 4,
        pattern: r"^(?:skip to (?:main )?content|menu|main menu|search|sign in|log ?in|log ?out|register|home|back to top|next article|previous article|next|previous|load more|show more|close|toggle navigation|open menu|listen to (?:this )?article|play video)\s*[:.»›>]?$",
    },
    Rule {
        name: "copyright",
        max_words: 30,
        pattern: r"^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\b",
    },
    Rule {
        name: "engagement",
        max_words: 6,
        pattern: r"^(?:like this:?|loading\s*(?:\.{3}|…)?|(?:[\d.,]+[km]?\s*)?(?:likes?|shares?|views?|reactions?)|follow us(?: on [\w ]+)?:?|follow (?:@\w+|me)\b.*)$",
    },
    Rule {
        name: "tags",
        max_words: 40,
        pattern: r"^(?:tags?|tagged(?: with)?|filed under|categories|category|topics?|keywords)\s*:",
    },
    Rule {
        name: "reading time",
        max_words: 6,
        pattern: r"^\d+\s*(?:min(?:ute)?s?)\.?\s*read$|^(?:estimated )?reading time\b",
    },
    Rule {
        name: "date line",
        max_words: 12,
        pattern: r"^(?:published|updated|last (?:updated|modified)|posted(?: on)?|first published|date)\b\s*(?:on\s)?:?\s*[^.!?]*\d[^.!?]*$",
    },
];

/// Labels that stand in front of a sentence without being part of it.
const LABELS: &str = r"(?i)^(?:key takeaways?|takeaways?|did you know|expert (?:insight|opinion|view|tip|take|analysis)|editor'?s note|editor’s note|note|fun fact|quick fact|fast fact|fact ?check|(?:the )?bottom line|why it matters|what it means|pro tip|in brief|tl;?dr|q|a|question|answer)\s*[:?]\s+";

/// Bylines: a lead-in word, then the name (role and agency may follow).
const BYLINE: &str = r"(?i)^(?:by|words by|written by|story by|reporting by|reported by|posted by|authors?|written|writer|reporter)\b\s*[:\-–—]?\s*(?-i:(\p{Lu}.*))$";

/// Every pattern of this module, compiled on first use.
struct Patterns {
    /// One per rule, tried in table order. A single set of all of them made one lazy DFA
    /// whose states multiply the rules' counted repetitions: building those states cost more
    /// than every separate search, which stops at the first byte a rule cannot match and
    /// skips to the literals of the unanchored ones.
    rules: Vec<Regex>,
    label: Regex,
    byline: Regex,
}

static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| {
    let sources: Vec<String> = RULES
        .iter()
        .map(|r| format!("(?i){}", r.pattern))
        .chain([LABELS.to_string(), BYLINE.to_string()])
        .collect();
    let mut compiled = compile_on_two_threads(&sources).into_iter();
    let rules = compiled.by_ref().take(RULES.len()).collect();
    let mut next = || compiled.next().expect("one compiled pattern per source");
    Patterns {
        rules,
        label: next(),
        byline: next(),
    }
});

/// Compiles `sources` in order. The case-insensitive Unicode classes make compiling these
/// patterns (about 60 M instructions) most of the work of a run over a few short files, so
/// a second thread takes every other pattern, longest first; without one, this thread
/// compiles them all.
fn compile_on_two_threads(sources: &[String]) -> Vec<Regex> {
    let compile = |k: usize| Regex::new(&sources[k]).expect("chrome patterns are valid");
    let mut order: Vec<usize> = (0..sources.len()).collect();
    order.sort_by_key(|&k| std::cmp::Reverse(sources[k].len()));
    let mine: Vec<usize> = order.iter().copied().step_by(2).collect();
    let theirs: Vec<usize> = order.iter().copied().skip(1).step_by(2).collect();
    let mut slots: Vec<Option<Regex>> = (0..sources.len()).map(|_| None).collect();
    std::thread::scope(|scope| {
        let helper = std::thread::Builder::new().spawn_scoped(scope, || {
            theirs.iter().map(|&k| (k, compile(k))).collect::<Vec<_>>()
        });
        for &k in &mine {
            slots[k] = Some(compile(k));
        }
        let theirs_done = match helper {
            Ok(handle) => handle.join().unwrap_or_default(),
            Err(_) => Vec::new(),
        };
        for (k, re) in theirs_done {
            slots[k] = Some(re);
        }
    });
    slots
        .into_iter()
        .enumerate()
        .map(|(k, re)| re.unwrap_or_else(|| compile(k)))
        .collect()
}
const LONGEST_RULE: usize = {
    let mut longest = 0;
    let mut k = 0;
    while k < RULES.len() {
        if RULES[k].max_words > longest {
            longest = RULES[k].max_words;
        }
        k += 1;
    }
    longest
};
/// A byline is a short line: a name, perhaps a role and an outlet.
const BYLINE_MAX_WORDS: usize = 15;

/// Words that end a byline's name: what follows is a role or an outlet.
const ROLE_WORDS: &[&str] = &[
    "senior",
    "staff",
    "news",
    "editor",
    "reporter",
    "correspondent",
    "writer",
    "contributor",
    "columnist",
    "chief",
    "political",
    "analyst",
    "producer",
    "journalist",
    "contributing",
    "associate",
    "managing",
    "deputy",
    "special",
    "foreign",
    "international",
    "national",
    "business",
    "science",
    "health",
    "technology",
    "tech",
    "sports",
    "investigative",
    "freelance",
    "digital",
    "video",
    "photographer",
    "bureau",
    "desk",
    "team",
    "the",
    "for",
    "in",
    "at",
    "on",
    "updated",
    "published",
];

/// Capitalised words that are not names, so "By Tuesday, …" is no byline.
const NOT_NAMES: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "then",
    "now",
    "contrast",
    "comparison",
    "far",
    "law",
    "default",
    "design",
    "night",
    "day",
];

/// What a line of article text is, as far as the shared rules can tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum LineClass {
    /// A byline; holds the name with role and outlet stripped.
    Byline(String),
    /// Page chrome; holds the name of the rule that matched.
    Chrome(&'static str),
    /// A sentence behind a label; holds the byte length of the label to skip.
    Labelled(usize),
    /// Nothing the rules know: article text.
    Text,
}

/// Classifies one trimmed line (or a whole short paragraph).
pub(crate) fn classify(line: &str) -> LineClass {
    // Words are only compared with the rules' limits and the byline's, so counting stops past
    // the largest: a paragraph is not walked to its end.
    let words = line
        .split_whitespace()
        .take(LONGEST_RULE.max(BYLINE_MAX_WORDS) + 1)
        .count();
    if let Some(name) = byline(line, words) {
        return LineClass::Byline(name);
    }
    // No rule accepts a line this long, and running the set over long paragraphs dominated
    // the cost of reading plain text.
    if words > LONGEST_RULE {
        return label(line);
    }
    if let Some(rule) = RULES
        .iter()
        .zip(PATTERNS.rules.iter())
        .find(|(r, re)| words <= r.max_words && re.is_match(line))
    {
        return LineClass::Chrome(rule.0.name);
    }
    label(line)
}

fn label(line: &str) -> LineClass {
    // Every label ends in ':' or '?' within its first few words; most lines have neither
    // there, and the check is far cheaper than the pattern.
    let mut head = line
        .char_indices()
        .take_while(|&(i, _)| i < 48)
        .map(|(_, c)| c);
    if !head.any(|c| c == ':' || c == '?') {
        return LineClass::Text;
    }
    match PATTERNS.label.find(line) {
        Some(m) if m.end() < line.len() => LineClass::Labelled(m.end()),
        _ => LineClass::Text,
    }
}

/// The last element of a breadcrumb line: usually the article's title.
pub(crate) fn breadcrumb_tail(line: &str) -> Option<&str> {
    let tail = line.rsplit(['»', '›', '>']).next()?.trim();
    (!tail.is_empty() && tail.len() < line.len()).then_some(tail)
}

/// The person named by a byline line, without lead-in, role or outlet.
fn byline(line: &str, words: usize) -> Option<String> {
    if words > BYLINE_MAX_WORDS || line.len() > 200 {
        return None;
    }
    let rest = PATTERNS.byline.captures(line)?.get(1)?.as_str();
    let mut name: Vec<&str> = Vec::new();
    for raw in rest.split_whitespace() {
        let word = raw.trim_end_matches([',', '|', ';', '.', ':']);
        let ended = word.len() != raw.len() && !is_initial(raw);
        let lower = word.to_lowercase();
        if ROLE_WORDS.contains(&lower.as_str()) || matches!(word, "|" | "-" | "–" | "—" | "/") {
            break;
        }
        let is_name_word = word.chars().next().is_some_and(char::is_uppercase)
            || (lower == "and" && !name.is_empty())
            || matches!(
                lower.as_str(),
                "de" | "van" | "von" | "der" | "al" | "bin" | "da" | "del" | "la" | "le" | "di"
            );
        if !is_name_word || NOT_NAMES.contains(&lower.as_str()) {
            break;
        }
        name.push(if is_initial(raw) { raw } else { word });
        if ended || name.len() >= 8 {
            break;
        }
    }
    while name.last().is_some_and(|w| w.eq_ignore_ascii_case("and")) {
        name.pop();
    }
    let consumed_all = name.len() == words - 1 || name.len() == words;
    // One capitalised word is a name only when the line has little else ("By Reuters").
    let plausible = name.len() >= 2 || (name.len() == 1 && words <= 3) || consumed_all;
    if name.is_empty() || !plausible {
        return None;
    }
    // A long line ending like a sentence is prose that starts with "By".
    if words > 8 && line.ends_with('.') {
        return None;
    }
    Some(name.join(" "))
}

fn is_initial(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    w.chars().count() == 1 && w.chars().all(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_keep_the_name_only() {
        let cases = [
            (
                "by Maria Lopez Senior Political Correspondent",
                "Maria Lopez",
            ),
            ("Author: Ines Okafor", "Ines Okafor"),
            ("By Tom Reyes, Reuters", "Tom Reyes"),
            ("BY ANNA K. BERG AND LI WEI", "ANNA K. BERG AND LI WEI"),
            ("Written by Ole Sand | The Courier", "Ole Sand"),
            ("By Reuters", "Reuters"),
        ];
        for (line, name) in cases {
            assert_eq!(classify(line), LineClass::Byline(name.into()), "{line}");
        }
        for prose in [
            "By the end of the week the river had risen by two metres.",
            "By Tuesday, the army had pulled back from the border towns.",
            "by and large the plan worked",
        ] {
            assert!(!matches!(classify(prose), LineClass::Byline(_)), "{prose}");
        }
    }

    #[test]
    fn chrome_shapes_match() {
        let chrome = [
            "Home » politics » Mayor Opens New Bridge",
            "Home > Sport > Football",
            "Leave a Comment",
            "Leave a Reply",
            "Share this article",
            "You might also like",
            "Related Articles",
            "Read more: Council votes on budget",
            "What do you expect from the talks? Tell us your view in the comments below!",
            "Share your thoughts with other readers",
            "Sign up for our daily newsletter",
            "We use cookies to improve your browsing experience.",
            "Ad Blocker Detected",
            "Kindly support our journalism by disabling your ad blocker on this site.",
            "This website uses Akismet to fight spam. See how your comment data is processed.",
            "Photo: Lena Fisk / Harbour Press",
            "A crowd gathers outside the hall. (AP Photo/Sam Doe)",
            "Advertisement",
            "Advert",
            "ADVERTISEMENT - SCROLL TO CONTINUE WITH CONTENT",
            "Facebook Twitter WhatsApp Email",
            "© 2024 Example Media. All rights reserved.",
            "5 min read",
            "Published March 3, 2024",
        ];
        for line in chrome {
            assert!(
                matches!(classify(line), LineClass::Chrome(_)),
                "{line}: {:?}",
                classify(line)
            );
        }
        let prose = [
            "Related talks between the two ministries resumed on Monday.",
            "The company said it would share more details in the coming weeks.",
            "Officials read more than 300 letters from residents.",
            "The home minister said the border would stay open.",
            "Readers of the paper's newsletter were told about the change a week later, according to two staff members who asked not to be named.",
        ];
        for line in prose {
            assert_eq!(classify(line), LineClass::Text, "{line}");
        }
    }

    #[test]
    fn labels_are_measured() {
        let line = "Key Takeaway: The vote was closer than expected.";
        let LineClass::Labelled(n) = classify(line) else {
            panic!("{:?}", classify(line))
        };
        assert_eq!(&line[n..], "The vote was closer than expected.");
        let line = "Did you know? The bridge is older than the city.";
        let LineClass::Labelled(n) = classify(line) else {
            panic!()
        };
        assert!(line[n..].starts_with("The bridge"));
        assert!(matches!(classify("Q: Who won?"), LineClass::Labelled(3)));
        assert_eq!(classify("A minor delay"), LineClass::Text);
    }

    #[test]
    fn breadcrumb_tail_is_last_element() {
        assert_eq!(
            breadcrumb_tail("Home » world » Mayor Opens New Bridge"),
            Some("Mayor Opens New Bridge")
        );
        assert_eq!(breadcrumb_tail("no separators"), None);
    }
}
