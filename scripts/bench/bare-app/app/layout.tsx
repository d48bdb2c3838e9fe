import type { ReactNode } from "react";

// The benchmark's baseline: a bare Next app (no proxy, no message catalogue, no auth).
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
