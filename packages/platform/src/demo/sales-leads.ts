// Demo leads for the East China team: waiting in the pool (公海), claimed by each rep, handed out
// by the manager, followed up (some tasks already overdue), qualified, disqualified, converted.
export const MANAGER = 'u-wang-fang';
export const LI_LEI = 'u-li-lei';
export const HAN_MEIMEI = 'u-han-meimei';
export const MARKETER = 'u-zhao-min';

export interface DemoLead {
  /** Who captures it: a rep keeps it; the manager's and the marketer's go to the pool. */
  capturedBy: string;
  body: Record<string, unknown>;
  /** Claimed from the pool by this rep, or handed out to this rep by the manager. */
  claimedBy?: string;
  assignedTo?: string;
  /** Claimed, then given back to the pool with this reason. */
  releasedWith?: string;
  followUpStatus?: 'first_contact' | 'negotiating' | 'about_to_close';
  activities?: { kind: string; daysAgo: number; summary: string }[];
  /** Tasks due in this many hours; 'overdue' is due a few minutes ago (all the API allows). */
  followUps?: { dueInHours: number | 'overdue'; note: string }[];
  outcome?:
    | { qualify: string }
    | { disqualify: string; note: string }
    | {
        convert: { existingCustomer?: string };
        opportunity: { name: string; amount: string; close: 'month' | 'quarter' | 'later' };
      };
}

const lead = (
  name: string,
  company: string,
  province: string,
  city: string,
  extra: Record<string, unknown>,
): Record<string, unknown> => ({ name, company, region: { province, city }, ...extra });

export const demoLeads: DemoLead[] = [
  {
    capturedBy: MARKETER,
    body: lead('周建国', '苏州恒瑞精密机械有限公司', '江苏省', '苏州市', {
      phones: ['13962150001'],
      source: 'exhibition',
      campaignId: 'cmp-2026-suzhou-expo',
      industry: 'manufacturing',
      notes: '苏州工业展展位留资，关注设备售后工单管理。',
    }),
  },
  {
    capturedBy: MARKETER,
    body: lead('吴海燕', '宁波港城进出口有限公司', '浙江省', '宁波市', {
      phones: ['13805740002'],
      emails: ['wuhaiyan@gangcheng-trade.cn'],
      source: 'website',
      campaignId: 'cmp-2026-web-trial',
      industry: 'wholesale_retail',
      notes: '官网申请试用，外贸团队约 30 人。',
    }),
  },
  {
    capturedBy: MANAGER,
    body: lead('钱磊', '无锡新吴智能装备有限公司', '江苏省', '无锡市', {
      emails: ['qianlei@xinwu-ie.com'],
      source: 'referral',
      industry: 'manufacturing',
      notes: '老客户东莞精工模具厂介绍。',
    }),
  },
  {
    capturedBy: MARKETER,
    body: lead('沈佳怡', '嘉兴禾丰食品有限公司', '浙江省', '嘉兴市', {
      phones: ['13957330004'],
      source: 'advertising',
      campaignId: 'cmp-2026-baidu-sem',
      industry: 'manufacturing',
    }),
    claimedBy: LI_LEI,
    followUpStatus: 'first_contact',
    activities: [{ kind: 'call', daysAgo: 1, summary: '首次电话沟通，客户想了解经销商管理功能。' }],
    followUps: [{ dueInHours: 20, note: '发送经销商管理方案和案例' }],
  },
  {
    capturedBy: LI_LEI,
    body: lead('陆晓峰', '上海浦江数据服务有限公司', '上海市', '上海市', {
      phones: ['13817210005'],
      emails: ['luxf@pujiang-data.com'],
      source: 'referral',
      industry: 'information_technology',
    }),
    followUpStatus: 'negotiating',
    activities: [
      { kind: 'visit', daysAgo: 5, summary: '上门拜访，演示销售漏斗与报价流程。' },
      { kind: 'wechat', daysAgo: 1, summary: '微信确认需要 80 个席位，预算待批。' },
    ],
    followUps: [{ dueInHours: 'overdue', note: '发送报价草案给陆总' }],
  },
  {
    capturedBy: MANAGER,
    body: lead('邵雨婷', '杭州西溪文旅发展有限公司', '浙江省', '杭州市', {
      phones: ['13757160006'],
      source: 'social_media',
      industry: 'hospitality',
      notes: '抖音企业号私信咨询会员管理。',
    }),
    assignedTo: HAN_MEIMEI,
    followUpStatus: 'first_contact',
    activities: [{ kind: 'call', daysAgo: 0, summary: '电话预约下周到杭州现场调研。' }],
    followUps: [{ dueInHours: 72, note: '现场调研：会员与票务系统对接' }],
  },
  {
    capturedBy: HAN_MEIMEI,
    body: lead('顾志强', '南通江海纺织有限公司', '江苏省', '南通市', {
      phones: ['0513-85560007'],
      source: 'cold_call',
      industry: 'manufacturing',
    }),
    followUpStatus: 'first_contact',
    activities: [{ kind: 'call', daysAgo: 3, summary: '陌拜电话，顾经理同意看产品资料。' }],
    followUps: [{ dueInHours: 'overdue', note: '回访：资料是否已转给采购部' }],
  },
  {
    capturedBy: MARKETER,
    body: lead('冯凯', '常州龙城新能源科技有限公司', '江苏省', '常州市', {
      phones: ['13915080008'],
      emails: ['fengkai@longcheng-ne.cn'],
      source: 'exhibition',
      campaignId: 'cmp-2026-suzhou-expo',
      industry: 'manufacturing',
    }),
    claimedBy: HAN_MEIMEI,
    followUpStatus: 'about_to_close',
    activities: [{ kind: 'visit', daysAgo: 2, summary: '拜访冯总，确认预算 15 万，月底前决策。' }],
    outcome: { qualify: '预算、决策人、需求、时间均已确认（BANT）。' },
  },
  {
    capturedBy: LI_LEI,
    body: lead('林国栋', '温州瓯江鞋业有限公司', '浙江省', '温州市', {
      phones: ['13806670009'],
      source: 'partner',
      industry: 'manufacturing',
    }),
    activities: [{ kind: 'call', daysAgo: 4, summary: '客户表示今年预算已冻结。' }],
    outcome: { disqualify: 'no_budget', note: '今年预算已冻结，明年二季度再联系。' },
  },
  {
    capturedBy: LI_LEI,
    body: lead('黄思远', '上海臻远医疗器械有限公司', '上海市', '上海市', {
      phones: ['13761880010'],
      emails: ['huangsy@zhenyuan-med.cn'],
      source: 'website',
      industry: 'health_social_work',
    }),
    followUpStatus: 'about_to_close',
    activities: [
      { kind: 'visit', daysAgo: 6, summary: '拜访黄总，梳理医院渠道销售流程。' },
      { kind: 'email', daysAgo: 2, summary: '发送一期实施计划，客户确认范围。' },
    ],
    outcome: {
      convert: {},
      opportunity: { name: '臻远医疗 CRM 一期', amount: '186000.00', close: 'quarter' },
    },
  },
  {
    capturedBy: HAN_MEIMEI,
    body: lead('杨帆', '南京金陵教育科技有限公司', '江苏省', '南京市', {
      phones: ['13851990011'],
      source: 'referral',
      industry: 'education',
      notes: '新校区信息中心负责人，老客户金陵教育的新需求。',
    }),
    followUpStatus: 'negotiating',
    activities: [{ kind: 'wechat', daysAgo: 1, summary: '确认新校区 40 个账号的扩容需求。' }],
    outcome: {
      convert: { existingCustomer: '南京金陵教育科技有限公司' },
      opportunity: { name: '金陵教育 新校区账号扩容', amount: '48000.00', close: 'month' },
    },
  },
  {
    capturedBy: MARKETER,
    body: lead('陈宏', '绍兴柯桥印染有限公司', '浙江省', '绍兴市', {
      phones: ['13867550012'],
      source: 'advertising',
      campaignId: 'cmp-2026-baidu-sem',
      industry: 'manufacturing',
    }),
    claimedBy: LI_LEI,
    activities: [{ kind: 'call', daysAgo: 0, summary: '客户暂无采购计划。' }],
    releasedWith: '客户暂无采购计划，退回公海供其他同事跟进。',
  },
];
