/** A demand as GET /api/demands/:id sends it. */
export const demand = (overrides: Record<string, unknown> = {}) => ({
  id: 'dem_1',
  status: 'open',
  title: '棉田节水灌溉',
  description: '需要适用于棉田的滴灌控制技术',
  field: 'modern_agriculture',
  budget: 150000050,
  currency: 'CNY',
  dealTypes: ['license'],
  region: '第八师石河子市',
  deadline: '2027-03-31',
  organization: { id: 'org_b', name: '节水公司', type: 'enterprise' },
  createdAt: '2026-03-01T00:00:00Z',
  updatedAt: '2026-03-01T00:00:00Z',
  ...overrides,
});
