/**
 * Passwords that guessing attacks try first: the most common passwords of public breach lists,
 * with the Indonesian words and patterns seen in them. Compared case-insensitively, also after
 * stripping trailing digits and symbols ("Indonesia2026!" is "indonesia").
 */
const WORDS = `password passw0rd password1 password123 qwerty qwertyuiop qwerty123 asdfghjkl zxcvbnm
iloveyou admin administrator admin123 root welcome welcome1 letmein monkey dragon football baseball
sunshine princess master shadow superman michael jessica charlie freedom whatever trustno1 starwars
abcdefghij abcdefg1234 abc1234567 1234567890 0987654321 1111111111 0000000000 1234512345 1122334455
1q2w3e4r5t 1qaz2wsx3edc zaq12wsx q1w2e3r4t5 passwordku sayang sayangku cintaku aku cinta kamu
indonesia jakarta bandung surabaya medan jambi bismillah alhamdulillah assalamualaikum rahasia
rahasiaku katasandi sandiku garuda merdeka pancasila bpjs bpjstk jamsostek jaring jaringan desa
kelurahan kecamatan kabupaten pemerintah dinas operator operatordesa kepaladesa perangkatdesa
pekerja pekerjarentan puskesmas sekolah semangat berkah barokah persija persib arema bonek
anjing kucing doraemon naruto pokemon minecraft`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));

export function isCommonPassword(password: string, username?: string): boolean {
  const lower = password.toLowerCase();
  const stem = lower.replace(/[\d\W_]+$/u, '');
  if (COMMON_PASSWORDS.has(lower) || (stem.length > 0 && COMMON_PASSWORDS.has(stem))) return true;
  if (/^(.)\1+$/.test(lower) || /^(?:0123456789|1234567890)+/.test(lower)) return true;
  if (username && lower.includes(username.toLowerCase())) return true;
  return false;
}
