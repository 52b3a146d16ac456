//! Text on the build-time PNGs at the size a browser gives it. plotters' ab_glyph fonts take a
//! text style's size as the height from the font's descent to its ascent, where a browser (and
//! the canvas and SVG the same drawing code makes) takes it as the em: Noto Sans CJK's ascent
//! to descent is 1.448 em, so its text came out at 0.69 of its size on the PNGs only. This
//! backend passes everything through and scales text by that ratio, read from the font.

use plotters::prelude::*;
use plotters::style::FontDesc;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};

/// The height plotters' ab_glyph fonts are sized by, in em: (ascent − descent) / units per em.
pub fn ascent_to_descent_em(font: &[u8]) -> Option<f64> {
    use ab_glyph::Font;
    let font = ab_glyph::FontRef::try_from_slice(font).ok()?;
    let em = font.units_per_em()?;
    Some(f64::from(font.height_unscaled() / em))
}

pub struct EmSizedText<DB> {
    pub inner: DB,
    /// What a style's size is multiplied by: [`ascent_to_descent_em`].
    pub ratio: f64,
}

impl<DB: DrawingBackend> EmSizedText<DB> {
    fn scaled<'a, S: BackendTextStyle>(&self, style: &'a S) -> TextStyle<'a> {
        TextStyle {
            font: FontDesc::new(style.family(), style.size() * self.ratio, style.style())
                .transform(style.transform()),
            color: style.color(),
            pos: style.anchor(),
        }
    }
}

impl<DB: DrawingBackend> DrawingBackend for EmSizedText<DB> {
    type ErrorType = DB::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.ensure_prepared()
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.present()
    }
    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_pixel(point, color)
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_line(from, to, style)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_path(path, style)
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_circle(center, radius, style, fill)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.fill_polygon(vert, style)
    }
    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &TStyle,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let scaled = self.scaled(style);
        self.inner.draw_text(text, &scaled, pos)
    }
    fn estimate_text_size<TStyle: BackendTextStyle>(
        &self,
        text: &str,
        style: &TStyle,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        self.inner.estimate_text_size(text, &self.scaled(style))
    }
    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.blit_bitmap(pos, size, src)
    }
}
