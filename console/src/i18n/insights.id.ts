/**
 * Indonesian texts of the dashboard figures and charts, the employee match filters and the unit roll-ups;
 * spread into `id.ts`. `insights.en.ts` must have the same shape.
 */
export const idInsightsPages = {
  insights: {
    pnsJpCompliance: 'Kepatuhan JP {year}',
    pnsJpComplianceHint: '{met} dari {total} PNS memenuhi {hours} JP.',
    pnsJpComplianceNone: 'Belum ada PNS.',
    categoryOfPlaced: '{n} pegawai dengan standar jabatan; {none} tanpa kategori (belum menduduki jabatan atau jabatan tanpa standar).',
    openRecommendations: 'Rekomendasi terbuka',
    openRecommendationsTotal: '{n} terbuka',
    recommendationKind: {
      TRAINING_INEFFECTIVE: 'Pelatihan kurang efektif',
      UNIT_COMPETENCY_GAP: 'Kesenjangan kompetensi unit',
      DEVELOPMENT_HOURS_SHORTFALL: 'Kekurangan JP',
      MISPLACEMENT: 'Salah penempatan',
      SUCCESSION_RISK: 'Risiko suksesi',
      STANDARD_REVIEW: 'Tinjauan standar',
    },
    gapHeatmap: 'Rata-rata kekurangan kompetensi per unit',
    gapHeatmapHint: 'Unit × kompetensi yang paling banyak disyaratkan; kekurangan = level disyaratkan − level saat ini (tidak dinilai = 0), atas pemangku jabatan yang mensyaratkannya.',
    gapTooltip: '{unit} · {competency}: rata-rata kekurangan {mean} level, {share}% dari {holders} pemangku',
    gapEmpty: 'Belum ada jabatan dengan standar kompetensi di cakupan ini.',
    predicateTrend: 'Tren predikat kinerja tahunan',
    predicateTrendHint: 'Jumlah pegawai per predikat SKP tahunan, menurut tahun penilaian.',
    noPredicate: 'Tanpa predikat',
    nineBoxToEmployees: 'Klik kotak untuk membuka daftar pegawainya.',
    filters: {
      category: 'Kategori JPM jabatan saat ini',
      talentBox: 'Kotak talenta',
      talentBoxOption: 'Kotak {box}',
      jpShort: 'Kurang JP {year}',
      jpBelowCustom: 'atau JP kurang dari',
    },
    rollup: {
      title: 'Ringkasan subunit (termasuk seluruh unit di bawahnya)',
      headcount: 'Pegawai',
      positions: 'Jabatan',
      vacancies: 'Jabatan lowong',
      category: 'Kecocokan jabatan',
      jp: 'Kepatuhan JP {year}',
      openEmployees: 'Lihat pegawai',
      openPositions: 'Lihat jabatan',
      headcountBadge: '{n} pegawai',
    },
  },
};
