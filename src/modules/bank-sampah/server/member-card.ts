import { PNG } from 'pngjs'
import QRCode from 'qrcode'
import { GLYPH_WIDTH, glyphOf } from './pixel-font.ts'

/** A member card, 720×400 px: the bank's name, a QR code of the member number, number and name. */
const WIDTH = 720
const HEIGHT = 400
const INK: Rgb = [20, 40, 30]
const GREEN: Rgb = [22, 101, 52]
const WHITE: Rgb = [255, 255, 255]
type Rgb = [number, number, number]

function fill(png: PNG, box: { x: number; y: number; width: number; height: number }, color: Rgb) {
  for (let y = Math.max(0, box.y); y < Math.min(HEIGHT, box.y + box.height); y++) {
    for (let x = Math.max(0, box.x); x < Math.min(WIDTH, box.x + box.width); x++) {
      const at = (y * WIDTH + x) * 4
      png.data[at] = color[0]
      png.data[at + 1] = color[1]
      png.data[at + 2] = color[2]
      png.data[at + 3] = 255
    }
  }
}

/** Writes text in the pixel font at a scale, cut to what fits in `maxWidth`. */
function write(
  png: PNG,
  options: { text: string; x: number; y: number; scale: number; maxWidth: number; color: Rgb },
) {
  const { scale } = options
  const advance = (GLYPH_WIDTH + 1) * scale
  const fits = Math.floor(options.maxWidth / advance)
  const text = options.text.length > fits ? `${options.text.slice(0, fits - 1)}.` : options.text
  ;[...text].forEach((character, index) => {
    glyphOf(character).forEach((row, dy) => {
      row.forEach((isInk, dx) => {
        if (!isInk) return
        const x = options.x + index * advance + dx * scale
        fill(png, { x, y: options.y + dy * scale, width: scale, height: scale }, options.color)
      })
    })
  })
}

function drawQr(png: PNG, options: { text: string; x: number; y: number; size: number }) {
  const qr = QRCode.create(options.text, { errorCorrectionLevel: 'M' })
  const count = qr.modules.size
  // A quiet zone of 2 modules on every side, as scanners need.
  const module = Math.floor(options.size / (count + 4))
  const origin = { x: options.x + 2 * module, y: options.y + 2 * module }
  fill(png, { x: options.x, y: options.y, width: module * (count + 4), height: module * (count + 4) }, WHITE)
  for (let row = 0; row < count; row++) {
    for (let column = 0; column < count; column++) {
      if (!qr.modules.get(row, column)) continue
      fill(
        png,
        { x: origin.x + column * module, y: origin.y + row * module, width: module, height: module },
        INK,
      )
    }
  }
}

export function renderMemberCard(options: { bankName: string; memberNumber: string; name: string }): Buffer {
  const png = new PNG({ width: WIDTH, height: HEIGHT })
  fill(png, { x: 0, y: 0, width: WIDTH, height: HEIGHT }, [240, 247, 242])
  fill(png, { x: 0, y: 0, width: WIDTH, height: 72 }, GREEN)
  // A long name steps down a size before it is cut.
  const bankScale = options.bankName.length * (GLYPH_WIDTH + 1) * 3 <= WIDTH - 48 ? 3 : 2
  write(png, {
    text: options.bankName,
    x: 24,
    y: bankScale === 3 ? 25 : 29,
    scale: bankScale,
    maxWidth: WIDTH - 48,
    color: WHITE,
  })
  drawQr(png, { text: options.memberNumber, x: 24, y: 96, size: 260 })
  const textX = 310
  const room = WIDTH - textX - 24
  write(png, { text: 'NOMOR ANGGOTA', x: textX, y: 110, scale: 2, maxWidth: room, color: GREEN })
  write(png, { text: options.memberNumber, x: textX, y: 136, scale: 5, maxWidth: room, color: INK })
  write(png, { text: 'NAMA', x: textX, y: 214, scale: 2, maxWidth: room, color: GREEN })
  write(png, { text: options.name, x: textX, y: 240, scale: 3, maxWidth: room, color: INK })
  write(png, {
    text: 'KARTU NASABAH BANK SAMPAH - SINERGI',
    x: 24,
    y: HEIGHT - 30,
    scale: 2,
    maxWidth: WIDTH - 48,
    color: GREEN,
  })
  return PNG.sync.write(png)
}
