import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData } from "@remix-run/react";

import { BankNav } from "~/components/bank-nav";
import { ProductForm } from "~/components/bank-product-form";
import { Card, PageHeader } from "~/components/ui";
import { parseProductForm } from "~/domain/decision-rules";
import { redirectWithFlash } from "~/flash.server";
import { useT } from "~/i18n/use-t";
import { createBankProduct } from "~/models/bank-product.server";
import { requireBankUser } from "~/permissions.server";
import { badRequest } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireBankUser(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireBankUser(request);
  const parsed = parseProductForm(await readForm(request));
  if (!parsed.ok) return badRequest({ errors: parsed.errors, values: parsed.values });
  const product = await createBankProduct(actor, parsed.data);
  return redirectWithFlash(`/bank/products/${product.id}`, {
    kind: "success",
    key: "bank.products.flash.created",
  });
}

const EMPTY = { eligibleSizes: ["MEDIUM", "SMALL", "MICRO"] };

export default function NewBankProduct() {
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
        />
      </Card>
    </div>
  );
}
