/** A bank sampah unit or induk: the waste facilities that keep nasabah savings. */
export function isBankKind(kind: string): boolean {
  return kind === 'bank_sampah_unit' || kind === 'bank_sampah_induk'
}
