import { SegmentedControl } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useMe, useSaveLanguage } from '../api/hooks.ts'
import { isLanguage, LANGUAGES } from '../i18n/resources.ts'
import { applyLanguage } from '../i18n/setup.ts'

/** Switches at once; a signed-in person's choice is also saved to their account. */
export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t, i18n } = useTranslation()
  const me = useMe()
  const save = useSaveLanguage()
  return (
    <SegmentedControl
      size={size}
      aria-label={t('language.label')}
      value={i18n.language}
      data={LANGUAGES.map((language) => ({ value: language, label: t(`language.short.${language}`) }))}
      onChange={(value) => {
        if (!isLanguage(value)) return
        void applyLanguage(value)
        if (me.data) save.mutate(value)
      }}
    />
  )
}
