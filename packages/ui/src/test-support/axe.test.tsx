import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './axe.js';

describe('expectNoAxeViolations', () => {
  it('fails on a nameless button', async () => {
    const { container } = render(<button type="button" />);
    await expect(expectNoAxeViolations(container)).rejects.toThrow(/button-name/);
  });

  it('fails on a toggle with an invalid aria-pressed', async () => {
    const { container } = render(
      <button type="button" aria-pressed={'yes' as unknown as boolean}>
        Mute
      </button>,
    );
    await expect(expectNoAxeViolations(container)).rejects.toThrow(/aria-valid-attr-value/);
  });

  it('passes on a named button', async () => {
    const { container } = render(<button type="button">Call</button>);
    await expectNoAxeViolations(container);
  });
});
