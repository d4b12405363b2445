import ExcelJS from 'exceljs'
import type { BankMonthReport } from './reports.service.ts'

const RUPIAH = '"Rp"#,##0'
const KG = '#,##0.0'

function addTable(
  workbook: ExcelJS.Workbook,
  options: {
    title: string
    columns: { header: string; key: string; width: number; numFmt?: string }[]
    rows: Record<string, unknown>[]
  },
) {
  const sheet = workbook.addWorksheet(options.title.slice(0, 31))
  sheet.columns = options.columns.map((column) => ({
    header: column.header,
    key: column.key,
    width: column.width,
    style: column.numFmt ? { numFmt: column.numFmt } : {},
  }))
  sheet.getRow(1).font = { bold: true }
  for (const row of options.rows) sheet.addRow(row)
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  return sheet
}

/** The month report as an xlsx, one sheet per table, weights in kg and money in rupiah. */
export async function writeBankReportSheet(report: BankMonthReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Sinergi'
  addTable(workbook, {
    title: 'Ringkasan',
    columns: [
      { header: 'uraian', key: 'label', width: 40 },
      { header: 'nilai', key: 'value', width: 22 },
    ],
    rows: [
      { label: 'Bank sampah', value: report.bank.name },
      { label: 'Bulan', value: report.month },
      { label: 'Setoran (kg)', value: report.deposits.weightGrams / 1000 },
      { label: 'Setoran (Rp)', value: report.deposits.amountRupiah },
      { label: 'Nasabah aktif (menyetor bulan ini)', value: report.activeNasabah },
      { label: `Nilai stok pada harga ${report.pricesOn} (Rp)`, value: report.stockValueRupiah },
      { label: 'Posisi kas (Rp)', value: report.cashRupiah },
    ],
  })
  const kgRp = (rows: { weightGrams: number; amountRupiah: number }[]) =>
    rows.map((row) => ({ ...row, weightKg: row.weightGrams / 1000 }))
  addTable(workbook, {
    title: 'Setoran per jenis',
    columns: [
      { header: 'jenis', key: 'subMaterial', width: 20 },
      { header: 'berat_kg', key: 'weightKg', width: 14, numFmt: KG },
      { header: 'nilai_rp', key: 'amountRupiah', width: 16, numFmt: RUPIAH },
    ],
    rows: kgRp(report.deposits.byMaterial),
  })
  addTable(workbook, {
    title: 'Setoran per RT-RW',
    columns: [
      { header: 'rw', key: 'rw', width: 8 },
      { header: 'rt', key: 'rt', width: 8 },
      { header: 'nasabah', key: 'nasabah', width: 10 },
      { header: 'berat_kg', key: 'weightKg', width: 14, numFmt: KG },
      { header: 'nilai_rp', key: 'amountRupiah', width: 16, numFmt: RUPIAH },
    ],
    rows: kgRp(report.deposits.byRtRw),
  })
  addTable(workbook, {
    title: 'Stok',
    columns: [
      { header: 'jenis', key: 'subMaterial', width: 20 },
      { header: 'stok_kg', key: 'weightKg', width: 14, numFmt: KG },
      { header: 'harga_per_kg_rp', key: 'pricePerKgRupiah', width: 16, numFmt: RUPIAH },
      { header: 'nilai_rp', key: 'valueRupiah', width: 16, numFmt: RUPIAH },
    ],
    rows: report.stock.map((row) => ({ ...row, weightKg: row.grams / 1000 })),
  })
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
