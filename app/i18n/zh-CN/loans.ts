/** 贷款与还款 (after the money): the firm's, the bank's and the government's loan pages. */
export const loans = {
  method: {
    EQUAL_INSTALMENT: "等额本息",
    EQUAL_PRINCIPAL: "等额本金",
    INTEREST_MONTHLY: "按月付息、到期还本",
    BULLET: "到期一次还本付息",
  },
  methodHint: {
    EQUAL_INSTALMENT: "每月还款额相同",
    EQUAL_PRINCIPAL: "每月归还相同本金，利息逐月递减",
    INTEREST_MONTHLY: "每月只付利息，到期归还全部本金",
    BULLET: "到期一次归还本金和利息（期限 12 个月以内）",
  },
  riskClass: {
    NORMAL: "正常",
    SPECIAL_MENTION: "关注",
    SUBSTANDARD: "次级",
    DOUBTFUL: "可疑",
    LOSS: "损失",
  },
  status: {
    ACTIVE: "还款中",
    SETTLED: "已结清",
  },
  settledBy: {
    REPAID: "还清",
    RENEWED: "续贷结清",
  },
  renewalKind: {
    STANDARD: "续贷",
    WITHOUT_PRINCIPAL_REPAYMENT: "无还本续贷",
  },
  repaymentKind: {
    INSTALMENT: "按期还款",
    PREPAYMENT: "提前还本",
    SETTLEMENT: "结清",
  },
  channel: {
    PORTAL: "平台录入",
    API: "银行系统接口",
    RENEWAL: "续贷",
  },
  band: {
    "0": "未逾期",
    "1-30": "逾期 1–30 天",
    "31-60": "逾期 31–60 天",
    "61-90": "逾期 61–90 天",
    "91-180": "逾期 91–180 天",
    "181-360": "逾期 181–360 天",
    "361+": "逾期 360 天以上",
  },
  borrower: {
    FIRST: "首贷",
    REPEAT: "非首贷（已有贷款）",
  },
  decision: {
    repaymentMethod: "还款方式",
    repaymentMethodHint: "放款后按此方式生成还款计划",
  },
  productForm: {
    noDefault: "放款时选择",
  },
  errors: {
    bulletTerm: "到期一次还本付息仅适用于 {max} 个月以内的贷款",
    invalidTerms: "贷款条件无法生成还款计划，请检查期限和还款方式",
    paidOnInvalid: "请填写有效的还款日期",
    paidOnFuture: "还款日期不能晚于今天",
    paidOnBeforeDisbursement: "还款日期不能早于放款日",
    paidOnBeforeLast: "还款日期不能早于已登记的最近一笔还款",
    amountInvalid: "请填写金额（元，最多两位小数）",
    amountNotPositive: "还款金额必须大于 0",
    amountTooHigh: "超过该日应还的全部金额（最多 {max}）",
    nothingOwed: "该笔贷款已结清，无需还款",
    referenceDuplicate: "该流水号已登记过，请核对",
    referenceInvalid: "流水号为 1–64 位字母、数字或 - _ . /",
    classBetter: "风险分类不能好于按逾期天数确定的下限（{floor}）",
    settled: "该笔贷款已结清",
    stale: "这笔贷款刚刚有变动，请核对后重新提交",
  },
} as const;
