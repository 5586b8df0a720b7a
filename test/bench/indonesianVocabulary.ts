// Real Indonesian root words and the affixed forms news text uses them in, for the synthetic
// archive the benchmark generates and for measuring stemmers. Forms follow the standard
// morphophonemic rules (meN-/peN- assimilation, ber-/ter- before r and -er- syllables), so the
// generated dispatches read like affixed Indonesian rather than bags of roots.

/** Roots seen in wire copy; every one is in the Sastrawi root-word dictionary. */
export const roots = [
  'ada', 'ajar', 'akhir', 'aman', 'ambil', 'anggar', 'angkat', 'atur', 'awas', 'bahas', 'balas', 'bangun', 'bantu',
  'baru', 'batas', 'bayar', 'beli', 'benar', 'berangkat', 'berita', 'besar', 'bicara', 'buat', 'buka', 'bunuh', 'cari',
  'catat', 'cegah', 'cipta', 'damai', 'dapat', 'datang', 'dengar', 'dekat', 'didik', 'dukung', 'duga', 'edar', 'ekonomi',
  'gabung', 'gagal', 'ganti', 'gelar', 'gerak', 'guna', 'hadap', 'hadir', 'hasil', 'hilang', 'hitung', 'hubung', 'hukum',
  'ikut', 'ingat', 'isi', 'jadi', 'jaga', 'jalan', 'jamin', 'jawab', 'jelas', 'jual', 'juang', 'kabar', 'kait', 'kata',
  'kembang', 'kena', 'kenal', 'kerja', 'kira', 'kirim', 'kuasa', 'kuat', 'kumpul', 'kunjung', 'lahir', 'laku', 'lanjut',
  'langgar', 'lapor', 'latih', 'lawan', 'layan', 'lihat', 'lindung', 'luas', 'lupa', 'main', 'maju', 'makan', 'masuk',
  'milik', 'minta', 'mulai', 'nilai', 'nyata', 'olah', 'pakai', 'pantau', 'pasti', 'perang', 'perintah', 'periksa',
  'pikir', 'pilih', 'pimpin', 'pindah', 'pukul', 'pulang', 'rencana', 'rugi', 'rusak', 'sakit', 'salah',
  'sambut', 'sampai', 'satu', 'sebar', 'sedia', 'selesai', 'senjata', 'serang', 'serah', 'siap', 'sidang',
  'simpan', 'sita', 'sulit', 'sumbang', 'tahan', 'tambah', 'tanam', 'tangkap', 'tanya', 'tarik', 'tawar', 'temu',
  'tentu', 'terang', 'terima', 'tetap', 'tinggal', 'tingkat', 'tolak', 'tuduh', 'tugas', 'tuju', 'tujuh', 'tulis', 'tunjuk',
  'tuntut', 'turun', 'ubah', 'ukur', 'ulang', 'umum', 'undang', 'untung', 'upaya', 'urus', 'usaha', 'usul', 'wakil',
  'warga', 'wujud',
] as const

const vowels = 'aiueo'

/** meN- / peN- before a root: the nasal assimilates and k, p, t, s drop. */
function nasal(prefix: 'me' | 'pe', root: string): string {
  const c = root[0] ?? ''
  const two = root.slice(0, 2)
  // Clusters (kr-, pr-, tr-, st-, sy-) keep their first consonant.
  const cluster = /^(kr|kl|pr|pl|tr|st|sk|sp|sy)/.test(two)
  if (vowels.includes(c)) return `${prefix}ng${root}`
  if (c === 'k') return cluster ? `${prefix}ng${root}` : `${prefix}ng${root.slice(1)}`
  if ('gh'.includes(c)) return `${prefix}ng${root}`
  if (c === 'p') return cluster ? `${prefix}m${root}` : `${prefix}m${root.slice(1)}`
  if ('bfv'.includes(c)) return `${prefix}m${root}`
  if (c === 't') return cluster ? `${prefix}n${root}` : `${prefix}n${root.slice(1)}`
  if ('dcjz'.includes(c)) return `${prefix}n${root}`
  if (c === 's') return cluster ? `${prefix}n${root}` : `${prefix}ny${root.slice(1)}`
  return `${prefix}${root}`
}

/** ber- and ter- lose their r before an r-initial root or a first syllable ending in -er (bekerja). */
function liquid(prefix: 'ber' | 'ter', root: string): string {
  if (root.startsWith('r') || /^[^aiueo]er[^aiueo]/.test(root)) return `${prefix.slice(0, 2)}${root}`
  if (prefix === 'ber' && root === 'ajar') return 'belajar'
  return `${prefix}${root}`
}

/** The affixed forms of one root that wire copy commonly uses. */
export function affixedForms(root: string): string[] {
  const i = root.endsWith('i') ? '' : 'i'
  return [
    root,
    nasal('me', root),
    `${nasal('me', root)}kan`,
    `${nasal('me', root)}${i}`,
    `di${root}`,
    `di${root}kan`,
    `di${root}${i}`,
    liquid('ber', root),
    `${liquid('ber', root)}an`,
    liquid('ter', root),
    nasal('pe', root),
    `${nasal('pe', root)}an`,
    `per${root}an`.replace(/^perr/, 'per'),
    `ke${root}an`,
    `${root}an`,
    `${root}nya`,
    `memper${root}kan`,
    `diper${root}kan`,
    `${nasal('me', root)}nya`,
    `se${root}`,
  ]
}

/** Sentence glue and names that keep the generated text from being all content words. */
export const functionWords = [
  'yang', 'dan', 'di', 'ke', 'dari', 'pada', 'untuk', 'dengan', 'dalam', 'akan', 'tidak', 'ini', 'itu', 'juga', 'oleh',
  'sebagai', 'bahwa', 'telah', 'sudah', 'masih', 'karena', 'namun', 'tersebut', 'antara', 'secara', 'para', 'kata',
  'menurut', 'sejak', 'hingga', 'lebih', 'bagi', 'atau', 'jika', 'serta',
] as const

export const places = [
  'Jakarta', 'Surabaya', 'Bandung', 'Medan', 'Makassar', 'Denpasar', 'Yogyakarta', 'Semarang', 'Palembang', 'Jayapura',
  'Seoul', 'Pyongyang', 'Tokyo', 'Beijing', 'Moskow', 'Kyiv', 'Washington', 'London', 'Kairo', 'Kuala Lumpur',
  'Singapura', 'Bangkok', 'Manila', 'Canberra', 'Jenewa', 'Brussel', 'New York', 'Gaza', 'Teheran', 'New Delhi',
] as const

export const agencies = ['ANTARA', 'Antara', 'AFP', 'Reuters', 'Xinhua', 'Yonhap', 'Kyodo', 'AP', 'Bernama', 'ANTARA News'] as const

export const names = [
  'Prabowo Subianto', 'Joko Widodo', 'Kim Jong-un', 'Vladimir Putin', 'Yoon Suk Yeol', 'Xi Jinping', 'Anwar Ibrahim',
  'Retno Marsudi', 'Sri Mulyani', 'Gibran Rakabuming', 'Antonio Guterres', 'Sergei Shoigu',
] as const

/** A little English, as Indonesian copy quotes it and English dispatches carry it. */
export const englishWords = [
  'election', 'elections', 'elected', 'government', 'governments', 'ministers', 'minister', 'talks', 'talking', 'weapons',
  'weapon', 'security', 'meeting', 'meetings', 'cooperation', 'military', 'agreement', 'agreed', 'president', 'summit',
  'sanctions', 'economy', 'economic', 'trade', 'trading', 'reported', 'reports', 'officials', 'official', 'said',
] as const
