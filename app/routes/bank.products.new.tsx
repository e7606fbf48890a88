import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { BankNav } from "~/components/bank-nav";
import { ProductForm } from "~/components/bank-product-form";
import { Card, PageHeader } from "~/components/ui";
import { parseProductForm } from "~/domain/decision-rules";
import { redirectWithFlash } from "~/flash.server";
import { useT } from "~/i18n/use-t";
import { createBankProduct } from "~/models/bank-product.server";
import { formKeyOf, newFormKey } from "~/models/form-key.server";
import { requireBankUser } from "~/permissions.server";
import { badRequest, formReused } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireBankUser(request);
  return { formKey: newFormKey() };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireBankUser(request);
  const form = await readForm(request);
  const parsed = parseProductForm(form);
  if (!parsed.ok) return badRequest({ errors: parsed.errors, values: parsed.values });
  const created = await createBankProduct(actor, parsed.data, formKeyOf(form));
  if (!created.ok) return formReused();
  return redirectWithFlash(`/bank/products/${created.row.id}`, {
    kind: "success",
    key: "bank.products.flash.created",
  });
}

const EMPTY = { eligibleSizes: ["MEDIUM", "SMALL", "MICRO"] };

export default function NewBankProduct() {
  const { formKey } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <div>
      <BankNav />
      <PageHeader title={t("bank.products.newTitle")} />
      <Card className="max-w-4xl">
        <ProductForm
          values={actionData?.values ?? EMPTY}
          errors={actionData?.errors}
          submitLabel={t("bank.products.create")}
          hidden={<input type="hidden" name="formKey" value={formKey} />}
        />
      </Card>
    </div>
  );
}
