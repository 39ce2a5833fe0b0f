// A static file server for www/ (or the folder given second) on 127.0.0.1, for development and the browser tests.
// It serves only files under www/, with the MIME types browsers need (application/wasm for
// streaming compilation) and no caching, so a rebuilt page is always what is tested.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import url from 'node:url';

// A second argument serves another folder (the tests' host page for the embed, on another port).
const repo = path.resolve(path.dirname(url.fileURLToPath(import.meta.url)), '..');
const root = path.resolve(repo, process.argv[3] || 'www');
const port = Number(process.env.PORT || process.argv[2] || 8000);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ts': 'text/plain; charset=utf-8', '.md': 'text/plain; charset=utf-8',
};

const server = http.createServer((req, res) => {
  const pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  let file = path.join(root, pathname);
  if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
  if (pathname.endsWith('/')) file = path.join(file, 'index.html');
  fs.readFile(file, (err, body) => {
    if (err) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(body);
  });
});
server.listen(port, '127.0.0.1', () => {
  console.log(`h100e: open http://127.0.0.1:${port}/`);
});
