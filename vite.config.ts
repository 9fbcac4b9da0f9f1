import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, transformWithOxc, type Plugin } from 'vite';
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

/** Every file under a folder, as paths relative to it with forward slashes. */
function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    return d.isDirectory() ? filesUnder(root, path) : [relative(root, path).split(sep).join('/')];
  });
}

/**
 * The service worker (src/offline/sw.ts) written to the build's root as sw.js, with the list of every file the build
 * wrote (the pdf.js assets and public/ included) and a version made from their contents: the worker precaches them,
 * and a build whose files differ is a new worker. Done once the bundle is written, so the list is what is on disk.
 */
export function offlineWorker(): Plugin {
  let outDir = '';
  return {
    name: 'offline-worker',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = filesUnder(outDir).filter((f) => f !== 'sw.js' && !f.endsWith('.map')).sort();
      const version = createHash('sha256');
      for (const f of files) version.update(f).update('\0').update(readFileSync(join(outDir, f)));
      const source = readFileSync(fileURLToPath(new URL('./src/offline/sw.ts', import.meta.url)), 'utf8');
      const { code } = await transformWithOxc(source, 'sw.ts', { lang: 'ts' });
      // sw.ts is a module for the type checker only: a classic worker script has no exports.
      const body = code.replace(/^export\s*\{\s*\};?\s*$/m, '');
      const head = `const VERSION = ${JSON.stringify(version.digest('hex').slice(0, 16))};\nconst PRECACHE = ${JSON.stringify(files)};\n`;
      writeFileSync(join(outDir, 'sw.js'), head + body);
    },
  };
}

/**
 * The dev server injects each module's CSS as a <style> element, which the page's policy (style-src 'self') refuses:
 * while serving, and only then, style elements are allowed. The build's CSS is in files and keeps the strict policy.
 */
export function devStyles(): Plugin {
  return {
    name: 'dev-styles',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace("style-src 'self';", "style-src 'self' 'unsafe-inline';");
    },
  };
}

export default defineConfig({
  // Relative asset paths: the build works from any static host and any sub-path.
  base: './',
  plugins: [svelte(), pdfjsAssets(), offlineWorker(), devStyles()],
  build: { target: 'es2022', chunkSizeWarningLimit: 700 },
  worker: { format: 'es' },
});
