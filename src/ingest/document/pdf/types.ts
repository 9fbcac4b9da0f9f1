// What the PDF loaders take from pdf.js, as plain data: the pure layout code (text items + ruling lines →
// DocModel) reads only this, so it runs unchanged in Node tests and in the worker, and can be fed by hand.
// Coordinates are points with the origin at the page's top-left (y grows downwards), after the page's
// rotation and crop box: what a person sees.

export interface PdfTextItem {
  /** The text as pdf.js decoded it (one run of one font: a word, a number, part of one, or a single glyph). */
  str: string;
  /** The run's box: x0 < x1, y0 (top) < y1 (bottom). */
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** The baseline's y (horizontal text); for other directions the box's vertical centre. */
  base: number;
  /** The font size in points (the glyphs' em height on the page). */
  size: number;
  /** false: rotated or vertical text (placed by its box only). */
  horizontal: boolean;
}

/** A ruling line: a stroked straight segment, or a thin filled rectangle reduced to its centre line. */
export interface PdfSegment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PdfPageData {
  /** 1-based page number. */
  page: number;
  width: number;
  height: number;
  items: PdfTextItem[];
  /** Horizontal and vertical ruling lines only (diagonals and curves are dropped by the loader). */
  segments: PdfSegment[];
}
