/** Scheduled jobs: the bureau's page at /gov/admin/jobs (app/jobs). */
export const jobs = {
  nav: "定时任务",
  title: "定时任务",
  intro:
    "平台在服务器内按时执行的任务：夜间信用信息刷新、提醒、回调投递等。每次运行都有记录；同一任务不会同时运行两次，多台服务器时每次只在其中一台运行。",
  schedulerOn: "本服务器已启用定时任务。",
  schedulerOff: "本服务器未启用定时任务（JOBS=off）：任务不会按时运行，仍可手动运行。",
  table: "定时任务列表",
  runsTable: "运行记录",
  columns: {
    job: "任务",
    schedule: "时间表（cron，北京时间）",
    nextRun: "下次运行",
    lastRun: "上次运行",
    status: "状态",
    items: "处理条数",
    errors: "失败条数",
    started: "开始",
    finished: "结束",
    duration: "用时",
    trigger: "方式",
    host: "服务器",
    counts: "统计",
    actions: "操作",
  },
  never: "尚未运行",
  runningOn: "运行中（{host}）",
  runNow: "立即运行",
  runNowLabel: "立即运行：{job}",
  starting: "正在启动…",
  history: "运行记录",
  back: "返回定时任务",
  empty: "该任务尚无运行记录。它会按时间表自动运行，也可点击“立即运行”。",
  errorSample: "失败示例",
  seconds: "{n} 秒",
  minutes: "{m} 分 {s} 秒",
  flash: {
    started: "已开始运行“{job}”，结果见运行记录",
    busy: "“{job}”正在运行，未重复启动",
  },
  statuses: {
    RUNNING: "运行中",
    SUCCEEDED: "成功",
    PARTIAL: "部分失败",
    FAILED: "失败",
    INTERRUPTED: "已中断",
  },
  triggers: { SCHEDULE: "按时", MANUAL: "手动" },
  /** One entry per job of app/jobs/index.server.ts. */
  names: {
    "suspension-check": "银行暂停检查",
    "prune-api-records": "清理接口记录",
    "due-reminders": "还款到期提醒",
    "renewal-reminders": "续贷到期提醒",
    "credit-refresh": "夜间信用信息刷新",
    "prune-job-runs": "清理过期运行记录",
    "deliver-webhooks": "推送 Webhook",
  },
  descriptions: {
    "suspension-check":
      "按生效的补偿规则逐家检查银行已备案贷款的逾期率：超过阈值暂停新备案，回落后恢复；局方豁免在逾期率回落后结束。",
    "prune-api-records": "删除过期的幂等键（24 小时）、随机数（10 分钟）和限流计数。",
    "due-reminders": "提前 7 天提醒企业还款（每期只提醒一次，漏跑次日补发）。",
    "renewal-reminders":
      "贷款到期前 60 天和 30 天提醒企业和银行（通知及 loan.renewal_due 事件；每笔贷款每个时点只提醒一次，遇节假日提前到之前的工作日）。",
    "credit-refresh":
      "刷新有未结清贷款或有效授权的企业的信用信息（限速，中断后续跑），发现变化即向相关银行发出贷后预警。",
    "prune-job-runs": "删除 90 天前的任务运行记录。",
    "deliver-webhooks":
      "把到期的事件推送到各银行的 Webhook 地址（失败按 1 分钟、5 分钟、30 分钟、2 小时、6 小时，之后每 6 小时重试，72 小时后标记为失败）。",
  },
} as const;
