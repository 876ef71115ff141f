import { z } from 'zod';
import {
  choice,
  optionalEmail,
  optionalNip,
  optionalPhone,
  optionalPostalCode,
  optionalText,
  optionalUrl,
} from '#src/lib/forms/fields.js';
import { SEBUTAN_DESA, SEBUTAN_DUSUN } from './desa.table.js';

const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

export function isHostName(value: string): boolean {
  if (value.length > 253 || !value.includes('.')) return false;
  return value.split('.').every((label) => HOST_LABEL.test(label));
}

/** Host names for the desa's public site: one per line (or separated by spaces/commas). */
const hostList = () =>
  z
    .string()
    .optional()
    .transform((v) => [
      ...new Set(
        (v ?? '')
          .split(/[\s,]+/)
          .map((h) => h.trim().toLowerCase().replace(/\.$/, ''))
          .filter(Boolean),
      ),
    ])
    .refine((hosts) => hosts.length <= 10, { error: 'terlaluBanyakHost|10' })
    .refine((hosts) => hosts.every(isHostName), { error: 'hostTidakValid' });

export const DesaProfileSchema = z.object({
  sebutan: choice(SEBUTAN_DESA),
  sebutan_dusun: choice(SEBUTAN_DUSUN),
  alamat: optionalText(200),
  kode_pos: optionalPostalCode(),
  telepon: optionalPhone(),
  email: optionalEmail(),
  situs: optionalUrl(),
  kepala_desa: optionalText(100),
  nip_kepala_desa: optionalNip(),
  hosts: hostList(),
});
export type DesaProfileInput = z.infer<typeof DesaProfileSchema>;
