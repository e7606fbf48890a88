/**
 * The bank API's wire messages: the `message` of `{"error":{code,message,fields}}` and the
 * reasons in its `fields`. Only the server writes them (app/api/errors.server.ts), so they are
 * not part of the browser's catalogue; translate.server.ts adds them under `api`.
 */
export const apiWire = {
  errors: {
    signature_missing: "缺少签名请求头：X-Xyd-Key、X-Xyd-Timestamp、X-Xyd-Nonce、X-Xyd-Signature 均为必填。",
    signature_malformed: "签名请求头格式不正确：{problem}。",
    key_unknown: "接口凭证不存在或已被吊销。",
    signature_invalid: "签名不正确：请按接口文档用密钥对请求串计算 HMAC-SHA256。",
    timestamp_out_of_window: "请求时间戳与服务器时间相差超过 {seconds} 秒，请校准系统时钟。",
    nonce_reused: "该 nonce 在 10 分钟内已被本凭证使用过（疑似重放）。",
    rate_limited: "请求过于频繁：每个凭证每分钟最多 {limit} 次，请 {seconds} 秒后重试。",
    payload_too_large: "请求体超过 1 MiB。",
    unsupported_media_type: "请求体须为 application/json（UTF-8）。",
    invalid_json: "请求体不是合法的 JSON。",
    invalid_request: "请求参数不正确，详见 fields。",
    validation_failed: "请求未通过业务校验，详见 fields。",
    idempotency_key_missing: "POST/PUT/DELETE 请求必须带 Idempotency-Key 请求头（1–64 个字符）。",
    idempotency_key_invalid: "Idempotency-Key 须为 1–64 个可见 ASCII 字符。",
    idempotency_key_reused: "该 Idempotency-Key 已用于另一个请求体不同的请求。",
    filing_refused: "该贷款不能备案，原因见 fields。",
    claim_refused: "该贷款暂不能申请代偿，原因见 fields。",
    idempotency_key_in_use: "使用该 Idempotency-Key 的前一个请求仍在处理中，请稍后重试。",
    not_found: "未找到该资源。",
    forbidden: "无权执行该操作。",
    version_conflict: "该记录已被更改（版本不符），请重新获取后再操作。",
    invalid_transition: "该记录（申请或产品）当前状态下不能执行此操作。",
    method_not_allowed: "该地址不支持此请求方法。",
    conflict: "与现有数据冲突，详见 fields。",
    internal_error: "服务器内部错误，请稍后重试。",
  },
  signatureProblems: {
    malformed_key: "X-Xyd-Key 须为 3–64 个字母、数字、_ 或 -",
    malformed_timestamp: "X-Xyd-Timestamp 须为 Unix 秒数",
    malformed_nonce: "X-Xyd-Nonce 须为 16–64 个字母、数字、_ 或 -",
  },
  conflicts: {
    offerDuplicate: "该产品对该需求已有待处理的方案",
    productChanged: "产品状态已变化",
    productGone: "该产品未发布或已下架",
  },
};
