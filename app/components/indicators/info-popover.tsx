import { useEffect, useId, useRef, useState } from "react";

/**
 * An (i) button that shows an indicator's definition next to it: a labelled, non-modal dialog.
 * Enter/Space opens it, Escape or a click elsewhere closes it and focus returns to the button.
 */
export function InfoPopover({
  name,
  definition,
  openLabel,
  closeLabel,
}: {
  name: string;
  definition: string;
  openLabel: string;
  closeLabel: string;
}) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (event: MouseEvent) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onPointer);
    };
  }, [open]);

  return (
    <span className="relative inline-flex">
      <button
        ref={button}
        type="button"
        aria-label={openLabel}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((value) => !value)}
        className="inline-flex size-6 items-center justify-center rounded-full text-xs font-semibold text-brand-700 ring-1 ring-brand-100 ring-inset hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        <span aria-hidden="true">i</span>
      </button>
      {open && (
        <div
          ref={panel}
          id={panelId}
          role="dialog"
          aria-label={name}
          className="absolute top-7 left-0 z-30 w-72 max-w-[80vw] rounded-md bg-white p-3 text-left text-sm font-normal text-slate-700 shadow-lg ring-1 ring-slate-200"
        >
          <p className="font-semibold text-slate-900">{name}</p>
          <p className="mt-1 whitespace-normal">{definition}</p>
          <button
            type="button"
            onClick={() => {
              setOpen(false);
              button.current?.focus();
            }}
            className="mt-2 text-xs font-medium text-brand-700 hover:underline"
          >
            {closeLabel}
          </button>
        </div>
      )}
    </span>
  );
}
