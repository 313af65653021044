import type { PersonaName } from './personas.js';

/**
 * The dev personas' sign-in passwords and their scrypt hashes (N=16384, r=8, p=1, 32-byte
 * key), hashed once when written here so starting a stack hashes nothing. Dev seed only:
 * the migrations create no users and no passwords. Public knowledge, like the stack's keys.
 */
export const PERSONA_CREDENTIALS: Record<PersonaName, { password: string; passwordHash: string }> = {
  networkAdmin: { password: 'dev-networkAdmin-password', passwordHash: 'scrypt$16384$8$1$nUHwtFUmsst_YBpQ_7nlTw$26Zp6lXTnT9EEC0p6ohX15AQSaa1BL2xhdZhqM8hXrY' },
  noSite: { password: 'dev-noSite-password', passwordHash: 'scrypt$16384$8$1$aneeMDn2LbOhZ7k1QdeLIw$LbMCLpsClFYXN0O0M1yTipz11-Bd0W-W9RykriIKCI4' },
  supervisor: { password: 'dev-supervisor-password', passwordHash: 'scrypt$16384$8$1$-oXKDxmFI4ay8oU11uOtwQ$gLOAJ229iKezLqwSCXH1HHjtkxiPtqZ19jklpzWDA1A' },
  supervisee: { password: 'dev-supervisee-password', passwordHash: 'scrypt$16384$8$1$Cf5GvrSrKNiMi7a1o1Pgiw$UoE61D4NlQXA2tfQwFYEAoJVga1cUPRB57HpGQjY68Q' },
  clinicianA: { password: 'dev-clinicianA-password', passwordHash: 'scrypt$16384$8$1$2_AB1PfYmD2kWxBaNc5D_w$2qCBnrrDpOvTCW93Bov9Kdgh3_CwIuVriq-COh8Zekg' },
  siteAdminA: { password: 'dev-siteAdminA-password', passwordHash: 'scrypt$16384$8$1$T2R7rtQDFp_hIeP6CH_nfQ$zrBpdjd2k0suH58ce-8qPuceFr7V2uDGbDewuYtpxT4' },
  memberA: { password: 'dev-memberA-password', passwordHash: 'scrypt$16384$8$1$1M1SVorgC7aTapaioF2oBQ$F0F6JoQLBJ9Xz2pE5Pi_ook8DYSh5MFR7OpHYDdMUDM' },
  clinicianB: { password: 'dev-clinicianB-password', passwordHash: 'scrypt$16384$8$1$cyIHZ6g8WI6zKQ971TOeDw$eB404KTKvtmEa13wEL6fJxuiqQSYHQOwFjp0RLJ8tJw' },
  siteAdminB: { password: 'dev-siteAdminB-password', passwordHash: 'scrypt$16384$8$1$6UsJzPBEUbTGbkikOBv-Cw$VPbeST7_FhKKqFciHkfLcSYI7wZisczgUa_xn6aVi1Q' },
  memberB: { password: 'dev-memberB-password', passwordHash: 'scrypt$16384$8$1$UXJw1MoYacerJZjc_UouNA$t0AxJIq98zw7rFbezu-tUfFnnmDxyr8dUYCLiDDRYKg' },
  clinicalReviewer: { password: 'dev-clinicalReviewer-password', passwordHash: 'scrypt$16384$8$1$kLIhvKhxIiiuHBn5Nh6Quw$GlLXFvhpqmHdTWzCLvTirzo_E2s0ChcWnxm0Ck_nkqc' },
};
