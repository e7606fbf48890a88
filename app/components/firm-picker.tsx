import { useFetcher } from "@remix-run/react";
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";

import { useT } from "~/i18n/use-t";

import { useField } from "./form-kit";
import { Field, cx, fieldAria, inputClass } from "./ui";

/** The name of the picker's text box: the server reads it when no firm was chosen from the list. */
export const FIRM_QUERY_FIELD = "firmQuery";

export type PickableFirm = { id: string; name: string; uscc: string; onDishonestyList: boolean };

/**
 * A firm of the office's, found by typing its name or USCC (an ARIA combobox): the choices come
 * from /gov/firm-choices as the office types, twenty at most. The chosen firm's id goes in a
 * hidden field named `name`; the text box is sent as `firmQuery`, so that without JavaScript the
 * exact name or USCC typed still names the firm (app/components/firm-picker.server.ts).
 * `unavailable` tells why a firm cannot be chosen (shown, not selectable), or null.
 */
export function FirmPicker({
  name,
  label,
  hint,
  initial,
  unavailable = () => null,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  initial?: { id: string; name: string } | null;
  unavailable?: (firm: PickableFirm) => string | null;
}) {
  const t = useT();
  const field = useField(name, { defaultValue: initial?.id });
  const typed = useField(FIRM_QUERY_FIELD, { defaultValue: initial?.name });
  const [chosen, setChosen] = useState(field.value);
  const [query, setQuery] = useState(typed.value);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const fetcher = useFetcher<{ firms: PickableFirm[] }>();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const listId = `${useId()}-firms`;
  const firms = fetcher.data?.firms ?? [];
  const loading = fetcher.state === "loading";

  useEffect(() => () => clearTimeout(timer.current), []);

  function search(text: string, delay: number) {
    clearTimeout(timer.current);
    timer.current = setTimeout(
      () => fetcher.load(`/gov/firm-choices?${new URLSearchParams({ q: text.trim() })}`),
      delay,
    );
  }

  function choose(firm: PickableFirm) {
    if (unavailable(firm)) return;
    setChosen(firm.id);
    setQuery(firm.name);
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        if (!fetcher.data) search(query, 0);
        return;
      }
      const step = event.key === "ArrowDown" ? 1 : -1;
      if (firms.length > 0) setActive((i) => (i + step + firms.length) % firms.length);
    } else if (event.key === "Enter" && open && active >= 0 && firms[active]) {
      event.preventDefault();
      choose(firms[active]);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  const hintText = hint ?? t("gov.firmPicker.hint");
  const aria = fieldAria(field.id, field.error, true);
  const expanded = open && (firms.length > 0 || fetcher.data !== undefined);
  return (
    <Field id={field.id} label={label} error={field.error} hint={hintText}>
      <div className="relative">
        <input type="hidden" name={name} value={chosen} />
        <input
          {...aria}
          name={FIRM_QUERY_FIELD}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
          autoComplete="off"
          className={inputClass}
          placeholder={t("gov.firmPicker.placeholder")}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setChosen("");
            setOpen(true);
            setActive(-1);
            search(event.target.value, 200);
          }}
          onFocus={() => {
            if (!fetcher.data) search(query, 0);
          }}
          onClick={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label={typeof label === "string" ? label : undefined}
          hidden={!expanded}
          className="absolute z-20 mt-1 max-h-72 w-full overflow-auto rounded-md bg-white py-1 text-sm shadow-lg ring-1 ring-slate-200"
        >
          {firms.map((firm, index) => {
            const why = unavailable(firm);
            return (
              // the keys are the box's (aria-activedescendant): an option is never focused
              // eslint-disable-next-line jsx-a11y/click-events-have-key-events
              <li
                key={firm.id}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                aria-disabled={why ? true : undefined}
                // keep the focus in the box: the choice is made on click
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(firm)}
                className={cx(
                  "flex cursor-pointer flex-col px-3 py-2",
                  index === active && "bg-brand-50",
                  why ? "cursor-not-allowed text-slate-400" : "hover:bg-slate-50",
                )}
              >
                <span className={why ? undefined : "text-slate-900"}>{firm.name}</span>
                <span className="font-mono text-xs text-slate-500">
                  {firm.uscc}
                  {why ? ` · ${why}` : ""}
                </span>
              </li>
            );
          })}
          {firms.length === 0 && !loading && (
            <li role="presentation" className="px-3 py-2 text-slate-500">
              {t("gov.firmPicker.none")}
            </li>
          )}
        </ul>
        <p className="sr-only" aria-live="polite">
          {open && fetcher.data && !loading ? t("gov.firmPicker.count", { count: firms.length }) : ""}
        </p>
      </div>
    </Field>
  );
}
