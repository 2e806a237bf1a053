// Phones: the deadline box's calendar, and filter panels that fold away on a narrow screen.
// Listeners only (no inline script), so a strict Content-Security-Policy needs nothing more.
(() => {
  const pad = (n) => String(n).padStart(2, "0");

  // A deadline box takes "dd/mm/yyyy" or "D-30"; the calendar beside it (no name, never sent)
  // writes the chosen day into the box as dd/mm/yyyy, and follows a date typed into the box.
  document.addEventListener("change", (event) => {
    const picker = event.target;
    if (!(picker instanceof HTMLInputElement) || !picker.matches("input.date-pick")) return;
    const box = document.getElementById(picker.dataset.dateFor || "");
    if (!box || !picker.value) return;
    const [y, m, d] = picker.value.split("-");
    box.value = `${d}/${m}/${y}`;
    box.dispatchEvent(new Event("change", { bubbles: true }));
  });
  document.addEventListener("input", (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || !box.id) return;
    const picker = document.querySelector(`input.date-pick[data-date-for="${box.id}"]`);
    if (!picker) return;
    const match = box.value.trim().match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/);
    picker.value = match ? `${match[3]}-${pad(match[2])}-${pad(match[1])}` : "";
  });

  // A browser draws its date picker in its own language's order (mm/dd/yyyy in an English one);
  // the day chosen is repeated under the field as dd/mm/yyyy, the way the rest of the app prints it.
  const echo = (input) => {
    let note = input.nextElementSibling;
    if (!(note instanceof HTMLElement) || !note.classList.contains("date-echo")) {
      note = document.createElement("div");
      note.className = "date-echo";
      note.setAttribute("aria-live", "polite");
      input.after(note);
    }
    const [y, m, d] = (input.value || "").split("-");
    note.textContent = input.value ? `Ngày đã chọn: ${d}/${m}/${y}` : "";
  };
  const echoAll = (root) =>
    root.querySelectorAll("input[type=date]:not(.date-pick)").forEach((input) => echo(input));
  document.addEventListener("change", (event) => {
    const input = event.target;
    if (input instanceof HTMLInputElement && input.type === "date" && !input.matches(".date-pick")) {
      echo(input);
    }
  });
  document.addEventListener("htmx:afterSwap", (event) => echoAll(event.target));

  // <details data-fold-below="700"> is open in the page (so it works without scripts) and
  // folds on screens narrower than that, so a phone's first screen shows the list itself.
  const ready = () => {
    echoAll(document);
    fold();
  };
  const fold = () => {
    document.querySelectorAll("details[data-fold-below]").forEach((panel) => {
      const width = Number(panel.dataset.foldBelow) || 700;
      if (window.matchMedia(`(max-width: ${width}px)`).matches) panel.open = false;
    });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
