import type { CompetencyType, Education, Grade, PositionKind, TrainingForm, TrainingType, UnitType } from '../../domain/enums';

/*
 * Static reference data for the Kota Medan demo: organisation, competency
 * dictionary, functional roles, training catalogue. Kept apart from the
 * generator so the data can be read and corrected without wading through
 * the sampling logic. Names are realistic but the records are fictitious.
 */

export interface CompetencyDef {
  code: string;
  name: string;
  type: CompetencyType;
  levels: readonly [string, string, string, string, string];
}

/** The national dictionary (domain.md §1); descriptions are our own wording. */
export const NATIONAL_COMPETENCIES: readonly CompetencyDef[] = [
  { code: 'INT', name: 'Integritas', type: 'MANAGERIAL', levels: [
    'Bertindak jujur dan mematuhi aturan dalam tugas sehari-hari.',
    'Mengingatkan rekan kerja agar bertindak sesuai kode etik ASN.',
    'Menjaga konsistensi ucapan dan tindakan meski menghadapi tekanan.',
    'Membangun budaya kerja berintegritas di unit yang dipimpinnya.',
    'Menjadi teladan integritas dan menegakkan etika di tingkat instansi.',
  ] },
  { code: 'KS', name: 'Kerja Sama', type: 'MANAGERIAL', levels: [
    'Berpartisipasi aktif sebagai anggota tim.',
    'Menghargai masukan dan berbagi informasi dengan anggota tim.',
    'Membangun sinergi antarbagian untuk tujuan bersama.',
    'Membangun jejaring kerja lintas unit dan instansi.',
    'Menciptakan budaya kolaborasi strategis lintas sektor.',
  ] },
  { code: 'KOM', name: 'Komunikasi', type: 'MANAGERIAL', levels: [
    'Menyampaikan informasi dengan jelas dan sopan.',
    'Mendengarkan secara aktif dan menyesuaikan pesan dengan lawan bicara.',
    'Menyampaikan gagasan secara runtut dan meyakinkan di forum resmi.',
    'Mengelola komunikasi yang sensitif dan membangun kesepahaman antarpihak.',
    'Menjadi juru bicara instansi untuk isu strategis yang kompleks.',
  ] },
  { code: 'OPH', name: 'Orientasi pada Hasil', type: 'MANAGERIAL', levels: [
    'Menyelesaikan tugas sesuai standar dan tenggat waktu.',
    'Menetapkan target kerja sendiri dan memantau kemajuannya.',
    'Mencari cara kerja yang lebih efisien untuk mencapai hasil.',
    'Menetapkan target unit yang menantang dan mengawal pencapaiannya.',
    'Mendorong kinerja instansi melalui terobosan yang berdampak luas.',
  ] },
  { code: 'PP', name: 'Pelayanan Publik', type: 'MANAGERIAL', levels: [
    'Melayani masyarakat dengan ramah sesuai prosedur.',
    'Menanggapi keluhan dan kebutuhan masyarakat dengan cepat.',
    'Memperbaiki proses layanan berdasarkan umpan balik pengguna.',
    'Merancang standar layanan yang berorientasi pada kepuasan masyarakat.',
    'Menciptakan inovasi layanan publik berskala kota.',
  ] },
  { code: 'PDO', name: 'Pengembangan Diri dan Orang Lain', type: 'MANAGERIAL', levels: [
    'Mengikuti pengembangan diri yang ditugaskan.',
    'Merencanakan pengembangan diri secara mandiri dan berbagi ilmu.',
    'Membimbing rekan kerja dan memberi umpan balik yang membangun.',
    'Menyusun program pengembangan pegawai di unitnya.',
    'Membangun sistem pembelajaran organisasi di tingkat instansi.',
  ] },
  { code: 'MP', name: 'Mengelola Perubahan', type: 'MANAGERIAL', levels: [
    'Menerima perubahan dan mengikuti cara kerja baru.',
    'Menyesuaikan diri dengan cepat terhadap perubahan kebijakan.',
    'Membantu rekan kerja memahami dan menjalankan perubahan.',
    'Memimpin pelaksanaan perubahan di unit kerja.',
    'Merancang dan mengarahkan transformasi organisasi.',
  ] },
  { code: 'PK', name: 'Pengambilan Keputusan', type: 'MANAGERIAL', levels: [
    'Mengambil keputusan rutin sesuai prosedur yang berlaku.',
    'Menimbang beberapa alternatif sebelum memutuskan masalah operasional.',
    'Menganalisis data dan risiko untuk keputusan yang berdampak pada unit.',
    'Mengambil keputusan sulit dengan mempertimbangkan banyak pihak.',
    'Menetapkan keputusan strategis dalam situasi yang tidak pasti.',
  ] },
  { code: 'PB', name: 'Perekat Bangsa', type: 'SOCIOCULTURAL', levels: [
    'Menghargai perbedaan suku, agama dan budaya di lingkungan kerja.',
    'Bersikap adil dan inklusif kepada masyarakat yang beragam.',
    'Menjembatani perbedaan pandangan dalam tim yang majemuk.',
    'Mengelola potensi konflik sosial di wilayah kerjanya.',
    'Memperkuat persatuan dan kerukunan melalui kebijakan instansi.',
  ] },
];

export const NATIONAL_CODES = NATIONAL_COMPETENCIES.map((c) => c.code);

/** Technical competencies: [code, name]. Level descriptions follow one pattern (technicalLevels). */
export const TECHNICAL_COMPETENCIES: readonly (readonly [string, string])[] = [
  // Health
  ['ASKEP', 'Asuhan Keperawatan'],
  ['ASKEB', 'Asuhan Kebidanan'],
  ['YANFAR', 'Pelayanan Kefarmasian'],
  ['YANMED', 'Pelayanan Medis Klinis'],
  ['KESPAS', 'Keselamatan Pasien'],
  ['LABKES', 'Pemeriksaan Laboratorium Klinik'],
  ['PROMKES', 'Promosi Kesehatan Masyarakat'],
  ['SURVEIL', 'Surveilans dan Pengendalian Penyakit'],
  // Education
  ['RENPEM', 'Perencanaan Pembelajaran'],
  ['PELPEM', 'Pelaksanaan Pembelajaran'],
  ['ASESPEM', 'Asesmen Pembelajaran'],
  ['MANKELAS', 'Manajemen Kelas'],
  ['TEKPEM', 'Pemanfaatan Teknologi Pembelajaran'],
  ['KURMER', 'Implementasi Kurikulum Merdeka'],
  // Public services and government administration
  ['ADMINDUK', 'Administrasi Kependudukan'],
  ['PERIZINAN', 'Pelayanan Perizinan Berusaha'],
  ['KEUDA', 'Pengelolaan Keuangan Daerah'],
  ['PBJ', 'Pengadaan Barang/Jasa Pemerintah'],
  ['RENBANG', 'Perencanaan Pembangunan Daerah'],
  ['MANASN', 'Manajemen ASN'],
  ['ARSIP', 'Pengelolaan Kearsipan'],
  ['PAJAKDA', 'Pemungutan Pajak Daerah'],
  ['TRANTIB', 'Ketenteraman dan Ketertiban Umum'],
  ['KEBENCANAAN', 'Penanggulangan Bencana'],
  ['LALIN', 'Manajemen Lalu Lintas'],
  ['AUDIT', 'Audit dan Pengawasan Intern'],
  ['SPBE', 'Tata Kelola Sistem Pemerintahan Berbasis Elektronik'],
  ['LINGKUNGAN', 'Pengelolaan Lingkungan Hidup'],
  ['INFRA', 'Perencanaan Teknis Infrastruktur'],
  ['KESOS', 'Penyelenggaraan Kesejahteraan Sosial'],
  ['LEGDRAF', 'Penyusunan Produk Hukum Daerah'],
  ['PEMMAS', 'Pemberdayaan Masyarakat'],
];

export function technicalLevels(name: string): CompetencyDef['levels'] {
  const n = name.toLowerCase();
  return [
    `Memahami konsep dan ketentuan dasar ${n}.`,
    `Melaksanakan ${n} pada kasus rutin dengan bimbingan.`,
    `Melaksanakan ${n} secara mandiri pada kasus yang beragam.`,
    `Menganalisis dan memperbaiki praktik ${n} di unit kerja.`,
    `Menjadi rujukan dan merumuskan kebijakan ${n}.`,
  ];
}

/** Sub-units of an agency: [codeSuffix, name, seksi: [codeSuffix, name][]]. */
export type BidangDef = readonly [string, string, readonly (readonly [string, string])[]];

export interface AgencyDef {
  code: string;
  name: string;
  type: UnitType;
  /** Technical competencies its structural and staff positions require. */
  technical: readonly string[];
  bidang: readonly BidangDef[];
  /** Functional roles placed at agency level, with relative quota weight. */
  functional?: readonly (readonly [RoleKey, number])[];
  /** UPTs: [codeSuffix, name]. */
  upt?: readonly (readonly [string, string])[];
  /** Title of the head; defaults by type. */
  head?: string;
  /** Staff weight: how many pelaksana this agency has relative to others. */
  staff?: number;
  sector?: 'HEALTH' | 'EDUCATION';
}

const SEKRETARIAT_SUBBAG: BidangDef = ['SEKRE', 'Sekretariat', [
  ['UMPEG', 'Subbagian Umum dan Kepegawaian'], ['KEU', 'Subbagian Keuangan dan Aset'], ['PRO', 'Subbagian Perencanaan dan Pelaporan'],
]];
export { SEKRETARIAT_SUBBAG };

/*
 * The Inspektorat has no unit type of its own in the enumeration; it is an
 * agency on a par with a dinas, so it is typed DINAS.
 */
export const AGENCIES: readonly AgencyDef[] = [
  { code: 'SETDA', name: 'Sekretariat Daerah Kota Medan', type: 'SEKRETARIAT', head: 'Sekretaris Daerah Kota Medan', technical: ['LEGDRAF', 'RENBANG'], staff: 3,
    functional: [['ANALIS_KEBIJAKAN_AM', 3], ['PENGELOLA_PBJ_AP', 4]],
    bidang: [
      ['TAPEM', 'Bagian Tata Pemerintahan', [['OTDA', 'Subbagian Otonomi Daerah'], ['KEWIL', 'Subbagian Administrasi Kewilayahan']]],
      ['HUKUM', 'Bagian Hukum', [['PUU', 'Subbagian Perundang-undangan'], ['BANKUM', 'Subbagian Bantuan Hukum']]],
      ['ORG', 'Bagian Organisasi', [['KELEM', 'Subbagian Kelembagaan dan Analisis Jabatan'], ['RB', 'Subbagian Reformasi Birokrasi']]],
      ['PBJ', 'Bagian Pengadaan Barang dan Jasa', [['LPSE', 'Subbagian Pengelolaan LPSE'], ['PEMBINAAN', 'Subbagian Pembinaan dan Advokasi PBJ']]],
      ['EKON', 'Bagian Perekonomian', [['BUMD', 'Subbagian BUMD dan BLUD'], ['SDA', 'Subbagian Perekonomian dan SDA']]],
      ['PROKOPIM', 'Bagian Protokol dan Komunikasi Pimpinan', [['PROTOKOL', 'Subbagian Protokol'], ['DOKPIM', 'Subbagian Dokumentasi Pimpinan']]],
      ['UMUM', 'Bagian Umum', [['TU', 'Subbagian Tata Usaha'], ['RT', 'Subbagian Rumah Tangga']]],
    ] },
  { code: 'SETWAN', name: 'Sekretariat DPRD Kota Medan', type: 'SEKRETARIAT', head: 'Sekretaris DPRD Kota Medan', technical: ['LEGDRAF', 'KEUDA'], staff: 2,
    bidang: [
      ['PERSIDANGAN', 'Bagian Persidangan dan Perundang-undangan', [['RAPAT', 'Subbagian Rapat dan Risalah'], ['PUU', 'Subbagian Perundang-undangan']]],
      ['UMUM', 'Bagian Umum dan Keuangan', [['KEU', 'Subbagian Keuangan'], ['RT', 'Subbagian Rumah Tangga']]],
    ] },
  { code: 'INSPEKTORAT', name: 'Inspektorat Kota Medan', type: 'DINAS', head: 'Inspektur Kota Medan', technical: ['AUDIT', 'KEUDA'], staff: 1,
    functional: [['AUDITOR_AP', 5], ['AUDITOR_AM', 4], ['AUDITOR_AMA', 2], ['P2UPD_AM', 2]],
    bidang: [
      ['IRBAN1', 'Inspektur Pembantu Wilayah I', []], ['IRBAN2', 'Inspektur Pembantu Wilayah II', []],
      ['IRBAN3', 'Inspektur Pembantu Wilayah III', []], ['IRBAN4', 'Inspektur Pembantu Wilayah IV', []],
    ] },
  { code: 'DISDIKBUD', name: 'Dinas Pendidikan dan Kebudayaan', type: 'DINAS', technical: ['KURMER', 'ASESPEM', 'RENBANG'], staff: 3, sector: 'EDUCATION',
    bidang: [
      ['SD', 'Bidang Pembinaan Sekolah Dasar', [['KURSD', 'Seksi Kurikulum dan Penilaian SD'], ['PDSD', 'Seksi Peserta Didik dan Pembangunan Karakter SD']]],
      ['SMP', 'Bidang Pembinaan Sekolah Menengah Pertama', [['KURSMP', 'Seksi Kurikulum dan Penilaian SMP'], ['PDSMP', 'Seksi Peserta Didik dan Pembangunan Karakter SMP']]],
      ['GTK', 'Bidang Guru dan Tenaga Kependidikan', [['PENDIDIK', 'Seksi Pendidik'], ['TENDIK', 'Seksi Tenaga Kependidikan']]],
      ['BUD', 'Bidang Kebudayaan', [['CAGAR', 'Seksi Cagar Budaya dan Permuseuman'], ['SENI', 'Seksi Kesenian dan Tradisi']]],
    ] },
  { code: 'DINKES', name: 'Dinas Kesehatan', type: 'DINAS', technical: ['PROMKES', 'SURVEIL', 'KESPAS'], staff: 2, sector: 'HEALTH',
    functional: [['PROMKES_AP', 3], ['APOTEKER_AP', 1]],
    upt: [['LABKESDA', 'UPT Laboratorium Kesehatan Daerah']],
    bidang: [
      ['KESMAS', 'Bidang Kesehatan Masyarakat', [['KESGA', 'Seksi Kesehatan Keluarga dan Gizi'], ['PROMKES', 'Seksi Promosi dan Pemberdayaan Masyarakat']]],
      ['P2P', 'Bidang Pencegahan dan Pengendalian Penyakit', [['SURIM', 'Seksi Surveilans dan Imunisasi'], ['P2PM', 'Seksi Pencegahan Penyakit Menular']]],
      ['YANKES', 'Bidang Pelayanan Kesehatan', [['PRIMER', 'Seksi Pelayanan Kesehatan Primer'], ['RUJUKAN', 'Seksi Pelayanan Kesehatan Rujukan']]],
      ['SDK', 'Bidang Sumber Daya Kesehatan', [['FARMALKES', 'Seksi Kefarmasian dan Alat Kesehatan'], ['SDMK', 'Seksi Sumber Daya Manusia Kesehatan']]],
    ] },
  { code: 'DISDUKCAPIL', name: 'Dinas Kependudukan dan Pencatatan Sipil', type: 'DINAS', technical: ['ADMINDUK', 'SPBE'], staff: 3,
    bidang: [
      ['DAFDUK', 'Bidang Pelayanan Pendaftaran Penduduk', [['IDENTITAS', 'Seksi Identitas Penduduk'], ['PINDATANG', 'Seksi Pindah Datang Penduduk']]],
      ['CAPIL', 'Bidang Pelayanan Pencatatan Sipil', [['LAHIRMATI', 'Seksi Kelahiran dan Kematian'], ['KAWIN', 'Seksi Perkawinan dan Perceraian']]],
      ['PIAK', 'Bidang Pengelolaan Informasi Administrasi Kependudukan', [['SIAK', 'Seksi Sistem Informasi Administrasi Kependudukan'], ['DATA', 'Seksi Pengolahan dan Penyajian Data']]],
    ] },
  { code: 'DINSOS', name: 'Dinas Sosial', type: 'DINAS', technical: ['KESOS', 'PEMMAS'], staff: 2,
    bidang: [
      ['REHSOS', 'Bidang Rehabilitasi Sosial', [['ANAKLANSIA', 'Seksi Rehabilitasi Anak dan Lanjut Usia'], ['DISABILITAS', 'Seksi Rehabilitasi Penyandang Disabilitas']]],
      ['LINJAMSOS', 'Bidang Perlindungan dan Jaminan Sosial', [['KORBAN', 'Seksi Perlindungan Korban Bencana Sosial'], ['JAMSOS', 'Seksi Jaminan Sosial Keluarga']]],
      ['DAYASOS', 'Bidang Pemberdayaan Sosial dan Penanganan Fakir Miskin', [['DAYA', 'Seksi Pemberdayaan Sosial'], ['FAKIR', 'Seksi Penanganan Fakir Miskin']]],
    ] },
  { code: 'DISHUB', name: 'Dinas Perhubungan', type: 'DINAS', technical: ['LALIN', 'PERIZINAN'], staff: 3,
    upt: [['PKB', 'UPT Pengujian Kendaraan Bermotor'], ['PARKIR', 'UPT Perparkiran']],
    bidang: [
      ['LALIN', 'Bidang Lalu Lintas', [['MRLL', 'Seksi Manajemen dan Rekayasa Lalu Lintas'], ['DALOPS', 'Seksi Pengendalian dan Operasional']]],
      ['ANGKUTAN', 'Bidang Angkutan', [['ORANG', 'Seksi Angkutan Orang'], ['BARANG', 'Seksi Angkutan Barang']]],
      ['PRASARANA', 'Bidang Prasarana', [['TERMINAL', 'Seksi Terminal'], ['PERLENGKAPAN', 'Seksi Perlengkapan Jalan']]],
    ] },
  { code: 'DPU', name: 'Dinas Pekerjaan Umum', type: 'DINAS', technical: ['INFRA', 'PBJ'], staff: 2,
    bidang: [
      ['BM', 'Bidang Bina Marga', [['JALAN', 'Seksi Pembangunan Jalan dan Jembatan'], ['PELIHARA', 'Seksi Pemeliharaan Jalan dan Jembatan']]],
      ['SDA', 'Bidang Sumber Daya Air', [['DRAINASE', 'Seksi Drainase'], ['BANJIR', 'Seksi Pengendalian Banjir']]],
      ['BINKON', 'Bidang Bina Konstruksi', [['JASKON', 'Seksi Pembinaan Jasa Konstruksi'], ['WASKON', 'Seksi Pengawasan Konstruksi']]],
    ] },
  { code: 'DLH', name: 'Dinas Lingkungan Hidup', type: 'DINAS', technical: ['LINGKUNGAN', 'PERIZINAN'], staff: 2,
    bidang: [
      ['TALING', 'Bidang Tata Lingkungan', [['KAJIAN', 'Seksi Kajian Dampak Lingkungan'], ['RENLING', 'Seksi Perencanaan Lingkungan']]],
      ['PPKL', 'Bidang Pengendalian Pencemaran dan Kerusakan Lingkungan', [['PANTAU', 'Seksi Pemantauan Kualitas Air dan Udara'], ['B3', 'Seksi Pengelolaan Limbah B3']]],
    ] },
  { code: 'DKP', name: 'Dinas Kebersihan dan Pertamanan', type: 'DINAS', technical: ['LINGKUNGAN', 'PEMMAS'], staff: 4,
    bidang: [
      ['KEBERSIHAN', 'Bidang Kebersihan', [['ANGKUT', 'Seksi Pengangkutan Sampah'], ['TPA', 'Seksi Pengelolaan TPA']]],
      ['TAMAN', 'Bidang Pertamanan dan Penerangan Jalan', [['TAMAN', 'Seksi Pertamanan'], ['PJU', 'Seksi Penerangan Jalan Umum']]],
    ] },
  { code: 'DPMPTSP', name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', type: 'DINAS', technical: ['PERIZINAN', 'SPBE'], staff: 2,
    bidang: [
      ['YANIZIN', 'Bidang Pelayanan Perizinan', [['BERUSAHA', 'Seksi Perizinan Berusaha'], ['NONBERUSAHA', 'Seksi Perizinan Non Berusaha']]],
      ['PM', 'Bidang Penanaman Modal', [['PROMOSI', 'Seksi Promosi Penanaman Modal'], ['DALPM', 'Seksi Pengendalian Pelaksanaan Penanaman Modal']]],
      ['PENGADUAN', 'Bidang Pengaduan, Data dan Sistem Informasi', [['ADUAN', 'Seksi Pengaduan dan Layanan Informasi'], ['SISINFO', 'Seksi Data dan Sistem Informasi']]],
    ] },
  { code: 'DISKOMINFO', name: 'Dinas Komunikasi dan Informatika', type: 'DINAS', technical: ['SPBE', 'ARSIP'], staff: 2,
    functional: [['PRAKOM_AP', 4]],
    bidang: [
      ['IKP', 'Bidang Informasi dan Komunikasi Publik', [['INFOPUB', 'Seksi Pengelolaan Informasi Publik'], ['MEDIA', 'Seksi Kemitraan Media']]],
      ['APTIKA', 'Bidang Aplikasi Informatika', [['APLIKASI', 'Seksi Pengembangan Aplikasi'], ['SPBE', 'Seksi Tata Kelola SPBE']]],
      ['SANDI', 'Bidang Persandian dan Statistik', [['PERSANDIAN', 'Seksi Persandian'], ['STATISTIK', 'Seksi Statistik Sektoral']]],
    ] },
  { code: 'SATPOLPP', name: 'Satuan Polisi Pamong Praja', type: 'DINAS', head: 'Kepala Satuan Polisi Pamong Praja', technical: ['TRANTIB', 'LEGDRAF'], staff: 2,
    functional: [['POLPP_TER', 30]],
    bidang: [
      ['GAKDA', 'Bidang Penegakan Peraturan Daerah', [['PENYIDIKAN', 'Seksi Penyelidikan dan Penyidikan'], ['BINWAS', 'Seksi Pembinaan dan Pengawasan']]],
      ['TIBUM', 'Bidang Ketertiban Umum dan Ketenteraman Masyarakat', [['OPSDAL', 'Seksi Operasi dan Pengendalian'], ['KERJASAMA', 'Seksi Kerja Sama']]],
      ['LINMAS', 'Bidang Perlindungan Masyarakat', [['SATLINMAS', 'Seksi Satuan Perlindungan Masyarakat'], ['SIAGA', 'Seksi Kesiapsiagaan']]],
    ] },
  { code: 'DAMKAR', name: 'Dinas Pemadam Kebakaran dan Penyelamatan', type: 'DINAS', technical: ['KEBENCANAAN', 'TRANTIB'], staff: 1,
    functional: [['DAMKAR_TER', 20]],
    bidang: [
      ['OPS', 'Bidang Operasi Pemadaman dan Penyelamatan', [['PEMADAMAN', 'Seksi Pemadaman'], ['PENYELAMATAN', 'Seksi Penyelamatan']]],
      ['CEGAH', 'Bidang Pencegahan dan Sarana Prasarana', [['PENCEGAHAN', 'Seksi Pencegahan'], ['SARPRAS', 'Seksi Sarana dan Prasarana']]],
    ] },
  { code: 'DISNAKER', name: 'Dinas Ketenagakerjaan', type: 'DINAS', technical: ['PEMMAS', 'PERIZINAN'], staff: 1,
    bidang: [
      ['PENTA', 'Bidang Pelatihan dan Penempatan Tenaga Kerja', [['PELATIHAN', 'Seksi Pelatihan dan Produktivitas'], ['PENEMPATAN', 'Seksi Penempatan Tenaga Kerja']]],
      ['HI', 'Bidang Hubungan Industrial', [['SYARAT', 'Seksi Persyaratan Kerja'], ['PERSELISIHAN', 'Seksi Penyelesaian Perselisihan']]],
    ] },
  { code: 'DISPORA', name: 'Dinas Pemuda dan Olahraga', type: 'DINAS', technical: ['PEMMAS', 'RENBANG'], staff: 1,
    bidang: [
      ['PEMUDA', 'Bidang Kepemudaan', [['KEPEMUDAAN', 'Seksi Pemberdayaan Pemuda'], ['KEPELOPORAN', 'Seksi Kepeloporan Pemuda']]],
      ['OR', 'Bidang Keolahragaan', [['PRESTASI', 'Seksi Olahraga Prestasi'], ['REKREASI', 'Seksi Olahraga Rekreasi']]],
    ] },
  { code: 'DISPAR', name: 'Dinas Pariwisata', type: 'DINAS', technical: ['PEMMAS', 'PERIZINAN'], staff: 1,
    bidang: [
      ['DESTINASI', 'Bidang Destinasi Pariwisata', [['ATRAKSI', 'Seksi Atraksi Wisata'], ['INDUSTRI', 'Seksi Industri Pariwisata']]],
      ['PEMASARAN', 'Bidang Pemasaran Pariwisata', [['PROMOSI', 'Seksi Promosi'], ['EKRAF', 'Seksi Ekonomi Kreatif']]],
    ] },
  { code: 'DKPP', name: 'Dinas Ketahanan Pangan dan Pertanian', type: 'DINAS', technical: ['PEMMAS', 'LINGKUNGAN'], staff: 1,
    bidang: [
      ['PANGAN', 'Bidang Ketahanan Pangan', [['KETERSEDIAAN', 'Seksi Ketersediaan dan Distribusi Pangan'], ['KEAMANAN', 'Seksi Keamanan Pangan']]],
      ['TANI', 'Bidang Pertanian dan Peternakan', [['HORTI', 'Seksi Tanaman Pangan dan Hortikultura'], ['KESWAN', 'Seksi Kesehatan Hewan']]],
    ] },
  { code: 'DISKOPUKMPERINDAG', name: 'Dinas Koperasi, Usaha Kecil dan Menengah, Perindustrian dan Perdagangan', type: 'DINAS',
    technical: ['PEMMAS', 'PERIZINAN'], staff: 2,
    bidang: [
      ['KOPERASI', 'Bidang Koperasi', [['KELEMBAGAAN', 'Seksi Kelembagaan Koperasi'], ['PENGAWASAN', 'Seksi Pengawasan Koperasi']]],
      ['UKM', 'Bidang Usaha Kecil dan Menengah', [['PEMBERDAYAAN', 'Seksi Pemberdayaan UKM'], ['PEMASARAN', 'Seksi Pemasaran UKM']]],
      ['DAG', 'Bidang Perdagangan', [['PASAR', 'Seksi Sarana Distribusi dan Pasar'], ['METRO', 'Seksi Metrologi Legal']]],
    ] },
  { code: 'DP3APMP2KB', name: 'Dinas Pemberdayaan Perempuan dan Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana', type: 'DINAS',
    technical: ['KESOS', 'PEMMAS'], staff: 1,
    bidang: [
      ['PPA', 'Bidang Perlindungan Perempuan dan Anak', [['PEREMPUAN', 'Seksi Perlindungan Perempuan'], ['ANAK', 'Seksi Perlindungan Khusus Anak']]],
      ['KB', 'Bidang Pengendalian Penduduk dan Keluarga Berencana', [['DALDUK', 'Seksi Pengendalian Penduduk'], ['KBKS', 'Seksi Keluarga Berencana dan Ketahanan Keluarga']]],
    ] },
  { code: 'DPKPCKTR', name: 'Dinas Perumahan, Kawasan Permukiman, Cipta Karya dan Tata Ruang', type: 'DINAS', technical: ['INFRA', 'PERIZINAN'], staff: 2,
    bidang: [
      ['PERKIM', 'Bidang Perumahan dan Kawasan Permukiman', [['RUMAH', 'Seksi Perumahan'], ['KUMUH', 'Seksi Penanganan Kawasan Kumuh']]],
      ['CKTR', 'Bidang Cipta Karya dan Tata Ruang', [['BANGUNAN', 'Seksi Penataan Bangunan Gedung'], ['TARU', 'Seksi Perencanaan dan Pemanfaatan Ruang']]],
    ] },
  { code: 'DISPUSARSIP', name: 'Dinas Perpustakaan dan Kearsipan', type: 'DINAS', technical: ['ARSIP', 'SPBE'], staff: 1,
    functional: [['ARSIPARIS_AP', 3], ['PUSTAKAWAN_TER', 3]],
    bidang: [
      ['PUSTAKA', 'Bidang Perpustakaan', [['LAYANAN', 'Seksi Layanan Perpustakaan'], ['KOLEKSI', 'Seksi Pengembangan Koleksi']]],
      ['ARSIP', 'Bidang Kearsipan', [['PENGELOLAAN', 'Seksi Pengelolaan Arsip'], ['PEMBINAAN', 'Seksi Pembinaan Kearsipan']]],
    ] },
  { code: 'BKPSDM', name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kota Medan', type: 'BADAN', technical: ['MANASN', 'SPBE'], staff: 2,
    functional: [['ANALIS_SDM_AP', 4], ['ANALIS_SDM_AM', 2], ['ASESOR_SDM_AM', 2]],
    bidang: [
      ['PPI', 'Bidang Pengadaan, Pemberhentian dan Informasi', [['PENGADAAN', 'Subbidang Pengadaan dan Pemberhentian'], ['INFORMASI', 'Subbidang Data dan Informasi Kepegawaian']]],
      ['MUTASI', 'Bidang Mutasi dan Promosi', [['MUTASI', 'Subbidang Mutasi'], ['PROMOSI', 'Subbidang Promosi dan Jabatan']]],
      ['BANGKOM', 'Bidang Pengembangan Kompetensi', [['DIKLAT', 'Subbidang Pelatihan Teknis dan Fungsional'], ['TALENTA', 'Subbidang Manajemen Talenta']]],
      ['KINERJA', 'Bidang Penilaian Kinerja dan Penghargaan', [['PENILAIAN', 'Subbidang Penilaian Kinerja'], ['DISIPLIN', 'Subbidang Disiplin dan Penghargaan']]],
    ] },
  { code: 'BAPPEDA', name: 'Badan Perencanaan Pembangunan Daerah', type: 'BADAN', technical: ['RENBANG', 'KEUDA'], staff: 1,
    functional: [['PERENCANA_AP', 4], ['PERENCANA_AM', 3]],
    bidang: [
      ['PPM', 'Bidang Pemerintahan dan Pembangunan Manusia', [['PEMERINTAHAN', 'Subbidang Pemerintahan'], ['SOSBUD', 'Subbidang Sosial Budaya']]],
      ['EKON', 'Bidang Perekonomian dan Sumber Daya Alam', [['EKONOMI', 'Subbidang Ekonomi'], ['SDA', 'Subbidang Sumber Daya Alam']]],
      ['IPW', 'Bidang Infrastruktur dan Pengembangan Wilayah', [['INFRA', 'Subbidang Infrastruktur'], ['WILAYAH', 'Subbidang Pengembangan Wilayah']]],
      ['LITBANG', 'Bidang Penelitian dan Pengembangan', [['INOVASI', 'Subbidang Inovasi Daerah'], ['KAJIAN', 'Subbidang Kajian Kebijakan']]],
    ] },
  { code: 'BPKAD', name: 'Badan Pengelolaan Keuangan dan Aset Daerah', type: 'BADAN', technical: ['KEUDA', 'PBJ'], staff: 3,
    bidang: [
      ['ANGGARAN', 'Bidang Anggaran', [['BELANJA', 'Subbidang Anggaran Belanja'], ['PENDAPATAN', 'Subbidang Anggaran Pendapatan dan Pembiayaan']]],
      ['PERBEND', 'Bidang Perbendaharaan', [['KASDA', 'Subbidang Kas Daerah'], ['SP2D', 'Subbidang Penerbitan SP2D']]],
      ['AKUNTANSI', 'Bidang Akuntansi dan Pelaporan', [['AKUN', 'Subbidang Akuntansi'], ['LAPORAN', 'Subbidang Pelaporan Keuangan']]],
      ['ASET', 'Bidang Pengelolaan Barang Milik Daerah', [['INVENTARIS', 'Subbidang Inventarisasi'], ['PEMANFAATAN', 'Subbidang Pemanfaatan Aset']]],
    ] },
  { code: 'BAPENDA', name: 'Badan Pendapatan Daerah', type: 'BADAN', technical: ['PAJAKDA', 'KEUDA'], staff: 3,
    bidang: [
      ['PENDATAAN', 'Bidang Pendataan dan Penetapan', [['PBB', 'Subbidang Pajak Bumi dan Bangunan'], ['NONPBB', 'Subbidang Pajak Daerah Lainnya']]],
      ['PENAGIHAN', 'Bidang Penagihan dan Keberatan', [['TAGIH', 'Subbidang Penagihan'], ['KEBERATAN', 'Subbidang Keberatan dan Banding']]],
      ['BANGDAL', 'Bidang Pengembangan dan Pengendalian', [['EPAJAK', 'Subbidang Pengembangan Sistem Pajak Elektronik'], ['PENGENDALIAN', 'Subbidang Pengendalian']]],
    ] },
  { code: 'BPBD', name: 'Badan Penanggulangan Bencana Daerah', type: 'BADAN', technical: ['KEBENCANAAN', 'PEMMAS'], staff: 1,
    bidang: [
      ['PK', 'Bidang Pencegahan dan Kesiapsiagaan', [['PENCEGAHAN', 'Seksi Pencegahan'], ['SIAGA', 'Seksi Kesiapsiagaan']]],
      ['KL', 'Bidang Kedaruratan dan Logistik', [['DARURAT', 'Seksi Kedaruratan'], ['LOGISTIK', 'Seksi Logistik']]],
      ['RR', 'Bidang Rehabilitasi dan Rekonstruksi', [['REHAB', 'Seksi Rehabilitasi'], ['REKON', 'Seksi Rekonstruksi']]],
    ] },
];

/** The 21 kecamatan (domain.md §9), each with a few of its kelurahan. */
export const KECAMATAN: readonly (readonly [string, string, readonly string[]])[] = [
  ['AMPLAS', 'Medan Amplas', ['Harjosari I', 'Harjosari II', 'Timbang Deli']],
  ['AREA', 'Medan Area', ['Pasar Merah Timur', 'Sukaramai I', 'Tegal Sari I']],
  ['BARAT', 'Medan Barat', ['Kesawan', 'Glugur Kota', 'Silalas']],
  ['BARU', 'Medan Baru', ['Babura', 'Darat', 'Petisah Hulu']],
  ['BELAWAN', 'Medan Belawan', ['Belawan I', 'Bagan Deli', 'Belawan Bahari']],
  ['DELI', 'Medan Deli', ['Tanjung Mulia', 'Mabar', 'Kota Bangun']],
  ['DENAI', 'Medan Denai', ['Tegal Sari Mandala I', 'Binjai', 'Medan Tenggara']],
  ['HELVETIA', 'Medan Helvetia', ['Helvetia', 'Dwi Kora', 'Tanjung Gusta']],
  ['JOHOR', 'Medan Johor', ['Gedung Johor', 'Kwala Bekala', 'Pangkalan Mansyur']],
  ['KOTA', 'Medan Kota', ['Mesjid', 'Pasar Baru', 'Teladan Barat']],
  ['LABUHAN', 'Medan Labuhan', ['Martubung', 'Besar', 'Nelayan Indah']],
  ['MAIMUN', 'Medan Maimun', ['Aur', 'Hamdan', 'Sukaraja']],
  ['MARELAN', 'Medan Marelan', ['Rengas Pulau', 'Terjun', 'Labuhan Deli']],
  ['PERJUANGAN', 'Medan Perjuangan', ['Sidorame Barat I', 'Pahlawan', 'Tegal Rejo']],
  ['PETISAH', 'Medan Petisah', ['Petisah Tengah', 'Sei Sikambing D', 'Sekip']],
  ['POLONIA', 'Medan Polonia', ['Polonia', 'Anggrung', 'Sari Rejo']],
  ['SELAYANG', 'Medan Selayang', ['Padang Bulan Selayang I', 'Tanjung Sari', 'Asam Kumbang']],
  ['SUNGGAL', 'Medan Sunggal', ['Sunggal', 'Tanjung Rejo', 'Babura Sunggal']],
  ['TEMBUNG', 'Medan Tembung', ['Bantan', 'Indra Kasih', 'Tembung']],
  ['TIMUR', 'Medan Timur', ['Gaharu', 'Glugur Darat I', 'Pulo Brayan Darat I']],
  ['TUNTUNGAN', 'Medan Tuntungan', ['Simpang Selayang', 'Lau Cih', 'Mangga']],
];

export const PUSKESMAS: readonly string[] = [
  'Medan Deli', 'Helvetia', 'Belawan', 'Medan Labuhan', 'Martubung', 'Pekan Labuhan', 'Terjun', 'Medan Johor', 'Kedai Durian',
  'Amplas', 'Medan Area Selatan', 'Sukaramai', 'Kota Matsum', 'Teladan', 'Simalingkar', 'Tuntungan', 'Padang Bulan',
  'PB Selayang II', 'Sunggal', 'Desa Lalang', 'Rantang', 'Glugur Kota', 'Pulo Brayan', 'Glugur Darat', 'Sentosa Baru',
  'Darussalam', 'Petisah', 'Polonia', 'Medan Denai', 'Bandar Selamat', 'Tegal Sari', 'Mandala', 'Sering', 'Kampung Baru',
  'Sei Agul', 'Titi Papan', 'Bestari', 'Medan Tenggara', 'Pasar Merah', 'Medan Marelan', 'Tanjung Mulia',
];

export const RSUD: readonly (readonly [string, string])[] = [
  ['RSUD-PIRNGADI', 'RSUD dr. Pirngadi Kota Medan'],
  ['RSUD-BACHTIAR', 'RSUD H. Bachtiar Djafar'],
];

export const RSUD_BIDANG: readonly BidangDef[] = [
  ['YANMED', 'Bidang Pelayanan Medik', [['RAJAL', 'Seksi Rawat Jalan dan Rawat Inap'], ['MUTU', 'Seksi Mutu Pelayanan Medik']]],
  ['KEPERAWATAN', 'Bidang Keperawatan', [['ASKEP', 'Seksi Asuhan Keperawatan'], ['ETIKA', 'Seksi Etika dan Mutu Keperawatan']]],
  ['PENUNJANG', 'Bidang Penunjang Medik', [['PENUNJANG', 'Seksi Penunjang Medik'], ['SARANA', 'Seksi Sarana dan Prasarana']]],
];

export type TitleKind = 'GURU' | 'NERS' | 'AMD_KEP' | 'AMD_KEB' | 'DOKTER' | 'SPESIALIS' | 'APOTEKER' | 'AMD' | 'GENERAL';

export interface RoleDef {
  name: string;
  kind: PositionKind;
  /** Technical competencies required, at techLevel; national ones at msLevel. */
  technical: readonly string[];
  techLevel: number;
  msLevel: number;
  technicalWeight: number | null;
  minGrade: Grade;
  minEducation: Education;
  maxAge?: number;
  /** Grade band holders are drawn from, lowest to highest (inclusive). */
  grades: readonly [Grade, Grade];
  educations: readonly (readonly [Education, number])[];
  female: number;
  title: TitleKind;
  /** Share of holders hired as PPPK. */
  pppk: number;
  /** Typical years of service of a holder. */
  years: readonly [number, number];
  stakeholder?: 'TEACHER' | 'NURSE';
}

const S1: readonly (readonly [Education, number])[] = [['S1', 9], ['S2', 1]];
const D3: readonly (readonly [Education, number])[] = [['D3', 9], ['S1', 1]];

export const ROLES = {
  GURU_KELAS_AP: { name: 'Guru Kelas Ahli Pertama', kind: 'FUNGSIONAL_KEAHLIAN', technical: ['RENPEM', 'PELPEM', 'ASESPEM', 'MANKELAS'], techLevel: 3, msLevel: 2,
    technicalWeight: 0.6, minGrade: 'III/a', minEducation: 'S1', grades: ['III/a', 'III/b'], educations: [['S1', 19], ['S2', 1]], female: 0.78, title: 'GURU',
    pppk: 0.4, years: [0, 9], stakeholder: 'TEACHER' },
  GURU_KELAS_AM: { name: 'Guru Kelas Ahli Muda', kind: 'FUNGSIONAL_KEAHLIAN', technical: ['RENPEM', 'PELPEM', 'ASESPEM', 'MANKELAS'], techLevel: 3, msLevel: 3,
    technicalWeight: 0.5, minGrade: 'III/c', minEducation: 'S1', grades: ['III/c', 'III/d'], educations: S1, female: 0.75, title: 'GURU',
    pppk: 0, years: [8, 22], stakeholder: 'TEACHER' },
  GURU_MAPEL_AP: { name: 'Guru Mata Pelajaran Ahli Pertama', kind: 'FUNGSIONAL_KEAHLIAN', technical: ['RENPEM', 'PELPEM', 'ASESPEM', 'TEKPEM'], techLevel: 3, msLevel: 2,
    technicalWeight: 0.6, minGrade: 'III/a', minEducation: 'S1', grades: ['III/a', 'III/b'], educations: [['S1', 19], ['S2', 1]], female: 0.65, title: 'GURU',
    pppk: 0.35, years: [0, 9], stakeholder: 'TEACHER' },
  GURU_MAPEL_AM: { name: 'Guru Mata Pelajaran Ahli Muda', kind: 'FUNGSIONAL_KEAHLIAN', technical: ['RENPEM', 'PELPEM', 'ASESPEM', 'TEKPEM'], techLevel: 3, msLevel: 3,
    technicalWeight: 0.5, minGrade: 'III/c', minEducation: 'S1', grades: ['III/c', 'III/d'], educations: S1, female: 0.62, title: 'GURU',
    pppk: 0, years: [8, 22], stakeholder: 'TEACHER' },
  KEPSEK: { name: 'Kepala Sekolah (Guru Ahli Madya)', kind: 'FUNGSIONAL_KEAHLIAN', technical: ['KURMER', 'ASESPEM', 'MANKELAS'], techLevel: 4, msLevel: 3,
    technicalWeight: 0.4, minGrade: 'IV/a', minEducation: 'S1', maxAge: 56, grades: ['IV/a', 'IV/b'], educations: [['S1', 6], ['S2', 4]], female: 0.6, title: 'GURU',
    pppk: 0, years: [16, 30] },
  PERAWAT_AP: { name: 'Perawat Ahli Pertama', kind: 'FUNGSIONAL_KEAHLIAN', technical: ['ASKEP', 'KESPAS'], techLevel: 3, msLevel: 2,
    technicalWeight: 0.6, minGrade: 'III/a', minEducation: 'S1', grades: ['III/a', 'III/b'], educations: [['S1', 1]], female: 0.8, title: 'NERS',
    pppk: 0.3, years: [0, 9], stakeholder: 'NURSE' },
  PERAWAT_AM: { name: 'Perawat Ahli Muda', kind: 'FUNGSIONAL_KEAHLIAN', technical: ['ASKEP', 'KESPAS', 'PROMKES'], techLevel: 3, msLevel: 3,
    technicalWeight: 0.5, minGrade: 'III/c', minEducation: 'S1', grades: ['III/c', 'III/d'], educations: S1, female: 0.8, title: 'NERS',
    pppk: 0, years: [8, 22], stakeholder: 'NURSE' },
  PERAWAT_TER: { name: 'Perawat Terampil', kind: 'FUNGSIONAL_KETERAMPILAN', technical: ['ASKEP', 'KESPAS'], techLevel: 2, msLevel: 2,
    technicalWeight: null, minGrade: 'II/c', minEducation: 'D3', grades: ['II/c', 'III/a'], educations: [['D3', 1]], female: 0.8, title: 'AMD_KEP',
    pppk: 0.3, years: [0, 14], stakeholder: 'NURSE' },
  BIDAN_TER: { name: 'Bidan Terampil', kind: 'FUNGSIONAL_KETERAMPILAN', technical: ['ASKEB', 'KESPAS'], techLevel: 2, msLevel: 2,
    technicalWeight: null, minGrade: 'II/c', minEducation: 'D3', grades: ['II/c', 'III/a'], educations: [['D3', 1]], female: 1, title: 'AMD_KEB',
    pppk: 0.3, years: [0, 14] },
  DOKTER_AP: { name: 'Dokter Ahli Pertama', kind: 'FUNGSIONAL_KEAHLIAN', technical: ['YANMED', 'KESPAS'], techLevel: 3, msLevel: 2,
    technicalWeight: 0.6, minGrade: 'III/b', minEducation: 'S1', grades: ['III/b', 'III/c'], educations: [['S1', 1]], female: 0.6, title: 'DOKTER',
    pppk: 0.1, years: [0, 8] },
  DOKTER_AM: { name: 'Dokter Ahli Muda', kind: 'FUNGSIONAL_KEAHLIAN', technical: ['YANMED', 'KESPAS', 'SURVEIL'], techLevel: 3, msLevel: 3,
    technicalWeight: 0.5, minGrade: 'III/d', minEducation: 'S1', grades: ['III/d', 'IV/a'], educations: [['S1', 8], ['S2', 2]], female: 0.55, title: 'DOKTER',
    pppk: 0, years: [8, 20] },
  DOKTER_SP: { name: 'Dokter Spesialis Ahli Madya', kind: 'FUNGSIONAL_KEAHLIAN', technical: ['YANMED', 'KESPAS'], techLevel: 4, msLevel: 3,
    technicalWeight: 0.4, minGrade: 'IV/a', minEducation: 'S2', grades: ['IV/a', 'IV/c'], educations: [['S2', 1]], female: 0.45, title: 'SPESIALIS',
    pppk: 0, years: [12, 28] },
  APOTEKER_AP: { name: 'Apoteker Ahli Pertama', kind: 'FUNGSIONAL_KEAHLIAN', technical: ['YANFAR', 'KESPAS'], techLevel: 3, msLevel: 2,
    technicalWeight: 0.6, minGrade: 'III/b', minEducation: 'S1', grades: ['III/b', 'III/c'], educations: [['S1', 1]], female: 0.75, title: 'APOTEKER',
    pppk: 0.2, years: [0, 10] },
  PRANATALAB_TER: { name: 'Pranata Laboratorium Kesehatan Terampil', kind: 'FUNGSIONAL_KETERAMPILAN', technical: ['LABKES', 'KESPAS'], techLevel: 2, msLevel: 2,
    technicalWeight: null, minGrade: 'II/c', minEducation: 'D3', grades: ['II/c', 'III/b'], educations: D3, female: 0.7, title: 'AMD',
    pppk: 0.2, years: [0, 16] },
  PROMKES_AP: { name: 'Penyuluh Kesehatan Masyarakat Ahli Pertama', kind: 'FUNGSIONAL_KEAHLIAN', technical: ['PROMKES', 'SURVEIL'], techLevel: 3, msLevel: 2,
    technicalWeight: 0.6, minGrade: 'III/a', minEducation: 'S1', grades: ['III/a', 'III/b'], educations: S1, female: 0.7, title: 'GENERAL',
    pppk: 0.2, years: [0, 10] },
  POLPP_TER: { name: 'Polisi Pamong Praja Terampil', kind: 'FUNGSIONAL_KETERAMPILAN', technical: ['TRANTIB', 'LEGDRAF'], techLevel: 2, msLevel: 1,
    technicalWeight: null, minGrade: 'II/a', minEducation: 'SMA', grades: ['II/a', 'III/a'], educations: [['SMA', 7], ['D3', 2], ['S1', 1]], female: 0.2,
    title: 'GENERAL', pppk: 0, years: [2, 24] },
  DAMKAR_TER: { name: 'Pemadam Kebakaran Terampil', kind: 'FUNGSIONAL_KETERAMPILAN', technical: ['KEBENCANAAN', 'TRANTIB'], techLevel: 2, msLevel: 1,
    technicalWeight: null, minGrade: 'II/a', minEducation: 'SMA', grades: ['II/a', 'III/a'], educations: [['SMA', 8], ['D3', 2]], female: 0.05,
    title: 'GENERAL', pppk: 0, years: [2, 24] },
  AUDITOR_AP: { name: 'Auditor Ahli Pertama', kind: 'FUNGSIONAL_KEAHLIAN', technical: ['AUDIT', 'KEUDA'], techLevel: 3, msLevel: 2,
    technicalWeight: 0.6, minGrade: 'III/a', minEducation: 'S1', grades: ['III/a', 'III/b'], educations: S1, female: 0.5, title: 'GENERAL', pppk: 0, years: [0, 9] },
  AUDITOR_AM: { name: 'Auditor Ahli Muda', kind: 'FUNGSIONAL_KEAHLIAN', technical: ['AUDIT', 'KEUDA', 'PBJ'], techLevel: 3, msLevel: 3,
    technicalWeight: 0.5, minGrade: 'III/c', minEducation: 'S1', grades: ['III/c', 'III/d'], educations: S1, female: 0.5, title: 'GENERAL', pppk: 0, years: [8, 20] },
  AUDITOR_AMA: { name: 'Auditor Ahli Madya', kind: 'FUNGSIONAL_KEAHLIAN', technical: ['AUDIT', 'KEUDA', 'PBJ'], techLevel: 4, msLevel: 3,
    technicalWeight: 0.4, minGrade: 'IV/a', minEducation: 'S1', grades: ['IV/a', 'IV/c'], educations: [['S1', 5], ['S2', 5]], female: 0.45, title: 'GENERAL',
    pppk: 0, years: [15, 30] },
  P2UPD_AM: { name: 'Pengawas Penyelenggaraan Urusan Pemerintahan Daerah Ahli Muda', kind: 'FUNGSIONAL_KEAHLIAN', technical: ['AUDIT', 'LEGDRAF'], techLevel: 3,
    msLevel: 3, technicalWeight: 0.5, minGrade: 'III/c', minEducation: 'S1', grades: ['III/c', 'III/d'], educations: S1, female: 0.45, title: 'GENERAL',
    pppk: 0, years: [8, 20] },
  ANALIS_SDM_AP: { name: 'Analis SDM Aparatur Ahli Pertama', kind: 'FUNGSIONAL_KEAHLIAN', technical: ['MANASN', 'SPBE'], techLevel: 3, msLevel: 2,
    technicalWeight: 0.6, minGrade: 'III/a', minEducation: 'S1', grades: ['III/a', 'III/b'], educations: S1, female: 0.6, title: 'GENERAL', pppk: 0, years: [0, 9] },
  ANALIS_SDM_AM: { name: 'Analis SDM Aparatur Ahli Muda', kind: 'FUNGSIONAL_KEAHLIAN', technical: ['MANASN', 'LEGDRAF'], techLevel: 3, msLevel: 3,
    technicalWeight: 0.5, minGrade: 'III/c', minEducation: 'S1', grades: ['III/c', 'III/d'], educations: S1, female: 0.55, title: 'GENERAL', pppk: 0, years: [8, 20] },
  ASESOR_SDM_AM: { name: 'Asesor SDM Aparatur Ahli Muda', kind: 'FUNGSIONAL_KEAHLIAN', technical: ['MANASN', 'SPBE'], techLevel: 4, msLevel: 3,
    technicalWeight: 0.5, minGrade: 'III/c', minEducation: 'S1', grades: ['III/c', 'IV/a'], educations: [['S1', 5], ['S2', 5]], female: 0.5, title: 'GENERAL',
    pppk: 0, years: [8, 22] },
  PERENCANA_AP: { name: 'Perencana Ahli Pertama', kind: 'FUNGSIONAL_KEAHLIAN', technical: ['RENBANG', 'KEUDA'], techLevel: 3, msLevel: 2,
    technicalWeight: 0.6, minGrade: 'III/a', minEducation: 'S1', grades: ['III/a', 'III/b'], educations: S1, female: 0.5, title: 'GENERAL', pppk: 0, years: [0, 9] },
  PERENCANA_AM: { name: 'Perencana Ahli Muda', kind: 'FUNGSIONAL_KEAHLIAN', technical: ['RENBANG', 'KEUDA', 'SPBE'], techLevel: 3, msLevel: 3,
    technicalWeight: 0.5, minGrade: 'III/c', minEducation: 'S1', grades: ['III/c', 'III/d'], educations: [['S1', 6], ['S2', 4]], female: 0.5, title: 'GENERAL',
    pppk: 0, years: [8, 20] },
  ARSIPARIS_AP: { name: 'Arsiparis Ahli Pertama', kind: 'FUNGSIONAL_KEAHLIAN', technical: ['ARSIP', 'SPBE'], techLevel: 3, msLevel: 2,
    technicalWeight: 0.6, minGrade: 'III/a', minEducation: 'S1', grades: ['III/a', 'III/b'], educations: S1, female: 0.6, title: 'GENERAL', pppk: 0, years: [0, 10] },
  PUSTAKAWAN_TER: { name: 'Pustakawan Terampil', kind: 'FUNGSIONAL_KETERAMPILAN', technical: ['ARSIP', 'SPBE'], techLevel: 2, msLevel: 1,
    technicalWeight: null, minGrade: 'II/c', minEducation: 'D3', grades: ['II/c', 'III/a'], educations: D3, female: 0.7, title: 'AMD', pppk: 0, years: [0, 16] },
  PRAKOM_AP: { name: 'Pranata Komputer Ahli Pertama', kind: 'FUNGSIONAL_KEAHLIAN', technical: ['SPBE', 'ARSIP'], techLevel: 3, msLevel: 2,
    technicalWeight: 0.6, minGrade: 'III/a', minEducation: 'S1', grades: ['III/a', 'III/b'], educations: S1, female: 0.35, title: 'GENERAL', pppk: 0, years: [0, 10] },
  ANALIS_KEBIJAKAN_AM: { name: 'Analis Kebijakan Ahli Muda', kind: 'FUNGSIONAL_KEAHLIAN', technical: ['LEGDRAF', 'RENBANG'], techLevel: 3, msLevel: 3,
    technicalWeight: 0.5, minGrade: 'III/c', minEducation: 'S1', grades: ['III/c', 'III/d'], educations: [['S1', 5], ['S2', 5]], female: 0.5, title: 'GENERAL',
    pppk: 0, years: [8, 20] },
  PENGELOLA_PBJ_AP: { name: 'Pengelola Pengadaan Barang/Jasa Ahli Pertama', kind: 'FUNGSIONAL_KEAHLIAN', technical: ['PBJ', 'KEUDA'], techLevel: 3, msLevel: 2,
    technicalWeight: 0.6, minGrade: 'III/a', minEducation: 'S1', grades: ['III/a', 'III/b'], educations: S1, female: 0.45, title: 'GENERAL', pppk: 0, years: [0, 10] },
} as const satisfies Record<string, RoleDef>;

export type RoleKey = keyof typeof ROLES;

export interface TrainingDef {
  code: string;
  title: string;
  form: TrainingForm;
  type: TrainingType;
  hours: number;
  competencies: readonly string[];
  /** Who it is offered to: everyone, structural leaders, or holders of positions requiring one of its competencies. */
  audience: 'ALL' | 'LEADER' | 'MATCH';
}

const t = (code: string, title: string, type: TrainingType, hours: number, competencies: readonly string[], audience: TrainingDef['audience'] = 'MATCH'): TrainingDef => ({
  code, title, type, hours, competencies, audience,
  form: (['COACHING', 'MENTORING', 'E_LEARNING', 'PELATIHAN_JARAK_JAUH', 'MAGANG'] as const).includes(type as never) ? 'NON_KLASIKAL' : 'KLASIKAL',
});

/**
 * Trainings the demo deliberately makes ineffective (participants'
 * assessments do not improve, predicates do not rise), so the
 * TRAINING_INEFFECTIVE recommendation has something real to find.
 */
export const INEFFECTIVE_TRAININGS: readonly string[] = ['SEM-PP-01', 'WS-KEUDA-01', 'EL-MP-01'];

export const TRAININGS: readonly TrainingDef[] = [
  // E-learning on each national competency: 8 JP, open to all.
  t('EL-INT-01', 'E-Learning Integritas dan Antikorupsi', 'E_LEARNING', 8, ['INT'], 'ALL'),
  t('EL-KS-01', 'E-Learning Kolaborasi dalam Tim Kerja', 'E_LEARNING', 8, ['KS'], 'ALL'),
  t('EL-KOM-01', 'E-Learning Komunikasi Efektif di Tempat Kerja', 'E_LEARNING', 8, ['KOM'], 'ALL'),
  t('EL-OPH-01', 'E-Learning Manajemen Kinerja Berorientasi Hasil', 'E_LEARNING', 8, ['OPH'], 'ALL'),
  t('EL-PP-01', 'E-Learning Budaya Pelayanan Prima', 'E_LEARNING', 8, ['PP'], 'ALL'),
  t('EL-PDO-01', 'E-Learning Perencanaan Pengembangan Diri', 'E_LEARNING', 8, ['PDO'], 'ALL'),
  t('EL-MP-01', 'E-Learning Adaptasi terhadap Perubahan Organisasi', 'E_LEARNING', 8, ['MP'], 'ALL'),
  t('EL-PK-01', 'E-Learning Dasar Pengambilan Keputusan', 'E_LEARNING', 8, ['PK'], 'ALL'),
  t('EL-PB-01', 'E-Learning Wawasan Kebangsaan dan Moderasi', 'E_LEARNING', 8, ['PB'], 'ALL'),
  t('EL-SPBE-01', 'E-Learning Literasi Digital ASN', 'E_LEARNING', 8, ['SPBE', 'MP'], 'ALL'),
  // Seminars: 4 JP.
  t('SEM-PP-01', 'Seminar Inovasi Pelayanan Publik Kota Medan', 'SEMINAR', 4, ['PP', 'KOM'], 'ALL'),
  t('SEM-INT-01', 'Seminar Zona Integritas Menuju WBK/WBBM', 'SEMINAR', 4, ['INT'], 'ALL'),
  t('SEM-PB-01', 'Seminar Kerukunan dan Keberagaman Kota Medan', 'SEMINAR', 4, ['PB'], 'ALL'),
  t('SEM-MP-01', 'Seminar Reformasi Birokrasi dan Penyederhanaan Organisasi', 'SEMINAR', 4, ['MP', 'OPH'], 'ALL'),
  t('SEM-KESPAS-01', 'Seminar Budaya Keselamatan Pasien', 'SEMINAR', 4, ['KESPAS'], 'MATCH'),
  // Coaching and mentoring: 6 JP, for leaders.
  t('COA-PDO-01', 'Coaching Kepemimpinan untuk Pejabat Pengawas', 'COACHING', 6, ['PDO', 'KS'], 'LEADER'),
  t('COA-PK-01', 'Coaching Pengambilan Keputusan Strategis', 'COACHING', 6, ['PK', 'OPH'], 'LEADER'),
  t('MTR-PDO-01', 'Mentoring Pengembangan Talenta', 'MENTORING', 6, ['PDO'], 'LEADER'),
  // Leadership courses: 40 JP.
  t('PLT-PKP-01', 'Pelatihan Kepemimpinan Pengawas', 'PELATIHAN', 40, ['PK', 'PDO', 'MP'], 'LEADER'),
  t('PLT-PKA-01', 'Pelatihan Kepemimpinan Administrator', 'PELATIHAN', 40, ['PK', 'MP', 'OPH'], 'LEADER'),
  t('PLT-KOM-01', 'Pelatihan Komunikasi Pelayanan Publik', 'PELATIHAN', 40, ['KOM', 'PP'], 'ALL'),
  t('PLT-OPH-01', 'Pelatihan Penyusunan SKP dan Manajemen Kinerja', 'PELATIHAN', 40, ['OPH', 'PK'], 'ALL'),
  // Workshops: 12–30 JP.
  t('WS-KS-01', 'Workshop Kerja Sama Lintas Perangkat Daerah', 'WORKSHOP', 12, ['KS', 'KOM'], 'ALL'),
  t('WS-MP-01', 'Workshop Manajemen Perubahan Unit Kerja', 'WORKSHOP', 16, ['MP', 'KS'], 'LEADER'),
  t('WS-ASKEP-01', 'Workshop Standar Asuhan Keperawatan', 'WORKSHOP', 24, ['ASKEP']),
  t('WS-ASKEP-02', 'Workshop Dokumentasi Keperawatan Elektronik', 'WORKSHOP', 12, ['ASKEP', 'SPBE']),
  t('WS-ASKEB-01', 'Workshop Asuhan Kebidanan Berkelanjutan', 'WORKSHOP', 24, ['ASKEB']),
  t('WS-YANFAR-01', 'Workshop Pelayanan Kefarmasian di Puskesmas', 'WORKSHOP', 16, ['YANFAR']),
  t('WS-YANMED-01', 'Workshop Tata Laksana Kegawatdaruratan', 'WORKSHOP', 30, ['YANMED', 'KESPAS']),
  t('WS-KESPAS-01', 'Workshop Pencegahan dan Pengendalian Infeksi', 'WORKSHOP', 20, ['KESPAS']),
  t('WS-LABKES-01', 'Workshop Pemantapan Mutu Laboratorium', 'WORKSHOP', 16, ['LABKES']),
  t('WS-PROMKES-01', 'Workshop Komunikasi Perubahan Perilaku Kesehatan', 'WORKSHOP', 16, ['PROMKES', 'KOM']),
  t('WS-SURVEIL-01', 'Workshop Surveilans Berbasis Digital', 'WORKSHOP', 20, ['SURVEIL']),
  t('WS-RENPEM-01', 'Workshop Penyusunan Modul Ajar', 'WORKSHOP', 24, ['RENPEM', 'KURMER']),
  t('WS-PELPEM-01', 'Workshop Pembelajaran Berdiferensiasi', 'WORKSHOP', 24, ['PELPEM', 'MANKELAS']),
  t('WS-ASESPEM-01', 'Workshop Asesmen Formatif dan Sumatif', 'WORKSHOP', 20, ['ASESPEM']),
  t('WS-MANKELAS-01', 'Workshop Disiplin Positif dan Manajemen Kelas', 'WORKSHOP', 12, ['MANKELAS']),
  t('WS-TEKPEM-01', 'Workshop Pemanfaatan Platform Merdeka Mengajar', 'WORKSHOP', 12, ['TEKPEM', 'KURMER']),
  t('WS-KURMER-01', 'Workshop Implementasi Kurikulum Merdeka bagi Kepala Sekolah', 'WORKSHOP', 30, ['KURMER']),
  t('WS-ADMINDUK-01', 'Workshop Pelayanan Adminduk Jemput Bola', 'WORKSHOP', 16, ['ADMINDUK', 'PP']),
  t('WS-PERIZINAN-01', 'Workshop Perizinan Berusaha Berbasis Risiko (OSS RBA)', 'WORKSHOP', 20, ['PERIZINAN']),
  t('WS-KEUDA-01', 'Workshop Penatausahaan Keuangan Daerah (SIPD)', 'WORKSHOP', 24, ['KEUDA']),
  t('WS-PAJAKDA-01', 'Workshop Optimalisasi Pajak Daerah', 'WORKSHOP', 16, ['PAJAKDA']),
  t('WS-RENBANG-01', 'Workshop Penyusunan Renstra dan Renja Perangkat Daerah', 'WORKSHOP', 20, ['RENBANG']),
  t('WS-ARSIP-01', 'Workshop Tata Naskah Dinas Elektronik', 'WORKSHOP', 12, ['ARSIP', 'SPBE']),
  t('WS-LINGKUNGAN-01', 'Workshop Pengelolaan Sampah Berbasis Masyarakat', 'WORKSHOP', 16, ['LINGKUNGAN', 'PEMMAS']),
  t('WS-INFRA-01', 'Workshop Perencanaan Teknis Drainase Perkotaan', 'WORKSHOP', 24, ['INFRA']),
  t('WS-LALIN-01', 'Workshop Manajemen Rekayasa Lalu Lintas', 'WORKSHOP', 20, ['LALIN']),
  t('WS-KESOS-01', 'Workshop Pemutakhiran DTKS', 'WORKSHOP', 16, ['KESOS', 'SPBE']),
  t('WS-LEGDRAF-01', 'Workshop Teknik Penyusunan Peraturan Daerah', 'WORKSHOP', 24, ['LEGDRAF']),
  t('WS-PEMMAS-01', 'Workshop Fasilitasi Pemberdayaan Masyarakat Kelurahan', 'WORKSHOP', 12, ['PEMMAS', 'KOM']),
  // Bimtek and courses.
  t('BMT-PBJ-01', 'Bimtek Pengadaan Barang/Jasa Pemerintah Tingkat Dasar', 'BIMTEK', 24, ['PBJ']),
  t('BMT-MANASN-01', 'Bimtek Sistem Informasi Manajemen ASN', 'BIMTEK', 16, ['MANASN', 'SPBE']),
  t('BMT-AUDIT-01', 'Bimtek Audit Berbasis Risiko', 'BIMTEK', 24, ['AUDIT']),
  t('BMT-TRANTIB-01', 'Bimtek Penegakan Perda dan Penanganan Unjuk Rasa', 'BIMTEK', 16, ['TRANTIB', 'PB']),
  t('BMT-KEBENCANAAN-01', 'Bimtek Kesiapsiagaan Bencana dan Kebakaran', 'BIMTEK', 16, ['KEBENCANAAN']),
  t('BMT-SPBE-01', 'Bimtek Keamanan Informasi dan SPBE', 'BIMTEK', 16, ['SPBE']),
  t('KUR-KOM-01', 'Kursus Public Speaking untuk ASN', 'KURSUS', 12, ['KOM'], 'ALL'),
  t('PJJ-ADMINDUK-01', 'Pelatihan Jarak Jauh Administrasi Kependudukan', 'PELATIHAN_JARAK_JAUH', 20, ['ADMINDUK']),
  t('MAG-YANMED-01', 'Magang Pelayanan Rujukan di RSUP H. Adam Malik', 'MAGANG', 30, ['YANMED', 'ASKEP']),
];

/** Names typical of Medan: Batak (Toba, Mandailing, Karo, Simalungun), Malay, Javanese, Chinese-Indonesian. */
export const NAMES = {
  batak: {
    male: ['Togar', 'Parulian', 'Hotman', 'Binsar', 'Sahat', 'Marojahan', 'Bonar', 'Jonni', 'Robert', 'Benny', 'Hendra', 'Daniel', 'Anto',
      'Rudolf', 'Mangasi', 'Poltak', 'Tigor', 'Jhonson', 'Ramli', 'Ahmad', 'Irwan', 'Darwin', 'Freddy', 'Ronald', 'Saut', 'Edison'],
    female: ['Rosdiana', 'Masniari', 'Lasmaria', 'Tiurma', 'Rotua', 'Sondang', 'Herlina', 'Yusnani', 'Rismawati', 'Delima', 'Marlina',
      'Nurhayati', 'Romauli', 'Erlina', 'Sarma', 'Friska', 'Lestari', 'Nova', 'Junita', 'Evalina', 'Roslina', 'Melva', 'Tetty'],
    /** Karo marga: women's names carry "br." (beru) before the marga. */
    karo: ['Sembiring', 'Ginting', 'Tarigan', 'Sitepu', 'Perangin-angin', 'Barus'],
    family: ['Siregar', 'Nasution', 'Harahap', 'Lubis', 'Simanjuntak', 'Sitompul', 'Hutagalung', 'Sinaga', 'Panjaitan', 'Situmorang',
      'Tambunan', 'Silalahi', 'Pardede', 'Manurung', 'Sembiring', 'Ginting', 'Tarigan', 'Sitepu', 'Purba', 'Saragih', 'Damanik',
      'Batubara', 'Pohan', 'Rangkuti', 'Daulay', 'Hasibuan', 'Pulungan', 'Ritonga', 'Simatupang', 'Napitupulu', 'Hutapea', 'Sihombing',
      'Marpaung', 'Butarbutar', 'Gultom', 'Pasaribu', 'Sianturi', 'Matondang', 'Perangin-angin', 'Barus'],
  },
  malay: {
    male: ['Rahmat', 'Syahrial', 'Zulkifli', 'Irwansyah', 'Dedi', 'Rizal', 'Muhammad', 'Fauzi', 'Khairul', 'Azhar', 'Syafrizal', 'Amri',
      'Tengku Hamdani', 'Zainal', 'Ikhwan', 'Faisal', 'Ridwan', 'Arif', 'Fadli', 'Tengku Ahmad'],
    female: ['Siti', 'Nurul', 'Fitri', 'Khairunnisa', 'Rahmah', 'Nurliana', 'Syarifah', 'Zuraidah', 'Halimah', 'Dewi', 'Rina',
      'Yuni', 'Hafsah', 'Juliani', 'Nurmala', 'Farida', 'Ernawati', 'Tengku Nurlela'],
    maleSecond: ['Hidayat', 'Syahputra', 'Effendi', 'Iskandar', 'Rahman', 'Hasan', 'Putra', 'Ramadhan', 'Syahrin', 'Fadillah', 'Azmi'],
    femaleSecond: ['Aini', 'Aisyah', 'Handayani', 'Wahyuni', 'Sari', 'Utami', 'Amalia', 'Hanum', 'Rahmadani', 'Zahara', 'Fitriani'],
  },
  javanese: {
    male: ['Sutrisno', 'Agus', 'Bambang', 'Slamet', 'Joko', 'Wahyu', 'Eko', 'Budi', 'Suharto', 'Heru', 'Sugeng', 'Teguh', 'Dwi', 'Sapto',
      'Hari', 'Suyanto', 'Supriadi', 'Edi', 'Yudi', 'Gunawan'],
    female: ['Sri', 'Sumiati', 'Endang', 'Tri', 'Dwi', 'Purwanti', 'Suparmi', 'Wulan', 'Ratna', 'Retno', 'Yuliani', 'Susilawati', 'Wiwik',
      'Lilik', 'Indah', 'Ani', 'Puji', 'Rini'],
    maleSecond: ['Santoso', 'Prasetyo', 'Susilo', 'Riyadi', 'Sugiarto', 'Purnomo', 'Wibowo', 'Setiawan', 'Hartono', 'Kurniawan', 'Nugroho', 'Saputra'],
    maleSingle: ['Sutrisno', 'Suharto', 'Suyanto', 'Supriadi', 'Slamet', 'Sugiono', 'Paimin', 'Sukirman', 'Sumarno', 'Darmanto'],
    femaleSingle: ['Sumiati', 'Suparmi', 'Purwanti', 'Sulastri', 'Sukarni', 'Suwarni', 'Painem', 'Sundari', 'Murniati', 'Rusmini'],
    femaleSecond: ['Rahayu', 'Lestari', 'Wulandari', 'Astuti', 'Suryani', 'Handayani', 'Pratiwi', 'Ningsih', 'Wahyuni', 'Sulastri', 'Rahmawati'],
  },
  chinese: {
    male: ['Hendra', 'Andi', 'Ricky', 'Jimmy', 'Wendy', 'Kelvin', 'Halim', 'Sutanto', 'Edward', 'Willy', 'Johan', 'Budiman'],
    female: ['Susanti', 'Lily', 'Vivian', 'Yenny', 'Meliana', 'Lina', 'Maria', 'Linda', 'Sherly', 'Fransiska', 'Wati', 'Juliana'],
    family: ['Wijaya', 'Tanjaya', 'Halim', 'Gunawan', 'Salim', 'Kurniawan', 'Tanoto', 'Lim', 'Tan', 'Sutanto', 'Hartanto', 'Liem'],
  },
} as const;
