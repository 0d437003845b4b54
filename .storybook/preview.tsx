import type { Decorator, Preview } from '@storybook/react-vite';
import '../packages/ui/src/styles.css';
import './preview.css';

/**
 * Wraps each story in a page-coloured canvas carrying the chosen theme and
 * locale. The locale sets `lang` and `dir` (right-to-left for Arabic, Hebrew,
 * Persian, Urdu); a messages provider can read `context.globals.locale` here
 * once the widgets take translations.
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

const preview: Preview = {
  decorators: [withThemeAndLocale],
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
      description: 'Language of the widgets (the canvas lang and dir; texts follow once translations land)',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [{ value: 'en', title: 'English' }],
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
