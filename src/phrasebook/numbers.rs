//! Numbers as text: as the source prints them, with the decimal point moved for a unit, and
//! with their unit in each language.

use super::Lang;

/// `v` as decimal text with its decimal point moved `shift` places (right for positive),
/// exactly: 64.05 with -1 is "6.405", never "6.405000000000001". The digits are the shortest
/// that read back as `v`; only the point moves (no float parsing, no rounding).
pub fn shifted_text(v: f64, shift: i32) -> String {
    if shift == 0 || v == 0.0 || !v.is_finite() {
        return format!("{v}");
    }
    let text = format!("{:e}", v.abs());
    let (mantissa, exp) = text.split_once('e').unwrap_or((&text, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let point = exp.parse::<i32>().unwrap_or(0) + shift + 1;
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
