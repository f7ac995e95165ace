import { and, asc, eq } from 'drizzle-orm';
import { createCase } from '../content/cases/service.js';
import type { CaseInput } from '../content/cases/schemas.js';
import { createPackage } from '../content/packages/service.js';
import { createPolicy } from '../content/policies/service.js';
import type { PolicyInput } from '../content/policies/schemas.js';
import { deals } from '../db/schema/deals.js';
import { listings } from '../db/schema/listings.js';
import { chinaYear } from '../shared/china-time.js';
import type { Field } from '../shared/listing.js';
import type { AppContext } from '../platform/context.js';
import { asAuth, type DemoUsers } from './accounts.js';

// The seed plan itself (/work/shared/seed), as published by the Corps' General Office: the notice and the plan,
// verbatim, with line breaks before its headings and items.
const CORPS_PLAN_BODY = `各师（市）、院（校），兵团机关各部门、各直属机构：《兵团促进科技成果转移转化行动方案》已经兵团同意，现印发给你们，请认真贯彻落实。
2016年9月23日（此件公开发布）
兵团促进科技成果转移转化行动方案
为贯彻落实《国务院办公厅关于印发促进科技成果转移转化行动方案的通知》（国办发〔2016〕28号）精神，进一步激发广大科技人员创新创业活力，推进科技成果转移转化，加快创新型兵团建设，特制定本方案。
一、加强学习宣传，营造良好氛围
（一）汇编科技成果转化类政策。
组织分类整理国家、自治区、兵团已印发的有关促进科技成果转移转化的政策措施，汇编成册并开展宣传。
（责任部门：科技局会同有关部门，时间进度：2017年3月底前完成汇编）
（二）宣传科技成果转化典型案例与经验。
挖掘兵团在科技成果转移转化方面好的做法、经验和成功案例及先进事迹、典型人物等，收集其他省市科技成果转移转化政策措施与经验，充分运用宣传舆论平台、新闻媒体阵地加大宣传力度。
（责任部门：科技局、宣传部等，时间进度：持续推进）
二、切实抓好《通知》精神的贯彻落实
（一）发布一批兵团产业转型升级发展急需的科技成果包。
围绕信息网络、智能制造、现代农业、新能源、新材料、资源高效利用和生态环保、智慧城镇与数字社会、人口健康等重点领域，以兵团发展需求为导向发布一批符合产业转型升级方向、投资规模和产业带动作用大的科技成果包。
（责任部门：科技局会同有关部门，时间进度：2017年3月前完成）
（二）建立完善兵团科技成果信息系统。
按照国家科技成果信息采集、加工与服务规范，建立与国家科技成果信息系统相连的“兵团科技成果信息系统”，实现与国家及各省市区科技计划、科技奖励成果存量与增量数据资源互联互通，逐步建成由财政资金支持产生的科技成果转化项目库和数据服务平台。
（责任部门：科技局、新疆农垦科学院、石河子大学、塔里木大学等，时间进度：2017年9月底前建立）
（三）建立健全兵团科技成果及技术市场交易网络平台，充分发挥其作用。
建立健全兵团科技成果信息发布交易工作机制，推广科技成果在线登记汇交系统，畅通兵团科技成果交易渠道。
组织高校和科研院所梳理科技成果资源，发布科技成果目录，建立面向企业的技术服务站点网络，推动科技成果与产业、企业需求有效对接，通过研发合作、技术转让、技术许可、作价投资等多种形式，加速科技成果转化应用。
鼓励和支持医疗机构、医学研究单位等加强外联，协同构建研发网络，加快新技术、新产品应用推广。
（责任部门：科技局会同有关部门，时间进度：2017年12月底前建成，持续推进）
（四）参与实施国家科技服务网络计划。
依托中国科学院的科研院所体系，围绕兵团产业需求开展技术攻关、技术转移与示范、知识产权运营等，在兵团实施科技网络计划。
（责任部门：新疆农垦科学院，时间进度：持续推进）
（五）培育和建设科技成果转移转化机构与基地。
引导有条件的高校、科研院所建立健全专业化的科技成果转移转化机构，试点和探索科技成果转移转化的有效机制和模式，试行技术经理人市场化聘用制，加强市场化运营能力，培育和建设运营机制灵活、专业人才集聚、服务能力突出、具有较大影响力的技术转移机构。
依托兵团国家高新区、农业科技园区、国家大学科技园、工业园区等，以节能环保、信息技术、生物技术、智能装备制造、新能源、新材料等战略性新兴产业为重点，培育和建设科技成果转化基地，引导科技成果对接特色产业需求转移转化，培育兵团新经济增长点。
（责任部门：科技局、工信委、教育局、农业局等，时间进度：持续推进）
（六）构建产业技术创新联盟。
按照国家统一部署，围绕兵团主导产业及发展战略，发挥骨干企业、转制科研机构等主导作用，联合上下游企业和高校、科研单位等构建产业技术创新联盟，推动跨区域、跨行业协同创新，加强行业共性关键技术研发和推广应用，为成员企业提供订单式研发服务。
（责任部门：科技局、发展改革委、工信委等，时间进度：持续推进）
（七）发挥科技社团促进科技成果转移转化的纽带作用。
引导和提升兵团各类科技学会、协会服务科技成果转移转化能力和水平，组织和动员科技学会、协会智力资源服务企业转型升级，推行学会、协会联系企业长效机制，开展科技信息服务，实现科技成果转移转化供给端与需求端的精准对接。
（责任部门：科协，时间进度：持续推进）
（八）强化科技成果中试熟化。
围绕兵团特色产业发展、中小企业技术创新需求等，扶持建设共性技术创新服务平台，提供从实验研究、中试熟化到生产过程所需的仪器设备、中试生产线等资源，开展研发设计、检验检测认证、科技咨询、技术标准、知识产权、投融资等服务。
（责任部门：科技局、工信委、质监局等，时间进度：持续推进）
（九）健全和完善兵团技术转移服务体系和功能。
依托国家技术转移区域中心、国际技术转移中心等，围绕“一带一路”发展战略，逐步健全兵团技术转移服务体系；完善技术产权交易、知识产权交易等各类平台功能，促进科技成果与资本的有效对接。
（责任部门：科技局会同有关部门，时间进度：持续推进）
（十）加强重点领域知识产权服务。
大力实施“专利导航创新工程”，引导“互联网+”协同制造、现代农业、绿色生态等融合领域的知识产权战略布局，提升兵团主导产业创新发展能力。
（责任部门：科技局（知识产权局）、工信委、农业局等，时间进度：持续推进）
（十一）建设服务实体经济转型升级的众创空间、“星创天地”。
依托龙头企业、高校、科研单位等，在信息网络技术、生物技术、装备制造等领域建设一批以成果转移转化为主要内容、专业技术水平高、创新资源配置好、产业辐射带动强的众创空间，建设一批支持农业科技创新创业的“星创天地”，有效支撑实体经济发展。
（责任部门：科技局、发展改革委、工信委等，时间进度：持续推进）
（十二）培育兵团科技成果转移转化人才队伍。
鼓励有条件的高校设立科技成果转化相关课程，培育和打造一支高素质的师资队伍；加快培养科技成果转移转化领军人才，纳入兵团科技人才培养计划；大力实施“十大行动计划”、科技特派员、先进适用技术项目推广等，动员高校、科研单位、企业中的科技人员及高层次专家，深入企业、园区、连队（农村）等基层一线开展技术咨询、技术服务、科技攻关、成果推广等，打造一支面向基层的科技成果转移转化人才队伍。
（责任部门：科技局、发展改革委、人力资源社会保障局、教育局、农业局等，时间进度：持续推进）
（十三）加强科技成果转移转化工作，开展科技成果转移转化示范。
高度重视科技成果转移转化工作，加强相关部门的协同配合，探索适合兵团成果转化要求的考核评价机制；试行“创新券”等政府购买服务模式，降低中小企业技术创新成本；复制推广国家科技成果转移转化试验示范区成功经验，围绕兵团特色产业发展技术瓶颈，实施一批符合产业转型升级发展需求、示范带动作用明显的重大科技成果转化项目。
（责任部门：科技局会同有关部门，时间进度：持续推进）
（十四）强化科技成果转移转化的多元资金投入。
发挥财政资金对科技成果转移转化的引导作用，加快推进兵团科技与金融结合，有效利用国家科技成果转化引导基金等的杠杆作用，引导和支持设立兵团师（市）域创业投资引导、科技成果转化等专项基金，吸引各类社会资金投入科技成果转移转化，改善科技型中小企业融资环境。
（责任部门：科技局、财务局、金融办等，时间进度：持续推进）
三、强化保障监督
（一）推动科研机构、高校建立符合自身人事管理需要和科技成果转化工作特点的职称评定、岗位管理和考核评价制度。
（责任部门：人力资源和社会保障局、教育局、科技局等，时间进度：2017年12月底前完成）
（二）研究探索科研机构、高校领导干部正职任前在科技成果转化中获得股权的代持制度。
（责任部门：科技局、组织部、人力资源和社会保障局、教育局等，时间进度：持续推进）
（三）建立落实情况半年报制度，各责任部门每年1月、7月报送责任落实情况，由兵团科技局汇总后报兵团领导审阅。
（责任部门：科技局、各责任单位，时间进度：持续推进）`;

const SUMMARY_NOTE = '（本条目为摘要，概述与科技成果转移转化相关的条款；以发布机关公布的正式文本为准。）';

// The national policies the plan builds on, by their real titles and document numbers. Bodies summarise the
// articles the platform applies (see the comments in the listing, deal and invoice modules that cite them).
const POLICIES: PolicyInput[] = [
  {
    title: '关于印发兵团促进科技成果转移转化行动方案的通知',
    issuingBody: '新疆生产建设兵团办公厅',
    documentNumber: '新兵办发〔2016〕84号',
    issuedOn: '2016-10-12',
    level: 'corps',
    category: 'action_plan',
    sourceUrl: 'http://www.xjbt.gov.cn/c/2016-10-12/2811306.shtml',
    tags: ['协同制造', '成果推广', '制造资源', '基础研究', '科技政策', '科技成果', '智能制造'],
    body: CORPS_PLAN_BODY,
  },
  {
    title: '中华人民共和国促进科技成果转化法（2015年修正）',
    issuingBody: '全国人民代表大会常务委员会',
    documentNumber: '主席令第32号',
    issuedOn: '2015-08-29',
    level: 'national',
    category: 'law',
    tags: ['成果转化', '公示', '奖励报酬'],
    body: `${SUMMARY_NOTE}
第十一条：国家建立、完善科技报告制度和科技成果信息系统，向社会公布科技项目实施情况以及科技成果和相关知识产权信息；利用财政资金设立的科技项目的承担者应当按照规定及时提交相关科技报告，并将科技成果和相关知识产权信息汇交到科技成果信息系统。
第十八条：国家设立的研究开发机构、高等院校对其持有的科技成果，可以自主决定转让、许可或者作价投资，但应当通过协议定价、在技术交易市场挂牌交易、拍卖等方式确定价格。通过协议定价的，应当在本单位公示科技成果名称和拟交易价格。
第四十三条：国家设立的研究开发机构、高等院校转化科技成果所获得的收入全部留归本单位。
第四十五条：未规定、也未与科技人员约定奖励和报酬的方式和数额的，从职务科技成果转让、许可净收入中提取不低于百分之五十的比例；作价投资的，从形成的股份或者出资比例中提取不低于百分之五十的比例，用于奖励完成和转化该成果作出重要贡献的人员。`,
  },
  {
    title: '国务院关于印发实施《中华人民共和国促进科技成果转化法》若干规定的通知',
    issuingBody: '国务院',
    documentNumber: '国发〔2016〕16号',
    issuedOn: '2016-02-26',
    level: 'national',
    category: 'regulation',
    tags: ['成果转化', '公示', '收益分配'],
    body: `${SUMMARY_NOTE}
研究开发机构、高等院校可以自主决定转让、许可或者作价投资其持有的科技成果；通过协议定价的，应当在本单位公示科技成果名称和拟交易价格，公示时间不少于15日，并明确异议处理程序。
科技成果转化所获得的收入全部留归单位，在对完成、转化职务科技成果做出重要贡献的人员给予奖励和报酬后，主要用于科学技术研究与成果转化等相关工作。
对科技人员的现金奖励计入当年本单位工资总额，但不受当年本单位工资总额限制、不纳入本单位工资总额基数。`,
  },
  {
    title: '国务院办公厅关于印发促进科技成果转移转化行动方案的通知',
    issuingBody: '国务院办公厅',
    documentNumber: '国办发〔2016〕28号',
    issuedOn: '2016-04-21',
    level: 'national',
    category: 'action_plan',
    tags: ['成果转化', '技术转移', '科技成果包'],
    body: `${SUMMARY_NOTE}
"十三五"期间，推动一批短中期见效、有力带动产业结构优化升级的重大科技成果转化应用，建设示范性国家技术转移机构和科技成果转移转化示范区，培养专业化技术转移人才。
重点任务包括：开展科技成果信息汇交与发布，发布一批产业转型升级急需的科技成果包；建立科技成果信息系统；产学研协同开展科技成果转移转化；建设科技成果转移转化支撑服务体系；大力推动科技型创新创业；建设科技成果转移转化人才队伍；大力推动地方科技成果转移转化；强化科技成果转移转化的多元化资金投入。`,
  },
  {
    title: '关于实行以增加知识价值为导向分配政策的若干意见',
    issuingBody: '中共中央办公厅 国务院办公厅',
    documentNumber: '厅字〔2016〕35号',
    issuedOn: '2016-11-07',
    level: 'national',
    category: 'incentive',
    tags: ['收益分配', '奖励报酬', '兼职兼薪'],
    body: `${SUMMARY_NOTE}
充分发挥收入分配政策的激励导向作用，实行以增加知识价值为导向的分配政策：发挥财政科研项目资金的激励引导作用；加强科技成果产权对科研人员的长期激励，使科研人员收入与其创造的科学价值、经济价值、社会价值紧密联系；允许科研人员和教师依法依规适度兼职兼薪。`,
  },
  {
    title: '财政部 国家税务总局关于全面推开营业税改征增值税试点的通知',
    issuingBody: '财政部 国家税务总局',
    documentNumber: '财税〔2016〕36号',
    issuedOn: '2016-03-23',
    level: 'national',
    category: 'tax',
    tags: ['增值税', '技术合同', '免税'],
    body: `${SUMMARY_NOTE}
自2016年5月1日起在全国范围内全面推开营业税改征增值税试点。附件3《营业税改征增值税试点过渡政策的规定》第一条第（二十六）项：纳税人提供技术转让、技术开发和与之相关的技术咨询、技术服务免征增值税；试点纳税人申请免征增值税时，须持技术转让、开发的书面合同，到纳税人所在地省级科技主管部门进行认定，并持有关的书面合同和科技主管部门审核意见证明文件报主管税务机关备查。
本平台据此对技术许可、转让和开发费用不计增值税，对经纪佣金按 6% 计税。`,
  },
];

async function publishedIn(ctx: AppContext, field: Field) {
  return ctx.db
    .select({ id: listings.id })
    .from(listings)
    .where(and(eq(listings.status, 'published'), eq(listings.field, field)))
    .orderBy(asc(listings.id));
}

/** The bureau's public information for the demo: the policy library, two cases and two technology packages. */
export async function seedContent(ctx: AppContext, users: DemoUsers) {
  const act = { admin: asAuth(users.admin) };
  for (const p of POLICIES) await createPolicy(ctx, act, p);

  // The cases tell the stories of the demo deals (src/seed/deals.ts) when they exist: run this step after it.
  const linked = async (title: string, dealType: CaseInput['dealType']) => {
    const [listing] = await ctx.db
      .select({ id: listings.id })
      .from(listings)
      .where(and(eq(listings.title, title), eq(listings.status, 'published')));
    const [deal] = listing
      ? await ctx.db
          .select({ id: deals.id })
          .from(deals)
          .where(and(eq(deals.listingId, listing.id), eq(deals.type, dealType)))
          .orderBy(asc(deals.id))
          .limit(1)
      : [];
    return { listingId: listing?.id ?? null, dealId: deal?.id ?? null };
  };
  const year = chinaYear(ctx.clock.now());
  const demoNote = '\n（本案例为平台演示数据。）';
  const cases: CaseInput[] = [
    {
      title: '新陆早系列棉花新品种普通许可北疆推广',
      field: 'modern_agriculture',
      dealType: 'license',
      year,
      value: 5_000_000,
      summary:
        '新疆农垦科学院以普通许可方式将新陆早系列早熟棉花新品种许可给奎屯新材料科技股份有限公司，在北疆棉区繁种推广。',
      body: `许可期 36 个月，许可地域北疆，入门费 5 万元，另按净销售额 2% 提成。农垦科学院为事业单位，协议价格在本单位公示 15 日无异议后签订合同，并办理了技术合同认定登记，技术许可收入免征增值税。${demoNote}`,
      organizations: [{ id: users.xaas.organization.id }, { id: users.kuitun.organization.id }],
      ...(await linked('新陆早系列早熟棉花新品种', 'license')),
    },
    {
      title: '采棉机智能导航系统校企合作开发',
      field: 'intelligent_manufacturing',
      dealType: 'cooperation',
      year,
      value: 3_000_000,
      summary:
        '阿拉尔塔河农业装备有限公司委托石河子大学开发适用于南疆长绒棉的采棉机自动导航与测产系统，按里程碑交付验收。',
      body: `合作经费 3 万元，分样机适配、批量验证两个里程碑验收付款，知识产权双方共有。首个里程碑已交付。${demoNote}`,
      organizations: [{ id: users.shzu.organization.id }, { id: users.tarimAgri.organization.id }],
      ...(await linked('采棉机智能导航与测产系统', 'cooperation')),
    },
  ];
  for (const c of cases) await createCase(ctx, act, c);

  // The plan's first task under 二: packages for key fields, curated from what is published in each.
  const packages: { field: Field; title: string; description: string }[] = [
    {
      field: 'modern_agriculture',
      title: '现代农业科技成果包',
      description: '面向兵团棉花、林果和设施农业的节水灌溉、新品种与加工保鲜成果。',
    },
    {
      field: 'resource_environment',
      title: '资源高效利用和生态环保科技成果包',
      description: '盐碱地改良、畜禽粪污资源化等绿色发展成果。',
    },
  ];
  for (const p of packages) {
    const ids = (await publishedIn(ctx, p.field)).map((l) => l.id);
    if (ids.length) await createPackage(ctx, act, { ...p, listingIds: ids, published: true });
  }
}
