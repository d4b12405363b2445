import { useEffect, useRef } from 'react'

/**
 * For a form that opens below a table when a row's button is pressed: scrolls to its heading and
 * moves the focus there, as a keyboard or screen-reader user expects. Give the heading
 * `tabIndex={-1}` and this ref.
 */
export function useOpeningHeading() {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'start' })
    heading.current?.focus()
  }, [])
  return heading
}
