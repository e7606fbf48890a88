import type { SerializeFrom } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";

import { Badge, PageHeader, SubmitButton } from "~/components/ui";
import { useT, useTDynamic } from "~/i18n/use-t";

import type { loader } from "./route";

/** The product's name, status, version and its neighbours, with publish and archive. */
export function ProductHeader({ product }: { product: SerializeFrom<typeof loader>["product"] }) {
  const t = useT();
  const td = useTDynamic();
  return (
    <PageHeader
      title={product.name}
      description={
        <span className="flex flex-wrap items-center gap-2">
          <Badge
            tone={product.status === "PUBLISHED" ? "green" : product.status === "ARCHIVED" ? "amber" : "gray"}
          >
            {td(`domain.productStatus.${product.status}`)}
          </Badge>
          <span>{t("bank.products.versionLabel", { version: product.version })}</span>
          <span>· {t("bank.products.openApplications", { count: product.openApplications })}</span>
          {product.previousVersion && (
            <Link
              to={`/bank/products/${product.previousVersion.id}`}
              className="text-brand-700 hover:underline"
            >
              {t("bank.products.previousVersion")}
            </Link>
          )}
          {product.nextVersion && (
            <Link to={`/bank/products/${product.nextVersion.id}`} className="text-brand-700 hover:underline">
              {t("bank.products.nextVersion")}
            </Link>
          )}
        </span>
      }
      actions={
        product.status !== "ARCHIVED" && (
          <Form method="post" className="flex gap-2">
            {product.status === "DRAFT" && (
              <SubmitButton name="intent" value="publish">
                {t("bank.products.publish")}
              </SubmitButton>
            )}
            <SubmitButton
              name="intent"
              value="archive"
              variant="secondary"
              title={t("bank.products.archiveConfirm")}
            >
              {t("bank.products.archive")}
            </SubmitButton>
          </Form>
        )
      }
    />
  );
}
