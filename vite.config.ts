import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/**
 * pdf.js's cMaps and standard fonts as static files of the app: dist/pdfjs/cmaps/… and dist/pdfjs/standard_fonts/…
 * in a build, /pdfjs/… in `vite dev`. The PDF reader fetches them from its own origin (relative to its chunk), only
 * when a PDF needs them; without cMaps a Chinese PDF with a non-embedded font reads as digits only.
 */
export function pdfjsAssets(): Plugin {
  const root = fileURLToPath(new URL('./node_modules/pdfjs-dist/', import.meta.url));
  const folders = ['cmaps', 'standard_fonts'];
  return {
    name: 'pdfjs-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = /\/pdfjs\/(cmaps|standard_fonts)\/([\w.-]+)(?:\?.*)?$/.exec(req.url ?? '');
        const file = m && join(root, m[1]!, m[2]!);
        if (!file || !statSync(file, { throwIfNoEntry: false })?.isFile()) return next();
        res.setHeader('Content-Type', 'application/octet-stream');
        createReadStream(file).pipe(res);
      });
    },
    generateBundle() {
      for (const folder of folders) {
        for (const name of readdirSync(join(root, folder))) {
          this.emitFile({ type: 'asset', fileName: `pdfjs/${folder}/${name}`, source: readFileSync(join(root, folder, name)) });
        }
      }
    },
  };
}

export default defineConfig({
  // Relative asset paths: the build works from any static host and any sub-path.
  base: './',
  plugins: [svelte(), pdfjsAssets()],
  build: { target: 'es2022', chunkSizeWarningLimit: 700 },
  worker: { format: 'es' },
});
