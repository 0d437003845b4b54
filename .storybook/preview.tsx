import type { Decorator, Preview } from '@storybook/react-vite';
import { ar } from '../packages/ui/src/locales/ar.js';
import { WebphoneMessages } from '../packages/ui/src/messages/WebphoneMessages.js';
import '../packages/ui/src/styles.css';
import './preview.css';

/**
 * Wraps each story in a page-coloured canvas carrying the chosen theme and
 * locale. The locale sets `lang` and `dir` (right-to-left for Arabic, Hebrew,
 * Persian, Urdu); `withLocale` gives the widgets that locale's texts.
 */
const withThemeAndLocale: Decorator = (Story, context) => {
  const theme = context.globals.theme === 'dark' ? 'dark' : 'light';
  const locale = typeof context.globals.locale === 'string' ? context.globals.locale : 'en';
  const dir = /^(ar|he|fa|ur)\b/.test(locale) ? 'rtl' : 'ltr';
  return (
    <div className="sb-webphone-canvas" data-theme={theme} lang={locale} dir={dir}>
      <Story />
    </div>
  );
};

/** Gives the story the texts of the chosen locale (English needs no provider: it is the default). */
const withLocale: Decorator = (Story, context) =>
  context.globals.locale === 'ar' ? (
    <WebphoneMessages messages={ar}>
      <Story />
    </WebphoneMessages>
  ) : (
    <Story />
  );

const preview: Preview = {
  decorators: [withLocale, withThemeAndLocale],
  // A docs page per widget, from its stories and its props' TSDoc.
  tags: ['autodocs'],
  globalTypes: {
    theme: {
      description: 'Widget colour theme',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Widget texts (the messages given to <WebphoneMessages>)',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'ar', title: 'العربية (right to left)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en' },
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true },
    // Every story is checked with axe; a violation fails its test.
    a11y: { test: 'error' },
  },
};

export default preview;
