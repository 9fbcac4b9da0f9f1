// Word (.docx) → HTML with mammoth (merged cells kept as colspan/rowspan); the HTML front end takes it from there.
import { officeProblem } from './sniff';
import { DocumentError } from './types';

/**
 * The document as HTML: paragraphs, headings, and tables with `colspan`/`rowspan` from Word's gridSpan/vMerge.
 * A cell's paragraphs stay separate `<p>` elements inside the `<td>` (a header cell "商业 / 企业" of two
 * paragraphs is `<td><p>商业</p><p>企业</p></td>`); line breaks inside a paragraph are `<br />`. Images are
 * dropped (no data URIs), linked files are never fetched. `messages` are mammoth's warnings (unknown styles …),
 * for a log, not for the person. Errors (DocumentError): 'legacy-office' (.doc), 'encrypted', 'truncated',
 * 'unsupported'.
 */
export async function docxToHtml(bytes: Uint8Array): Promise<{ html: string; messages: string[] }> {
  const problem = officeProblem(bytes, 'docx');
  if (problem) throw problem;
  const mammoth = (await import('mammoth')).default;
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  // The browser build of mammoth reads `arrayBuffer`, the Node one `buffer`: give both.
  const input = { arrayBuffer, buffer: bytes } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
  try {
    const result = await mammoth.convertToHtml(input, {
      convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      externalFileAccess: false,
    });
    return { html: result.value, messages: result.messages.map((m) => `${m.type}: ${m.message}`) };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new DocumentError(
      'truncated',
      `Word 文件无法读取(可能已损坏或不完整):请在 Word/WPS 中打开后另存为 .docx 再导入。(${message})`,
      `The Word file cannot be read (it may be damaged or incomplete): open it in Word or WPS, save it as .docx and import it again. (${message})`,
    );
  }
}
