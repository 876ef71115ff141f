import type { eksporId } from './ekspor.id.js';

/** English messages: the OpenSID-format resident export. */
export const eksporEn: typeof eksporId = {
  unduhOpenSid: 'Download OpenSID format (.xlsx)',
  unduhOpenSidHint: 'OpenSID import columns, full NIK and KK numbers; can be imported again.',
  tanpaKk: (n: string) =>
    `${n} residents without a KK are left out of the OpenSID-format download (OpenSID needs a KK number).`,
  unduhWilayah: (wilayah: string) => `Download the residents of ${wilayah} (OpenSID format, .xlsx)`,
  unduhWilayahHint: 'One sheet per active desa; only living residents who have a KK.',
  err: {
    eksporTanpaDesa: 'There is no active desa with code {kode}.',
    eksporPerluNik:
      'The OpenSID-format download holds full NIK and KK numbers, so it is only for users who may see NIKs. Use "Download Excel" (numbers masked).',
  },
};
