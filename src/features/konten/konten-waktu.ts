import { addMinutes } from '#src/lib/db/time.js';
import { DEFAULT_TIME_ZONE, startOfLocalDay } from '#src/lib/time-zone.js';

const LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;

/** A `datetime-local` value (desa time, e.g. WIB) → ISO UTC; null when it is not one. */
export function localToIso(value: string, timeZone = DEFAULT_TIME_ZONE): string | null {
  const m = LOCAL.exec(value);
  if (!m) return null;
  const [, date, hh, mm] = m as unknown as [string, string, string, string];
  if (Number(hh) > 23 || Number(mm) > 59 || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) return null;
  return addMinutes(startOfLocalDay(date, timeZone), Number(hh) * 60 + Number(mm));
}

/** ISO UTC → the `datetime-local` value in desa time (for a form shown again). */
export function isoToLocal(iso: string | null, timeZone = DEFAULT_TIME_ZONE): string {
  if (!iso) return '';
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A moment as a date in desa time: "5 Des 2026". */
export function tanggalDesa(iso: string | null, lang: 'id' | 'en', timeZone = DEFAULT_TIME_ZONE): string {
  if (!iso) return '';
  const key = `${lang}|${timeZone}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeZone });
    dateFormats.set(key, f);
  }
  return f.format(new Date(iso));
}

export const langOf = (m: { lang: string }): 'id' | 'en' => (m.lang === 'en' ? 'en' : 'id');
