/**
 * Name parts and places for demo workers: given names common across Sumatra and Java, second and
 * family-style names, and birthplaces typical for Jambi. Fictitious combinations, not real people.
 */
const words = (text: string): readonly string[] => text.split(' ');

export const MALE_GIVEN_NAMES: readonly string[] = words(
  'Ahmad Rahmat Budi Agus Hendra Yusuf Dedi Rudi Joko Slamet Muhammad Abdul Andi Bambang ' +
    'Darmawan Eko Fauzi Firman Hasan Heri Ilham Irwan Iwan Jamal Khairul Lukman Mulyadi ' +
    'Nasrul Rizal Rizki Roni Sofyan Suparman Syahrul Taufik Wahyu Yanto Zainal Zulkifli Arif ' +
    'Dodi Edi Hamdan Junaidi Syamsul Anwar',
);

export const FEMALE_GIVEN_NAMES: readonly string[] = words(
  'Siti Nur Sri Dewi Rina Aisyah Fitri Wati Yuliana Hasanah Ani Ayu Desi Eka Elis Erna Evi ' +
    'Fatimah Hartini Indah Intan Juariah Kartini Lina Mariani Mega Nani Novi Nurul Puspita ' +
    'Ratna Rohani Rosmawati Salmah Sari Suryani Tuti Umi Wulan Yanti Zubaidah Halimah ' +
    'Khadijah Maimunah Nurhayati Ernawati',
);

export const MALE_SECOND_NAMES: readonly string[] = words(
  'Saputra Hidayat Kurniawan Pratama Setiawan Effendi Nugroho Santoso Wijaya Siregar ' +
    'Nasution Harahap Lubis Syahputra Firmansyah Hakim Ramadhan Gunawan Hermawan Irawan ' +
    'Kusuma Maulana Munandar Prasetyo Purnomo Rahman Rosyid Sanjaya Saleh Sulaiman Susanto ' +
    'Syafei Utomo Wibowo Yulianto Zakaria Hamzah Ismail Arifin Fadillah',
);

export const FEMALE_SECOND_NAMES: readonly string[] = words(
  'Lestari Wahyuni Rahmawati Susanti Handayani Kurniasih Purnamasari Safitri Sulastri ' +
    'Astuti Anggraini Damayanti Fitriani Hayati Herawati Indriani Juwita Komalasari Maharani ' +
    'Marlina Mulyani Novita Oktaviani Permatasari Puspitasari Rahayu Ramadhani Riyanti ' +
    'Rosdiana Sartika Setiawati Sumarni Suharti Utami Widyastuti Yuliani Zahara Aminah ' +
    'Zulaikha Nuraini',
);

/** Birthplaces with weights: most people in a Bungo village were born nearby. */
export const BIRTHPLACES: readonly (readonly [string, number])[] = [
  ['Muara Bungo', 30],
  ['Bungo', 12],
  ['Jambi', 8],
  ['Tebo', 6],
  ['Muara Tebo', 5],
  ['Bangko', 5],
  ['Rantau Pandan', 4],
  ['Tanah Tumbuh', 4],
  ['Sarolangun', 3],
  ['Kerinci', 3],
  ['Sungai Penuh', 2],
  ['Muara Bulian', 2],
  ['Kuala Tungkal', 1],
  ['Padang', 4],
  ['Bukittinggi', 2],
  ['Dharmasraya', 2],
  ['Palembang', 2],
  ['Pekanbaru', 1],
  ['Medan', 1],
  ['Jakarta', 1],
  ['Yogyakarta', 1],
  ['Semarang', 1],
  ['Surabaya', 1],
];

export const DUSUN_NAMES: readonly string[] = words(
  'Dusun Baru Dusun Tengah Dusun Ilir Dusun Ulu Dusun Lamo Dusun Pasar Dusun Sungai Arang ' +
    'Dusun Koto Dusun Seberang Dusun Talang',
);

export const STREETS: readonly string[] = [
  'Jl. Lintas Bungo–Tebo',
  'Jl. Lintas Sumatera',
  'Jl. Poros Desa',
  'Jl. Masjid',
  'Jl. Pasar',
  'Jl. Batang Bungo',
  'Jl. Kebun Karet',
  'Jl. Kebun Sawit',
  'Jl. Sekolah',
  'Lorong Damai',
  'Lorong Mekar',
  'Jl. Talang Pantai',
];

/** Given names that are not used alone: "Muhammad", "Siti" are followed by another name. */
export const NOT_ALONE: ReadonlySet<string> = new Set(
  words('Muhammad Abdul Nur Nurul Sri Siti Umi Eka'),
);
