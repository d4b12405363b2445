import {
  activate,
  BATU,
  createTestApp,
  createTestUser,
  PALOPO,
  type Session,
  signIn,
  type TestApp,
  type TestUser,
} from '../../../../test/support/test-app.ts'

/** For integration tests: Batu with an induk and a unit under it, their tellers and a priced unit. */
export interface BankWorld {
  t: TestApp
  dlh: Session
  palopoDlh: Session
  viewer: Session
  unitTeller: Session
  unitTellerUser: TestUser
  indukTeller: Session
  unit: string
  induk: string
  url: (bankId: string, path: string) => string
  addNasabah: (name: string, extra?: Record<string, unknown>) => Promise<string>
  deposit: (
    nasabahId: string,
    lines: { subMaterial: string; weightGrams: number }[],
    headers?: Record<string, string>,
  ) => Promise<{ statusCode: number; json: () => Record<string, unknown> }>
}

export async function createBankWorld(existing?: TestApp): Promise<BankWorld> {
  const t = existing ?? (await createTestApp())
  const batu = await activate(t, BATU)
  const palopo = await activate(t, PALOPO)
  const dlh = await signIn(t, await createTestUser(t, { roles: [{ city: batu, role: 'dlh_staff' }] }))
  const palopoDlh = await signIn(t, await createTestUser(t, { roles: [{ city: palopo, role: 'dlh_staff' }] }))
  const viewer = await signIn(t, await createTestUser(t, { roles: [{ city: batu, role: 'city_viewer' }] }))
  const facility = async (payload: Record<string, unknown>) =>
    (
      await dlh.request({
        method: 'POST',
        url: '/api/v1/cities/35.79/waste/facilities',
        payload: { villageCode: '35.79.01.2006', ...payload },
      })
    ).json().id as string
  const induk = await facility({ kind: 'bank_sampah_induk', name: 'Bank Sampah Induk Kota Batu' })
  const unit = await facility({
    kind: 'bank_sampah_unit',
    name: 'Bank Sampah Unit Oro-oro Ombo',
    parentId: induk,
  })
  const tellerUser = (bankId: string) =>
    createTestUser(t, {
      roles: [{ city: batu, role: 'bank_sampah_teller', scopeKind: 'facility', scopeId: bankId }],
    })
  const unitTellerUser = await tellerUser(unit)
  const unitTeller = await signIn(t, unitTellerUser)
  const indukTeller = await signIn(t, await tellerUser(induk))
  const url = (bankId: string, path: string) => `/api/v1/cities/35.79/bank-sampah/banks/${bankId}${path}`
  for (const [subMaterial, price] of [
    ['pet', 3_500],
    ['kardus', 1_100],
    ['besi', 2_000],
  ] as const) {
    await unitTeller.request({
      method: 'PUT',
      url: url(unit, `/prices/${subMaterial}/2026-01-01`),
      payload: { pricePerKgRupiah: price },
    })
  }
  const addNasabah = async (name: string, extra: Record<string, unknown> = {}) =>
    (
      await unitTeller.request({
        method: 'POST',
        url: url(unit, '/nasabah'),
        payload: { kind: 'person', name, villageCode: '35.79.01.2006', ...extra },
      })
    ).json().id as string
  const deposit: BankWorld['deposit'] = (nasabahId, lines, headers = {}) =>
    unitTeller.request({
      method: 'POST',
      url: url(unit, '/deposits'),
      payload: { nasabahId, lines },
      headers,
    })
  return {
    t,
    dlh,
    palopoDlh,
    viewer,
    unitTeller,
    unitTellerUser,
    indukTeller,
    unit,
    induk,
    url,
    addNasabah,
    deposit,
  }
}
