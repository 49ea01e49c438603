import { describe, expect, it } from 'vitest';
import { SITE_IDS } from '@/utils/page-snapshot';
describe('setup', () => {
  it('lists six sites', () => expect(SITE_IDS).toHaveLength(6));
});
