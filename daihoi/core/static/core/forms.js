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
    tokenAll(document);
    echoAll(document);
    fold();
  };
  const fold = () => {
    document.querySelectorAll("details[data-fold-below]").forEach((panel) => {
      const width = Number(panel.dataset.foldBelow) || 700;
      if (window.matchMedia(`(max-width: ${width}px)`).matches) panel.open = false;
    });
  };
  // Every POST form carries a one-time token (`_once`, see core/once.py): the server saves a
  // submission once however often it arrives. A new token is drawn when a form is shown and after
  // an HTMX request from it, so the next, deliberate submission is a new one.
  const newToken = () => {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes); // works on plain-HTTP intranets, unlike crypto.randomUUID
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  };
  const tokenFor = (form) => {
    let input = form.querySelector("input[name=_once]");
    if (!input) {
      input = document.createElement("input");
      input.type = "hidden";
      input.name = "_once";
      form.append(input);
    }
    input.value = newToken();
  };
  const tokenAll = (root) => {
    const forms = root instanceof HTMLFormElement ? [root] : root.querySelectorAll("form");
    forms.forEach((form) => {
      if ((form.getAttribute("method") || "").toLowerCase() === "post" || form.hasAttribute("hx-post")) {
        tokenFor(form);
      }
    });
  };
  document.addEventListener("htmx:load", (event) => tokenAll(event.target));
  document.addEventListener("htmx:afterRequest", (event) => {
    const form = event.target instanceof Element ? event.target.closest("form") : null;
    if (form) tokenFor(form);
  });

  // data-confirm="…" on a form, or on the button that sends it, asks before sending (instead of
  // an inline onsubmit handler, which the Content-Security-Policy forbids); a sent form's
  // buttons wait for the answer.
  document.addEventListener(
    "submit",
    (event) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement)) return;
      const button = event.submitter instanceof HTMLElement ? event.submitter : null;
      const question = (button && button.dataset.confirm) || form.dataset.confirm;
      if (question && !window.confirm(question)) {
        event.preventDefault();
        return;
      }
      if ((form.getAttribute("method") || "").toLowerCase() !== "post" || form.hasAttribute("hx-post")) return;
      if (form.dataset.sending) {
        event.preventDefault();
        return;
      }
      form.dataset.sending = "1";
      // After the browser has read the clicked button's name and value.
      const buttons = form.querySelectorAll("button, input[type=submit]");
      setTimeout(() => buttons.forEach((b) => (b.disabled = true)));
      // A form answered by a download leaves the page as it was: let it be used again.
      setTimeout(() => {
        delete form.dataset.sending;
        buttons.forEach((b) => (b.disabled = false));
      }, 8000);
    },
    true,
  );
  // Back to a page kept by the browser: its forms can be used again, with new tokens.
  window.addEventListener("pageshow", (event) => {
    if (!event.persisted) return;
    document.querySelectorAll("form[data-sending]").forEach((form) => {
      delete form.dataset.sending;
      form.querySelectorAll("button, input[type=submit]").forEach((b) => (b.disabled = false));
      tokenFor(form);
    });
  });

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
