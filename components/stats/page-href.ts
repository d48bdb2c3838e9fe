/** The page's own address with the query it was asked with (every value of a repeated key). */
export function pageHref(path: string, params: Record<string, string | string[] | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(key, v);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
