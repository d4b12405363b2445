/**
 * The agencies a new city starts with: those of the Palopo delegation to Batu (October 2023).
 * A city edits them afterwards; `function` is a stable key other modules look agencies up by.
 */
export const DEFAULT_AGENCIES: { name: string; shortName: string; function: string }[] = [
  { name: 'Sekretariat Daerah', shortName: 'Setda', function: 'secretariat' },
  { name: 'Dinas Lingkungan Hidup', shortName: 'DLH', function: 'environment' },
  { name: 'Dinas Koperasi dan UMKM', shortName: 'Diskop UMKM', function: 'umkm' },
  { name: 'Dinas Pertanian', shortName: 'Distan', function: 'agriculture' },
  {
    name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
    shortName: 'DPMPTSP',
    function: 'investment_licensing',
  },
  { name: 'Dinas Pariwisata', shortName: 'Dispar', function: 'tourism' },
  { name: 'Badan Perencanaan Pembangunan Daerah', shortName: 'Bappeda', function: 'planning' },
  { name: 'Badan Riset dan Inovasi Daerah', shortName: 'Balitbangda/BRIDA', function: 'research_innovation' },
  { name: 'Dinas Pertanahan', shortName: 'Dispertanahan', function: 'land' },
  { name: 'Dinas Tenaga Kerja', shortName: 'Disnaker', function: 'labour' },
]
