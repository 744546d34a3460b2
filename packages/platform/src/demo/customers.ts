// Demo customers: Chinese and international companies and people, across regions, industries,
// stages and owners, so that search, stats and timelines have something to show on first start.
export interface DemoCustomer {
  body: Record<string, unknown>;
  interactions: Record<string, unknown>[];
}

const company = (
  name: string,
  province: string,
  city: string,
  district: string | undefined,
  industry: string,
  extra: Record<string, unknown>,
): Record<string, unknown> => ({
  kind: 'company',
  name,
  address: { country: 'CN', province, city, ...(district ? { district } : {}) },
  industry,
  ...extra,
});

export const demoCustomers: DemoCustomer[] = [
  {
    body: company('杭州云帆科技有限公司', '浙江省', '杭州市', '西湖区', 'information_technology', {
      phones: ['0571-88012345'],
      emails: ['contact@yunfan-tech.cn'],
      tags: ['重点客户', 'SaaS'],
      lifecycleStage: 'customer',
      size: 'medium',
      valueTier: 'A',
      source: 'exhibition',
      ownerId: 'u-li-lei',
      website: 'https://www.yunfan-tech.cn',
    }),
    interactions: [
      {
        kind: 'visit',
        channel: 'in_person',
        daysAgo: 30,
        summary: '拜访CTO，演示CRM集成方案，客户对API开放性很感兴趣。',
        outcome: '同意试点',
        nextStep: '发送试点合同',
      },
      {
        kind: 'call',
        channel: 'phone',
        daysAgo: 12,
        summary: '电话确认试点范围：销售部50个账号。',
        durationMinutes: 25,
      },
      {
        kind: 'meeting',
        channel: 'video',
        daysAgo: 3,
        summary: '季度复盘会议，讨论续约与扩容。',
        nextStep: '准备续约报价',
        followUpInDays: 7,
      },
    ],
  },
  {
    body: company('深圳前海智造电子有限公司', '广东省', '深圳市', '南山区', 'manufacturing', {
      phones: ['13802551234'],
      emails: ['purchase@qh-smart.com'],
      tags: ['制造业', '大客户'],
      lifecycleStage: 'prospect',
      size: 'large',
      valueTier: 'A',
      source: 'referral',
      ownerId: 'u-han-meimei',
    }),
    interactions: [
      {
        kind: 'consultation',
        channel: 'wechat',
        daysAgo: 20,
        summary: '采购经理咨询批量授权价格。',
      },
      {
        kind: 'email',
        channel: 'email',
        daysAgo: 9,
        summary: '发送产品白皮书与案例。',
        followUpInDays: 2,
      },
    ],
  },
  {
    body: company('北京华信律师事务所', '北京市', '北京市', '朝阳区', 'business_services', {
      phones: ['010-65881234'],
      emails: ['office@huaxin-law.cn'],
      tags: ['专业服务'],
      lifecycleStage: 'lead',
      size: 'small',
      source: 'website',
    }),
    interactions: [
      { kind: 'note', channel: 'other', daysAgo: 2, summary: '官网表单留资，关注合同管理功能。' },
    ],
  },
  {
    body: company(
      '上海申江物流股份有限公司',
      '上海市',
      '上海市',
      '浦东新区',
      'transport_logistics',
      {
        phones: ['021-50801234', '13917001234'],
        emails: ['it@shenjiang-logistics.com'],
        tags: ['物流', '续约'],
        lifecycleStage: 'at_risk',
        size: 'enterprise',
        valueTier: 'B',
        source: 'cold_call',
        ownerId: 'u-li-lei',
      },
    ),
    interactions: [
      {
        kind: 'complaint',
        channel: 'phone',
        daysAgo: 15,
        summary: '投诉报表导出速度慢，影响月结。',
        outcome: '已升级至技术支持',
      },
      {
        kind: 'visit',
        channel: 'in_person',
        daysAgo: 6,
        summary: '上门沟通改进计划，客户仍在评估竞品。',
        followUpInDays: 5,
      },
    ],
  },
  {
    body: company('成都天府餐饮管理有限公司', '四川省', '成都市', '锦江区', 'hospitality', {
      phones: ['028-86661234'],
      emails: ['ceo@tianfu-food.cn'],
      tags: ['连锁'],
      lifecycleStage: 'customer',
      size: 'medium',
      valueTier: 'C',
      source: 'advertising',
      ownerId: 'u-han-meimei',
    }),
    interactions: [
      { kind: 'call', channel: 'phone', daysAgo: 40, summary: '回访使用情况，门店经理反馈良好。' },
    ],
  },
  {
    body: company('武汉光谷生物医药有限公司', '湖北省', '武汉市', '洪山区', 'health_social_work', {
      phones: ['027-87001234'],
      emails: ['bd@ogbio.cn'],
      tags: ['医药'],
      lifecycleStage: 'prospect',
      size: 'medium',
      valueTier: 'B',
      source: 'partner',
      ownerId: 'u-li-lei',
    }),
    interactions: [
      {
        kind: 'meeting',
        channel: 'dingtalk',
        daysAgo: 8,
        summary: '钉钉会议介绍合规审计功能。',
        followUpInDays: -1,
      },
    ],
  },
  {
    body: company('东莞精工模具厂', '广东省', '东莞市', undefined, 'manufacturing', {
      phones: ['13922881234'],
      emails: ['boss@jinggong-mould.com'],
      tags: ['制造业'],
      lifecycleStage: 'lost',
      size: 'small',
      valueTier: 'D',
      source: 'exhibition',
    }),
    interactions: [
      {
        kind: 'call',
        channel: 'phone',
        daysAgo: 60,
        summary: '客户选择了竞品，价格原因。',
        outcome: '流失',
      },
    ],
  },
  {
    body: company('Nordlicht Maschinenbau GmbH', '上海市', '上海市', '闵行区', 'manufacturing', {
      phones: ['+4989123456'],
      emails: ['china@nordlicht.de'],
      tags: ['外资', 'Key account'],
      lifecycleStage: 'customer',
      size: 'large',
      valueTier: 'A',
      source: 'partner',
      ownerId: 'u-wang-fang',
    }),
    interactions: [
      {
        kind: 'meeting',
        channel: 'video',
        daysAgo: 5,
        summary:
          'Quarterly business review with the APAC director; expansion to Suzhou plant discussed.',
        followUpInDays: 14,
      },
    ],
  },
  {
    body: company(
      'Brightwave Analytics Ltd',
      '广东省',
      '广州市',
      '天河区',
      'information_technology',
      {
        phones: ['+442071234567'],
        emails: ['sales@brightwave.co.uk'],
        tags: ['SaaS'],
        lifecycleStage: 'lead',
        size: 'small',
        source: 'social_media',
      },
    ),
    interactions: [
      {
        kind: 'email',
        channel: 'email',
        daysAgo: 1,
        summary: 'Inbound enquiry about the Kafka integration and data residency in China.',
      },
    ],
  },
  {
    body: company('南京金陵教育科技有限公司', '江苏省', '南京市', '鼓楼区', 'education', {
      phones: ['025-83331234'],
      emails: ['hr@jinling-edu.cn'],
      tags: ['教育'],
      lifecycleStage: 'customer',
      size: 'small',
      valueTier: 'C',
      source: 'website',
      ownerId: 'u-han-meimei',
    }),
    interactions: [],
  },
  {
    body: {
      kind: 'person',
      name: '张伟',
      phones: ['13800138000'],
      emails: ['zhangwei@example.com'],
      gender: 'male',
      birthday: '1985-06-18',
      interests: ['高尔夫', '茶'],
      address: { country: 'CN', province: '浙江省', city: '宁波市', district: '鄞州区' },
      tags: ['VIP'],
      lifecycleStage: 'customer',
      valueTier: 'B',
      source: 'referral',
      ownerId: 'u-li-lei',
    },
    interactions: [
      {
        kind: 'visit',
        channel: 'in_person',
        daysAgo: 10,
        summary: '到店体验新品，意向购买年度服务包。',
        followUpInDays: 3,
      },
    ],
  },
  {
    body: {
      kind: 'person',
      name: '刘洋',
      phones: ['13911112222'],
      gender: 'female',
      address: { country: 'CN', province: '广东省', city: '广州市', district: '越秀区' },
      tags: ['小程序'],
      lifecycleStage: 'lead',
      source: 'social_media',
    },
    interactions: [
      { kind: 'consultation', channel: 'wechat', daysAgo: 4, summary: '微信咨询会员权益。' },
    ],
  },
  {
    body: {
      kind: 'person',
      name: '陈静',
      phones: ['15000001111'],
      emails: ['chenjing@example.cn'],
      gender: 'female',
      birthday: '1992-02-29',
      address: { country: 'CN', province: '上海市', city: '上海市', district: '徐汇区' },
      lifecycleStage: 'prospect',
      valueTier: 'C',
      source: 'advertising',
      ownerId: 'u-han-meimei',
    },
    interactions: [
      {
        kind: 'call',
        channel: 'phone',
        daysAgo: 7,
        summary: '电话沟通试用体验，反馈界面友好。',
        durationMinutes: 12,
      },
    ],
  },
  {
    body: {
      kind: 'person',
      name: 'Emily Carter',
      phones: ['+14155550123'],
      emails: ['emily.carter@example.com'],
      gender: 'female',
      address: { country: 'US', province: 'California', city: 'San Francisco' },
      tags: ['International'],
      lifecycleStage: 'prospect',
      source: 'website',
      ownerId: 'u-wang-fang',
    },
    interactions: [
      {
        kind: 'meeting',
        channel: 'video',
        daysAgo: 2,
        summary: 'Demo of the customer 360 timeline; asked about SSO.',
        nextStep: 'Send SSO documentation',
      },
    ],
  },
  {
    body: {
      kind: 'person',
      name: 'Lucas Martin',
      emails: ['lucas.martin@example.fr'],
      gender: 'male',
      address: { country: 'FR', province: 'Île-de-France', city: 'Paris' },
      lifecycleStage: 'lead',
      source: 'exhibition',
    },
    interactions: [],
  },
];
