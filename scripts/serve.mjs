// A static file server for www/ (or the folder given second) on 127.0.0.1, for development and the browser tests.
// It serves only files under www/, with the MIME types browsers need (application/wasm for
// streaming compilation) and no caching, so a rebuilt page is always what is tested.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import url from 'node:url';

// Folders after the port are served instead of www/, the first that has the file winning (the
// tests serve their fixtures beside the page, and a host page from another port).
const repo = path.resolve(path.dirname(url.fileURLToPath(import.meta.url)), '..');
const roots = (process.argv.length > 3 ? process.argv.slice(3) : ['www']).map((r) => path.resolve(repo, r));
const port = Number(process.env.PORT || process.argv[2] || 8000);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ts': 'text/plain; charset=utf-8', '.md': 'text/plain; charset=utf-8',
};

/** The file a path names in the first root that has it, or null (never outside a root). */
function find(pathname) {
  for (const root of roots) {
    let file = path.join(root, pathname);
    if (!file.startsWith(root)) return null;
    if (pathname.endsWith('/')) file = path.join(file, 'index.html');
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  }
  return null;
}

const server = http.createServer((req, res) => {
  const file = find(decodeURIComponent(new URL(req.url, 'http://localhost').pathname));
  if (!file) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
  fs.readFile(file, (err, body) => {
    if (err) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(body);
  });
});
server.listen(port, '127.0.0.1', () => {
  console.log(`h100e: open http://127.0.0.1:${port}/`);
});
