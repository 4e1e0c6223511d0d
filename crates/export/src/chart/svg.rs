//! Hand-written SVG: escaping and a few drawing helpers.

use std::fmt::Write as _;

/// Text made safe for XML character data and attribute values: `&`, `<`,
/// `>`, `"` and `'` become entities, and characters XML 1.0 forbids
/// (control characters other than tab, line feed and carriage return, and
/// U+FFFE, U+FFFF) are dropped.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{7f}' || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// `text` cut to at most `max` characters, ending with an ellipsis when cut.
pub(crate) fn clip(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut = cut.trim_end().to_owned();
    cut.push('…');
    cut
}

/// A rough width in pixels of `text` at `size` pixels in a sans-serif font.
pub(crate) fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * 0.56
}

/// A number for an SVG attribute: two decimals at most, no `-0`.
pub(crate) fn num(x: f64) -> String {
    let r = (x * 100.0).round() / 100.0;
    let r = if r == 0.0 { 0.0 } else { r };
    let mut s = format!("{r:.2}");
    while s.ends_with('0') {
        s.pop();
    }
    if s.ends_with('.') {
        s.pop();
    }
    s
}

/// The font every chart uses (DejaVu Sans ships with librsvg's usual
/// installs; browsers fall back to their sans-serif).
pub(crate) const FONT: &str = "DejaVu Sans, Verdana, Arial, sans-serif";

/// The opening `<svg>` element, a white background and a title.
pub(crate) fn open(out: &mut String, width: f64, height: f64, title: &str) {
    let _ = writeln!(
        out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" \
         width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{FONT}\" font-size=\"12\">",
        w = num(width),
        h = num(height),
    );
    let _ = writeln!(out, "<title>{}</title>", escape(title));
    let _ = writeln!(
        out,
        "<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#FFFFFF\"/>",
        num(width),
        num(height)
    );
}

/// A `<text>` element.
pub(crate) fn text(out: &mut String, x: f64, y: f64, attrs: &str, content: &str) {
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"{}\"{}{attrs}>{}</text>",
        num(x),
        num(y),
        if attrs.is_empty() { "" } else { " " },
        escape(content)
    );
}

/// A `<line>` element.
pub(crate) fn line(out: &mut String, (x1, y1): (f64, f64), (x2, y2): (f64, f64), attrs: &str) {
    let _ = writeln!(
        out,
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" {attrs}/>",
        num(x1),
        num(y1),
        num(x2),
        num(y2)
    );
}

/// Tick values from 0 (or `low`) to at least `high`: about `count` steps of
/// 1, 2 or 5 times a power of ten.
pub(crate) fn nice_ticks(low: f64, high: f64, count: usize) -> Vec<f64> {
    let span = (high - low).max(f64::MIN_POSITIVE);
    let raw = span / count.max(1) as f64;
    let power = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * power);
    let first = (low / step).floor() * step;
    let mut ticks = Vec::new();
    let mut i = 0.0;
    loop {
        let t = first + i * step;
        ticks.push(t);
        if t >= high || ticks.len() > 100 {
            break;
        }
        i += 1.0;
    }
    ticks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_what_xml_forbids() {
        assert_eq!(escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&apos;");
        assert_eq!(escape("x\u{0}\u{1b}y\u{fffe}\nz"), "xy z");
    }

    #[test]
    fn clips_and_formats() {
        assert_eq!(clip("abcdef", 4), "abc…");
        assert_eq!(clip("abc", 4), "abc");
        assert_eq!(num(1.005), "1");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(12.5), "12.5");
        let ticks = nice_ticks(0.0, 0.26, 5);
        let want = [0.0, 0.1, 0.2, 0.3];
        assert_eq!(ticks.len(), want.len());
        for (t, w) in ticks.iter().zip(want) {
            assert!((t - w).abs() < 1e-12, "{ticks:?}");
        }
        assert_eq!(nice_ticks(0.0, 7.0, 5), vec![0.0, 2.0, 4.0, 6.0, 8.0]);
    }
}
