// Demo opportunities on the demo customers: every open stage, closing this month, this quarter or
// later, one won through an accepted quote and an order, one lost to a competitor. Amounts in CNY.
import { HAN_MEIMEI, LI_LEI, MANAGER } from './sales-leads.ts';

export interface DemoLine {
  productId: string;
  productName: string;
  quantity: number;
  unitPrice: string;
  discountPercent?: number;
}

export interface DemoOpportunity {
  /** A demo customer's name (src/demo/customers.ts). */
  customer: string;
  owner: string;
  name: string;
  lines: DemoLine[];
  close: 'month' | 'quarter' | 'later';
  stage: 'qualification' | 'needs_analysis' | 'proposal' | 'negotiation';
  competitors?: { name: string; strengths?: string; weaknesses?: string }[];
  /** Quoted, accepted, ordered (with these invoice details), then won. */
  order?: {
    taxId: string;
    address: {
      province: string;
      city: string;
      district: string;
      street: string;
      postalCode: string;
    };
    recipient: string;
    phone: string;
  };
  lost?: { reason: 'competitor'; competitor: string; note: string };
}

const pro = (seats: number, discountPercent?: number): DemoLine => ({
  productId: 'crm-pro-annual',
  productName: 'CRM 专业版 年度订阅（席）',
  quantity: seats,
  unitPrice: '1200.00',
  ...(discountPercent === undefined ? {} : { discountPercent }),
});
const enterprise = (seats: number, discountPercent?: number): DemoLine => ({
  productId: 'crm-ent-annual',
  productName: 'CRM 企业版 年度订阅（席）',
  quantity: seats,
  unitPrice: '2400.00',
  ...(discountPercent === undefined ? {} : { discountPercent }),
});
const implementation = (days: number): DemoLine => ({
  productId: 'impl-service',
  productName: '实施服务（人天）',
  quantity: days,
  unitPrice: '2500.00',
});
const integration: DemoLine = {
  productId: 'api-suite',
  productName: 'API 集成套件（ERP / MES 对接）',
  quantity: 1,
  unitPrice: '50000.00',
};
const training: DemoLine = {
  productId: 'training',
  productName: '管理员与销售团队培训',
  quantity: 1,
  unitPrice: '8000.00',
};

export const demoOpportunities: DemoOpportunity[] = [
  {
    customer: '杭州云帆科技有限公司',
    owner: LI_LEI,
    name: '云帆科技 CRM 续约与扩容（200 席）',
    lines: [pro(200, 10), implementation(12)],
    close: 'month',
    stage: 'negotiation',
    competitors: [{ name: '纷享销客', strengths: '移动端体验好', weaknesses: '开放接口少' }],
    order: {
      taxId: '91330106MA2CYF0001',
      address: {
        province: '浙江省',
        city: '杭州市',
        district: '西湖区',
        street: '文三路 90 号东部软件园 3 号楼 5 层',
        postalCode: '310012',
      },
      recipient: '赵子龙',
      phone: '0571-88012345',
    },
  },
  {
    customer: '深圳前海智造电子有限公司',
    owner: HAN_MEIMEI,
    name: '前海智造 MES 对接与销售自动化',
    lines: [enterprise(60, 5), integration],
    close: 'month',
    stage: 'negotiation',
    lost: {
      reason: 'competitor',
      competitor: '销售易',
      note: '对方报价低约 18%，且已有 MES 对接案例。',
    },
  },
  {
    customer: '上海申江物流股份有限公司',
    owner: LI_LEI,
    name: '申江物流 运输线索与大客户管理',
    lines: [enterprise(120, 8), implementation(20), training],
    close: 'quarter',
    stage: 'proposal',
    competitors: [{ name: 'Salesforce', strengths: '品牌', weaknesses: '本地化与价格' }],
  },
  {
    customer: '成都天府餐饮管理有限公司',
    owner: HAN_MEIMEI,
    name: '天府餐饮 门店会员营销平台',
    lines: [pro(45), implementation(6)],
    close: 'later',
    stage: 'needs_analysis',
  },
  {
    customer: '武汉光谷生物医药有限公司',
    owner: LI_LEI,
    name: '光谷生物 医药代表拜访管理',
    lines: [enterprise(80), implementation(15)],
    close: 'later',
    stage: 'qualification',
  },
  {
    customer: 'Nordlicht Maschinenbau GmbH',
    owner: MANAGER,
    name: 'Nordlicht 中国区经销商门户',
    lines: [enterprise(30), integration, training],
    close: 'month',
    stage: 'negotiation',
  },
  {
    customer: '南京金陵教育科技有限公司',
    owner: HAN_MEIMEI,
    name: '金陵教育 招生线索管理',
    lines: [pro(25), training],
    close: 'quarter',
    stage: 'proposal',
  },
  {
    customer: '张伟',
    owner: LI_LEI,
    name: '张伟设计工作室 CRM 基础版',
    lines: [pro(3)],
    close: 'month',
    stage: 'qualification',
  },
];
