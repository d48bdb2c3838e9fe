import "server-only";
import { unstable_cache } from "next/cache";
import { publicProgrammeFigures, type PublicFigures } from "@/lib/stats/public-figures";

// The public page's figures, computed at most once every five minutes per server whatever the
// traffic (Next's data cache; the page itself stays dynamic because every response carries its
// own CSP nonce). The value is plain JSON: amounts are decimal strings of fen.
export const PUBLIC_FIGURES_TTL_SECONDS = 300;

export const cachedPublicProgrammeFigures: () => Promise<PublicFigures> = unstable_cache(
  () => publicProgrammeFigures(),
  ["public-programme-figures"],
  { revalidate: PUBLIC_FIGURES_TTL_SECONDS, tags: ["public-programme-figures"] },
);
