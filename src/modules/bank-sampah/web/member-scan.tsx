import { Alert, Button, Modal, Stack, Text } from '@mantine/core'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { TOUCH } from './teller-ui.tsx'

/** The Shape Detection API's barcode reader (Chrome on Android has it; many browsers do not). */
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>
}
type BarcodeDetectorConstructor = new (options: { formats: string[] }) => BarcodeDetectorLike

function barcodeDetector(): BarcodeDetectorConstructor | null {
  const candidate = (globalThis as { BarcodeDetector?: BarcodeDetectorConstructor }).BarcodeDetector
  // Old browsers and plain-http pages have no mediaDevices at all, whatever the types say.
  const hasCamera = typeof navigator.mediaDevices?.getUserMedia === 'function'
  return typeof candidate === 'function' && hasCamera ? candidate : null
}

/** Scanning is offered only where the phone can do it; typing the number always works. */
export function canScan(): boolean {
  return barcodeDetector() !== null
}

const SCAN_EVERY_MS = 250

function useCameraScan(video: React.RefObject<HTMLVideoElement | null>, onCode: (code: string) => void) {
  const [problem, setProblem] = useState<'denied' | null>(null)
  // The latest callback, without restarting the camera each time the parent renders.
  const latest = useRef(onCode)
  latest.current = onCode
  useEffect(() => {
    const Detector = barcodeDetector()
    if (!Detector) return
    const detector = new Detector({ formats: ['qr_code', 'code_128'] })
    let stream: MediaStream | null = null
    let timer: number | undefined
    let isStopped = false
    const scan = async () => {
      if (isStopped || !video.current) return
      const found = await detector.detect(video.current).catch(() => [])
      const code = found[0]?.rawValue
      if (code && !isStopped) latest.current(code)
      else timer = window.setTimeout(scan, SCAN_EVERY_MS)
    }
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (opened) => {
        stream = opened
        if (isStopped || !video.current) return
        video.current.srcObject = opened
        await video.current.play()
        void scan()
      })
      .catch(() => setProblem('denied'))
    return () => {
      isStopped = true
      window.clearTimeout(timer)
      for (const track of stream?.getTracks() ?? []) track.stop()
    }
  }, [video])
  return problem
}

function ScanView({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useTranslation('bank-sampah')
  const video = useRef<HTMLVideoElement>(null)
  const problem = useCameraScan(video, onCode)
  if (problem) return <Alert color="yellow">{t('find.cameraDenied')}</Alert>
  return (
    <Stack gap="xs">
      <video ref={video} muted playsInline style={{ width: '100%', borderRadius: 8, background: '#000' }} />
      <Text size="sm">{t('find.scanHint')}</Text>
    </Stack>
  )
}

/** A button that opens the camera and hands back the first member card code it reads. */
export function ScanButton({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useTranslation('bank-sampah')
  const [opened, setOpened] = useState(false)
  if (!canScan()) return null
  return (
    <>
      <Button variant="outline" size="lg" style={TOUCH} onClick={() => setOpened(true)}>
        {t('find.scan')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('find.scanTitle')} fullScreen>
        {opened && (
          <ScanView
            onCode={(code) => {
              setOpened(false)
              onCode(code)
            }}
          />
        )}
      </Modal>
    </>
  )
}
