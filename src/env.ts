import { z } from 'zod';

/**
 * The only reader of process.env. Parsed once with zod, frozen, fails fast with a readable message.
 * Every variable is documented in .env.example.
 */
const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** unset → SQLite ./data/balai.db; `sqlite:/path.db` → that file; `postgres://…` → PostgreSQL */
  DATABASE_URL: z.string().min(1).optional(),
  /** where the embedded database and uploads live (outside any served or executable path) */
  BALAI_DATA_DIR: z.string().min(1).default('./data'),
  /** the address people type, e.g. https://sid.rembangkab.go.id — used in printed links */
  BALAI_PUBLIC_URL: z.url().optional(),
  /** trust X-Forwarded-* from a reverse proxy in front of Balai */
  BALAI_TRUST_PROXY: booleanFlag.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** largest accepted form body in bytes; larger → 413 */
  BALAI_BODY_LIMIT: z.coerce.number().int().min(1024).default(1_048_576),
  /** largest accepted upload (e.g. a desa logo) in bytes */
  BALAI_UPLOAD_LIMIT: z.coerce.number().int().min(1024).default(5_242_880),
  /** largest accepted import workbook (OpenSID .xlsx) in bytes */
  BALAI_IMPORT_LIMIT: z.coerce.number().int().min(1024).default(52_428_800),
  /** most data rows accepted in one import workbook */
  BALAI_IMPORT_MAX_ROWS: z.coerce.number().int().min(10).default(1_100_000),
  /** idle session lifetime in minutes (sliding) */
  BALAI_SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).default(720),
  /** public statistics: counts from 1 up to this minus one are shown as "<N" (0 = show every count) */
  BALAI_STATISTIK_SEL_MIN: z.coerce.number().int().min(0).max(20).default(3),
  /** public site pages are kept rendered this many seconds (they are cacheable for 60 s anyway; 0 = render each time) */
  BALAI_SITUS_CACHE_DETIK: z.coerce.number().int().min(0).max(60).default(5),
  /** hour of the day (server time zone) for the nightly scan of published content for injected links/gambling */
  BALAI_PINDAI_JAM: z.coerce.number().int().min(0).max(23).default(2),
  /** absolute session lifetime in days */
  BALAI_SESSION_MAX_DAYS: z.coerce.number().int().min(1).default(7),
  /** base64 of 32 random bytes: encrypts the signing keys at rest; unset → <data dir>/kunci/master.key */
  BALAI_MASTER_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, 'harus base64 dari 32 byte (buat dengan: openssl rand -base64 32)')
    .optional(),
  /** hosts whose players may be embedded (iframes in articles, camera players), comma-separated */
  BALAI_IFRAME_HOSTS: z
    .string()
    .default('www.youtube-nocookie.com,www.youtube.com,player.vimeo.com')
    .transform((v) =>
      v
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    ),
  /** minutes between two status checks of every live camera (0 = never check) */
  BALAI_KAMERA_CEK_MENIT: z.coerce.number().int().min(0).max(1440).default(5),
  /** camera URLs may point at loopback/private (LAN, VPN) addresses; link-local/metadata addresses never */
  BALAI_KAMERA_ALAMAT_PRIVAT: booleanFlag.default(false),
  /** map tiles for the public camera map ({s} {z} {x} {y}); its origin is allowed in that page's CSP only */
  BALAI_PETA_TILE: z
    .string()
    .regex(/^https:\/\/[^\s"'<>]+\{z\}[^\s"'<>]*$/, 'harus URL https dengan {z}, {x} dan {y}')
    .default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  /** kiosk (anjungan): seconds without a touch before it ends the resident's session and goes back home */
  BALAI_ANJUNGAN_IDLE_DETIK: z.coerce.number().int().min(5).max(600).default(60),
  /** Telegram bot token from @BotFather (unset = Telegram off); the Bot API base; the webhook's secret header */
  BALAI_TELEGRAM_TOKEN: z
    .string()
    .regex(/^\d+:[A-Za-z0-9_-]+$/, 'harus token bot dari @BotFather')
    .optional(),
  BALAI_TELEGRAM_API: z.url().default('https://api.telegram.org'),
  BALAI_TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,256}$/, 'harus 16–256 karakter A-Z a-z 0-9 _ -')
    .optional(),
  /** SMTP server for email notifications, e.g. smtp://user:pass@mail:587 (unset = email off), and the sender */
  BALAI_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'harus diawali smtp:// atau smtps://')
    .optional(),
  BALAI_SMTP_FROM: z.string().min(3).default('Balai <balai@localhost>'),
  /** seconds between two runs of the notification outbox worker (0 = no worker) */
  BALAI_NOTIFIKASI_DETIK: z.coerce.number().int().min(0).max(3600).default(15),
});

export type Env = Readonly<z.infer<typeof EnvSchema>>;

export class EnvError extends Error {}

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const input: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) {
    if (value !== undefined && value !== '') input[key] = value;
  }
  const parsed = EnvSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new EnvError(`Konfigurasi lingkungan tidak valid:\n${lines.join('\n')}`);
  }
  return Object.freeze(parsed.data);
}

/** Whether cookies must carry the Secure flag: only when Balai is reached over https. */
export function usesHttps(env: Env): boolean {
  return env.BALAI_PUBLIC_URL?.startsWith('https://') ?? false;
}
