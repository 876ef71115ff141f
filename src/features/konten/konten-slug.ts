/** A URL slug from a title: ASCII letters and digits joined by '-', at most 100 characters; never empty. */
export function slugify(judul: string): string {
  const slug = judul
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/g, '');
  return slug || 'artikel';
}

/** The first of `slug`, `slug-2`, `slug-3`, … that `taken` does not hold. */
export function uniqueSlug(slug: string, taken: ReadonlySet<string>): string {
  if (!taken.has(slug)) return slug;
  for (let n = 2; ; n++) {
    const candidate = `${slug}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
