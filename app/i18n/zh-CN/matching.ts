/** Reasons of the fit score (app/domain/matching.ts). */
export const matching = {
  score: "匹配度 {score} 分",
  scoreHelp:
    "匹配度由额度、期限、利率、担保方式、纳税信用、公共信用评价、白名单和红名单八项加权得出，满分 100。",
  recommended: "为您推荐",
  bestCandidates: "最匹配的企业",
  fit: {
    amount: {
      inside: "额度 {amount} 万元在产品范围 {min}–{max} 万元内",
      outside: "额度 {amount} 万元不在产品范围 {min}–{max} 万元内",
      unknown: "未填写需要金额（产品额度 {min}–{max} 万元）",
    },
    term: {
      inside: "期限 {term} 个月在产品范围 {min}–{max} 个月内",
      outside: "期限 {term} 个月不在产品范围 {min}–{max} 个月内",
      unknown: "未填写期限（产品期限 {min}–{max} 个月）",
    },
    rate: {
      covered: "可接受利率 {ceiling}% 覆盖产品利率 {min}%–{max}%",
      partly: "可接受利率 {ceiling}% 仅覆盖产品利率 {min}%–{max}% 的一部分",
      above: "产品最低利率 {min}% 高于可接受利率 {ceiling}%",
      unknown: "未填写可接受利率（产品利率 {min}%–{max}%）",
    },
    guarantee: {
      match: "担保方式符合企业可接受的方式",
      mismatch: "担保方式不在企业可接受的方式中",
      unknown: "企业未限定担保方式",
    },
    taxGrade: {
      grade: "纳税信用 {grade} 级",
      unknown: "暂无纳税信用等级",
    },
    rating: {
      grade: "公共信用综合评价 {grade} 级",
      unknown: "暂无公共信用综合评价",
    },
    whitelist: {
      yes: "白名单企业加分",
      no: "未列入白名单",
    },
    redList: {
      yes: "列入红名单，守信激励加分",
      no: "未列入红名单",
    },
  },
} as const;
