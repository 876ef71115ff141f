/**
 * Roles, the permissions each carries, and the kind of scope each is assigned at.
 * A role assignment is (role, scope); a permission check asks for a permission on a target region
 * (and, for dusun/RW/RT-scoped roles, a place in the desa's dusun → RW → RT tree).
 */
export const ROLES = [
  'admin-kabupaten',
  'staf-kecamatan',
  'admin-desa',
  'operator-desa',
  'sekretaris-desa',
  'kepala-desa',
  'editor-web',
  'operator-wilayah',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'read:dashboard',
  'read:wilayah',
  'activate:desa',
  'read:desa',
  'update:desa',
  'read:lingkungan',
  'update:lingkungan',
  'read:pengguna',
  'manage:pengguna',
  'read:audit',
  // resident registry
  'read:penduduk',
  'read:nik',
  'write:penduduk',
  'record:peristiwa',
  'review:duplikat',
  'export:penduduk',
  'import:penduduk',
  // letters
  'read:surat',
  'write:surat',
  'approve:surat',
  'approve:surat-sekdes',
  'approve:surat-kades',
  'setting:surat',
  'manage:jenis-surat',
  // layanan mandiri: resident accounts, the letter-request queue, kiosks
  'manage:mandiri',
  'process:permohonan',
  'manage:anjungan',
  // layanan informasi: the public website, flagged content, cameras, complaints
  'write:web',
  'publish:web',
  'review:konten',
  'manage:kamera',
  'manage:pengaduan',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** The level a role is assigned at: a kabupaten/kota code, a kecamatan code, a desa code, or a dusun/RW/RT. */
export type ScopeLevel = 'kabupaten' | 'kecamatan' | 'desa' | 'lingkungan';

export const ROLE_SCOPE: Readonly<Record<Role, ScopeLevel>> = {
  'admin-kabupaten': 'kabupaten',
  'staf-kecamatan': 'kecamatan',
  'admin-desa': 'desa',
  'operator-desa': 'desa',
  'sekretaris-desa': 'desa',
  'kepala-desa': 'desa',
  'editor-web': 'desa',
  'operator-wilayah': 'lingkungan',
};

/** What only the desa itself does to its register. */
const DESA_OWN: Permission[] = ['write:penduduk', 'record:peristiwa', 'import:penduduk'];
/** The desa's letters: its own office drafts, approves and signs them; the kabupaten defines new types. */
const LETTERS: Permission[] = [
  'read:surat',
  'write:surat',
  'approve:surat',
  'approve:surat-sekdes',
  'approve:surat-kades',
  'setting:surat',
  'manage:jenis-surat',
];
/** The desa's own services to its residents and visitors: run by the desa office, not by the kabupaten. */
const DESA_SERVICE: Permission[] = [
  'manage:mandiri',
  'process:permohonan',
  'manage:anjungan',
  'write:web',
  'publish:web',
  'manage:pengaduan',
];
const DESA_READ: Permission[] = ['read:dashboard', 'read:desa', 'read:lingkungan'];
/** Who keeps the register: reads full records (NIK, KK), records and corrects, reviews duplicates, exports. */
const REGISTRY_KEEPER: Permission[] = [
  'read:penduduk',
  'read:nik',
  'write:penduduk',
  'record:peristiwa',
  'review:duplikat',
  'export:penduduk',
  'import:penduduk',
];

/**
 * The kabupaten supports its desa: it reads the register (full numbers, every read audited), reviews
 * duplicates across desa and exports, but the desa keeps and changes its own register. Kecamatan staff and
 * dusun/RW/RT operators see residents with masked numbers; web editors see none.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  'admin-kabupaten': [
    ...PERMISSIONS.filter((p) => !DESA_OWN.includes(p) && !LETTERS.includes(p) && !DESA_SERVICE.includes(p)),
    'manage:jenis-surat',
  ],
  'staf-kecamatan': [
    'read:dashboard',
    'read:wilayah',
    'read:desa',
    'read:lingkungan',
    'read:penduduk',
    'manage:kamera',
  ],
  'admin-desa': [
    ...DESA_READ,
    'update:desa',
    'update:lingkungan',
    'read:pengguna',
    'manage:pengguna',
    'read:audit',
    ...REGISTRY_KEEPER,
    'read:surat',
    'write:surat',
    'setting:surat',
    ...DESA_SERVICE,
    'review:konten',
    'manage:kamera',
  ],
  'operator-desa': [
    ...DESA_READ,
    'update:lingkungan',
    ...REGISTRY_KEEPER,
    'read:surat',
    'write:surat',
    'manage:mandiri',
    'process:permohonan',
    'manage:pengaduan',
  ],
  'sekretaris-desa': [
    ...DESA_READ,
    'read:penduduk',
    'read:nik',
    'export:penduduk',
    'read:surat',
    'write:surat',
    'approve:surat',
    'approve:surat-sekdes',
    'process:permohonan',
    'manage:pengaduan',
  ],
  'kepala-desa': [
    ...DESA_READ,
    'read:audit',
    'read:penduduk',
    'read:nik',
    'export:penduduk',
    'read:surat',
    'write:surat',
    'approve:surat',
    'approve:surat-kades',
    'setting:surat',
    'process:permohonan',
    'manage:pengaduan',
  ],
  'editor-web': ['read:dashboard', 'read:desa', 'write:web', 'publish:web', 'manage:kamera'],
  'operator-wilayah': ['read:dashboard', 'read:lingkungan', 'read:penduduk'],
};

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
