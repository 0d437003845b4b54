/**
 * Story parameters and globals for a phone-sized viewport (375 × 740, an
 * iPhone-class screen). Storybook's viewport toolbar shows it, and the story
 * tests resize Chromium to it before the story renders.
 */
export const PHONE_VIEWPORT = {
  parameters: {
    viewport: {
      options: { phone375: { name: 'Phone 375 × 740', styles: { width: '375px', height: '740px' }, type: 'mobile' } },
    },
  },
  globals: { viewport: { value: 'phone375', isRotated: false } },
} as const;

/** True when all of `element` lies inside the viewport (on screen without scrolling). */
export function onScreen(element: Element): boolean {
  const rect = element.getBoundingClientRect();
  return rect.width > 0 && rect.top >= 0 && rect.left >= 0 && rect.bottom <= window.innerHeight && rect.right <= window.innerWidth;
}
