import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { screenshot, startPortal, type Portal } from "./harness";

let portal: Portal;
before(async () => {
  portal = await startPortal("enterprise");
});
after(async () => {
  await portal?.stop();
});

const USCC = "91410100MAXYD1001T"; // one of DEMO_REGISTRATION_USCCS (mocks/credit-data.ts)
const inDays = (n: number) =>
  new Date(Date.now() + n * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);

describe("enterprise journey", () => {
  it("registers, authorises a bank, posts a demand, applies and follows the application", async () => {
    const page = await portal.newPage();

    // 1. Registration: the USCC first, then the registry pre-fill.
    await page.goto("/register");
    await page.getByLabel("统一社会信用代码").fill("91410100MAXYD1001X");
    await page.getByRole("button", { name: "查询登记信息" }).click();
    await page.getByText("统一社会信用代码校验位不正确").waitFor();
    await page.getByLabel("统一社会信用代码").fill(USCC.toLowerCase());
    await page.getByRole("button", { name: "查询登记信息" }).click();
    await page.getByTestId("registry").getByText("郑州金诺人力资源服务有限公司").waitFor();
    await page.getByLabel("联系人", { exact: true }).fill("王经理");
    await page.getByLabel("联系人手机号").fill("13812345678");
    await page.getByLabel("所属行业（门类）").selectOption("L");
    await page.getByLabel("所属乡（镇）办事处").selectOption({ index: 1 });
    await page.getByLabel("从业人员（人）").fill("25");
    await page.getByLabel("上年营业收入（万元）").fill("800");
    await page.getByLabel("资产总额（万元）").fill("600");
    // the size is derived in the browser as the user types
    await page.getByTestId("size-preview").getByText("本企业划型为：小型").waitFor();
    await page.getByLabel("用户名").fill("jinnuo-e2e");
    await page.getByLabel("密码", { exact: true }).fill("Jinnuo#2026");
    await page.getByLabel("确认密码").fill("Jinnuo#2026");
    await page.getByLabel("本企业已阅读并签署上述信用承诺书").check();
    await screenshot(page, "enterprise-register-zh");
    await Promise.all([
      page.waitForURL("**/enterprise"),
      page.getByRole("button", { name: "提交注册" }).click(),
    ]);
    await page.getByRole("heading", { level: 1, name: "企业工作台" }).waitFor();
    await page.getByText("注册成功").first().waitFor();
    await screenshot(page, "enterprise-home-new-firm");

    // 2. Authorise a bank.
    await page.goto("/enterprise/authorizations");
    await page.getByLabel("授权对象").selectOption({ label: "郑州银行" });
    await page.getByRole("button", { name: "确认授权" }).click();
    await page.getByText("授权成功").waitFor();
    const rows = page.getByTestId("active-authorization");
    assert.equal(await rows.count(), 1);
    assert.match(await rows.first().innerText(), /郑州银行/);
    await screenshot(page, "enterprise-authorizations");

    // 3. Post a financing demand.
    await page.goto("/enterprise/demands/new");
    await page.getByLabel("融资金额（万元）").fill("100");
    await page.getByLabel("期限（月）").fill("12");
    await page.getByLabel("资金用途").fill("采购办公设备，补充流动资金");
    await page.getByLabel("信用", { exact: true }).check();
    await page.getByLabel("需求有效期至").fill(inDays(30));
    await Promise.all([
      page.waitForURL(/\/enterprise\/demands\/c/),
      page.getByRole("button", { name: "发布需求" }).click(),
    ]);
    await page.getByText("融资需求已发布").waitFor();
    await screenshot(page, "enterprise-demand");

    // 4. Apply to an eligible product (credit loans that cover 100万 for 12 months).
    await page.goto("/products?type=CREDIT&amount=100&term=12");
    const links = await page
      .locator("article h3 a")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    assert.ok(links.length > 0, "some credit products cover 100万 for 12 months");
    let applied = false;
    for (const href of links) {
      await page.goto(href!);
      if (!(await page.getByText("本企业符合该产品的申请条件").isVisible())) continue;
      await page.getByLabel("申请金额（万元）").fill("100");
      await page.getByLabel("期限（月）").fill("12");
      await page.getByLabel("资金用途").fill("采购办公设备，补充流动资金");
      await page.getByRole("checkbox", { name: /同意在申请办理期间/ }).check();
      await screenshot(page, "enterprise-apply");
      await Promise.all([
        page.waitForURL(/\/enterprise\/applications\/c/),
        page.getByRole("button", { name: "提交申请" }).click(),
      ]);
      applied = true;
      break;
    }
    assert.ok(applied, "the new firm is eligible for at least one product");

    // 5. The application and its timeline.
    await page.getByText(/申请 XYD-\d{8}-\d{4} 已提交/).waitFor();
    const timeline = page.getByTestId("timeline");
    assert.match(await timeline.innerText(), /提交申请/);
    assert.match(await page.getByTestId("sla").innerText(), /银行应在/);
    await screenshot(page, "enterprise-application-timeline");
    await page.goto("/enterprise/applications");
    assert.match(await page.locator("table").innerText(), /XYD-\d{8}-\d{4}[\s\S]*已提交/);
    await page.goto("/enterprise");
    assert.match(
      await page.getByRole("heading", { name: "办理中的申请" }).locator("..").locator("..").innerText(),
      /等待银行受理/,
    );
    await screenshot(page, "enterprise-home-after");
    await page.context().close();
  });

  it("shows the credit profile with the freshness of each source, on a phone", async () => {
    const page = await portal.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto("/login");
    await page.getByLabel(/用户名/).fill("jinnuo-e2e");
    await page.getByLabel(/密码/).fill("Jinnuo#2026");
    await Promise.all([
      page.waitForURL("**/enterprise"),
      page.getByRole("button", { name: /^登录$/ }).click(),
    ]);
    await page.goto("/enterprise/credit");
    await page.getByRole("heading", { name: "纳税信用" }).waitFor();
    assert.ok((await page.getByText(/^截至 /).count()) >= 11);
    await screenshot(page, "enterprise-credit-phone");
    await page.context().close();
  });
});
