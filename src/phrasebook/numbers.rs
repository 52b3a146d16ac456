//! Numbers as text: as the source prints them, with the decimal point moved for a unit, and
//! with their unit in each language.

use super::Lang;

/// The shortest decimal digits that read back as `v` (finite, positive), and the power of
/// ten of the first: 64.05 is ("6405", 1).
fn shortest_digits(v: f64) -> (String, i32) {
    digits_of(&shortest_text(v))
}

/// The digits of a positive number's text and the power of ten of the first: "6.405e1"
/// (Rust), "6.405e+1", "64.05" or "0.000123" (JavaScript).
fn digits_of(text: &str) -> (String, i32) {
    let (mantissa, exp) = text.split_once('e').unwrap_or((text, "0"));
    let exp: i32 = exp.trim_start_matches('+').parse().unwrap_or(0);
    let (whole, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all = format!("{whole}{frac}");
    let leading = all.len() - all.trim_start_matches('0').len();
    let digits = all.trim_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    (
        digits.to_string(),
        whole.len() as i32 - 1 - leading as i32 + exp,
    )
}

/// The shortest text that reads back as `v`, in the platform's own words: in the browser
/// JavaScript's, so that the reader's wasm does not link core's float formatting (some
/// 20 KB); elsewhere Rust's. Both choose the shortest digits, and the nearest among them.
#[cfg(target_arch = "wasm32")]
fn shortest_text(v: f64) -> String {
    js_sys::Number::from(v)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}
#[cfg(not(target_arch = "wasm32"))]
fn shortest_text(v: f64) -> String {
    format!("{v:e}")
}

/// `v` as decimal text with its decimal point moved `shift` places (right for positive),
/// exactly: 64.05 with -1 is "6.405", never "6.405000000000001". The digits are the shortest
/// that read back as `v`; only the point moves (no float parsing, no rounding).
pub fn shifted_text(v: f64, shift: i32) -> String {
    if v.is_nan() {
        return "NaN".to_string();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    if v == 0.0 {
        return "0".to_string();
    }
    let (digits, exp) = shortest_digits(v.abs());
    let point = exp + shift + 1;
    let body = if point <= 0 {
        format!("0.{}{digits}", "0".repeat(point.unsigned_abs() as usize))
    } else if point as usize >= digits.len() {
        format!("{digits}{}", "0".repeat(point as usize - digits.len()))
    } else {
        format!(
            "{}.{}",
            &digits[..point as usize],
            &digits[point as usize..]
        )
    };
    if v < 0.0 {
        format!("-{body}")
    } else {
        body
    }
}

/// A number as text, for a message: as Rust would print it, without linking its float
/// formatting into the reader's wasm.
pub fn number_text(v: f64) -> String {
    shifted_text(v, 0)
}

/// A value as text, its decimal point moved `shift` places, with "+" before a positive one
/// when `signed`.
pub fn format_shifted(v: f64, signed: bool, shift: i32) -> String {
    let text = shifted_text(v, shift);
    if signed && v > 0.0 {
        format!("+{text}")
    } else {
        text
    }
}

/// A value as the source prints it: no rounding, no trailing zeros, "+" where asked.
pub fn format_value(v: f64, signed: bool) -> String {
    format_shifted(v, signed, 0)
}

/// "12.5亿元" / "12.5 亿 yuan": Chinese units follow the number directly.
pub fn with_unit(value: &str, unit: &str, lang: Lang) -> String {
    match (lang, unit.is_empty()) {
        (_, true) => value.to_string(),
        (Lang::Zh, false) => format!("{value}{unit}"),
        (Lang::En, false) if unit == "%" => format!("{value}%"),
        (Lang::En, false) => format!("{value} {unit}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_digits_are_read_from_rusts_text_and_javascripts_alike() {
        for (text, digits, exp) in [
            ("1.234e1", "1234", 1),
            ("1.234e+1", "1234", 1),
            ("12.34", "1234", 1),
            ("0.000123", "123", -4),
            ("1e-7", "1", -7),
            ("1.5e+21", "15", 21),
            ("1000", "1", 3),
            ("42", "42", 1),
            ("7", "7", 0),
        ] {
            assert_eq!(digits_of(text), (digits.to_string(), exp), "{text}");
        }
    }

    #[test]
    fn a_number_reads_as_rust_prints_it() {
        for v in [
            0.0,
            1.0,
            -1.0,
            12.34,
            0.1 + 0.2,
            1e21,
            1.5e22,
            1e-7,
            123456789.125,
            -0.000123,
            1e6,
            311.0,
            2.55,
            f64::MAX,
            f64::MIN_POSITIVE,
        ] {
            assert_eq!(number_text(v), format!("{v}"), "{v:e}");
        }
        assert_eq!(number_text(f64::NAN), "NaN");
        assert_eq!(number_text(f64::INFINITY), "inf");
        assert_eq!(shifted_text(12.34, -1), "1.234");
        assert_eq!(shifted_text(25.5, -1), "2.55");
    }
}
