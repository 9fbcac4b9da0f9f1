// pdf.js → plain page data (text items with boxes, ruling lines), for any environment: the caller hands in the
// pdf.js module it loaded (the modern build in the browser worker, the legacy build in Node) and where the
// cMaps and standard fonts are. Everything pdf.js-specific is here; layout.ts never sees pdf.js.
import { DocumentError } from '../types';
import type { PdfPageData, PdfSegment, PdfTextItem } from './types';

type PdfjsModule = typeof import('pdfjs-dist');
type Matrix = [number, number, number, number, number, number];

export interface PdfjsParams {
  /** Folder URL (or, in Node, path) of pdf.js's cmaps/, with a trailing slash. */
  cMapUrl: string;
  /** Folder URL (or path) of pdf.js's standard_fonts/, with a trailing slash. */
  standardFontDataUrl: string;
  /** true in a browser worker (pdf.js fetches the cMaps itself); false in Node (read from disk). */
  useWorkerFetch: boolean;
}

export interface ExtractOptions {
  /** Called after each page is read. */
  onPage?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface Extracted {
  pages: PdfPageData[];
  title?: string;
}

/** A filled shape at most this thick (points) is a ruling line: Word, WPS and Chromium draw borders this way. */
const THIN = 3.5;

function multiply(m1: readonly number[], m2: readonly number[]): Matrix {
  return [
    m1[0]! * m2[0]! + m1[2]! * m2[1]!,
    m1[1]! * m2[0]! + m1[3]! * m2[1]!,
    m1[0]! * m2[2]! + m1[2]! * m2[3]!,
    m1[1]! * m2[2]! + m1[3]! * m2[3]!,
    m1[0]! * m2[4]! + m1[2]! * m2[5]! + m1[4]!,
    m1[1]! * m2[4]! + m1[3]! * m2[5]! + m1[5]!,
  ];
}

function apply(m: readonly number[], x: number, y: number): [number, number] {
  return [m[0]! * x + m[2]! * y + m[4]!, m[1]! * x + m[3]! * y + m[5]!];
}

const ENCRYPTED = () =>
  new DocumentError(
    'encrypted',
    'PDF 已加密(需要密码才能打开):请用密码打开后另存为未加密的 PDF,或打印为新的 PDF 后再导入',
    'The PDF is encrypted (it needs a password to open): open it with the password and save an unencrypted copy (or print it to a new PDF), then import that',
  );

const DAMAGED = (detail?: string) =>
  new DocumentError(
    'truncated',
    `PDF 文件已损坏或不完整(可能下载中断):请重新下载原文件后再导入${detail ? `。(${detail})` : ''}`,
    `The PDF is damaged or incomplete (the download may have been cut short): download the original again and import it${detail ? ` (${detail})` : ''}`,
  );

const NO_TEXT = () =>
  new DocumentError(
    'no-text-layer',
    '这是扫描件,没有文字层:请用 OCR 转成文字后粘贴,或按模板录入',
    'This is a scan without a text layer: run OCR on it and paste the text, or enter the figures in the template',
  );

function toDocumentError(err: unknown): DocumentError {
  if (err instanceof DocumentError) return err;
  const name = (err as { name?: string } | null)?.name ?? '';
  const message = err instanceof Error ? err.message : String(err);
  if (name === 'PasswordException') return ENCRYPTED();
  return DAMAGED(message);
}

/** Whether the file ends like a PDF: "%%EOF" in its last 4 KiB (a cut download loses it). */
function hasEof(bytes: Uint8Array): boolean {
  const tail = bytes.subarray(Math.max(0, bytes.length - 4096));
  for (let i = tail.length - 5; i >= 0; i--) {
    if (tail[i] === 0x25 && tail[i + 1] === 0x25 && tail[i + 2] === 0x45 && tail[i + 3] === 0x4f && tail[i + 4] === 0x46) return true;
  }
  return false;
}

/** A text item's box on the page (top-left origin) from pdf.js's transform, width and height. */
function itemGeometry(vp: readonly number[], item: { str: string; transform: number[]; width: number; height: number; dir: string }): PdfTextItem | null {
  const m = multiply(vp, item.transform);
  const size = Math.hypot(m[2], m[3]) || item.height;
  if (!(size > 0)) return null;
  const ux = m[0] / (Math.hypot(m[0], m[1]) || 1);
  const uy = m[1] / (Math.hypot(m[0], m[1]) || 1);
  // Slanted text (a diagonal watermark such as "内部资料") is not part of the report: it would fall into cells.
  if (item.dir !== 'ttb' && Math.min(Math.abs(ux), Math.abs(uy)) > 0.09) return null;
  // "Up" for the glyphs: the text space's y axis on the page (negative page y for upright text).
  const vx = m[2] / size;
  const vy = m[3] / size;
  const ox = m[4];
  const oy = m[5];
  let corners: [number, number][];
  if (item.dir === 'ttb') {
    // Vertical fonts: the origin is the top centre of the first glyph, the run goes down the page.
    const w = item.width || size;
    corners = [
      [ox - w / 2, oy],
      [ox + w / 2, oy],
      [ox - w / 2, oy + item.height],
      [ox + w / 2, oy + item.height],
    ];
  } else {
    const w = item.width;
    const asc = 0.86 * size;
    const desc = 0.14 * size;
    corners = [
      [ox + vx * asc, oy + vy * asc],
      [ox - vx * desc, oy - vy * desc],
      [ox + ux * w + vx * asc, oy + uy * w + vy * asc],
      [ox + ux * w - vx * desc, oy + uy * w - vy * desc],
    ];
  }
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  const horizontal = item.dir !== 'ttb' && Math.abs(uy) < 0.05 && ux > 0;
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  return { str: item.str, x0: Math.min(...xs), x1: Math.max(...xs), y0, y1, base: horizontal ? oy : (y0 + y1) / 2, size, horizontal };
}

/**
 * The extra clockwise turn (0, 90, 180, 270) that makes most of the page's text (counted in characters) run left
 * to right on screen.
 */
function uprightTurn(vp: readonly number[], raws: readonly { str: string; transform: number[]; dir: string }[]): number {
  const votes = [0, 0, 0, 0]; // text running right, down, left, up
  for (const raw of raws) {
    if (raw.dir === 'ttb') continue;
    const m = multiply(vp, raw.transform);
    const norm = Math.hypot(m[0], m[1]) || 1;
    if (Math.min(Math.abs(m[0]), Math.abs(m[1])) / norm > 0.09) continue; // slanted: a watermark
    const angle = Math.atan2(m[1], m[0]);
    const q = ((Math.round(angle / (Math.PI / 2)) % 4) + 4) % 4;
    votes[q]! += raw.str.length;
  }
  const best = votes.indexOf(Math.max(...votes));
  if (best === 0 || votes[best]! <= votes[0]!) return 0;
  // Text running down needs a quarter turn back (270), up a quarter turn forward (90), left a half turn.
  return [0, 270, 180, 90][best]!;
}

interface GState {
  ctm: Matrix;
  lineWidth: number;
  strokeVisible: boolean;
  fillVisible: boolean;
}

/** A colour is invisible on paper when it is (nearly) white. */
function visibleColor(arg: unknown): boolean {
  if (typeof arg !== 'string' || !/^#[0-9a-f]{6}$/i.test(arg)) return true;
  const n = parseInt(arg.slice(1), 16);
  return !((n >> 16) > 0xf4 && ((n >> 8) & 0xff) > 0xf4 && (n & 0xff) > 0xf4);
}

/**
 * Ruling lines of a page from its operator list: stroked horizontal/vertical segments (rectangles give their four
 * sides) and thin filled rectangles (their centre line). Coordinates go through the graphics state's matrix,
 * form XObjects' matrices and the viewport. Curves, diagonals and white lines are dropped.
 */
function segmentsOf(OPS: PdfjsModule['OPS'], fnArray: number[], argsArray: unknown[], vp: readonly number[]): PdfSegment[] {
  const segments: PdfSegment[] = [];
  let state: GState = { ctm: [1, 0, 0, 1, 0, 0], lineWidth: 1, strokeVisible: true, fillVisible: true };
  const stack: GState[] = [];
  const FILL = new Set<number>([OPS.fill, OPS.eoFill]);
  const STROKE = new Set<number>([OPS.stroke, OPS.closeStroke]);
  const BOTH = new Set<number>([OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  // DrawOPS in pdf.js 5: moveTo 0, lineTo 1, curveTo 2 (6 numbers), quadraticCurveTo 3 (4 numbers), closePath 4.
  const addLine = (ax: number, ay: number, bx: number, by: number) => {
    if (Math.abs(ax - bx) <= 1 || Math.abs(ay - by) <= 1) {
      if (Math.abs(ax - bx) <= 1 && Math.abs(ay - by) <= 1) return;
      segments.push({ x0: Math.min(ax, bx), y0: Math.min(ay, by), x1: Math.max(ax, bx), y1: Math.max(ay, by) });
    }
  };
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    switch (fn) {
      case OPS.save:
        stack.push(state);
        state = { ...state };
        break;
      case OPS.restore:
        state = stack.pop() ?? state;
        break;
      case OPS.transform:
        state.ctm = multiply(state.ctm, args as number[]);
        break;
      case OPS.paintFormXObjectBegin: {
        stack.push(state);
        state = { ...state };
        const matrix = args?.[0] as ArrayLike<number> | null;
        if (matrix && matrix.length === 6) state.ctm = multiply(state.ctm, Array.from(matrix));
        break;
      }
      case OPS.paintFormXObjectEnd:
        state = stack.pop() ?? state;
        break;
      case OPS.setLineWidth:
        state.lineWidth = Number(args?.[0]) || 0;
        break;
      case OPS.setGState:
        for (const [key, value] of (args?.[0] as [string, unknown][] | undefined) ?? []) if (key === 'LW') state.lineWidth = Number(value) || 0;
        break;
      case OPS.setStrokeRGBColor:
        state.strokeVisible = visibleColor(args?.[0]);
        break;
      case OPS.setFillRGBColor:
        state.fillVisible = visibleColor(args?.[0]);
        break;
      case OPS.setStrokeColorN:
      case OPS.setStrokeCMYKColor:
        state.strokeVisible = true;
        break;
      case OPS.setFillColorN:
      case OPS.setFillCMYKColor:
        state.fillVisible = true;
        break;
      case OPS.constructPath: {
        const op = args?.[0] as number;
        const data = (args?.[1] as (ArrayLike<number> | null)[] | undefined)?.[0];
        if (!data) break;
        const stroke = (STROKE.has(op) || BOTH.has(op)) && state.strokeVisible;
        const fill = (FILL.has(op) || BOTH.has(op)) && state.fillVisible;
        if (!stroke && !fill) break;
        const m = multiply(vp, state.ctm);
        // Sub-paths: runs of straight pieces (a curve ends a run; its end point starts the next).
        let points: [number, number][] = [];
        const finish = (closed: boolean) => {
          if (points.length >= 2) {
            if (stroke) {
              for (let k = 1; k < points.length; k++) addLine(points[k - 1]![0], points[k - 1]![1], points[k]![0], points[k]![1]);
              if (closed) addLine(points[points.length - 1]![0], points[points.length - 1]![1], points[0]![0], points[0]![1]);
            }
            if (fill && points.length >= 3) {
              // Any filled shape that is thin is a line: rectangles, and the mitred trapezoids of CSS borders.
              const xs = points.map((p) => p[0]);
              const ys = points.map((p) => p[1]);
              const x0 = Math.min(...xs);
              const x1 = Math.max(...xs);
              const y0 = Math.min(...ys);
              const y1 = Math.max(...ys);
              const w = x1 - x0;
              const h = y1 - y0;
              if (h <= THIN && w > THIN) segments.push({ x0, y0: (y0 + y1) / 2, x1, y1: (y0 + y1) / 2 });
              else if (w <= THIN && h > THIN) segments.push({ x0: (x0 + x1) / 2, y0, x1: (x0 + x1) / 2, y1 });
            }
          }
          points = [];
        };
        for (let k = 0; k < data.length; ) {
          const code = data[k++];
          if (code === 0) {
            finish(false);
            points.push(apply(m, data[k]!, data[k + 1]!));
            k += 2;
          } else if (code === 1) {
            points.push(apply(m, data[k]!, data[k + 1]!));
            k += 2;
          } else if (code === 2) {
            // A curve ends the straight run: keep its end point as a new start.
            const end = apply(m, data[k + 4]!, data[k + 5]!);
            finish(false);
            points = [end];
            k += 6;
          } else if (code === 3) {
            const end = apply(m, data[k + 2]!, data[k + 3]!);
            finish(false);
            points = [end];
            k += 4;
          } else if (code === 4) {
            const start = points[0];
            finish(true);
            if (start) points = [start];
          } else break;
        }
        finish(false);
        break;
      }
      default:
        break;
    }
  }
  return segments;
}

/**
 * Reads every page's text items and ruling lines. Throws DocumentError: 'encrypted' (a password is needed),
 * 'truncated' (damaged, or cut short: no %%EOF at the end), 'no-text-layer' (no page has any text: a scan).
 */
export async function extractPdf(pdfjs: PdfjsModule, bytes: Uint8Array, params: PdfjsParams, options: ExtractOptions = {}): Promise<Extracted> {
  if (!hasEof(bytes)) throw DAMAGED();
  const task = pdfjs.getDocument({
    // pdf.js may transfer (detach) the buffer it is given: hand it a copy.
    data: bytes.slice(),
    cMapUrl: params.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: params.standardFontDataUrl,
    useWorkerFetch: params.useWorkerFetch,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    // Images are never decoded: larger than one pixel, they are left out of the operator list.
    maxImageSize: 1,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    let doc: Awaited<typeof task.promise>;
    try {
      doc = await task.promise;
    } catch (err) {
      throw toDocumentError(err);
    }
    let title: string | undefined;
    try {
      const info = (await doc.getMetadata()).info as { Title?: unknown } | undefined;
      const t = typeof info?.Title === 'string' ? info.Title.replace(/^Microsoft (Word|Excel) - /, '').replace(/\.(docx?|xlsx?|wps|et)$/i, '').trim() : '';
      if (t) title = t;
    } catch {
      // No metadata: fine.
    }
    const pages: PdfPageData[] = [];
    let textItems = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      if (options.signal?.aborted) throw options.signal.reason ?? new Error('aborted');
      try {
        const page = await doc.getPage(p);
        const content = await page.getTextContent({ includeMarkedContent: false });
        const raws = content.items.filter((raw): raw is Extract<typeof raw, { str: string }> => 'str' in raw && raw.str.trim() !== '');
        // Turn the page so that most of its text reads left to right: a table printed sideways (or a page
        // whose /Rotate shows it sideways) comes out the way a person reads it after turning the paper.
        let viewport = page.getViewport({ scale: 1 });
        const turn = uprightTurn(viewport.transform, raws);
        if (turn) viewport = page.getViewport({ scale: 1, rotation: (page.rotate + turn) % 360 });
        const vp = viewport.transform;
        const items: PdfTextItem[] = [];
        for (const raw of raws) {
          const item = itemGeometry(vp, raw);
          if (item) items.push(item);
        }
        textItems += items.length;
        let segments: PdfSegment[] = [];
        if (items.length) {
          const ops = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
          segments = segmentsOf(pdfjs.OPS, ops.fnArray, ops.argsArray, vp);
        }
        pages.push({ page: p, width: viewport.width, height: viewport.height, items, segments });
        page.cleanup();
      } catch (err) {
        throw toDocumentError(err);
      }
      options.onPage?.(p, doc.numPages);
    }
    if (textItems === 0) throw NO_TEXT();
    return title ? { pages, title } : { pages };
  } finally {
    await task.destroy();
  }
}
