//! The two vendored patches (vendor/*.diff) write what the published crates wrote: a canvas
//! font size or a colour's alpha as `{}` did, for every value the charts use, and serde's
//! words for an unexpected value as serde's own `Display` does.

use serde::de::Unexpected;

#[test]
fn font_sizes_and_alphas_are_written_as_before() {
    // Every font size the charts set (CSS px × the device pixel ratios they are drawn at)
    // and every alpha of the themes: `{}` printed them with at most three decimals.
    let mut values = vec![0.0, 1.0, 0.85, 0.5, 0.3, 0.25, 0.15, 0.12, 0.08, 0.6, 0.9];
    for css in [
        9.0, 10.0, 11.0, 12.0, 12.4, 13.0, 14.0, 15.0, 16.0, 18.0, 22.0, 28.0, 36.0,
    ] {
        for ratio in [1.0, 1.5, 2.0, 2.5, 3.0, 4.0] {
            values.push(css * ratio);
        }
    }
    for v in values {
        let before = format!("{v}");
        if before.split('.').nth(1).is_none_or(|d| d.len() <= 3) {
            assert_eq!(plotters_canvas::decimal_text(v, 3), before, "{v}");
        }
    }
    // Beyond three decimals the text is the nearest thousandth, as a browser would read it.
    assert_eq!(plotters_canvas::decimal_text(13.200000000000001, 3), "13.2");
    assert_eq!(plotters_canvas::decimal_text(-1.5, 3), "-1.5");
}

#[test]
fn unexpected_values_are_described_as_serde_describes_them() {
    for u in [
        Unexpected::Bool(true),
        Unexpected::Unsigned(7),
        Unexpected::Signed(-7),
        Unexpected::Char('名'),
        Unexpected::Str("第74名"),
        Unexpected::Bytes(b"x"),
        Unexpected::Unit,
        Unexpected::Option,
        Unexpected::NewtypeStruct,
        Unexpected::Seq,
        Unexpected::Map,
        Unexpected::Enum,
        Unexpected::UnitVariant,
        Unexpected::NewtypeVariant,
        Unexpected::TupleVariant,
        Unexpected::StructVariant,
        Unexpected::Other("a thing"),
    ] {
        assert_eq!(serde_wasm_bindgen::Described(u).to_string(), u.to_string());
    }
}
