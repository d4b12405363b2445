export { ChooseFacilityPage as default } from './operator-home-page.tsx'
