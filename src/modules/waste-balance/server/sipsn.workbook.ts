import ExcelJS from 'exceljs'
import type { CityBalance } from '../domain/balance.ts'
import {
  CAPAIAN_COLUMNS,
  type Cell,
  capaianRow,
  FASILITAS_COLUMNS,
  type FacilityTotal,
  fasilitasRow,
  KOMPOSISI,
  komposisiRow,
  type SipsnPlace,
  SUMBER,
  sumberRow,
  TIMBULAN_COLUMNS,
  timbulanRow,
} from '../domain/sipsn-sheets.ts'

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

function sheet(workbook: ExcelJS.Workbook, name: string, columns: readonly string[], rows: Cell[][]) {
  const worksheet = workbook.addWorksheet(name)
  worksheet.addRow([...columns])
  worksheet.getRow(1).font = { bold: true }
  for (const row of rows) worksheet.addRow(row)
  worksheet.columns.forEach((column, index) => {
    column.width = Math.max(12, Math.min(42, (columns[index] ?? '').length + 2))
  })
}

export interface SipsnExport {
  place: SipsnPlace
  year: CityBalance
  semesters: [CityBalance, CityBalance]
  facilities: [FacilityTotal[], FacilityTotal[]]
  formulaVersion: string
}

/** One workbook, one sheet per SIPSN table, plus a sheet that says how every figure was made. */
export async function sipsnWorkbook(data: SipsnExport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Sinergi'
  const { place } = data
  sheet(workbook, 'Capaian Kinerja', CAPAIAN_COLUMNS, [
    capaianRow(place, 1, data.semesters[0]),
    capaianRow(place, 2, data.semesters[1]),
    capaianRow(place, null, data.year),
  ])
  sheet(workbook, 'Timbulan', TIMBULAN_COLUMNS, [timbulanRow(place, data.year)])
  sheet(
    workbook,
    'Komposisi',
    ['Tahun', 'Provinsi', 'Kabupaten/Kota', ...KOMPOSISI.map(([, label]) => `${label}(%)`)],
    [komposisiRow(place, data.year)],
  )
  sheet(
    workbook,
    'Sumber',
    ['Tahun', 'Provinsi', 'Kabupaten/Kota', ...SUMBER.map(([, label]) => `${label}(%)`)],
    [sumberRow(place, data.year)],
  )
  sheet(workbook, 'Fasilitas', FASILITAS_COLUMNS, [
    ...data.facilities[0].map((facility) => fasilitasRow(place, 1, facility)),
    ...data.facilities[1].map((facility) => fasilitasRow(place, 2, facility)),
  ])
  const estimate = data.year.estimate
  sheet(
    workbook,
    'Catatan',
    ['Catatan'],
    [
      [`Dibuat oleh Sinergi dari buku besar aliran sampah, rumus versi ${data.formulaVersion}.`],
      ['Periode 1 = Januari–Juni, Periode 2 = Juli–Desember; baris tanpa periode = satu tahun penuh.'],
      [
        'Baris periode berisi tonase semester itu; timbulan semester = timbulan harian × jumlah hari semester.',
      ],
      [
        estimate
          ? `Timbulan (A) = estimasi: penduduk × timbulan per orang + sumber non-rumah tangga + wisatawan; ${estimate.perDay} gram/hari.`
          : 'Timbulan (A) belum diestimasi untuk tahun ini: persentase dibiarkan kosong.',
      ],
      [
        'Komposisi = bagian sampah yang dipilah atau diterima terpilah di fasilitas; Sumber = asal sampah yang diterima fasilitas.',
      ],
      [
        'Fasilitas: sampah terkelola = yang dikurangi di fasilitas (kompos, maggot, daur ulang, guna ulang); untuk TPA = yang diterima.',
      ],
    ],
  )
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
