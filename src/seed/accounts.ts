import type { NewUser, UserView } from '../accounts/service.js';
import type { AuthUser } from '../platform/auth.js';
import { BUREAU } from '../accounts/service.js';

/** The demo password of every demo account (README lists them). */
export const DEMO_PASSWORD = 'demo-pass-2026';

// Corps-themed demo organizations: the three research bodies the seed plan names as responsible units
// (石河子大学, 新疆农垦科学院, 塔里木大学), three enterprises, one technology-transfer agency, and the bureau.
// Their tax ids and bank accounts are set by their managers through the billing service (seed/billing.ts).
export const DEMO_ACCOUNTS = {
  admin: { email: 'admin@bureau.demo', name: '王科长', role: 'admin', organization: BUREAU },
  shzu: {
    email: 'seller@shzu.demo',
    name: '李教授',
    role: 'seller',
    organization: {
      name: '石河子大学',
      nameEn: 'Shihezi University',
      type: 'university',
      region: '第八师石河子市',
    },
  },
  xaas: {
    email: 'seller@xaas.demo',
    name: '张研究员',
    role: 'seller',
    organization: {
      name: '新疆农垦科学院',
      nameEn: 'Xinjiang Academy of Agricultural and Reclamation Science',
      type: 'institute',
      region: '第八师石河子市',
    },
  },
  taru: {
    email: 'seller@taru.demo',
    name: '马教授',
    role: 'seller',
    organization: {
      name: '塔里木大学',
      nameEn: 'Tarim University',
      type: 'university',
      region: '第一师阿拉尔市',
    },
  },
  oasis: {
    email: 'buyer@oasis.demo',
    name: '陈总',
    role: 'buyer',
    organization: {
      name: '石河子绿洲节水科技有限公司',
      nameEn: 'Shihezi Oasis Water-Saving Technology Co., Ltd.',
      type: 'enterprise',
      region: '第八师石河子市',
      address: '新疆石河子市北四路 88 号',
    },
  },
  tarimAgri: {
    email: 'buyer@tarimagri.demo',
    name: '刘经理',
    role: 'buyer',
    organization: {
      name: '阿拉尔塔河农业装备有限公司',
      nameEn: 'Alar Tarim River Agricultural Equipment Co., Ltd.',
      type: 'enterprise',
      region: '第一师阿拉尔市',
      address: '新疆阿拉尔市胜利大道 16 号',
    },
  },
  kuitun: {
    email: 'buyer@kuitun.demo',
    name: '赵总',
    role: 'buyer',
    organization: {
      name: '奎屯新材料科技股份有限公司',
      nameEn: 'Kuitun New Materials Technology Co., Ltd.',
      type: 'enterprise',
      region: '第七师胡杨河市',
      address: '新疆奎屯市天北新区工业园 5 号',
    },
  },
  ttc: {
    email: 'broker@ttc.demo',
    name: '孙经理人',
    role: 'broker',
    organization: {
      name: '兵团技术转移中心',
      nameEn: 'XPCC Technology Transfer Center',
      type: 'agency',
      region: '乌鲁木齐市',
      address: '新疆乌鲁木齐市光明路 196 号',
    },
  },
} satisfies Record<string, Omit<NewUser, 'password'>>;
export type DemoAccountKey = keyof typeof DEMO_ACCOUNTS;
/** The demo accounts as created, by key: what each seed step receives. */
export type DemoUsers = Record<DemoAccountKey, UserView>;

/** A demo user as the services see a caller. */
export const asAuth = (u: UserView): AuthUser => ({ id: u.id, role: u.role, organizationId: u.organization.id });
