//! Why drawing failed, by kind, as plotters reports it.

use plotters::drawing::DrawingAreaErrorKind;
use plotters_backend::DrawingErrorKind;

/// A drawing that could not be finished. The backend's own error is kept as text: the
/// canvas, SVG and bitmap backends each have their own error type.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DrawError {
    #[error("the drawing backend failed: {0}")]
    Backend(String),
    #[error("a font could not be used: {0}")]
    Font(String),
    #[error("the drawing area was in use by another drawing")]
    Sharing,
    #[error("the drawing area could not be split as asked")]
    Layout,
}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for DrawError {
    fn from(e: DrawingAreaErrorKind<E>) -> DrawError {
        match e {
            DrawingAreaErrorKind::BackendError(DrawingErrorKind::DrawingError(e)) => {
                DrawError::Backend(e.to_string())
            }
            DrawingAreaErrorKind::BackendError(DrawingErrorKind::FontError(e)) => {
                DrawError::Font(e.to_string())
            }
            DrawingAreaErrorKind::SharingError => DrawError::Sharing,
            DrawingAreaErrorKind::LayoutError => DrawError::Layout,
        }
    }
}
