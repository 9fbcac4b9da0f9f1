// A minimal PDF writer for tests: pages of text in a non-embedded Chinese font and table borders drawn the ways
// real producers draw them, so each PDF case can be pinned exactly without shipping a binary.
// Fonts: F1 is STSong-Light through the UniGB-UCS2-H CMap, not embedded (pdf.js needs the packed cMaps to read
// it: without them only digits come out); F2 is Helvetica. Page coordinates in the helpers are top-left based.

export const W = 595;
export const H = 842;

export function ucs2(text: string): string {
  return Array.from(text, (c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
}

/** Text at (x, baseline y) from the top-left, in the non-embedded Chinese font (digits and Latin too). */
export function text(x: number, y: number, s: string, size = 10): string {
  return `BT /F1 ${size} Tf 1 0 0 1 ${x} ${H - y} Tm <${ucs2(s)}> Tj ET\n`;
}

/** Right-aligned text ending at x: widths are 1 em for CJK, 0.5 em for ASCII (the font's /W). */
export function textRight(x: number, y: number, s: string, size = 10): string {
  const width = Array.from(s).reduce((w, c) => w + (c.charCodeAt(0) < 128 ? 0.5 : 1) * size, 0);
  return text(x - width, y, s, size);
}

/** A thin filled rectangle (how Word and WPS export a border). */
export function thinRect(x0: number, y0: number, x1: number, y1: number): string {
  return `${x0} ${H - y1} ${x1 - x0} ${y1 - y0} re f\n`;
}

/** A stroked line. */
export function line(x0: number, y0: number, x1: number, y1: number, width = 0.5): string {
  return `${width} w ${x0} ${H - y0} m ${x1} ${H - y1} l S\n`;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Each cell draws its own four borders, as office exports do (shared edges drawn twice, slightly apart). */
export function cellBorders(cells: Box[], style: 'thin-rect' | 'stroke'): string {
  let out = '';
  for (const c of cells) {
    if (style === 'thin-rect') {
      out += thinRect(c.x0, c.y0, c.x1, c.y0 + 0.5) + thinRect(c.x0, c.y1 - 0.5, c.x1, c.y1);
      out += thinRect(c.x0, c.y0, c.x0 + 0.5, c.y1) + thinRect(c.x1 - 0.5, c.y0, c.x1, c.y1);
    } else {
      out += line(c.x0, c.y0, c.x1, c.y0) + line(c.x0, c.y1, c.x1, c.y1) + line(c.x0, c.y0, c.x0, c.y1) + line(c.x1, c.y0, c.x1, c.y1);
    }
  }
  return out;
}

export function pdfBytes(pages: string[], options: { encrypt?: boolean; image?: boolean; rotate?: number } = {}): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) - 1 + 1; // object number
  const catalog = add('');
  const pagesObj = add('');
  const cid = add('<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 0 0 R /DW 1000 /W [1 95 500] >>');
  const descriptor = add('<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>');
  objects[cid - 1] = objects[cid - 1]!.replace('/FontDescriptor 0 0 R', `/FontDescriptor ${descriptor} 0 R`);
  const f1 = add(`<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light-UniGB-UCS2-H /Encoding /UniGB-UCS2-H /DescendantFonts [${cid} 0 R] >>`);
  const f2 = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const image = options.image ? add(`<< /Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 16 >>\nstream\n${'\x80\x40\xc0\x20'.repeat(4)}\nendstream`) : 0;
  const kids: number[] = [];
  for (const content of pages) {
    const stream = add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
    const xobject = image ? ` /XObject << /Im1 ${image} 0 R >>` : '';
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${W} ${H}]${options.rotate ? ` /Rotate ${options.rotate}` : ''} /Resources << /Font << /F1 ${f1} 0 R /F2 ${f2} 0 R >>${xobject} >> /Contents ${stream} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let encrypt = '';
  if (options.encrypt) {
    // A user password we do not know: O and U that no empty password matches.
    const hex32 = (seed: number) => Array.from({ length: 32 }, (_, i) => ((i * 37 + seed) & 0xff).toString(16).padStart(2, '0')).join('');
    const e = add(`<< /Filter /Standard /V 1 /R 2 /O <${hex32(11)}> /U <${hex32(99)}> /P -44 >>`);
    encrypt = ` /Encrypt ${e} 0 R /ID [<${hex32(5).slice(0, 32)}> <${hex32(5).slice(0, 32)}>]`;
  }
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

