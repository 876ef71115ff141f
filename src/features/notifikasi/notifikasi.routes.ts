import type { Deps } from '#src/deps.js';
import { telegramRouteDefs } from '#src/features/telegram/telegram.routes.js';
import { lupaPinRouteDefs } from '#src/features/warga-akun/lupa-pin.routes.js';
import { wargaAkunRouteDefs } from '#src/features/warga-akun/warga-akun.routes.js';
import type { RouteDef } from '#src/lib/http/route.js';
import { notifikasiAdminRouteDefs } from './notifikasi-admin.routes.js';
import { pwaRouteDefs } from './pwa.routes.js';

/** Notifications, the Telegram bot, the resident's account page and the installable app: one entry for the route table. */
export function notifikasiRouteDefs(d: Deps): RouteDef[] {
  return [
    ...wargaAkunRouteDefs(d),
    ...lupaPinRouteDefs(d),
    ...notifikasiAdminRouteDefs(d),
    ...telegramRouteDefs(d),
    ...pwaRouteDefs(d),
  ];
}
