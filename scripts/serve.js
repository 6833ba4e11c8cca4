#!/usr/bin/env node
/**
 * `npm start` serves the example gallery: a static file server over the repo
 * root (node:http, no dependencies) that serves `/` → examples/index.html,
 * `/examples/*` and `/dist/*` with correct MIME types and no caching. Every
 * HTML page is sent with `Content-Security-Policy: default-src 'self'` — the
 * policy the gallery's pages also declare in a meta tag — so the server-
 * rendered pages (examples/static/, written by renderToString) are held to it
 * as well.
 * Port: $PORT, else 5173, else any free port. Prints the URL.
 * `startServer()` is also imported by the browser tests.
 */
import { createServer } from "node:http";
import { createReadStream, statSync } from "node:fs";
import { dirname, extname, join, normalize, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml; charset=utf-8",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".csv": "text/csv; charset=utf-8",
  ".tsv": "text/tab-separated-values; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".d.ts": "text/plain; charset=utf-8",
};

const ALLOWED = ["examples", "dist"];
/** The gallery's policy, as every page declares it. */
export const CSP = "default-src 'self'";

/** The file for a URL path, or null when it is outside the served folders. */
function resolvePath(urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split("?")[0].split("#")[0]);
  } catch {
    return null;
  }
  if (path === "/" || path === "") path = "/examples/index.html";
  if (path === "/favicon.ico") path = "/examples/favicon.svg";
  const file = normalize(join(root, path));
  if (!ALLOWED.some((dir) => file.startsWith(join(root, dir) + sep))) return null;
  return file;
}

function handle(req, res) {
  let file = resolvePath(req.url ?? "/");
  let stat = null;
  try {
    if (file) stat = statSync(file);
    if (stat?.isDirectory()) {
      file = join(file, "index.html");
      stat = statSync(file);
    }
  } catch {
    stat = null;
  }
  if (!file || !stat?.isFile() || (req.method !== "GET" && req.method !== "HEAD")) {
    res.writeHead(file && stat ? 405 : 404, { "content-type": "text/plain; charset=utf-8" });
    res.end(file && stat ? "method not allowed\n" : "not found\n");
    return;
  }
  const type = MIME[extname(file).toLowerCase()] ?? "application/octet-stream";
  const headers = { "content-type": type, "content-length": stat.size, "cache-control": "no-store", "x-content-type-options": "nosniff" };
  if (type.startsWith("text/html")) headers["content-security-policy"] = CSP;
  res.writeHead(200, headers);
  if (req.method === "HEAD") return res.end();
  createReadStream(file).pipe(res);
}

/** Listen on `port` (0 = any free port); on EADDRINUSE fall back to a free port. Resolves to { server, port, url }. */
export function startServer(port = Number(process.env.PORT ?? 5173)) {
  return new Promise((resolve, reject) => {
    const server = createServer(handle);
    const listen = (p) => server.listen(p, "127.0.0.1");
    server.on("error", (err) => {
      if (err.code === "EADDRINUSE" && port !== 0) {
        port = 0;
        listen(0);
      } else reject(err);
    });
    server.on("listening", () => {
      const actual = server.address().port;
      resolve({ server, port: actual, url: `http://localhost:${actual}/` });
    });
    listen(port);
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { url } = await startServer();
  console.log(`claimline gallery: ${url}`);
}
