import type { CSSProperties } from "react";
import { Table } from "@/components/stats/stat-table";

export { Table };

// The layout the insight section shares: a chart with its table beside it (stacked on a phone).
export const SIDE_BY_SIDE: CSSProperties = { display: "flex", flexWrap: "wrap", gap: "1rem 2rem", alignItems: "flex-start", margin: ".5rem 0 1.5rem" };
export const CHART_BOX: CSSProperties = { flex: "1 1 30rem", minWidth: 0 };
export const TABLE_BOX: CSSProperties = { flex: "1 1 20rem", minWidth: 0 };
